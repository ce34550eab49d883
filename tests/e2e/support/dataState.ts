import type { RunSnapshot } from '../../../src/app/benchmarkProbe';
import type { AppPage } from './appPage';

/** Distinct accounts in the loaded raw data. */
export async function accountCount(app: AppPage): Promise<number> {
  return Number((await app.query('SELECT count(DISTINCT customer_id) AS n FROM customers'))[0]!.n);
}

/**
 * What a cancelled operation must leave as it was: the settings of the data on screen, the
 * link's generator settings, and a fingerprint of each layer (raw, bronze, silver, gold: row
 * counts and a hash of the raw accounts) with the checks' outcomes. Equal before and after
 * means the old data, whole; a mix of two runs would change some of it.
 */
export interface DataState {
  params: RunSnapshot['params'];
  link: Record<string, string | null>;
  layers: Record<string, unknown>;
  checks: string[];
}

export async function dataState(app: AppPage): Promise<DataState> {
  const snapshot = await app.snapshot();
  const query = new URL(app.page.url()).searchParams;
  const [layers] = await app.query(
    `SELECT (SELECT count(*) FROM customers) AS customers,
            (SELECT sum(hash(customer_id))::DOUBLE FROM customers) AS customers_hash,
            (SELECT count(*) FROM events) AS events,
            (SELECT count(*) FROM stg_events) AS stg_events,
            (SELECT count(*) FROM fct_subscription_months) AS fct_subscription_months,
            (SELECT count(*) FROM monthly_revenue) AS monthly_revenue,
            (SELECT count(*) FROM retention_cohorts) AS retention_cohorts`,
  );
  return {
    params: snapshot.params,
    link: { seed: query.get('seed'), preset: query.get('preset'), accounts: query.get('accounts') },
    layers: layers!,
    checks: snapshot.checks.map((c) => `${c.name}:${c.status}:${c.failingRows}`).sort(),
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilters, type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { loadGenerated, materializeRawTables, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

const sqlOf = (name: string) => SQL_MODELS.find((m) => m.name === name)!.sql;

/** Removes from the raw tables everything that does not belong to the kept accounts and users. */
async function restrictRaw(db: NodeDb, keepAccounts: string, keepUsers: string): Promise<void> {
  await materializeRawTables(db);
  await db.exec(`CREATE TEMP TABLE keep_accounts AS ${keepAccounts}`);
  await db.exec(`CREATE TEMP TABLE keep_users AS ${keepUsers}`);
  await db.exec(`DELETE FROM reversals WHERE invoice_id IN (SELECT invoice_id FROM invoices WHERE trim(customer_id) NOT IN (SELECT id FROM keep_accounts))`);
  for (const table of ['customers', 'subscription_events', 'invoices', 'support_tickets', 'nps_responses', 'opportunities', 'risk_signals']) {
    await db.exec(`DELETE FROM ${table} WHERE trim(customer_id) NOT IN (SELECT id FROM keep_accounts)`);
  }
  await db.exec(`DELETE FROM users WHERE trim(user_id) NOT IN (SELECT id FROM keep_users)`);
  await db.exec(`DELETE FROM events WHERE trim(user_id) NOT IN (SELECT id FROM keep_users)`);
}

/**
 * A filter applied at query time must give exactly what the pipeline gives when run on only
 * the filtered part of the data: an independent computation of the same figures.
 */
describe('query-time filters against a pipeline run on the filtered data alone', () => {
  let full: NodeDb;
  beforeAll(async () => {
    full = await openDb();
    await loadGenerated(full, { preset: 'tiny', seed: 21 });
    await runAll(full);
  });
  afterAll(() => full.close());

  const compare = async (filters: Filters, keepAccounts: string, keepUsers: string, models: string[]) => {
    const part = await openDb();
    try {
      await loadGenerated(part, { preset: 'tiny', seed: 21 });
      await restrictRaw(part, keepAccounts, keepUsers);
      await runAll(part);
      for (const name of models) {
        const filtered = await rows(full, `SELECT * FROM (${martQuery(SQL_MODELS, name, filters)}) ORDER BY ALL`);
        const alone = await rows(part, `SELECT * FROM ${name} ORDER BY ALL`);
        expect(filtered.length, name).toBeGreaterThan(0);
        expect(filtered, name).toEqual(alone);
      }
    } finally {
      part.close();
    }
  };

  it('region and channel filters on the revenue and account cohort marts', async () => {
    await compare(
      { ...NO_FILTERS, regions: ['EU', 'NA'], channels: ['organic', 'paid'] },
      `SELECT DISTINCT trim(customer_id) AS id FROM customers WHERE upper(trim(region)) IN ('EU', 'NA') AND lower(trim(acquisition_channel)) IN ('organic', 'paid')`,
      `SELECT trim(user_id) AS id FROM users WHERE trim(customer_id) IN (SELECT DISTINCT trim(customer_id) FROM customers WHERE upper(trim(region)) IN ('EU', 'NA') AND lower(trim(acquisition_channel)) IN ('organic', 'paid'))`,
      ['monthly_revenue', 'cohort_retention'],
    );
  });

  it('a platform filter on the user cohort mart keeps only that platform\'s users', async () => {
    await compare(
      { ...NO_FILTERS, platforms: ['iOS'] },
      `SELECT DISTINCT trim(customer_id) AS id FROM customers`,
      `SELECT trim(user_id) AS id FROM users WHERE platform = 'iOS'`,
      ['retention_cohorts', 'growth_accounting_grains', 'social_capital_growth_accounting_weekly'],
    );
  });

  it('a date range keeps the months (or cohorts) inside it', async () => {
    const bridge = await rows(full, `SELECT strftime(month, '%Y-%m') AS m FROM (${applyFilters(sqlOf('monthly_revenue'), { ...NO_FILTERS, dateFrom: '2024-06-01', dateTo: '2024-09-30' })}) ORDER BY 1`);
    expect(bridge.map((r) => r.m)).toEqual(['2024-06', '2024-07', '2024-08', '2024-09']);
    const unfiltered = await rows(full, `SELECT CAST(end_mrr AS DOUBLE) AS e FROM monthly_revenue WHERE month = DATE '2024-08-01'`);
    const filtered = await rows(full, `SELECT CAST(end_mrr AS DOUBLE) AS e FROM (${applyFilters(sqlOf('monthly_revenue'), { ...NO_FILTERS, dateFrom: '2024-06-01' })}) WHERE month = DATE '2024-08-01'`);
    expect(filtered).toEqual(unfiltered);
  });
});

import { quoteLiteral } from '../../src/engine/connector';
import type { NodeDb } from './nodeDb';

/** Hand-written raw rows, in the generator's column layout, for worked examples. */
export interface FixtureEvent {
  id: number;
  user: string;
  customer?: string;
  at: string;
  type?: string;
  miles?: number;
}

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoteLiteral(v));

export async function createRawTables(db: NodeDb, events: FixtureEvent[], asOf: string): Promise<void> {
  const users = [...new Set(events.map((e) => e.user))];
  await db.exec(`CREATE OR REPLACE TABLE customers AS SELECT * FROM (VALUES ('C000001', 'Acme', 'SaaS', 'EU', 'DE', 'organic', 'Web', TIMESTAMP '2024-01-01 00:00:00', 'Starter', 'SMB'))
    AS t(customer_id, company_name, industry, region, country, acquisition_channel, signup_platform, signup_at, plan_at_signup, segment)`);
  await db.exec(`CREATE OR REPLACE TABLE users AS SELECT * FROM (VALUES ${users
    .map((u) => `(${lit(u)}, 'C000001', TIMESTAMP '2024-01-01 00:00:00', 'Web', 'DE')`)
    .join(', ')}) AS t(user_id, customer_id, created_at, platform, country)`);
  await db.exec(`CREATE OR REPLACE TABLE events AS SELECT event_id::INTEGER AS event_id, user_id, customer_id, event_time::TIMESTAMP AS event_time, event_type, platform, utm_source, country,
      miles_amount::INTEGER AS miles_amount, transaction_category::VARCHAR AS transaction_category, feature_adoption_score::DOUBLE AS feature_adoption_score
    FROM (VALUES ${events
      .map((e) => `(${e.id}, ${lit(e.user)}, ${lit(e.customer ?? 'C000001')}, ${lit(e.at)}, ${lit(e.type ?? 'report_view')}, 'Web', 'organic', 'DE', ${lit(e.miles ?? null)}, ${lit(e.miles === undefined ? null : 'travel')}, 0.5)`)
      .join(', ')}) AS t(event_id, user_id, customer_id, event_time, event_type, platform, utm_source, country, miles_amount, transaction_category, feature_adoption_score)`);
  await db.exec(`CREATE OR REPLACE TABLE run_params AS SELECT DATE '2024-01-01' AS window_start, DATE '2025-12-31' AS window_end, DATE ${quoteLiteral(asOf)} AS as_of_date, 1::UBIGINT AS seed, 'tiny' AS preset`);
}

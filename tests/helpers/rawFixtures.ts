import { quoteLiteral } from '../../src/engine/connector';
import { RAW_TABLES } from '../../src/generator/rawTables';
import { loadGenerated, materializeRawTables, type NodeDb } from './nodeDb';

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

/**
 * Every raw table, empty but with exactly the generator's column types (taken from a
 * one-account dataset), so hand-written fixtures meet the same schema as generated data.
 * The price book (plans, discounts) is reference data and is kept.
 */
export async function createEmptyRawTables(db: NodeDb, asOf: string): Promise<void> {
  await loadGenerated(db, { preset: 'tiny', accounts: 1, seed: 1 });
  await materializeRawTables(db);
  for (const table of RAW_TABLES.filter((t) => t !== 'plans' && t !== 'discounts')) await db.exec(`DELETE FROM ${table}`);
  await db.exec(`UPDATE run_params SET as_of_date = DATE ${quoteLiteral(asOf)}`);
}

export async function createRawTables(db: NodeDb, events: FixtureEvent[], asOf: string): Promise<void> {
  await createEmptyRawTables(db, asOf);
  const users = [...new Set(events.map((e) => e.user))];
  await db.exec(`INSERT INTO customers BY NAME SELECT 'C000001' AS customer_id, 'Acme' AS company_name, 'SaaS' AS industry, 'EU' AS region, 'DE' AS country,
    'organic' AS acquisition_channel, 'Web' AS signup_platform, TIMESTAMP '2024-01-01 00:00:00' AS signup_at, 'Starter' AS plan_at_signup, 'SMB' AS segment`);
  for (const u of users) {
    await db.exec(`INSERT INTO users BY NAME SELECT ${lit(u)} AS user_id, 'C000001' AS customer_id, TIMESTAMP '2024-01-01 00:00:00' AS created_at, 'Web' AS platform, 'DE' AS country`);
  }
  for (const e of events) {
    await db.exec(`INSERT INTO events BY NAME SELECT ${e.id} AS event_id, ${lit(e.user)} AS user_id, ${lit(e.customer ?? 'C000001')} AS customer_id,
      TIMESTAMP ${lit(e.at)} AS event_time, ${lit(e.type ?? 'report_view')} AS event_type, 'Web' AS platform, 'organic' AS utm_source, 'DE' AS country,
      ${lit(e.miles ?? null)} AS miles_amount, ${lit(e.miles === undefined ? null : 'travel')} AS transaction_category, 0.5 AS feature_adoption_score,
      TIMESTAMP ${lit(e.at)} + INTERVAL 1 MINUTE AS received_at`);
  }
}

/** A subscription state change, in the raw export's layout. */
export interface FixtureChange {
  customer: string;
  at: string;
  type: 'trial_started' | 'trial_converted' | 'trial_expired' | 'upgraded' | 'downgraded' | 'cancelled' | 'reactivated';
  from: string;
  to: string;
  seats: number;
  billing?: 'monthly' | 'annual';
  discount?: string;
}

/** Adds accounts and their subscription changes to tables made by createEmptyRawTables. */
export async function addSubscriptionChanges(db: NodeDb, changes: FixtureChange[]): Promise<void> {
  for (const customer of new Set(changes.map((c) => c.customer))) {
    await db.exec(`INSERT INTO customers BY NAME SELECT ${lit(customer)} AS customer_id, 'Co' AS company_name, 'SaaS' AS industry, 'EU' AS region, 'DE' AS country,
      'organic' AS acquisition_channel, 'Web' AS signup_platform, TIMESTAMP '2024-01-01 00:00:00' AS signup_at, 'Starter' AS plan_at_signup, 'SMB' AS segment`);
  }
  for (const [n, c] of changes.entries()) {
    await db.exec(`INSERT INTO subscription_events BY NAME SELECT ${lit(`SE-${n}`)} AS subscription_event_id, ${lit(c.customer)} AS customer_id,
      TIMESTAMP ${lit(c.at)} AS occurred_at, ${lit(c.type)} AS change_type, ${lit(c.from)} AS plan_from, ${lit(c.to)} AS plan_to,
      ${lit(c.billing ?? 'monthly')} AS billing_period, ${c.seats} AS seats, ${lit(c.discount ?? null)} AS discount_id`);
  }
}

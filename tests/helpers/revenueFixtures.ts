import { quoteLiteral } from '../../src/engine/connector';
import type { NodeDb } from './nodeDb';
import type { FixtureChange } from './rawFixtures';

/**
 * Hand-written raw rows for the revenue-investigation and funnel examples, in the raw
 * exports' layout (src/generator/rawSchema.ts; invoice amounts are text), added to tables made
 * by createEmptyRawTables.
 */
const lit = (v: string | number | null | undefined) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : quoteLiteral(v));
const ts = (v: string) => `TIMESTAMP ${quoteLiteral(v.length === 10 ? `${v} 00:00:00` : v)}`;

export interface FixtureAccount {
  id: string;
  /** Sign-up instant, 'YYYY-MM-DD[ hh:mm:ss]'. */
  signup: string;
  channel?: 'organic' | 'paid' | 'social' | 'referral';
  planAtSignup?: string;
  segment?: string;
}

export async function addAccounts(db: NodeDb, accounts: FixtureAccount[]): Promise<void> {
  for (const a of accounts) {
    await db.exec(`INSERT INTO customers BY NAME SELECT ${lit(a.id)} AS customer_id, ${lit(`Company ${a.id}`)} AS company_name, 'SaaS' AS industry, 'EU' AS region,
      'DE' AS country, ${lit(a.channel ?? 'organic')} AS acquisition_channel, 'Web' AS signup_platform, ${ts(a.signup)} AS signup_at,
      ${lit(a.planAtSignup ?? 'Starter')} AS plan_at_signup, ${lit(a.segment ?? 'SMB')} AS segment`);
  }
}

/** Subscription changes of accounts added with addAccounts (no customer rows are added). */
export async function addChanges(db: NodeDb, changes: FixtureChange[]): Promise<void> {
  for (const [n, c] of changes.entries()) {
    await db.exec(`INSERT INTO subscription_events BY NAME SELECT ${lit(`SE-${c.customer}-${n}`)} AS subscription_event_id, ${lit(c.customer)} AS customer_id,
      ${ts(c.at)} AS occurred_at, ${lit(c.type)} AS change_type, ${lit(c.from)} AS plan_from, ${lit(c.to)} AS plan_to,
      ${lit(c.billing ?? 'monthly')} AS billing_period, ${c.seats} AS seats, ${lit(c.discount)} AS discount_id`);
  }
}

export interface FixtureInvoice {
  id: string;
  customer: string;
  /** First and last day paid for (inclusive); the invoice is issued at 06:00 on the first. */
  start: string;
  end: string;
  gross: number;
  discount?: number;
  discountId?: string;
  /** Plan billed; omit for add-ons and gifts. */
  plan?: string;
  type?: 'subscription' | 'add_on' | 'gift';
  status?: 'paid' | 'late' | 'failed';
}

export async function addInvoices(db: NodeDb, invoices: FixtureInvoice[]): Promise<void> {
  for (const i of invoices) {
    const discount = i.discount ?? 0;
    const net = Math.round((i.gross - discount) * 100) / 100;
    await db.exec(`INSERT INTO invoices BY NAME SELECT ${lit(i.id)} AS invoice_id, ${lit(i.customer)} AS customer_id, ${ts(`${i.start} 06:00:00`)} AS issued_at,
      DATE ${quoteLiteral(i.start)} AS period_start, DATE ${quoteLiteral(i.end)} AS period_end, ${lit(i.plan)} AS plan_id,
      ${lit(i.gross.toFixed(2))} AS gross_amount, ${lit(discount.toFixed(2))} AS discount_amount, ${lit(net.toFixed(2))} AS net_amount,
      ${lit(i.discountId)} AS discount_id, ${lit(i.status ?? 'paid')} AS payment_status, ${lit(i.type ?? (i.plan ? 'subscription' : 'add_on'))} AS transaction_type`);
  }
}

export interface FixtureReversal {
  id: string;
  invoice: string;
  at: string;
  amount: number;
  reason: 'refund' | 'chargeback' | 'unsatisfied_return';
}

export async function addReversals(db: NodeDb, reversals: FixtureReversal[]): Promise<void> {
  for (const r of reversals) {
    await db.exec(`INSERT INTO reversals BY NAME SELECT ${lit(r.id)} AS reversal_id, ${lit(r.invoice)} AS invoice_id, ${ts(r.at)} AS reversed_at,
      ${r.amount} AS amount, ${lit(r.reason)} AS reason`);
  }
}

export interface FixtureTicket {
  id: string;
  customer: string;
  at: string;
  /** As exported: may carry odd case and spaces, like 'High' or ' critical'. */
  priority: string;
  topic: string;
  hours: number;
}

export async function addTickets(db: NodeDb, tickets: FixtureTicket[]): Promise<void> {
  for (const t of tickets) {
    await db.exec(`INSERT INTO support_tickets BY NAME SELECT ${lit(t.id)} AS ticket_id, ${lit(t.customer)} AS customer_id, ${ts(t.at)} AS created_at,
      ${lit(t.priority)} AS priority, ${lit(t.topic)} AS topic, ${t.hours} AS resolution_time`);
  }
}

export interface FixtureNps {
  id: string;
  customer: string;
  at: string;
  score: number;
}

export async function addNps(db: NodeDb, answers: FixtureNps[]): Promise<void> {
  for (const a of answers) {
    await db.exec(`INSERT INTO nps_responses BY NAME SELECT ${lit(a.id)} AS response_id, ${lit(a.customer)} AS customer_id, ${ts(a.at)} AS responded_at, ${a.score} AS score`);
  }
}

export interface FixtureUser {
  id: string;
  customer: string;
  created: string;
  /** Days the user acted on (one report_view event each, at noon). */
  activeOn?: string[];
}

let eventId = 1;

export async function addUsers(db: NodeDb, users: FixtureUser[]): Promise<void> {
  for (const u of users) {
    await db.exec(`INSERT INTO users BY NAME SELECT ${lit(u.id)} AS user_id, ${lit(u.customer)} AS customer_id, ${ts(u.created)} AS created_at, 'Web' AS platform, 'DE' AS country`);
    for (const day of u.activeOn ?? []) {
      await db.exec(`INSERT INTO events BY NAME SELECT ${eventId++} AS event_id, ${lit(u.id)} AS user_id, ${lit(u.customer)} AS customer_id,
        ${ts(`${day} 12:00:00`)} AS event_time, 'report_view' AS event_type, 'Web' AS platform, 'organic' AS utm_source, 'DE' AS country,
        NULL AS miles_amount, NULL AS transaction_category, 0.5 AS feature_adoption_score, ${ts(`${day} 12:01:00`)} AS received_at`);
    }
  }
}

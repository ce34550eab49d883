import { quoteLiteral } from '../../src/engine/connector';
import type { NodeDb } from './nodeDb';

/**
 * Hand-written raw rows for the churn, expansion and survival examples: accounts with their
 * own sign-up dates and regions, subscription changes, events, tickets, invoices and deals,
 * added to tables made by createEmptyRawTables (rawFixtures.ts).
 */
type Value = string | number | boolean | null;
const lit = (v: Value) => (v === null ? 'NULL' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : quoteLiteral(v));

/** One INSERT of many rows; `types` casts each column to the raw table's type. */
async function insert(db: NodeDb, table: string, types: Record<string, string>, records: Record<string, Value>[]): Promise<void> {
  if (records.length === 0) return;
  const columns = Object.keys(types);
  const values = records.map((r) => `(${columns.map((c) => lit(r[c] ?? null)).join(', ')})`).join(',\n');
  const select = columns.map((c) => `CAST(${c} AS ${types[c]}) AS ${c}`).join(', ');
  await db.exec(`INSERT INTO ${table} BY NAME SELECT ${select} FROM (VALUES ${values}) AS v(${columns.join(', ')})`);
}

export interface FixtureAccount {
  id: string;
  /** Sign-up instant, 'YYYY-MM-DD' or 'YYYY-MM-DD hh:mm:ss'. */
  signup: string;
  region?: string;
  industry?: string;
}

export async function addAccounts(db: NodeDb, accounts: FixtureAccount[]): Promise<void> {
  await insert(
    db,
    'customers',
    { customer_id: 'VARCHAR', company_name: 'VARCHAR', industry: 'VARCHAR', region: 'VARCHAR', country: 'VARCHAR', acquisition_channel: 'VARCHAR', signup_platform: 'VARCHAR', signup_at: 'TIMESTAMP', plan_at_signup: 'VARCHAR', segment: 'VARCHAR' },
    accounts.map((a) => ({ customer_id: a.id, company_name: `Co ${a.id}`, industry: a.industry ?? 'SaaS', region: a.region ?? 'EU', country: 'DE', acquisition_channel: 'organic', signup_platform: 'Web', signup_at: a.signup, plan_at_signup: 'Starter', segment: 'SMB' })),
  );
  // One user per account, for the events.
  await insert(
    db,
    'users',
    { user_id: 'VARCHAR', customer_id: 'VARCHAR', created_at: 'TIMESTAMP', platform: 'VARCHAR', country: 'VARCHAR' },
    accounts.map((a) => ({ user_id: `U-${a.id}`, customer_id: a.id, created_at: a.signup, platform: 'Web', country: 'DE' })),
  );
}

export interface Change {
  customer: string;
  at: string;
  type: 'trial_started' | 'trial_converted' | 'trial_expired' | 'upgraded' | 'downgraded' | 'cancelled' | 'reactivated';
  from: string;
  to: string;
  seats: number;
  billing?: 'monthly' | 'annual';
  discount?: string;
}

let changeCounter = 0;
export async function addChanges(db: NodeDb, changes: Change[]): Promise<void> {
  await insert(
    db,
    'subscription_events',
    { subscription_event_id: 'VARCHAR', customer_id: 'VARCHAR', occurred_at: 'TIMESTAMP', change_type: 'VARCHAR', plan_from: 'VARCHAR', plan_to: 'VARCHAR', billing_period: 'VARCHAR', seats: 'INTEGER', discount_id: 'VARCHAR' },
    changes.map((c) => ({ subscription_event_id: `CH-${++changeCounter}`, customer_id: c.customer, occurred_at: c.at, change_type: c.type, plan_from: c.from, plan_to: c.to, billing_period: c.billing ?? 'monthly', seats: c.seats, discount_id: c.discount ?? null })),
  );
}

/** The changes of an account that pays `plan` from `paidAt` and, optionally, cancels at `cancelAt`. */
export function paying(customer: string, plan: string, seats: number, paidAt: string, cancelAt?: string): Change[] {
  const changes: Change[] = [{ customer, at: paidAt, type: 'upgraded', from: 'plan_free', to: plan, seats }];
  if (cancelAt) changes.push({ customer, at: cancelAt, type: 'cancelled', from: plan, to: 'plan_free', seats: 0 });
  return changes;
}

export interface FixtureEvent {
  customer: string;
  at: string;
  type: string;
  score?: number;
}

let eventCounter = 0;
export async function addEvents(db: NodeDb, events: FixtureEvent[]): Promise<void> {
  await insert(
    db,
    'events',
    { event_id: 'INTEGER', user_id: 'VARCHAR', customer_id: 'VARCHAR', event_time: 'TIMESTAMP', event_type: 'VARCHAR', platform: 'VARCHAR', utm_source: 'VARCHAR', country: 'VARCHAR', miles_amount: 'INTEGER', transaction_category: 'VARCHAR', feature_adoption_score: 'DOUBLE', received_at: 'TIMESTAMP' },
    events.map((e) => ({
      event_id: 900_000 + ++eventCounter, user_id: `U-${e.customer}`, customer_id: e.customer, event_time: e.at, event_type: e.type, platform: 'Web', utm_source: 'organic', country: 'DE',
      miles_amount: e.type === 'miles_earned' ? 100 : null, transaction_category: e.type === 'miles_earned' ? 'travel' : null, feature_adoption_score: e.score ?? 0.5, received_at: e.at,
    })),
  );
}

export interface FixtureTicket {
  customer: string;
  at: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  topic?: string;
  hours?: number;
}

let ticketCounter = 0;
export async function addTickets(db: NodeDb, tickets: FixtureTicket[]): Promise<void> {
  await insert(
    db,
    'support_tickets',
    { ticket_id: 'VARCHAR', customer_id: 'VARCHAR', created_at: 'TIMESTAMP', priority: 'VARCHAR', topic: 'VARCHAR', resolution_time: 'INTEGER' },
    tickets.map((t) => ({ ticket_id: `T-${++ticketCounter}`, customer_id: t.customer, created_at: t.at, priority: t.priority, topic: t.topic ?? 'technical', resolution_time: t.hours ?? 24 })),
  );
}

export interface FixtureInvoice {
  customer: string;
  issued: string;
  status: 'paid' | 'late' | 'failed';
  net: number;
  type?: 'subscription' | 'add_on' | 'gift';
  plan?: string;
}

let invoiceCounter = 0;
export async function addInvoices(db: NodeDb, invoices: FixtureInvoice[]): Promise<void> {
  await insert(
    db,
    'invoices',
    { invoice_id: 'VARCHAR', customer_id: 'VARCHAR', issued_at: 'TIMESTAMP', period_start: 'DATE', period_end: 'DATE', plan_id: 'VARCHAR', gross_amount: 'VARCHAR', discount_amount: 'VARCHAR', net_amount: 'VARCHAR', discount_id: 'VARCHAR', payment_status: 'VARCHAR', transaction_type: 'VARCHAR' },
    invoices.map((i) => {
      const type = i.type ?? 'subscription';
      const day = i.issued.slice(0, 10);
      return {
        invoice_id: `I-${++invoiceCounter}`, customer_id: i.customer, issued_at: i.issued, period_start: day, period_end: day, plan_id: type === 'subscription' ? (i.plan ?? 'plan_starter') : null,
        gross_amount: i.net.toFixed(2), discount_amount: '0.00', net_amount: i.net.toFixed(2), discount_id: null, payment_status: i.status, transaction_type: type,
      };
    }),
  );
}

export interface FixtureOpportunity {
  customer: string;
  stage: 'prospecting' | 'qualification' | 'proposal' | 'closed_won' | 'closed_lost';
  created: string;
  close: string;
  amount: number;
  type: 'expansion' | 'new_business';
}

let oppCounter = 0;
export async function addOpportunities(db: NodeDb, opps: FixtureOpportunity[]): Promise<void> {
  await insert(
    db,
    'opportunities',
    { opp_id: 'VARCHAR', customer_id: 'VARCHAR', stage: 'VARCHAR', created_date: 'DATE', close_date: 'DATE', amount: 'DOUBLE', sales_owner: 'VARCHAR', opportunity_type: 'VARCHAR' },
    opps.map((o) => ({ opp_id: `O-${++oppCounter}`, customer_id: o.customer, stage: o.stage, created_date: o.created, close_date: o.close, amount: o.amount, sales_owner: 'Rep 01', opportunity_type: o.type })),
  );
}

/** Days from 'YYYY-MM-DD' to 'YYYY-MM-DD' (UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

import type { ColumnSpec } from './arrow/tableBuilder';
import { CHANGE_TYPES } from './lifecycle';
import { DISCOUNTS, PLANS, TIERS } from './catalogue';
import { OPP_STAGES, OPP_TYPES, SALES_OWNERS } from './sales';
import { PRIORITIES, TOPICS } from './support';

type Documented = ColumnSpec & { description: string };

export interface RawTableSchema {
  description: string;
  columns: readonly Documented[];
}

const PLAN_IDS = PLANS.map((p) => p.planId);
const DISCOUNT_IDS = DISCOUNTS.map((d) => d.discountId);
/** Tickets' priorities as a careless export writes some of them (story 9). */
export const PRIORITY_LABELS: readonly string[] = [...PRIORITIES, 'High', ' critical', 'LOW '];

/**
 * The raw tables other than customers, users and events (whose columns are built by their own
 * modules): their columns, types and meaning, in one place for the builders and the data
 * dictionary.
 */
export const SMALL_RAW_TABLES = {
  plans: {
    description: 'Price book: one row per plan tier, list prices per seat and the tier MRR range (seed 003 mrr_tier_ceiling_pct).',
    columns: [
      { name: 'plan_id', kind: 'utf8', description: 'Plan key.' },
      { name: 'tier', kind: 'dict', labels: TIERS, description: 'Free, Starter, Growth, Pro or Enterprise.' },
      { name: 'monthly_price', kind: 'float64', description: 'List price per seat and month, USD.' },
      { name: 'annual_price', kind: 'float64', description: 'List price per seat and year, USD (before the annual discount).' },
      { name: 'min_seats', kind: 'int32', description: 'Fewest seats the tier is sold with.' },
      { name: 'max_seats', kind: 'int32', description: 'Most seats the tier is sold with.' },
      { name: 'mrr_floor', kind: 'float64', description: 'Tier MRR floor: monthly price x min seats.' },
      { name: 'mrr_ceiling', kind: 'float64', description: 'Tier MRR ceiling: monthly price x max seats.' },
    ],
  },
  discounts: {
    description: 'Discount offers (seed 004): welcome offer, prepaid 3 and 6 months, annual, promo.',
    columns: [
      { name: 'discount_id', kind: 'utf8', description: 'Discount key.' },
      { name: 'kind', kind: 'utf8', description: 'welcome_offer, prepaid_3, prepaid_6, annual or promo.' },
      { name: 'percent', kind: 'float64', description: 'Percent off the list value while the discount lasts.' },
      { name: 'duration_months', kind: 'int32', description: 'Months the discount lasts from the start of the subscription state it applies to; prepaid and annual discounts renew with each prepaid period.' },
    ],
  },
  subscription_events: {
    description: 'Subscription state changes (seed 004 subscription_state_changes): trials, conversions, plan changes, cancellations and reactivations.',
    columns: [
      { name: 'subscription_event_id', kind: 'utf8', description: 'State change key.' },
      { name: 'customer_id', kind: 'utf8', description: 'Account.' },
      { name: 'occurred_at', kind: 'timestamp', description: 'When the change took effect, UTC.' },
      { name: 'change_type', kind: 'dict', labels: CHANGE_TYPES, description: 'trial_started, trial_converted, trial_expired, upgraded, downgraded, cancelled or reactivated.' },
      { name: 'plan_from', kind: 'dict', labels: PLAN_IDS, description: 'Plan before the change.' },
      { name: 'plan_to', kind: 'dict', labels: PLAN_IDS, description: 'Plan after the change (plan_free after a cancellation or an expired trial).' },
      { name: 'billing_period', kind: 'dict', labels: ['monthly', 'annual'], description: 'monthly or annual billing of the new state.' },
      { name: 'seats', kind: 'int32', description: 'Seats of the new state (0 after a cancellation).' },
      { name: 'discount_id', kind: 'dict', labels: DISCOUNT_IDS, description: 'Discount applying to the new state, if any.' },
    ],
  },
  invoices: {
    description: 'Bills (seed 001 billing, seed 004 transactions). This export writes amounts as text (story 9).',
    columns: [
      { name: 'invoice_id', kind: 'utf8', description: 'Invoice key.' },
      { name: 'customer_id', kind: 'utf8', description: 'Account billed.' },
      { name: 'issued_at', kind: 'timestamp', description: 'When the invoice was issued, UTC.' },
      { name: 'period_start', kind: 'date', description: 'First day the invoice pays for.' },
      { name: 'period_end', kind: 'date', description: 'Last day the invoice pays for (inclusive).' },
      { name: 'plan_id', kind: 'dict', labels: PLAN_IDS, description: 'Plan billed; NULL for one-off purchases.' },
      { name: 'gross_amount', kind: 'utf8', description: 'List value billed, USD, as text.' },
      { name: 'discount_amount', kind: 'utf8', description: 'Discount deducted, USD, as text.' },
      { name: 'net_amount', kind: 'utf8', description: 'gross_amount - discount_amount, USD, as text.' },
      { name: 'discount_id', kind: 'dict', labels: DISCOUNT_IDS, description: 'Discount applied, if any.' },
      { name: 'payment_status', kind: 'dict', labels: ['paid', 'late', 'failed'], description: 'paid, late or failed.' },
      { name: 'transaction_type', kind: 'dict', labels: ['subscription', 'add_on', 'gift'], description: 'subscription, add_on (one-off) or gift (seed 004).' },
    ],
  },
  reversals: {
    description: 'Refunds, chargebacks and unsatisfied-return reversals of invoices (seed 004).',
    columns: [
      { name: 'reversal_id', kind: 'utf8', description: 'Reversal key.' },
      { name: 'invoice_id', kind: 'utf8', description: 'Invoice reversed.' },
      { name: 'reversed_at', kind: 'timestamp', description: 'When the money went back, UTC.' },
      { name: 'amount', kind: 'float64', description: 'Amount reversed, USD.' },
      { name: 'reason', kind: 'dict', labels: ['refund', 'chargeback', 'unsatisfied_return'], description: 'refund, chargeback or unsatisfied_return.' },
    ],
  },
  support_tickets: {
    description: 'Support tickets (seeds 001 and 003).',
    columns: [
      { name: 'ticket_id', kind: 'utf8', description: 'Ticket key.' },
      { name: 'customer_id', kind: 'utf8', description: 'Account that filed it.' },
      { name: 'created_at', kind: 'timestamp', description: 'When it was filed, UTC.' },
      { name: 'priority', kind: 'dict', labels: PRIORITY_LABELS, description: 'low, medium, high or critical (some exported in mixed case).' },
      { name: 'topic', kind: 'dict', labels: TOPICS, description: 'billing, technical, onboarding, compliance, integration or feature_request.' },
      { name: 'resolution_time', kind: 'int32', description: 'Hours to resolution.' },
    ],
  },
  nps_responses: {
    description: 'Answers to the quarterly NPS survey (seed 000).',
    columns: [
      { name: 'response_id', kind: 'utf8', description: 'Answer key.' },
      { name: 'customer_id', kind: 'utf8', description: 'Account that answered.' },
      { name: 'responded_at', kind: 'timestamp', description: 'When, UTC.' },
      { name: 'score', kind: 'int32', description: 'Likelihood to recommend, 0 to 10.' },
    ],
  },
  opportunities: {
    description: 'CRM deals (seed 003 gtm_opportunities).',
    columns: [
      { name: 'opp_id', kind: 'utf8', description: 'Deal key.' },
      { name: 'customer_id', kind: 'utf8', description: 'Account.' },
      { name: 'stage', kind: 'dict', labels: OPP_STAGES, description: 'prospecting, qualification, proposal, closed_won or closed_lost.' },
      { name: 'created_date', kind: 'date', description: 'When the deal was opened.' },
      { name: 'close_date', kind: 'date', description: 'Actual or expected close date.' },
      { name: 'amount', kind: 'float64', description: 'Deal value, USD per year.' },
      { name: 'sales_owner', kind: 'dict', labels: SALES_OWNERS, description: 'Anonymised rep.' },
      { name: 'opportunity_type', kind: 'dict', labels: OPP_TYPES, description: 'expansion (existing customer) or new_business.' },
    ],
  },
  risk_signals: {
    description: 'Risk flags per account (seed 003).',
    columns: [
      { name: 'customer_id', kind: 'utf8', description: 'Account.' },
      { name: 'compliance_gap_score', kind: 'float64', description: '0 to 1; higher = more compliance gaps detected.' },
      { name: 'vendor_risk_flags', kind: 'int32', description: 'Count of third-party vendor risk alerts.' },
    ],
  },
} satisfies Record<string, RawTableSchema>;

export type SmallRawTable = keyof typeof SMALL_RAW_TABLES;

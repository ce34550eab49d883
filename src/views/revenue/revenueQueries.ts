import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { accountFilter, type Filters, periodFilter } from '../../pipeline/filters';
import type { BridgeStep } from '../../state/uiSlice';
import { isCalendarDate } from '../../state/urlView';

/**
 * The Revenue view's queries. The marts come as SQL from useMartSql (already filtered); the
 * drill-down and the cohort curves read silver tables, so they apply the global filters
 * themselves with the same conditions the marts' filter points use (filters.ts).
 */

/** One month of gold monthly_revenue: the MRR bridge and its ratios. */
export interface BridgeRow {
  month: string;
  partial: boolean;
  start: number;
  new: number;
  reactivation: number;
  expansion: number;
  contraction: number;
  churn: number;
  end: number;
  payingStart: number;
  payingEnd: number;
  newAccounts: number;
  reactivatedAccounts: number;
  churnedAccounts: number;
  nrr: number | null;
  grr: number | null;
  quickRatio: number | null;
}

export const bridgeSql = (monthlyRevenue: string) => `SELECT month, is_partial_month,
  CAST(start_mrr AS DOUBLE) AS start_mrr, CAST(new_mrr AS DOUBLE) AS new_mrr, CAST(reactivation_mrr AS DOUBLE) AS reactivation_mrr,
  CAST(expansion_mrr AS DOUBLE) AS expansion_mrr, CAST(contraction_mrr AS DOUBLE) AS contraction_mrr,
  CAST(churned_mrr AS DOUBLE) AS churned_mrr, CAST(end_mrr AS DOUBLE) AS end_mrr,
  paying_accounts_start, paying_accounts_end, new_accounts, reactivated_accounts, churned_accounts,
  nrr, grr, revenue_quick_ratio
FROM (${monthlyRevenue}) AS m ORDER BY month`;

const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

export function bridgeRowsFromTable(table: Table): BridgeRow[] {
  return mapRows(table, (r) => ({
    month: isoDate(r.month),
    partial: Boolean(r.is_partial_month),
    start: num(r.start_mrr),
    new: num(r.new_mrr),
    reactivation: num(r.reactivation_mrr),
    expansion: num(r.expansion_mrr),
    contraction: num(r.contraction_mrr),
    churn: num(r.churned_mrr),
    end: num(r.end_mrr),
    payingStart: num(r.paying_accounts_start),
    payingEnd: num(r.paying_accounts_end),
    newAccounts: num(r.new_accounts),
    reactivatedAccounts: num(r.reactivated_accounts),
    churnedAccounts: num(r.churned_accounts),
    nrr: orNull(r.nrr),
    grr: orNull(r.grr),
    quickRatio: orNull(r.revenue_quick_ratio),
  }));
}

/** 12-month NRR and GRR by month (gold revenue_retention_12m). */
export interface Retention12mRow {
  month: string;
  partial: boolean;
  nrr12m: number | null;
  grr12m: number | null;
}

export const retention12mRowsSql = (revenueRetention12m: string) => `SELECT month, is_partial_month, nrr_12m, grr_12m
FROM (${revenueRetention12m}) AS r ORDER BY month`;

export function retention12mRowsFromTable(table: Table): Retention12mRow[] {
  return mapRows(table, (r) => ({ month: isoDate(r.month), partial: Boolean(r.is_partial_month), nrr12m: orNull(r.nrr_12m), grr12m: orNull(r.grr_12m) }));
}

/** The account quick ratio of gold account_growth_accounting (accounts active by product use). */
export interface AccountQuickRatioRow {
  month: string;
  partial: boolean;
  quickRatio: number | null;
}

export const accountQuickRatioSql = (accountGrowthAccounting: string) => `SELECT activity_month AS month, is_partial_month, quick_ratio
FROM (${accountGrowthAccounting}) AS a ORDER BY month`;

export function accountQuickRatioFromTable(table: Table): AccountQuickRatioRow[] {
  return mapRows(table, (r) => ({ month: isoDate(r.month), partial: Boolean(r.is_partial_month), quickRatio: orNull(r.quick_ratio) }));
}

/**
 * Empirical LTV curves: for each quarterly cohort of accounts by first paid month
 * (dim_customers.first_paid_month, metrics.md's account cohort), the net revenue billed per
 * cohort account (fct_invoices.net_after_reversals: every invoice, after discounts and
 * reversals, as clv_inputs counts it) cumulated over the months since each account's first
 * paid month; revenue billed before it counts in month 0. A month is drawn only when every
 * account of the cohort has lived through it by the last complete month, so a curve never
 * dips because its latest accounts are young. Filters: accounts by their attributes, cohorts
 * by the date range (on the first paid month).
 */
export function ltvCurvesSql(filters: Filters): string {
  const conditions = [accountFilter(filters, 'c.customer_id'), periodFilter(filters, 'c.first_paid_month')].filter((c): c is string => c !== null);
  return `WITH params AS (
  SELECT CASE WHEN as_of_date = last_day(as_of_date) THEN CAST(date_trunc('month', as_of_date) AS DATE)
    ELSE CAST(date_trunc('month', as_of_date) - INTERVAL 1 MONTH AS DATE) END AS last_complete_month
  FROM run_params
),
accounts AS (
  SELECT c.customer_id, c.first_paid_month, CAST(date_trunc('quarter', c.first_paid_month) AS DATE) AS cohort
  FROM dim_customers AS c
  WHERE c.first_paid_month IS NOT NULL${conditions.map((c) => ` AND ${c}`).join('')}
),
sizes AS (SELECT cohort, count(*) AS accounts FROM accounts GROUP BY cohort),
revenue AS (
  SELECT a.cohort, greatest(datediff('month', a.first_paid_month, i.issued_month), 0) AS months_since, sum(i.net_after_reversals) AS net
  FROM fct_invoices AS i JOIN accounts AS a ON a.customer_id = i.customer_id
  GROUP BY ALL
),
grid AS (
  SELECT s.cohort, s.accounts, unnest(range(0, datediff('month', CAST(s.cohort + INTERVAL 2 MONTH AS DATE), p.last_complete_month) + 1)) AS months_since
  FROM sizes AS s CROSS JOIN params AS p
)
SELECT g.cohort, g.months_since, g.accounts,
  CAST(coalesce(sum(r.net) FILTER (WHERE r.months_since <= g.months_since), 0) AS DOUBLE) / g.accounts AS revenue_per_account
FROM grid AS g LEFT JOIN revenue AS r ON r.cohort = g.cohort
GROUP BY g.cohort, g.months_since, g.accounts
ORDER BY g.cohort, g.months_since`;
}

export interface LtvPoint {
  cohort: string;
  monthsSince: number;
  accounts: number;
  revenuePerAccount: number;
}

export function ltvPointsFromTable(table: Table): LtvPoint[] {
  return mapRows(table, (r) => ({ cohort: isoDate(r.cohort), monthsSince: num(r.months_since), accounts: num(r.accounts), revenuePerAccount: num(r.revenue_per_account) }));
}

/** A bar of the bridge, which the drill-down lists the accounts of (kept in the store and the URL). */
export type { BridgeStep };

/** For each bar: which accounts it holds in fct_mrr_movements and the amount each contributes. */
const STEP_ROWS: Record<BridgeStep, { where: string; amount: string }> = {
  start: { where: 'm.start_mrr > 0', amount: 'm.start_mrr' },
  new: { where: `m.movement = 'new'`, amount: 'm.new_mrr' },
  reactivation: { where: `m.movement = 'reactivation'`, amount: 'm.reactivation_mrr' },
  expansion: { where: `m.movement = 'expansion'`, amount: 'm.expansion_mrr' },
  contraction: { where: `m.movement = 'contraction'`, amount: 'm.contraction_mrr' },
  churn: { where: `m.movement = 'churn'`, amount: 'm.churned_mrr' },
  end: { where: 'm.end_mrr > 0', amount: 'm.end_mrr' },
};

/**
 * The accounts behind one bar of one month's bridge (silver fct_mrr_movements, under the
 * same account filter as monthly_revenue), largest amount first: their amounts add up to
 * the bar.
 */
export function drilldownSql(filters: Filters, month: string, step: BridgeStep): string {
  if (!isCalendarDate(month)) throw new Error(`month must be an ISO date, got "${month}"`);
  const rows = STEP_ROWS[step];
  const account = accountFilter(filters, 'm.customer_id');
  return `SELECT m.customer_id, c.company_name, c.current_tier AS plan, c.region, c.acquisition_channel AS channel,
  CAST(m.start_mrr AS DOUBLE) AS start_mrr, CAST(m.end_mrr AS DOUBLE) AS end_mrr, CAST(${rows.amount} AS DOUBLE) AS amount
FROM fct_mrr_movements AS m
JOIN dim_customers AS c ON c.customer_id = m.customer_id
WHERE m.month = DATE '${month}' AND ${rows.where}${account ? ` AND ${account}` : ''}
ORDER BY amount DESC, m.customer_id`;
}

export interface DrilldownRow {
  customerId: string;
  companyName: string;
  plan: string | null;
  region: string | null;
  channel: string | null;
  startMrr: number;
  endMrr: number;
  amount: number;
}

export function drilldownRowsFromTable(table: Table): DrilldownRow[] {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return mapRows(table, (r) => ({
    customerId: String(r.customer_id),
    companyName: String(r.company_name ?? ''),
    plan: text(r.plan),
    region: text(r.region),
    channel: text(r.channel),
    startMrr: num(r.start_mrr),
    endMrr: num(r.end_mrr),
    amount: num(r.amount),
  }));
}

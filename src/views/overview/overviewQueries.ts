import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import type { Grain } from '../../state/filtersSlice';

/**
 * The Overview's queries. Each wraps a gold mart's SQL as given by useMartSql (the mart under
 * the current filters) and returns one monthly series per KPI: { month, is_partial, value
 * columns }. Kept as functions of the mart SQL so the SQL tests run exactly these.
 */

/** One period of a KPI series. */
export interface SeriesPoint {
  period: string;
  partial: boolean;
  value: number | null;
}

export const revenueSeriesSql = (monthlyRevenue: string) => `SELECT month, is_partial_month AS is_partial,
  CAST(end_mrr AS DOUBLE) AS mrr, CAST(arr AS DOUBLE) AS arr, paying_accounts_end AS paying_accounts,
  CAST(logo_churn_rate AS DOUBLE) AS logo_churn_rate, arpa, ltv, revenue_quick_ratio
FROM (${monthlyRevenue}) AS m ORDER BY month`;

export const retention12mSql = (revenueRetention12m: string) => `SELECT month, is_partial_month AS is_partial, nrr_12m, grr_12m
FROM (${revenueRetention12m}) AS r ORDER BY month`;

/** Trial cohorts of every channel together; a cohort is partial until all its trials ended. */
export const trialSeriesSql = (trialConversionCohorts: string) => `SELECT trial_month AS month, NOT is_cohort_complete AS is_partial,
  CAST(conversion_rate AS DOUBLE) AS trial_to_paid
FROM (${trialConversionCohorts}) AS t WHERE acquisition_channel = 'all' ORDER BY month`;

export const mauSeriesSql = (growthAccounting: string) => `SELECT activity_month AS month, is_partial_month AS is_partial, total_mau AS mau
FROM (${growthAccounting}) AS g ORDER BY month`;

/**
 * DAU/MAU of a month: the mean over its days of growth_metrics' daily stickiness (DAU / the
 * 30 days' distinct active users, seed 002). A month whose days stop before its last day (the
 * as-of month, or one cut by the date range) is partial.
 */
export const stickinessSeriesSql = (growthMetrics: string) => `SELECT CAST(date_trunc('month', event_date) AS DATE) AS month,
  max(event_date) < last_day(CAST(date_trunc('month', event_date) AS DATE)) AS is_partial,
  avg(dau_mau_stickiness) / 100 AS dau_mau
FROM (${growthMetrics}) AS g GROUP BY 1 ORDER BY 1`;

/** Columns of each query, as series. */
export type SeriesTable = Record<string, SeriesPoint[]>;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

/** Splits a query result into one series per value column (every column but month and is_partial). */
export function seriesFromTable(table: Table): SeriesTable {
  const columns = table.schema.fields.map((f) => f.name).filter((n) => n !== 'month' && n !== 'is_partial');
  const rows = mapRows(table, (r) => r);
  return Object.fromEntries(
    columns.map((column) => [column, rows.map((r) => ({ period: isoDate(r.month), partial: Boolean(r.is_partial), value: nullableNumber(r[column]) }))]),
  );
}

/** Where active users come from at each grain: the seed 002 growth accounting marts. */
export const ACTIVE_SOURCES: Record<Grain, { mart: string; period: string; active: string; partial: string | null }> = {
  month: { mart: 'social_capital_growth_accounting', period: 'activity_month', active: 'total_mau', partial: 'is_partial_month' },
  week: { mart: 'social_capital_growth_accounting_weekly', period: 'activity_week', active: 'total_wau', partial: 'is_partial_week' },
  // Data is complete through the as-of date, so no day is partial.
  day: { mart: 'social_capital_growth_accounting_daily', period: 'activity_date', active: 'total_dau', partial: null },
};

export function activeUsersSql(grain: Grain, martSql: string): string {
  const s = ACTIVE_SOURCES[grain];
  return `SELECT ${s.period} AS period, ${s.partial ?? 'FALSE'} AS is_partial, ${s.active} AS active_users, new_users, retained_users, resurrected_users
FROM (${martSql}) AS g ORDER BY period`;
}

export interface ActiveRow {
  period: string;
  partial: boolean;
  activeUsers: number;
  newUsers: number;
  retainedUsers: number;
  resurrectedUsers: number;
}

export function activeRowsFromTable(table: Table): ActiveRow[] {
  return mapRows(table, (r) => ({
    period: isoDate(r.period),
    partial: Boolean(r.is_partial),
    activeUsers: num(r.active_users),
    newUsers: num(r.new_users),
    retainedUsers: num(r.retained_users),
    resurrectedUsers: num(r.resurrected_users),
  }));
}

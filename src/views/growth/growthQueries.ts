import type { Filters } from '../../pipeline/filters';
import type { Grain } from '../../state/filtersSlice';
import { dailyToPeriodsSql, periodStartInRangeSql } from '../common/periodSql';

/** The growth-accounting mart of each grain and the names of its grain-specific columns. */
export const ACCOUNTING_MARTS: Record<Grain, { mart: string; period: string; active: string; partial: string | null }> = {
  day: { mart: 'social_capital_growth_accounting_daily', period: 'activity_date', active: 'total_dau', partial: null },
  week: { mart: 'social_capital_growth_accounting_weekly', period: 'activity_week', active: 'total_wau', partial: 'is_partial_week' },
  month: { mart: 'social_capital_growth_accounting', period: 'activity_month', active: 'total_mau', partial: 'is_partial_month' },
};

/** New, retained, resurrected and churned users per period of the grain (the mart's own rows). */
export function accountingSql(martSql: string, grain: Grain, filters: Filters): string {
  const { period, active, partial } = ACCOUNTING_MARTS[grain];
  return `SELECT g.${period} AS period_start, ${partial ? `g.${partial}` : 'FALSE'} AS is_partial, g.${active} AS active_users,
  g.new_users, g.retained_users, g.resurrected_users, g.churned_users, g.quick_ratio, g.retention_rate_pct
FROM (${martSql}) AS g
WHERE ${periodStartInRangeSql(filters, `g.${period}`)}
ORDER BY g.${period}`;
}

/** Monthly quick ratio with seed 002's 3-month average and alert level (quick_ratio_analysis). */
export function monthlyQuickRatioSql(martSql: string, filters: Filters): string {
  return `SELECT q.activity_month AS period_start, q.is_partial_month AS is_partial, q.quick_ratio, q.quick_ratio_3mo_avg, q.alert_level,
  q.new_users, q.resurrected_users, q.churned_users
FROM (${martSql}) AS q
WHERE ${periodStartInRangeSql(filters, 'q.activity_month')}
ORDER BY q.activity_month`;
}

/**
 * Stickiness per period: the mean of the daily DAU/WAU, DAU/MAU and WAU/MAU ratios over the
 * period's days (the usual "average DAU/MAU"; at the day grain, the day's own ratios). Days
 * whose ratio is NULL (nobody in the window) are skipped by avg().
 */
export function stickinessSql(martSql: string, grain: Grain, filters: Filters): string {
  return dailyToPeriodsSql({
    source: martSql,
    dateColumn: 'event_date',
    grain,
    filters,
    measures: [
      'avg(d.dau_wau_stickiness) AS dau_wau',
      'avg(d.dau_mau_stickiness) AS dau_mau',
      'avg(d.wau_mau_stickiness) AS wau_mau',
      'avg(d.daily_active_users) AS avg_dau',
    ],
  });
}

/** Monthly lifecycle (PostHog's names for the monthly growth accounting). */
export function lifecycleSql(martSql: string, filters: Filters): string {
  return `SELECT l.activity_month AS period_start, l.is_partial_month AS is_partial, l.new_users, l.returning_users, l.resurrecting_users, l.dormant_users, l.active_users
FROM (${martSql}) AS l
WHERE ${periodStartInRangeSql(filters, 'l.activity_month')}
ORDER BY l.activity_month`;
}

/** The L28 histogram at the as-of date (not a time series: the date range does not apply). */
export function powerUserSql(martSql: string): string {
  return `SELECT p.days_active, p.users, p.share_of_users_pct, p.share_of_active_users_pct, p.window_start, p.window_end
FROM (${martSql}) AS p
ORDER BY p.days_active`;
}

/**
 * Resurrections per period by dormancy length: the daily counts summed over the period's days,
 * and the mean dormancy over all of the period's resurrections (the daily means weighted by
 * the day's resurrections).
 */
export function resurrectionSql(martSql: string, grain: Grain, filters: Filters): string {
  return dailyToPeriodsSql({
    source: martSql,
    dateColumn: 'event_date',
    grain,
    filters,
    measures: [
      'CAST(sum(d.total_resurrections) AS BIGINT) AS total_resurrections',
      'CAST(sum(d.short_dormancy_resurrections) AS BIGINT) AS short_dormancy',
      'CAST(sum(d.medium_dormancy_resurrections) AS BIGINT) AS medium_dormancy',
      'CAST(sum(d.long_dormancy_resurrections) AS BIGINT) AS long_dormancy',
      'CAST(sum(d.very_long_dormancy_resurrections) AS BIGINT) AS very_long_dormancy',
      'sum(d.avg_dormancy_length * d.total_resurrections) / nullif(sum(d.total_resurrections), 0) AS avg_dormancy_days',
    ],
  });
}

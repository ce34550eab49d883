import { quoteLiteral } from '../../engine/connector';
import { accountFilter, type Filters, userFilter } from '../../pipeline/filters';
import { periodEndSql, periodStartInRangeSql } from '../common/periodSql';
import { martFor, type RetentionOptions } from './retentionOptions';

/**
 * The SQL of the Retention view. Every variant returns the same columns, one row per cohort
 * and observed period (periods after the as-of date have no row: censored, never 0):
 *   cohort_start, period_number, period_start, cohort_size, active, base, rate, is_partial
 * where rate = 100 x active / base (base = the cohort size, or its MRR in its first month).
 *
 * Monthly "on" retention comes from the gold marts (retention_cohorts for users,
 * cohort_retention for accounts, read through useMartSql so they follow the filters). Weekly
 * cohorts and "on or after" retention are computed here from the silver activity grids with
 * the same definitions: a user is active in a period with at least one event
 * (fct_user_months, fct_user_days), an account when it pays at the period's end
 * (fct_subscription_months.mrr > 0); the cohort is the first active period. Filters apply as
 * in the marts: account and user filters restrict who is followed, the date range keeps the
 * cohorts that start in it.
 */
export const RETENTION_COLUMNS = 'cohort_start, period_number, period_start, cohort_size, active, base, rate, is_partial';

/** The SQL of a gold mart's rows in the view's columns. */
export function martRetentionSql(options: RetentionOptions, martSql: string): string {
  const mart = martFor(options);
  if (mart === 'retention_cohorts') {
    return `SELECT r.cohort_month AS cohort_start, r.period_number, r.period_month AS period_start, CAST(r.cohort_size AS BIGINT) AS cohort_size,
  CAST(r.users_active AS DOUBLE) AS active, CAST(r.cohort_size AS DOUBLE) AS base, CAST(r.retention_rate AS DOUBLE) AS rate, r.is_partial_period AS is_partial
FROM (${martSql}) AS r
ORDER BY r.cohort_month, r.period_number`;
  }
  if (mart === 'cohort_retention') {
    const revenue = options.measure === 'revenue';
    return `SELECT r.cohort AS cohort_start, r.month_offset AS period_number, r.period_month AS period_start, CAST(r.cohort_accounts AS BIGINT) AS cohort_size,
  ${revenue ? 'CAST(r.mrr AS DOUBLE)' : 'CAST(r.active_accounts AS DOUBLE)'} AS active,
  ${revenue ? 'CAST(r.cohort_start_mrr AS DOUBLE)' : 'CAST(r.cohort_accounts AS DOUBLE)'} AS base,
  CAST(${revenue ? 'r.revenue_retention_rate' : 'r.retention_rate'} AS DOUBLE) AS rate, r.is_partial_period AS is_partial
FROM (${martSql}) AS r
ORDER BY r.cohort, r.month_offset`;
  }
  throw new Error('This combination is not in a mart: use computedRetentionSql');
}

/** Periods since the cohort started, as SQL (weeks start on Monday, as date_trunc's). */
function offsetSql(options: RetentionOptions, from: string, to: string): string {
  return options.grain === 'month' ? `CAST(datediff('month', ${from}, ${to}) AS INTEGER)` : `CAST((${to} - ${from}) // 7 AS INTEGER)`;
}

/** The first day of the period `k` periods after `start`. */
function stepSql(options: RetentionOptions, start: string, k: string): string {
  return options.grain === 'month' ? `CAST(${start} + to_months(${k}) AS DATE)` : `CAST(${start} + 7 * ${k} AS DATE)`;
}

/**
 * The CTEs every computed variant and the drill-down share: params (as-of date and period),
 * activity (subject_id, period: one row per period a subject was active in) and subjects
 * (subject_id, cohort_start, last_period), restricted by the filters.
 */
export function subjectsCtes(options: RetentionOptions, filters: Filters): string {
  const g = options.grain;
  const activity =
    options.subject === 'users'
      ? g === 'month'
        ? `SELECT a.user_id AS subject_id, a.activity_month AS period FROM fct_user_months AS a WHERE ${userFilter(filters, 'a.user_id') ?? 'TRUE'}`
        : `SELECT DISTINCT a.user_id AS subject_id, CAST(date_trunc('week', a.event_date) AS DATE) AS period FROM fct_user_days AS a WHERE ${userFilter(filters, 'a.user_id') ?? 'TRUE'}`
      : `SELECT a.customer_id AS subject_id, a.month AS period FROM fct_subscription_months AS a WHERE a.mrr > 0 AND ${accountFilter(filters, 'a.customer_id') ?? 'TRUE'}`;
  return `params AS (SELECT as_of_date, CAST(date_trunc('${g}', as_of_date) AS DATE) AS as_of_period FROM run_params),
activity AS (${activity}),
subjects AS (
  SELECT subject_id, min(period) AS cohort_start, max(period) AS last_period
  FROM activity
  GROUP BY subject_id
  HAVING ${periodStartInRangeSql(filters, 'min(period)')}
)`;
}

/** Retention computed from the silver activity grid (weekly cohorts, "on or after", or any variant for the tests). */
export function computedRetentionSql(options: RetentionOptions, filters: Filters): string {
  if (options.measure === 'revenue') throw new Error('Revenue retention is read from cohort_retention');
  const counted =
    options.convention === 'on'
      ? // Active in exactly the period.
        `counts AS (
  SELECT s.cohort_start, ${offsetSql(options, 's.cohort_start', 'a.period')} AS period_number, count(*) AS n
  FROM activity AS a JOIN subjects AS s ON s.subject_id = a.subject_id
  GROUP BY ALL
),
cells AS (
  SELECT g.*, coalesce(c.n, 0) AS active
  FROM grid AS g LEFT JOIN counts AS c ON c.cohort_start = g.cohort_start AND c.period_number = g.period_number
)`
      : // Active in the period or a later one: everyone but those whose last active period came before it.
        `lasts AS (
  SELECT cohort_start, ${offsetSql(options, 'cohort_start', 'last_period')} AS period_number, count(*) AS n
  FROM subjects
  GROUP BY ALL
),
cells AS (
  SELECT g.*, g.cohort_size - coalesce(sum(l.n) OVER (PARTITION BY g.cohort_start ORDER BY g.period_number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS active
  FROM grid AS g LEFT JOIN lasts AS l ON l.cohort_start = g.cohort_start AND l.period_number = g.period_number
)`;
  return `WITH ${subjectsCtes(options, filters)},
sizes AS (SELECT cohort_start, count(*) AS cohort_size FROM subjects GROUP BY cohort_start),
grid AS (
  SELECT s.cohort_start, s.cohort_size, CAST(o.k AS INTEGER) AS period_number, ${stepSql(options, 's.cohort_start', 'CAST(o.k AS INTEGER)')} AS period_start
  FROM sizes AS s CROSS JOIN range(0, 1200) AS o(k) CROSS JOIN params AS p
  WHERE ${stepSql(options, 's.cohort_start', 'CAST(o.k AS INTEGER)')} <= p.as_of_period
),
${counted}
SELECT c.cohort_start, c.period_number, c.period_start, CAST(c.cohort_size AS BIGINT) AS cohort_size,
  CAST(c.active AS DOUBLE) AS active, CAST(c.cohort_size AS DOUBLE) AS base, 100.0 * c.active / c.cohort_size AS rate,
  c.period_start = p.as_of_period AND p.as_of_date < ${periodEndSql(options.grain, 'p.as_of_period')} AS is_partial
FROM cells AS c CROSS JOIN params AS p
ORDER BY c.cohort_start, c.period_number`;
}

/** The heatmap's SQL for the chosen options: the mart when it has them, else computed. */
export function retentionSql(options: RetentionOptions, martSql: string, filters: Filters): string {
  return martFor(options) ? martRetentionSql(options, martSql) : computedRetentionSql(options, filters);
}

/** One heatmap cell to list the subjects of. */
export interface CellSelection {
  cohortStart: string;
  periodStart: string;
  periodNumber: number;
}

/**
 * The users or accounts of a cohort with whether each counts as active in the period under
 * the convention (columns differ by subject; `active` is always there), active ones first.
 * For accounts, the MRR at the period's end too (what revenue retention adds up).
 */
export function drilldownSql(options: RetentionOptions, filters: Filters, cell: CellSelection): string {
  const period = `DATE ${quoteLiteral(cell.periodStart)}`;
  const activeSql = options.convention === 'on' ? `s.subject_id IN (SELECT subject_id FROM activity WHERE period = ${period})` : `s.last_period >= ${period}`;
  const base = `WITH ${subjectsCtes(options, filters)}`;
  if (options.subject === 'users') {
    return `${base}
SELECT s.subject_id AS user_id, u.customer_id, u.platform, s.cohort_start AS first_active, s.last_period AS last_active, ${activeSql} AS active
FROM subjects AS s LEFT JOIN stg_users AS u ON u.user_id = s.subject_id
WHERE s.cohort_start = DATE ${quoteLiteral(cell.cohortStart)}
ORDER BY active DESC, s.subject_id`;
  }
  return `${base}
SELECT s.subject_id AS customer_id, c.company_name, c.current_tier, c.region, s.cohort_start AS first_paid, s.last_period AS last_paid,
  CAST(coalesce(m.mrr, 0) AS DOUBLE) AS mrr, ${activeSql} AS active
FROM subjects AS s
LEFT JOIN dim_customers AS c ON c.customer_id = s.subject_id
LEFT JOIN fct_subscription_months AS m ON m.customer_id = s.subject_id AND m.month = ${period}
WHERE s.cohort_start = DATE ${quoteLiteral(cell.cohortStart)}
ORDER BY active DESC, mrr DESC, s.subject_id`;
}

/** Kaplan-Meier curves with their 95 % band and censoring, per plan tier (survival_km). */
export function survivalCurveSql(martSql: string): string {
  return `SELECT k.plan_tier, k.t, k.n_at_risk, k.events, k.censored, k.survival, k.lower_95, k.upper_95
FROM (${martSql}) AS k
ORDER BY CASE k.plan_tier WHEN 'starter' THEN 1 WHEN 'growth' THEN 2 WHEN 'pro' THEN 3 WHEN 'enterprise' THEN 4 ELSE 5 END, k.t`;
}

/** Per tier: accounts, churns, median survival with its interval (survival_summary), and the log-rank test (survival_logrank). */
export function survivalSummarySql(summarySql: string, logrankSql: string): string {
  return `SELECT s.plan_tier, s.customers, s.events, s.censored, s.median_survival_days, s.median_lower_95, s.median_upper_95, s.survival_365d,
  l.observed_events, l.expected_events, l.chi_square, l.degrees_of_freedom, l.p_value
FROM (${summarySql}) AS s LEFT JOIN (${logrankSql}) AS l ON l.plan_tier = s.plan_tier
ORDER BY CASE s.plan_tier WHEN 'starter' THEN 1 WHEN 'growth' THEN 2 WHEN 'pro' THEN 3 WHEN 'enterprise' THEN 4 ELSE 5 END`;
}

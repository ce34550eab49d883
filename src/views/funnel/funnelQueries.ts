import type { Filters } from '../../pipeline/filters';
import { periodStartInRangeSql } from '../common/periodSql';

/** The monthly funnel (seed 000) within the date range: sign-ups, trials, conversions and rates. */
export function monthlyFunnelSql(martSql: string, filters: Filters): string {
  return `SELECT f.month AS period_start, f.is_partial_month AS is_partial, f.signups, f.trials, f.trial_conversions, f.trials_open,
  f.paid_conversions, f.signups_paid, f.trial_to_paid_rate, f.signup_to_trial_rate, f.signup_to_paid_rate
FROM (${martSql}) AS f
WHERE ${periodStartInRangeSql(filters, 'f.month')}
ORDER BY f.month`;
}

/** Trial cohorts by start month and acquisition channel (with the 'all' rows), within the date range. */
export function trialCohortsSql(martSql: string, filters: Filters): string {
  return `SELECT t.trial_month AS period_start, t.acquisition_channel, t.trials_started, t.converted, t.trials_open, t.conversion_rate,
  t.median_days_to_convert, t.is_cohort_complete
FROM (${martSql}) AS t
WHERE ${periodStartInRangeSql(filters, 't.trial_month')}
ORDER BY t.trial_month, t.acquisition_channel`;
}

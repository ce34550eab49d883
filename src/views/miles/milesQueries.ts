import type { Filters } from '../../pipeline/filters';
import type { Grain } from '../../state/filtersSlice';
import { dailyToPeriodsSql } from '../common/periodSql';

/**
 * Miles per period: the daily earned, redeemed and transaction counts summed over the
 * period's days, and the outstanding liability at the end of its last day (a stock, counted
 * from the first day of the data whatever the date range).
 */
export function milesPeriodsSql(martSql: string, grain: Grain, filters: Filters): string {
  return dailyToPeriodsSql({
    source: martSql,
    dateColumn: 'event_date',
    grain,
    filters,
    measures: [
      'CAST(sum(d.daily_miles_earned) AS BIGINT) AS miles_earned',
      'CAST(sum(d.daily_miles_redeemed) AS BIGINT) AS miles_redeemed',
      'CAST(sum(d.earning_transactions) AS BIGINT) AS earning_transactions',
      'CAST(sum(d.redeeming_transactions) AS BIGINT) AS redeeming_transactions',
      'arg_max(d.outstanding_miles_liability, d.event_date) AS liability_end',
    ],
  });
}

/** The users with a negative miles balance, most negative first, as the mart lists them. */
export function negativeUsersSql(martSql: string): string {
  return `SELECT n.user_id, n.first_seen_at, n.last_seen_at, n.total_miles_earned, n.total_miles_redeemed, n.current_miles_balance, n.negative_amount
FROM (${martSql}) AS n
ORDER BY n.current_miles_balance, n.user_id`;
}

import { type Filters, periodFilter } from '../../pipeline/filters';
import type { Grain } from '../../state/filtersSlice';

/** SQL for the first day of the `grain` period holding the date `column` (weeks start on Monday, as DuckDB's ISO weeks). */
export function periodStartSql(grain: Grain, column: string): string {
  return `CAST(date_trunc('${grain}', ${column}) AS DATE)`;
}

/** SQL for the last day of the `grain` period starting on the date `start`. */
export function periodEndSql(grain: Grain, start: string): string {
  if (grain === 'month') return `last_day(${start})`;
  if (grain === 'week') return `CAST(${start} + 6 AS DATE)`;
  return start;
}

/**
 * The condition keeping the periods whose first day (`startColumn`) lies in the global date
 * range, or TRUE when there is none: the convention of the marts' own period filter points
 * (filters.ts), which a filtered mart has already applied. Rows are whole periods here, so a
 * period is kept or dropped, never cut.
 */
export function periodStartInRangeSql(filters: Filters, startColumn: string): string {
  return periodFilter(filters, startColumn) ?? 'TRUE';
}

/** The condition keeping the days (`dateColumn`) inside the global date range, or TRUE. */
export function dayInRangeSql(filters: Filters, dateColumn: string): string {
  return periodFilter(filters, dateColumn) ?? 'TRUE';
}

interface DailyAggregate {
  /** SQL of the daily source, e.g. from useMartSql. */
  source: string;
  dateColumn: string;
  grain: Grain;
  filters: Filters;
  /** Aggregate select items over the source's columns (aliased `d`), e.g. `sum(d.x) AS x`. */
  measures: readonly string[];
}

/**
 * A daily mart rolled up to `grain` periods within the global date range. Each row also has
 * first_day, last_day and is_partial: TRUE when the data covers only part of the period (the
 * as-of period, the first one, or one cut by the date range).
 */
export function dailyToPeriodsSql({ source, dateColumn, grain, filters, measures }: DailyAggregate): string {
  const start = periodStartSql(grain, `d.${dateColumn}`);
  return `SELECT p.*, (p.first_day > p.period_start OR p.last_day < ${periodEndSql(grain, 'p.period_start')}) AS is_partial
FROM (
  SELECT ${start} AS period_start, min(d.${dateColumn}) AS first_day, max(d.${dateColumn}) AS last_day,
    ${measures.join(',\n    ')}
  FROM (${source}) AS d
  WHERE ${dayInRangeSql(filters, `d.${dateColumn}`)}
  GROUP BY 1
) AS p
ORDER BY p.period_start`;
}

import type { ChartOption } from '../../charts/echarts';
import { formatCount, formatCurrency } from '../../format/numbers';
import type { RetentionOptions } from './retentionOptions';
import type { RetentionRow } from './retentionRows';

export type CellState = 'observed' | 'partial' | 'censored';

export interface RetentionCell {
  cohortIndex: number;
  period: number;
  state: CellState;
  /** Percent; null when censored (or when the cohort's base is 0). */
  rate: number | null;
  /** Users or accounts active, or MRR; null when censored. */
  active: number | null;
  /** First day of the period (the drill-down lists its subjects); null when censored. */
  periodStart: string | null;
}

export interface RetentionGrid {
  /** Cohorts by first day, with their size (users or accounts) and base (the size, or the first month's MRR). */
  cohorts: { start: string; size: number; base: number }[];
  periods: number;
  cells: RetentionCell[];
}

/**
 * Lays the rows out as a full cohort x period triangle. A period with no row lies after the
 * as-of date: it becomes a censored cell, never a zero.
 */
export function buildRetentionGrid(rows: readonly RetentionRow[]): RetentionGrid {
  const seen = new Set<string>();
  const cohorts: RetentionGrid['cohorts'] = [];
  let maxPeriod = -1;
  for (const row of rows) {
    if (!seen.has(row.cohortStart)) {
      seen.add(row.cohortStart);
      cohorts.push({ start: row.cohortStart, size: row.cohortSize, base: row.base });
    }
    maxPeriod = Math.max(maxPeriod, row.periodNumber);
  }
  cohorts.sort((a, b) => a.start.localeCompare(b.start));
  const byKey = new Map(rows.map((r) => [`${r.cohortStart}|${r.periodNumber}`, r]));
  const cells: RetentionCell[] = [];
  cohorts.forEach((cohort, i) => {
    for (let period = 0; period <= maxPeriod; period++) {
      const row = byKey.get(`${cohort.start}|${period}`);
      if (row) cells.push({ cohortIndex: i, period, state: row.isPartial ? 'partial' : 'observed', rate: row.rate, active: row.active, periodStart: row.periodStart });
      else cells.push({ cohortIndex: i, period, state: 'censored', rate: null, active: null, periodStart: null });
    }
  });
  return { cohorts, periods: maxPeriod + 1, cells };
}

const CENSORED_COLOR = '#d9dde3';

export function formatPercent(rate: number | null): string {
  return rate === null ? 'n/a' : `${rate.toFixed(1)} %`;
}

/** How the view names what it shows, for axis labels and tooltips. */
export interface RetentionLabels {
  /** "month" or "week". */
  period: string;
  /** "users" or "accounts". */
  unit: string;
  revenue: boolean;
}

export function retentionLabels(options: RetentionOptions): RetentionLabels {
  return { period: options.grain, unit: options.subject, revenue: options.measure === 'revenue' };
}

/** A cohort's label on an axis: 2024-03 for a month, the Monday's date for a week. */
export function cohortLabel(start: string, labels: RetentionLabels): string {
  return labels.period === 'month' ? start.slice(0, 7) : start;
}

/** What a cell retains: a count of users or accounts, or MRR. */
export function formatActive(value: number | null, labels: RetentionLabels): string {
  return labels.revenue ? formatCurrency(value) : formatCount(value);
}

/** The echarts option of the heatmap: colour = retention %, censored cells grey. */
export function retentionHeatmapOption(grid: RetentionGrid, labels: RetentionLabels = { period: 'month', unit: 'users', revenue: false }): ChartOption {
  // A cell without a rate (a cohort without MRR in its first month) is n/a: drawn grey like a censored one, never as 0.
  const observed = grid.cells.filter((c) => c.state !== 'censored' && c.rate !== null);
  const grey = grid.cells.filter((c) => c.state === 'censored' || c.rate === null);
  const cohortLabels = grid.cohorts.map((c) => cohortLabel(c.start, labels));
  // Revenue retention can pass 100 % (expansion): the scale stretches to the highest cell, up to 200 %.
  const top = Math.min(200, Math.max(100, ...observed.map((c) => Math.ceil(c.rate ?? 0))));
  return {
    animation: false,
    grid: { left: labels.period === 'week' ? 90 : 70, right: 20, top: 10, bottom: 100 },
    tooltip: {
      formatter: (p: { data: { value: [number, number, number | null]; cell: RetentionCell } }) => {
        const cell = p.data.cell;
        const cohort = grid.cohorts[cell.cohortIndex]!;
        const head = `Cohort ${cohortLabel(cohort.start, labels)} (${formatCount(cohort.size)} ${labels.unit}), ${labels.period} ${cell.period}`;
        if (cell.state === 'censored') return `${head}<br/>Censored: this ${labels.period} starts after the as-of date`;
        if (cell.rate === null) return `${head}<br/>n/a: the cohort had no MRR in its first month`;
        const note = cell.state === 'partial' ? `<br/><i>Partial ${labels.period}: still in progress at the as-of date</i>` : '';
        const what = labels.revenue ? 'MRR' : 'active';
        return `${head}<br/>Retention ${formatPercent(cell.rate)} (${formatActive(cell.active, labels)} ${what})${note}<br/>Click to list the ${labels.unit}`;
      },
    },
    xAxis: {
      type: 'category',
      name: `${labels.period === 'month' ? 'Months' : 'Weeks'} since ${labels.unit === 'users' ? 'first activity' : 'first payment'}`,
      nameLocation: 'middle',
      nameGap: 26,
      data: Array.from({ length: grid.periods }, (_, i) => String(i)),
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: cohortLabels, inverse: true, splitArea: { show: true } },
    visualMap: {
      seriesIndex: 0,
      min: 0,
      max: top,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: [`${top} %`, '0 %'],
      itemHeight: 160,
      inRange: { color: ['#f7fbff', '#9ecae1', '#2171b5', '#08306b'] },
    },
    series: [
      {
        name: 'Retention',
        type: 'heatmap',
        // Drawn in one pass: progressive rendering would paint large grids over several frames.
        progressive: 0,
        data: observed.map((cell) => ({
          value: [cell.period, cell.cohortIndex, cell.rate],
          cell,
          ...(cell.state === 'partial' ? { itemStyle: { borderColor: '#e8590c', borderWidth: 2, borderType: 'dashed' } } : {}),
        })),
        label: { show: grid.periods <= 30 && grid.cohorts.length <= 40, fontSize: 9, formatter: (p: { data: { value: [number, number, number] } }) => Math.round(p.data.value[2]).toString() },
        emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1 } },
      },
      {
        name: 'Censored',
        type: 'heatmap',
        progressive: 0,
        // A heatmap item needs a number to be drawn; the colour comes from itemStyle, not the value.
        data: grey.map((cell) => ({ value: [cell.period, cell.cohortIndex, 0], cell })),
        itemStyle: { color: CENSORED_COLOR, opacity: 0.55 },
      },
    ],
  };
}

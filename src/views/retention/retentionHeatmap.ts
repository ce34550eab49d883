import type { ChartOption } from '../../charts/echarts';

/** One row of gold retention_cohorts, as the view reads it. */
export interface RetentionRow {
  cohortMonth: string;
  periodNumber: number;
  usersActive: number;
  cohortSize: number;
  retentionRate: number;
  isPartial: boolean;
}

export type CellState = 'observed' | 'partial' | 'censored';

export interface RetentionCell {
  cohortIndex: number;
  period: number;
  state: CellState;
  /** Percent; null when censored. */
  rate: number | null;
  usersActive: number | null;
}

export interface RetentionGrid {
  cohorts: { month: string; size: number }[];
  periods: number;
  cells: RetentionCell[];
}

/**
 * Lays the rows out as a full cohort x period triangle. A period with no row lies after the
 * as-of date: it becomes a censored cell, never a zero.
 */
export function buildRetentionGrid(rows: readonly RetentionRow[]): RetentionGrid {
  const cohortIndex = new Map<string, number>();
  const cohorts: { month: string; size: number }[] = [];
  let maxPeriod = -1;
  for (const row of rows) {
    if (!cohortIndex.has(row.cohortMonth)) {
      cohortIndex.set(row.cohortMonth, cohorts.length);
      cohorts.push({ month: row.cohortMonth, size: row.cohortSize });
    }
    maxPeriod = Math.max(maxPeriod, row.periodNumber);
  }
  cohorts.sort((a, b) => a.month.localeCompare(b.month));
  cohorts.forEach((c, i) => cohortIndex.set(c.month, i));
  const byKey = new Map(rows.map((r) => [`${r.cohortMonth}|${r.periodNumber}`, r]));
  const cells: RetentionCell[] = [];
  cohorts.forEach((cohort, i) => {
    for (let period = 0; period <= maxPeriod; period++) {
      const row = byKey.get(`${cohort.month}|${period}`);
      if (row) cells.push({ cohortIndex: i, period, state: row.isPartial ? 'partial' : 'observed', rate: row.retentionRate, usersActive: row.usersActive });
      else cells.push({ cohortIndex: i, period, state: 'censored', rate: null, usersActive: null });
    }
  });
  return { cohorts, periods: maxPeriod + 1, cells };
}

const CENSORED_COLOR = '#d9dde3';

export function formatPercent(rate: number | null): string {
  return rate === null ? 'n/a' : `${rate.toFixed(1)} %`;
}

/** The echarts option of the heatmap: colour = retention %, censored cells grey. */
export function retentionHeatmapOption(grid: RetentionGrid): ChartOption {
  const observed = grid.cells.filter((c) => c.state !== 'censored');
  const censored = grid.cells.filter((c) => c.state === 'censored');
  const cohortLabels = grid.cohorts.map((c) => c.month.slice(0, 7));
  return {
    animation: false,
    grid: { left: 70, right: 20, top: 10, bottom: 100 },
    tooltip: {
      formatter: (p: { data: { value: [number, number, number | null]; cell: RetentionCell } }) => {
        const cell = p.data.cell;
        const cohort = grid.cohorts[cell.cohortIndex]!;
        const head = `Cohort ${cohort.month.slice(0, 7)} (${cohort.size.toLocaleString('en-US')} users), month ${cell.period}`;
        if (cell.state === 'censored') return `${head}<br/>Censored: this month ends after the as-of date`;
        const note = cell.state === 'partial' ? '<br/><i>Partial month: still in progress at the as-of date</i>' : '';
        return `${head}<br/>Retention ${formatPercent(cell.rate)} (${(cell.usersActive ?? 0).toLocaleString('en-US')} active)${note}`;
      },
    },
    xAxis: { type: 'category', name: 'Months since first activity', nameLocation: 'middle', nameGap: 26, data: Array.from({ length: grid.periods }, (_, i) => String(i)), splitArea: { show: true } },
    yAxis: { type: 'category', data: cohortLabels, inverse: true, splitArea: { show: true } },
    visualMap: {
      seriesIndex: 0,
      min: 0,
      max: 100,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['100 %', '0 %'],
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
        label: { show: grid.periods <= 30, fontSize: 9, formatter: (p: { data: { value: [number, number, number] } }) => Math.round(p.data.value[2]).toString() },
        emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1 } },
      },
      {
        name: 'Censored',
        type: 'heatmap',
        progressive: 0,
        // A heatmap item needs a number to be drawn; the colour comes from itemStyle, not the value.
        data: censored.map((cell) => ({ value: [cell.period, cell.cohortIndex, 0], cell })),
        itemStyle: { color: CENSORED_COLOR, opacity: 0.55 },
      },
    ],
  };
}

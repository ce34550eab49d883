import type { ChartOption } from '../../charts/echarts';
import { formatPercent } from '../../format/numbers';
import { categoryAxis, LEGEND } from '../common/chartParts';
import { cohortLabel, type RetentionGrid, type RetentionLabels } from './retentionHeatmap';
import type { RetentionRow } from './retentionRows';

export type CurveMode = 'cohorts' | 'average';

/** One point of the average retention curve. */
export interface AveragePoint {
  period: number;
  /** 100 x the summed retained over the summed base of the cohorts observed in full at this period; null when none is. */
  rate: number | null;
  /** Cohorts averaged at this period. */
  cohorts: number;
}

/**
 * The average curve by periods since the cohort start: each period pools the cohorts that
 * have lived through it completely (censored and partial cells are left out, so the tail is
 * not dragged down by periods still in progress), weighting each by its size (or MRR):
 * sum(active) / sum(base), not a mean of rates, so small cohorts do not swing it.
 */
export function averageCurve(rows: readonly RetentionRow[]): AveragePoint[] {
  const sums = new Map<number, { active: number; base: number; cohorts: number }>();
  let maxPeriod = -1;
  for (const row of rows) {
    maxPeriod = Math.max(maxPeriod, row.periodNumber);
    if (row.isPartial || row.base <= 0) continue;
    const s = sums.get(row.periodNumber) ?? { active: 0, base: 0, cohorts: 0 };
    s.active += row.active;
    s.base += row.base;
    s.cohorts += 1;
    sums.set(row.periodNumber, s);
  }
  return Array.from({ length: maxPeriod + 1 }, (_, period) => {
    const s = sums.get(period);
    return { period, rate: s && s.base > 0 ? (100 * s.active) / s.base : null, cohorts: s?.cohorts ?? 0 };
  });
}

const percentAxis = { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } } as const;

/** Retention curves: one line per cohort (censored periods end the line; partial ones are hollow), or the average curve. */
export function retentionCurvesOption(grid: RetentionGrid, average: readonly AveragePoint[], mode: CurveMode, labels: RetentionLabels): ChartOption {
  const xLabels = Array.from({ length: grid.periods }, (_, i) => String(i));
  const xName = `${labels.period === 'month' ? 'Months' : 'Weeks'} since start`;
  const tooltip = { trigger: 'axis', valueFormatter: (v: number | null) => formatPercent(v === null ? null : v / 100) };
  if (mode === 'average') {
    return {
      animation: false,
      grid: { left: 56, right: 24, top: 24, bottom: 40 },
      tooltip,
      xAxis: categoryAxis(xLabels, xName),
      yAxis: percentAxis,
      series: [{ name: 'Average retention', type: 'line', data: average.map((p) => p.rate), connectNulls: false, symbolSize: 5 }],
    };
  }
  const byCohort = grid.cohorts.map(() => [] as (number | null | { value: number | null; symbol: string })[]);
  for (const cell of grid.cells) {
    const value = cell.state === 'censored' ? null : cell.rate;
    byCohort[cell.cohortIndex]!.push(cell.state === 'partial' ? { value, symbol: 'emptyCircle' } : value);
  }
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 44, bottom: 40 },
    legend: LEGEND,
    tooltip: { ...tooltip, confine: true },
    xAxis: categoryAxis(xLabels, xName),
    yAxis: percentAxis,
    series: grid.cohorts.map((c, i) => ({ name: cohortLabel(c.start, labels), type: 'line', data: byCohort[i], symbolSize: 4, connectNulls: false })),
  };
}

import type { ChartOption } from '../../charts/echarts';
import { formatPercent } from '../../format/numbers';
import { LEGEND } from '../common/chartParts';
import type { BinRow, CorrelationRow } from './driversRows';

/** Churn red for features that go with churning, retention blue for those that go with staying. */
export const POSITIVE_COLOR = '#d6404e';
export const NEGATIVE_COLOR = '#3a78c2';

/**
 * The correlations as horizontal bars, sorted so the strongest sits on top (echarts draws a
 * category axis from the bottom, so the list goes weakest first); a feature without an r
 * (no variance) is left out of the chart and reads n/a in the table.
 */
export function correlationOption(rows: readonly CorrelationRow[]): ChartOption {
  const drawn = rows.filter((r): r is CorrelationRow & { r: number } => r.r !== null).sort((a, b) => Math.abs(a.r) - Math.abs(b.r));
  const limit = Math.max(0.1, Math.ceil(Math.max(...drawn.map((r) => Math.abs(r.r)), 0) * 10) / 10);
  return {
    animation: false,
    grid: { left: 220, right: 48, top: 16, bottom: 36 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(3) },
    xAxis: { type: 'value', min: -limit, max: limit, name: 'Point-biserial r with churn', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: drawn.map((r) => r.feature) },
    series: [
      {
        name: 'r',
        type: 'bar',
        data: drawn.map((r) => ({ value: r.r, itemStyle: { color: r.r > 0 ? POSITIVE_COLOR : NEGATIVE_COLOR } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
      },
    ],
  };
}

/** A bin's label: the value itself for whole-number bins, else its range. */
export function binLabel(bin: BinRow, digits = 2): string {
  if (bin.singleValue) return String(bin.start);
  const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : v.toFixed(digits));
  return `${round(bin.start)}–${round(bin.end)}`;
}

export interface BinShares {
  label: string;
  churned: number | null;
  retained: number | null;
}

/** Each bin's share of its group (churned, retained): the groups differ in size, shares compare their shapes. Null for an empty group. */
export function binShares(bins: readonly BinRow[]): BinShares[] {
  const churnedTotal = bins.reduce((s, b) => s + b.churned, 0);
  const retainedTotal = bins.reduce((s, b) => s + b.retained, 0);
  return bins.map((b) => ({
    label: binLabel(b),
    churned: churnedTotal > 0 ? b.churned / churnedTotal : null,
    retained: retainedTotal > 0 ? b.retained / retainedTotal : null,
  }));
}

/** Side-by-side bars of the two groups' shares per bin. */
export function distributionOption(bins: readonly BinRow[], featureLabel: string): ChartOption {
  const shares = binShares(bins);
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 44, bottom: 56 },
    legend: LEGEND,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => formatPercent(v) },
    xAxis: { type: 'category', data: shares.map((s) => s.label), name: featureLabel, nameLocation: 'middle', nameGap: 36, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series: [
      { name: 'Churned', type: 'bar', data: shares.map((s) => s.churned), itemStyle: { color: POSITIVE_COLOR } },
      { name: 'Retained', type: 'bar', data: shares.map((s) => s.retained), itemStyle: { color: NEGATIVE_COLOR } },
    ],
  };
}

import type { ChartOption } from '../../charts/echarts';
import type { Grain } from '../../state/filtersSlice';
import { categoryAxis, gridFor, LEGEND, zoomFor } from '../common/chartParts';
import { formatRatio, periodLabel } from '../common/format';
import type { QuickRatioPoint } from './growthRows';

/** Seed 002's quick-ratio benchmarks (quick_ratio_analysis.quick_ratio_benchmark): lower bound inclusive. */
export const QUICK_RATIO_BANDS = [
  { name: 'Critical (<0.8)', from: 0, to: 0.8, color: 'rgba(224, 49, 49, 0.13)' },
  { name: 'Concerning (0.8-1.0)', from: 0.8, to: 1.0, color: 'rgba(247, 103, 7, 0.13)' },
  { name: 'Healthy (1.0-1.5)', from: 1.0, to: 1.5, color: 'rgba(250, 176, 5, 0.11)' },
  { name: 'Strong (1.5-2.0)', from: 1.5, to: 2.0, color: 'rgba(64, 192, 87, 0.12)' },
  { name: 'Top Tier (2.0+)', from: 2.0, to: Number.POSITIVE_INFINITY, color: 'rgba(43, 138, 62, 0.07)' },
] as const;

/** Seed 002's alert thresholds: CRITICAL below 1.0, WARNING when it drops below 1.2. */
export const ALERT_LINES = [
  { value: 1.0, label: 'CRITICAL < 1.0', color: '#c92a2a' },
  { value: 1.2, label: 'WARNING < 1.2', color: '#e8590c' },
] as const;

/** The seed's benchmark class of a quick ratio; NULL (nobody churned) has none. */
export function quickRatioBenchmark(quickRatio: number | null): string | null {
  if (quickRatio === null) return null;
  return QUICK_RATIO_BANDS.find((b) => quickRatio >= b.from && quickRatio < b.to)?.name ?? QUICK_RATIO_BANDS[0].name;
}

export type AlertSeverity = 'critical' | 'warning';

/** CRITICAL and WARNING alerts of quick_ratio_analysis.alert_level; OK and none are not alerts. */
export function alertSeverity(alertLevel: string | null): AlertSeverity | null {
  if (alertLevel?.startsWith('CRITICAL')) return 'critical';
  if (alertLevel?.startsWith('WARNING')) return 'warning';
  return null;
}

/** The y axis never goes above this: the first periods of a young product (few churned) would flatten the bands. */
export const QUICK_RATIO_AXIS_CAP = 5;

/** Top of the y axis: room for the Top Tier band and for the largest ratio, on a 0.5 step, at most the cap. */
export function quickRatioAxisMax(points: readonly QuickRatioPoint[]): number {
  const largest = Math.max(0, ...points.map((p) => p.quickRatio ?? 0), ...points.map((p) => p.average3 ?? 0));
  return Math.min(QUICK_RATIO_AXIS_CAP, Math.max(2.5, Math.ceil(largest * 2) / 2));
}

/**
 * The quick ratio over time on the seed's benchmark bands, with the alert thresholds as lines
 * and, at the month grain, each month with a CRITICAL or WARNING alert pinned. A NULL ratio
 * (no churn) leaves a gap; a partial period is drawn hollow.
 */
export function quickRatioOption(points: readonly QuickRatioPoint[], grain: Grain): ChartOption {
  const labels = points.map((p) => periodLabel(p.periodStart, grain));
  const top = quickRatioAxisMax(points);
  const alerts = points.flatMap((p, i) => {
    const severity = alertSeverity(p.alertLevel);
    if (severity === null || p.quickRatio === null) return [];
    return [{ name: p.alertLevel ?? '', coord: [labels[i], p.quickRatio], value: severity === 'critical' ? '!' : 'W', itemStyle: { color: severity === 'critical' ? '#c92a2a' : '#e8590c' } }];
  });
  const hasAverage = points.some((p) => p.average3 !== null);
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(points.length, 150),
    dataZoom: zoomFor(points.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatRatio(v ?? null) },
    xAxis: categoryAxis(labels),
    yAxis: { type: 'value', name: 'Quick ratio', min: 0, max: top },
    series: [
      {
        name: 'Quick ratio',
        type: 'line',
        connectNulls: false,
        showSymbol: points.length <= 120,
        itemStyle: { color: '#1c7ed6' },
        data: points.map((p) => (p.isPartial ? { value: p.quickRatio, symbol: 'emptyCircle', symbolSize: 9 } : { value: p.quickRatio })),
        markArea: {
          silent: true,
          label: { position: 'right', fontSize: 9, color: '#868e96' },
          data: QUICK_RATIO_BANDS.map((b) => [
            { name: b.name, yAxis: b.from, itemStyle: { color: b.color } },
            { yAxis: Math.min(b.to, top) },
          ]),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          data: ALERT_LINES.map((l) => ({ name: l.label, yAxis: l.value, lineStyle: { color: l.color, type: 'dashed' }, label: { formatter: l.label, position: 'insideStartTop', color: l.color, fontSize: 10 } })),
        },
        markPoint: { symbol: 'pin', symbolSize: 34, label: { color: '#fff', fontWeight: 'bold' }, data: alerts },
      },
      ...(hasAverage ? [{ name: '3-month average', type: 'line', symbol: 'none', connectNulls: true, lineStyle: { type: 'dashed', color: '#5f3dc4' }, itemStyle: { color: '#5f3dc4' }, data: points.map((p) => p.average3) }] : []),
    ],
  };
}

import type { ChartOption } from '../../charts/echarts';
import { categoryAxis, gridFor, LEGEND, partialItem, zoomFor } from '../common/chartParts';
import { formatInt, periodLabel } from '../common/format';
import type { LifecycleRow } from './growthRows';

export const LIFECYCLE_SERIES = [
  { key: 'newUsers', name: 'New', color: '#1c7ed6' },
  { key: 'returningUsers', name: 'Returning', color: '#2f9e44' },
  { key: 'resurrectingUsers', name: 'Resurrecting', color: '#f59f00' },
  { key: 'dormantUsers', name: 'Dormant', color: '#c92a2a' },
] as const;

/** PostHog's lifecycle chart: new, returning and resurrecting users stacked up, dormant users down. */
export function lifecycleOption(rows: readonly LifecycleRow[]): ChartOption {
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatInt(v) },
    xAxis: categoryAxis(rows.map((r) => periodLabel(r.periodStart, 'month'))),
    yAxis: { type: 'value', name: 'Users' },
    series: LIFECYCLE_SERIES.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'lifecycle',
      barMaxWidth: 28,
      itemStyle: { color: s.color },
      data: rows.map((r) => partialItem(r[s.key], r.isPartial)),
    })),
  };
}

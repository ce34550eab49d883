import type { ChartOption } from '../../charts/echarts';
import type { Grain } from '../../state/filtersSlice';
import { categoryAxis, gridFor, LEGEND, partialItem, zoomFor } from '../common/chartParts';
import { formatInt, periodLabel } from '../common/format';
import type { ResurrectionRow } from './growthRows';

/** Seed 002's dormancy lengths (days since the previous active day). */
export const DORMANCY_SERIES = [
  { key: 'short', name: 'Short (2-7 days)', color: '#74c0fc' },
  { key: 'medium', name: 'Medium (8-30 days)', color: '#339af0' },
  { key: 'long', name: 'Long (31-90 days)', color: '#1864ab' },
  { key: 'veryLong', name: 'Very long (90+ days)', color: '#f08c00' },
] as const;

/** Resurrections per period stacked by dormancy length, with the mean dormancy on a second axis. */
export function resurrectionOption(rows: readonly ResurrectionRow[], grain: Grain): ChartOption {
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length, 64),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? 'n/a' : formatInt(v)) },
    xAxis: categoryAxis(rows.map((r) => periodLabel(r.periodStart, grain))),
    yAxis: [
      { type: 'value', name: 'Resurrections' },
      { type: 'value', name: 'Mean dormancy (days)', splitLine: { show: false } },
    ],
    series: [
      ...DORMANCY_SERIES.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'dormancy',
        barMaxWidth: 28,
        itemStyle: { color: s.color },
        data: rows.map((r) => partialItem(r[s.key], r.isPartial)),
      })),
      { name: 'Mean dormancy', type: 'line', yAxisIndex: 1, symbol: 'none', connectNulls: false, lineStyle: { color: '#868e96', type: 'dashed' }, itemStyle: { color: '#868e96' }, data: rows.map((r) => r.avgDormancyDays) },
    ],
  };
}

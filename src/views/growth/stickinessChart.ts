import type { ChartOption } from '../../charts/echarts';
import type { Grain } from '../../state/filtersSlice';
import { categoryAxis, gridFor, LEGEND, zoomFor } from '../common/chartParts';
import { formatPct, periodLabel } from '../common/format';
import type { StickinessRow } from './growthRows';

export const STICKINESS_SERIES = [
  { key: 'dauWau', name: 'DAU/WAU', color: '#1c7ed6' },
  { key: 'dauMau', name: 'DAU/MAU', color: '#e8590c' },
  { key: 'wauMau', name: 'WAU/MAU', color: '#2f9e44' },
] as const;

/** Stickiness ratios (%) per period as three lines; a NULL ratio leaves a gap. */
export function stickinessOption(rows: readonly StickinessRow[], grain: Grain): ChartOption {
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatPct(v ?? null) },
    xAxis: categoryAxis(rows.map((r) => periodLabel(r.periodStart, grain))),
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: STICKINESS_SERIES.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: rows.length <= 60,
      connectNulls: false,
      itemStyle: { color: s.color },
      lineStyle: { color: s.color },
      data: rows.map((r) => r[s.key]),
    })),
  };
}

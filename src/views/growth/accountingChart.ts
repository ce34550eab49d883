import type { ChartOption } from '../../charts/echarts';
import type { Grain } from '../../state/filtersSlice';
import { categoryAxis, gridFor, LEGEND, partialItem, zoomFor } from '../common/chartParts';
import { formatInt, periodLabel } from '../common/format';
import type { AccountingRow } from './growthRows';

// Lines that are neither a flow nor a category are a mid grey, readable on the light and the dark theme.
export const FLOW_COLORS = { new: '#2f9e44', retained: '#4c6ef5', resurrected: '#f59f00', churned: '#e03131', active: '#868e96' } as const;

/**
 * Growth accounting as stacked bars: new, retained and resurrected above the axis (they add
 * up to the period's active users, drawn as a line), churned below it as a negative bar.
 */
export function growthAccountingOption(rows: readonly AccountingRow[], grain: Grain): ChartOption {
  const bar = (name: string, color: string, value: (r: AccountingRow) => number) => ({
    name,
    type: 'bar',
    stack: 'users',
    barMaxWidth: 28,
    itemStyle: { color },
    data: rows.map((r) => partialItem(value(r), r.isPartial)),
  });
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatInt(Math.abs(v)) },
    xAxis: categoryAxis(rows.map((r) => periodLabel(r.periodStart, grain))),
    yAxis: { type: 'value', name: 'Users', axisLabel: { formatter: (v: number) => formatInt(v) } },
    series: [
      bar('New', FLOW_COLORS.new, (r) => r.newUsers),
      bar('Retained', FLOW_COLORS.retained, (r) => r.retainedUsers),
      bar('Resurrected', FLOW_COLORS.resurrected, (r) => r.resurrectedUsers),
      bar('Churned', FLOW_COLORS.churned, (r) => -r.churnedUsers),
      { name: 'Active users', type: 'line', symbol: 'none', lineStyle: { color: FLOW_COLORS.active, width: 1.5 }, itemStyle: { color: FLOW_COLORS.active }, data: rows.map((r) => r.activeUsers) },
    ],
  };
}

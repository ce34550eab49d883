import type { ChartOption } from '../../charts/echarts';
import { formatCurrency } from '../../format/numbers';
import { LEGEND } from '../common/chartParts';
import { ACQUISITION_TYPES, type AcquisitionType, type QuarterRow, TYPE_LABELS } from './investigationQueries';
import { quartersOf } from './investigationModel';

export const TYPE_COLORS: Record<AcquisitionType, string> = { subscription: '#1f6feb', add_on: '#f08c00', gift: '#ae3ec9' };

/** Which bar a click on the quarter chart hit: series = acquisition type, category = quarter. */
export function barAt(rows: readonly QuarterRow[], seriesIndex: number, dataIndex: number): { quarter: string; type: AcquisitionType } | null {
  const type = ACQUISITION_TYPES[seriesIndex];
  const quarter = quartersOf(rows)[dataIndex];
  return type && quarter ? { quarter, type } : null;
}

/**
 * Average first-month net revenue per account by acquisition quarter, one bar per acquisition
 * type side by side (averages do not stack). A quarter without accounts of a type has no bar;
 * a quarter still in progress is faded (its latest accounts' reversals may still come).
 */
export function quarterBarsOption(rows: readonly QuarterRow[]): ChartOption {
  const quarters = quartersOf(rows);
  const partial = new Set(rows.filter((r) => r.partial).map((r) => r.quarter));
  const cell = (quarter: string, type: AcquisitionType) => rows.find((r) => r.quarter === quarter && r.type === type);
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 40, bottom: 32 },
    legend: LEGEND,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const row = cell(quarters[p.dataIndex]!, ACQUISITION_TYPES[p.seriesIndex]!);
        if (!row) return '';
        return `${row.quarter}${row.partial ? ' (in progress)' : ''} · ${TYPE_LABELS[row.type]}<br/>Average first-month net ${formatCurrency(row.avgNet, { cents: true })} over ${row.accounts} accounts<br/><i>Click to list the accounts</i>`;
      },
    },
    xAxis: { type: 'category', data: quarters },
    yAxis: { type: 'value', name: 'USD per account', axisLabel: { formatter: (v: number) => formatCurrency(v, { compact: true }) } },
    series: ACQUISITION_TYPES.map((type) => ({
      name: TYPE_LABELS[type],
      type: 'bar',
      color: TYPE_COLORS[type],
      cursor: 'pointer',
      data: quarters.map((q) => {
        const value = cell(q, type)?.avgNet ?? null;
        // '-' is echarts' empty value: no bar rather than a bar of 0 for a quarter without accounts.
        return partial.has(q) ? { value: value ?? '-', itemStyle: { opacity: 0.45 } } : { value: value ?? '-' };
      }),
    })),
  };
}

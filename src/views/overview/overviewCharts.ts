import type { ChartOption } from '../../charts/echarts';
import { formatCount, formatCurrency, formatMonth } from '../../format/numbers';
import type { Grain } from '../../state/filtersSlice';
import type { ActiveRow, SeriesPoint } from './overviewQueries';

/** A partial period (the as-of month, or one cut by the date range) is drawn faded. */
const faded = (value: number | null, partial: boolean) => (partial ? { value, itemStyle: { opacity: 0.4 } } : { value });

export const MRR_COLOR = '#1f6feb';
const ACCOUNTS_COLOR = '#e8590c';

/** Month-end MRR as bars and paying accounts as a line on a second axis, by month. */
export function mrrTrendOption(mrr: readonly SeriesPoint[], paying: readonly SeriesPoint[]): ChartOption {
  const accounts = new Map(paying.map((p) => [p.period, p.value]));
  return {
    animation: false,
    grid: { left: 72, right: 64, top: 40, bottom: 32 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: mrr.map((p) => formatMonth(p.period)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: 'MRR', axisLabel: { formatter: (v: number) => formatCurrency(v, { compact: true }) } },
      { type: 'value', name: 'Accounts', splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatCount(v) } },
    ],
    series: [
      {
        name: 'MRR',
        type: 'bar',
        color: MRR_COLOR,
        data: mrr.map((p) => faded(p.value, p.partial)),
        tooltip: { valueFormatter: (v: number) => formatCurrency(v) },
      },
      {
        name: 'Paying accounts',
        type: 'line',
        yAxisIndex: 1,
        color: ACCOUNTS_COLOR,
        symbolSize: 4,
        data: mrr.map((p) => accounts.get(p.period) ?? null),
        tooltip: { valueFormatter: (v: number) => formatCount(v) },
      },
    ],
  };
}

const GRAIN_NOUN: Record<Grain, string> = { day: 'Daily', week: 'Weekly', month: 'Monthly' };

/** Active users per period at the chosen grain, split into new, retained and resurrected (they add up to the total). */
export function activeUsersOption(rows: readonly ActiveRow[], grain: Grain): ChartOption {
  const label = (p: string) => (grain === 'month' ? formatMonth(p) : p);
  const stack = (name: string, color: string, value: (r: ActiveRow) => number) => ({
    name,
    type: 'bar',
    stack: 'active',
    color,
    barCategoryGap: grain === 'day' ? 0 : '20%',
    data: rows.map((r) => faded(value(r), r.partial)),
  });
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 40, bottom: rows.length > 60 ? 64 : 32 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatCount(v) },
    xAxis: { type: 'category', data: rows.map((r) => label(r.period)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: `${GRAIN_NOUN[grain]} active users`, axisLabel: { formatter: (v: number) => formatCount(v) } },
    dataZoom: rows.length > 60 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }] : [],
    series: [
      stack('Retained', '#4c6ef5', (r) => r.retainedUsers),
      stack('New', '#2b8a3e', (r) => r.newUsers),
      stack('Resurrected', '#f59f00', (r) => r.resurrectedUsers),
    ],
  };
}

import type { ChartOption } from '../../charts/echarts';
import { formatCurrency, formatMonth, formatMultiple, formatPercent } from '../../format/numbers';
import type { AccountQuickRatioRow, BridgeRow, LtvPoint, Retention12mRow } from './revenueQueries';

const monthAxis = (months: readonly string[]) => ({ type: 'category', data: months.map(formatMonth), axisLabel: { hideOverlap: true } });

/** Every month of any of the series, in order (the series may start at different months). */
function unionMonths(...lists: readonly (readonly { month: string }[])[]): string[] {
  return [...new Set(lists.flatMap((l) => l.map((r) => r.month)))].sort();
}

/**
 * NRR and GRR: over each month (monthly_revenue) and over 12 months (revenue_retention_12m,
 * from the first month with a year of history). A month without a figure is a gap, not 0.
 */
export function retentionTrendOption(monthly: readonly BridgeRow[], yearly: readonly Retention12mRow[]): ChartOption {
  const months = unionMonths(monthly, yearly);
  const at = <R extends { month: string }>(rows: readonly R[], value: (r: R) => number | null) => {
    const byMonth = new Map(rows.map((r) => [r.month, value(r)]));
    return months.map((m) => byMonth.get(m) ?? null);
  };
  const line = (name: string, color: string, data: (number | null)[], dashed = false) => ({
    name,
    type: 'line',
    color,
    symbolSize: 4,
    connectNulls: false,
    lineStyle: dashed ? { type: 'dashed' } : undefined,
    data,
  });
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 40, bottom: 32 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatPercent(v) },
    xAxis: monthAxis(months),
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
    series: [
      line('NRR (12 months)', '#1f6feb', at(yearly, (r) => r.nrr12m)),
      line('GRR (12 months)', '#e8590c', at(yearly, (r) => r.grr12m)),
      line('NRR (month)', '#74c0fc', at(monthly, (r) => r.nrr), true),
      line('GRR (month)', '#ffa94d', at(monthly, (r) => r.grr), true),
    ],
  };
}

export const QUICK_RATIO_AXIS_MAX = 8;

/**
 * Revenue growth accounting: the revenue quick ratio (new + reactivation + expansion) /
 * (contraction + churn) by month, with the account quick ratio of product activity for
 * comparison, against the break-even line at 1.
 */
export function quickRatioOption(revenue: readonly BridgeRow[], accounts: readonly AccountQuickRatioRow[]): ChartOption {
  const months = unionMonths(revenue, accounts);
  const at = <R extends { month: string }>(rows: readonly R[], value: (r: R) => number | null) => {
    const byMonth = new Map(rows.map((r) => [r.month, value(r)]));
    return months.map((m) => byMonth.get(m) ?? null);
  };
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatMultiple(v) },
    xAxis: monthAxis(months),
    // A month with almost no loss has a huge ratio that would flatten every other month: the
    // axis stops at QUICK_RATIO_AXIS_MAX (the data table has the exact figures).
    yAxis: { type: 'value', min: 0, max: (extent: { max: number }) => Math.min(Math.ceil(extent.max), QUICK_RATIO_AXIS_MAX), axisLabel: { formatter: (v: number) => `${v}×` } },
    series: [
      {
        name: 'Revenue quick ratio',
        clip: true,
        type: 'line',
        color: '#2b8a3e',
        symbolSize: 4,
        data: at(revenue, (r) => r.quickRatio),
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dotted', color: '#868e96' }, label: { formatter: 'break-even 1×' }, data: [{ yAxis: 1 }] },
      },
      { name: 'Account quick ratio (activity)', type: 'line', clip: true, color: '#7048e8', symbolSize: 4, data: at(accounts, (r) => r.quickRatio) },
    ],
  };
}

/** A quarter's label from its first day: 2024-04-01 -> 2024 Q2. */
export function quarterLabel(isoDate: string): string {
  return `${isoDate.slice(0, 4)} Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/** One line per cohort: cumulative net revenue per account by months since the first paid month. */
export function ltvCurvesOption(points: readonly LtvPoint[]): ChartOption {
  const cohorts = [...new Set(points.map((p) => p.cohort))].sort();
  const horizon = points.reduce((max, p) => Math.max(max, p.monthsSince), 0);
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 40, bottom: 40 },
    legend: { top: 4, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatCurrency(v) },
    xAxis: { type: 'category', name: 'Months since first paid month', nameLocation: 'middle', nameGap: 26, data: Array.from({ length: horizon + 1 }, (_, i) => String(i)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCurrency(v, { compact: true }) } },
    series: cohorts.map((cohort) => {
      const values = Array.from({ length: horizon + 1 }, () => null as number | null);
      for (const p of points) if (p.cohort === cohort) values[p.monthsSince] = p.revenuePerAccount;
      const size = points.find((p) => p.cohort === cohort)!.accounts;
      return { name: `${quarterLabel(cohort)} (${size})`, type: 'line', symbolSize: 3, data: values };
    }),
  };
}

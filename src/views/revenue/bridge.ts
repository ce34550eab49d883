import type { ChartOption } from '../../charts/echarts';
import { formatCurrency, formatMonth } from '../../format/numbers';
import type { BridgeRow, BridgeStep } from './revenueQueries';

/** Colours of the movements, the same in the waterfall, the monthly stacks and the drill-down. */
export const STEP_COLORS: Record<BridgeStep, string> = {
  start: '#7b8794',
  new: '#2b8a3e',
  reactivation: '#15aabf',
  expansion: '#74b816',
  contraction: '#f08c00',
  churn: '#e03131',
  end: '#1f6feb',
};

export const STEP_LABELS: Record<BridgeStep, string> = {
  start: 'Start MRR',
  new: 'New',
  reactivation: 'Reactivation',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  end: 'End MRR',
};

export { BRIDGE_STEPS } from '../../state/uiSlice';

/** One bar of the waterfall: `signed` is the movement (negative for contraction and churn). */
export interface WaterfallBar {
  step: BridgeStep;
  signed: number;
  /** Where the visible bar starts (the invisible part under it) and how tall it is. */
  base: number;
  height: number;
}

/**
 * The bars of one month's bridge: start, each movement stepping from the running total, end.
 * A gain sits on the total before it; a loss hangs from it, so its base is the total after.
 */
export function waterfallBars(row: BridgeRow): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ step: 'start', signed: row.start, base: 0, height: row.start }];
  let total = row.start;
  for (const step of ['new', 'reactivation', 'expansion'] as const) {
    bars.push({ step, signed: row[step], base: total, height: row[step] });
    total += row[step];
  }
  for (const step of ['contraction', 'churn'] as const) {
    total -= row[step];
    bars.push({ step, signed: -row[step], base: total, height: row[step] });
  }
  bars.push({ step: 'end', signed: row.end, base: 0, height: row.end });
  return bars;
}

/** end - (start + new + reactivation + expansion - contraction - churn): 0 up to rounding. */
export function bridgeGap(row: BridgeRow): number {
  return row.end - (row.start + row.new + row.reactivation + row.expansion - row.contraction - row.churn);
}

/** The waterfall of one month: an invisible base series under the visible steps (a stacked bar). */
export function waterfallOption(row: BridgeRow): ChartOption {
  const bars = waterfallBars(row);
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 24, bottom: 32 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const bar = bars[p.dataIndex]!;
        const sign = bar.step === 'start' || bar.step === 'end' ? '' : bar.signed >= 0 ? '+' : '';
        return `${formatMonth(row.month)} · ${STEP_LABELS[bar.step]}: ${sign}${formatCurrency(bar.signed, { cents: true })}<br/><i>Click to list the accounts</i>`;
      },
    },
    xAxis: { type: 'category', data: bars.map((b) => STEP_LABELS[b.step]) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCurrency(v, { compact: true }) } },
    series: [
      {
        name: 'base',
        type: 'bar',
        stack: 'bridge',
        silent: true,
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        tooltip: { show: false },
        data: bars.map((b) => b.base),
      },
      {
        name: 'MRR bridge',
        type: 'bar',
        stack: 'bridge',
        cursor: 'pointer',
        data: bars.map((b) => ({ value: b.height, itemStyle: { color: STEP_COLORS[b.step] } })),
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          formatter: (p: { dataIndex: number }) => formatCurrency(bars[p.dataIndex]!.signed, { compact: true }),
        },
      },
    ],
  };
}

/**
 * The monthly movements over time: gains stacked above zero, losses below, with the net
 * change as a line (net = end - start, by the bridge identity).
 */
export function movementsOption(rows: readonly BridgeRow[]): ChartOption {
  const months = rows.map((r) => formatMonth(r.month));
  const faded = (value: number, partial: boolean) => (partial ? { value, itemStyle: { opacity: 0.45 } } : { value });
  const stack = (step: BridgeStep, sign: 1 | -1) => ({
    name: STEP_LABELS[step],
    type: 'bar',
    stack: sign > 0 ? 'gains' : 'losses',
    color: STEP_COLORS[step],
    data: rows.map((r) => faded(sign * r[step], r.partial)),
  });
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 40, bottom: 32 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatCurrency(v) },
    xAxis: { type: 'category', data: months, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCurrency(v, { compact: true }) } },
    series: [
      stack('new', 1),
      stack('reactivation', 1),
      stack('expansion', 1),
      stack('contraction', -1),
      stack('churn', -1),
      { name: 'Net change', type: 'line', color: '#364fc7', symbolSize: 4, data: rows.map((r) => r.end - r.start) },
    ],
  };
}

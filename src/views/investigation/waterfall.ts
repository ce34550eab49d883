import type { ChartOption } from '../../charts/echarts';
import { formatCurrency } from '../../format/numbers';

/** One step of a waterfall: a total (drawn from zero) or a change from the running total. */
export interface WaterfallStep {
  key: string;
  label: string;
  value: number;
  kind: 'total' | 'change';
}

/** A bar as drawn: from `low` to `high`, and the running total after it. */
export interface WaterfallBar extends WaterfallStep {
  low: number;
  high: number;
  after: number;
}

/**
 * Where each bar of a waterfall sits. A total spans zero to its value and resets the running
 * total; a change spans the running total before and after it, whichever way it goes.
 */
export function waterfallBars(steps: readonly WaterfallStep[]): WaterfallBar[] {
  let running = 0;
  return steps.map((step) => {
    const before = step.kind === 'total' ? 0 : running;
    const after = step.kind === 'total' ? step.value : running + step.value;
    running = after;
    return { ...step, low: Math.min(before, after), high: Math.max(before, after), after };
  });
}

/**
 * The four stacked series a bar is drawn from. echarts stacks positive and negative values
 * separately, so a bar that crosses zero (a change bigger than the total it starts from) is
 * drawn as a part above zero and a part below it, each on its own transparent base.
 */
export function waterfallStacks(bars: readonly WaterfallBar[]): { positiveBase: number[]; positive: number[]; negativeBase: number[]; negative: number[] } {
  const positiveBase: number[] = [];
  const positive: number[] = [];
  const negativeBase: number[] = [];
  const negative: number[] = [];
  for (const b of bars) {
    const top = Math.max(b.high, 0);
    const bottom = Math.max(b.low, 0);
    positiveBase.push(bottom);
    positive.push(top - bottom);
    const upper = Math.min(b.high, 0);
    const lower = Math.min(b.low, 0);
    negativeBase.push(upper);
    negative.push(lower - upper);
  }
  return { positiveBase, positive, negativeBase, negative };
}

const INCREASE = '#2b8a3e';
const DECREASE = '#e03131';
const TOTAL = '#1f6feb';

export function barColor(bar: WaterfallStep): string {
  return bar.kind === 'total' ? TOTAL : bar.value >= 0 ? INCREASE : DECREASE;
}

/** A waterfall chart of `steps` (amounts in USD, with cents in the tooltip). */
export function waterfallOption(steps: readonly WaterfallStep[], options: { rotateLabels?: boolean } = {}): ChartOption {
  const bars = waterfallBars(steps);
  const stacks = waterfallStacks(bars);
  const hidden = { type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, tooltip: { show: false } };
  // Each bar's value is written once: above the part over zero, or under a bar entirely below it.
  const valueLabel = (i: number, above: boolean) => ({
    show: above ? bars[i]!.high > 0 : bars[i]!.high <= 0,
    position: above ? 'top' : 'bottom',
    fontSize: 10,
    formatter: () => formatCurrency(bars[i]!.value, { cents: true }),
  });
  const visible = (name: string, data: number[], above: boolean) => ({
    name,
    type: 'bar',
    stack: 'waterfall',
    cursor: 'default',
    data: data.map((value, i) => ({ value, itemStyle: { color: barColor(bars[i]!) }, label: valueLabel(i, above) })),
  });
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 28, bottom: options.rotateLabels ? 84 : 32 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const bar = bars[p.dataIndex]!;
        const sign = bar.kind === 'change' && bar.value > 0 ? '+' : '';
        return `${bar.label}: ${sign}${formatCurrency(bar.value, { cents: true })}`;
      },
    },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: options.rotateLabels ? 35 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCurrency(v, { compact: true }) } },
    series: [
      { ...hidden, name: 'base above zero', data: stacks.positiveBase },
      visible('above zero', stacks.positive, true),
      { ...hidden, name: 'base below zero', data: stacks.negativeBase },
      visible('below zero', stacks.negative, false),
    ],
  };
}

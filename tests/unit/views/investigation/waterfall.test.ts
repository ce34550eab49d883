import { describe, expect, it } from 'vitest';
import { barColor, waterfallBars, waterfallOption, waterfallStacks, type WaterfallStep } from '../../../../src/views/investigation/waterfall';

// Hand-worked: gross 100, -20 discount, -5 refund, net 75.
const steps: WaterfallStep[] = [
  { key: 'gross', label: 'Gross', value: 100, kind: 'total' },
  { key: 'discount', label: 'Discount', value: -20, kind: 'change' },
  { key: 'refund', label: 'Refund', value: -5, kind: 'change' },
  { key: 'net', label: 'Net', value: 75, kind: 'total' },
];

describe('waterfall', () => {
  it('places totals from zero and changes between the running totals', () => {
    expect(waterfallBars(steps).map(({ low, high, after }) => ({ low, high, after }))).toEqual([
      { low: 0, high: 100, after: 100 },
      { low: 80, high: 100, after: 80 },
      { low: 75, high: 80, after: 75 },
      { low: 0, high: 75, after: 75 },
    ]);
  });

  it('splits a bar that crosses zero into a part above and a part below', () => {
    const crossing: WaterfallStep[] = [
      { key: 'a', label: 'A', value: 10, kind: 'total' },
      { key: 'b', label: 'B', value: -30, kind: 'change' },
      { key: 'c', label: 'C', value: 5, kind: 'change' },
      { key: 'd', label: 'D', value: -15, kind: 'total' },
    ];
    const bars = waterfallBars(crossing);
    expect(bars.map((b) => [b.low, b.high])).toEqual([
      [0, 10],
      [-20, 10],
      [-20, -15],
      [-15, 0],
    ]);
    expect(waterfallStacks(bars)).toEqual({
      positiveBase: [0, 0, 0, 0],
      positive: [10, 10, 0, 0],
      negativeBase: [0, 0, -15, 0],
      negative: [0, -20, -5, -15],
    });
  });

  it('stacks invisible bases under coloured steps, labelled with each step value', () => {
    const option = waterfallOption(steps) as { series: { itemStyle?: { color: string }; data: (number | { value: number; itemStyle: { color: string }; label: { show: boolean } })[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['Gross', 'Discount', 'Refund', 'Net']);
    expect(option.series).toHaveLength(4);
    expect(option.series[0]!.itemStyle?.color).toBe('transparent');
    expect(option.series[0]!.data).toEqual([0, 80, 75, 0]);
    const visible = option.series[1]!.data as { value: number; itemStyle: { color: string }; label: { show: boolean } }[];
    expect(visible.map((d) => d.value)).toEqual([100, 20, 5, 75]);
    expect(visible.map((d) => d.itemStyle.color)).toEqual(steps.map(barColor));
    expect(visible.every((d) => d.label.show)).toBe(true);
    expect(barColor(steps[1]!)).not.toBe(barColor({ ...steps[1]!, value: 3 }));
  });
});

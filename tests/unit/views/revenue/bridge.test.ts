import { describe, expect, it } from 'vitest';
import { bridgeGap, movementsOption, waterfallBars, waterfallOption } from '../../../../src/views/revenue/bridge';
import type { BridgeRow } from '../../../../src/views/revenue/revenueQueries';

// A hand-worked month: 1000 + 200 + 50 + 80 - 30 - 100 = 1200.
const row: BridgeRow = {
  month: '2025-06-01',
  partial: false,
  start: 1000,
  new: 200,
  reactivation: 50,
  expansion: 80,
  contraction: 30,
  churn: 100,
  end: 1200,
  payingStart: 10,
  payingEnd: 11,
  newAccounts: 2,
  reactivatedAccounts: 1,
  churnedAccounts: 2,
  nrr: 0.95,
  grr: 0.87,
  quickRatio: 330 / 130,
};

describe('MRR bridge waterfall', () => {
  it('steps each movement from the running total; losses hang from it', () => {
    expect(waterfallBars(row)).toEqual([
      { step: 'start', signed: 1000, base: 0, height: 1000 },
      { step: 'new', signed: 200, base: 1000, height: 200 },
      { step: 'reactivation', signed: 50, base: 1200, height: 50 },
      { step: 'expansion', signed: 80, base: 1250, height: 80 },
      { step: 'contraction', signed: -30, base: 1300, height: 30 },
      { step: 'churn', signed: -100, base: 1200, height: 100 },
      { step: 'end', signed: 1200, base: 0, height: 1200 },
    ]);
    expect(bridgeGap(row)).toBe(0);
    expect(bridgeGap({ ...row, end: 1201 })).toBe(1);
  });

  it('draws an invisible base under the visible steps, stacked', () => {
    const option = waterfallOption(row) as { xAxis: { data: string[] }; series: { stack: string; data: (number | { value: number })[]; itemStyle?: { color: string } }[] };
    expect(option.xAxis.data).toEqual(['Start MRR', 'New', 'Reactivation', 'Expansion', 'Contraction', 'Churn', 'End MRR']);
    expect(option.series[0]!.itemStyle!.color).toBe('transparent');
    expect(option.series[0]!.data).toEqual([0, 1000, 1200, 1250, 1300, 1200, 0]);
    expect(option.series[1]!.data.map((d) => (d as { value: number }).value)).toEqual([1000, 200, 50, 80, 30, 100, 1200]);
    expect(option.series.every((s) => s.stack === 'bridge')).toBe(true);
  });

  it('stacks gains up and losses down by month, with the net change', () => {
    const option = movementsOption([row, { ...row, month: '2025-07-01', partial: true, start: 1200, end: 1400 }]) as {
      series: { name: string; stack?: string; data: ({ value: number } | number)[] }[];
    };
    const byName = Object.fromEntries(option.series.map((s) => [s.name, s]));
    expect(byName.Churn!.data[0]).toEqual({ value: -100 });
    expect(byName.Churn!.stack).toBe('losses');
    expect(byName.New!.data[1]).toEqual({ value: 200, itemStyle: { opacity: 0.45 } });
    expect(byName['Net change']!.data).toEqual([200, 200]);
  });
});

import { describe, expect, it } from 'vitest';
import { earnedRedeemedOption, earnRedeemRatioOption, liabilityOption, MILES_COLORS, RATIO_AXIS_CAP } from '../../../../src/views/miles/milesCharts';
import { earnRedeemRatio, milesHealth } from '../../../../src/views/miles/milesHealth';
import { type MilesPeriod, type NegativeUser, negativeSummary } from '../../../../src/views/miles/milesRows';

interface Series {
  name: string;
  type: string;
  yAxisIndex?: number;
  data: ({ value: number | null; itemStyle?: { color?: string; opacity?: number }; symbol?: string } | number | null)[];
  markArea?: { data: [{ name: string; yAxis: number }, { yAxis: number }][] };
}
const values = (s: Series) => s.data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));

const period = (periodStart: string, earned: number, redeemed: number, liabilityEnd: number, isPartial = false): MilesPeriod => ({
  periodStart,
  isPartial,
  earned,
  redeemed,
  net: earned - redeemed,
  earningTransactions: 0,
  redeemingTransactions: 0,
  liabilityEnd,
  ratio: earnRedeemRatio(earned, redeemed),
  health: milesHealth(earned, redeemed),
});

// Liability: 300 after January (+300), 250 after February (-50), 450 after March (+200).
const rows = [period('2024-01-01', 300, 0, 300), period('2024-02-01', 100, 150, 250), period('2024-03-01', 400, 200, 450, true)];

describe('miles charts', () => {
  it('puts earned and redeemed side by side with the net as a line', () => {
    const option = earnedRedeemedOption(rows, 'month') as { series: Series[] };
    expect(option.series.map((s) => [s.name, s.type, values(s)])).toEqual([
      ['Earned', 'bar', [300, 100, 400]],
      ['Redeemed', 'bar', [0, 150, 200]],
      ['Net', 'line', [300, -50, 200]],
    ]);
  });

  it('colours each net bar by its sign and draws the liability on the right axis', () => {
    const option = liabilityOption(rows, 'month') as { series: Series[] };
    const [net, liability] = option.series;
    expect(net!.data.map((d) => (typeof d === 'object' && d !== null ? [d.value, d.itemStyle?.color, d.itemStyle?.opacity] : d))).toEqual([
      [300, MILES_COLORS.earned, 1],
      [-50, MILES_COLORS.redeemed, 1],
      [200, MILES_COLORS.earned, 0.45],
    ]);
    expect(liability!.yAxisIndex).toBe(1);
    expect(values(liability!)).toEqual([300, 250, 450]);
  });

  it('plots the ratio with a gap where nothing was redeemed, on the health bands', () => {
    const option = earnRedeemRatioOption(rows, 'month') as { series: Series[]; yAxis: { max: number } };
    const ratio = option.series[0]!;
    expect(values(ratio)).toEqual([null, 100 / 150, 2]);
    expect(ratio.data[2]).toMatchObject({ symbol: 'emptyCircle' });
    expect(option.yAxis.max).toBe(2);
    expect(ratio.markArea!.data.map(([from, to]) => [from.name, from.yAxis, to.yAxis])).toEqual([
      ['High Redemption', 0, 1 / 1.2],
      ['Balanced', 1 / 1.2, 1],
      ['Stable', 1, 1.2],
      ['Healthy Growth', 1.2, 2],
    ]);
  });

  it('caps the ratio axis', () => {
    const option = earnRedeemRatioOption([period('2024-01-01', 1000, 1, 999)], 'month') as { yAxis: { max: number } };
    expect(option.yAxis.max).toBe(RATIO_AXIS_CAP);
  });
});

describe('negative balance summary', () => {
  it('counts the users and adds up the miles over-redeemed', () => {
    const user = (userId: string, balance: number): NegativeUser => ({ userId, firstSeenAt: '2024-01-01', lastSeenAt: '2024-02-01', totalEarned: 10, totalRedeemed: 10 - balance, balance, negativeAmount: -balance });
    expect(negativeSummary([user('u1', -40), user('u2', -2)])).toEqual({ users: 2, milesOverRedeemed: 42 });
    expect(negativeSummary([])).toEqual({ users: 0, milesOverRedeemed: 0 });
  });
});

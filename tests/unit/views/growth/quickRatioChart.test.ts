import { describe, expect, it } from 'vitest';
import { quickRatioFromAccounting, type QuickRatioPoint } from '../../../../src/views/growth/growthRows';
import { alertSeverity, QUICK_RATIO_AXIS_CAP, quickRatioAxisMax, quickRatioBenchmark, quickRatioOption } from '../../../../src/views/growth/quickRatioChart';

const point = (periodStart: string, quickRatio: number | null, alertLevel: string | null = null, average3: number | null = null, isPartial = false): QuickRatioPoint => ({
  periodStart,
  isPartial,
  quickRatio,
  average3,
  alertLevel,
  newUsers: 0,
  resurrectedUsers: 0,
  churnedUsers: 0,
});

interface MarkAreaItem {
  name?: string;
  yAxis: number;
}
interface LineSeries {
  name: string;
  data: ({ value: number | null; symbol?: string } | number | null)[];
  markArea?: { data: [MarkAreaItem, MarkAreaItem][] };
  markLine?: { data: { yAxis: number }[] };
  markPoint?: { data: { name: string; coord: [string, number]; value: string }[] };
}

describe('quick ratio benchmarks (seed 002 quick_ratio_benchmark)', () => {
  it('classifies by the seed thresholds, lower bound inclusive', () => {
    expect(quickRatioBenchmark(0)).toBe('Critical (<0.8)');
    expect(quickRatioBenchmark(0.79)).toBe('Critical (<0.8)');
    expect(quickRatioBenchmark(0.8)).toBe('Concerning (0.8-1.0)');
    expect(quickRatioBenchmark(0.999)).toBe('Concerning (0.8-1.0)');
    expect(quickRatioBenchmark(1)).toBe('Healthy (1.0-1.5)');
    expect(quickRatioBenchmark(1.5)).toBe('Strong (1.5-2.0)');
    expect(quickRatioBenchmark(2)).toBe('Top Tier (2.0+)');
    expect(quickRatioBenchmark(40)).toBe('Top Tier (2.0+)');
  });

  it('has no class without a ratio (nobody churned)', () => {
    expect(quickRatioBenchmark(null)).toBeNull();
  });

  it('reads CRITICAL and WARNING alert levels; OK is no alert', () => {
    expect(alertSeverity('CRITICAL: Quick Ratio Below 1.0')).toBe('critical');
    expect(alertSeverity('WARNING: Quick Ratio Dropped Below 1.2')).toBe('warning');
    expect(alertSeverity('OK')).toBeNull();
    expect(alertSeverity(null)).toBeNull();
  });
});

describe('quick ratio chart', () => {
  it('sizes the axis for the Top Tier band and the data on a 0.5 step, capped', () => {
    expect(quickRatioAxisMax([point('2024-01-01', 1.3)])).toBe(2.5);
    expect(quickRatioAxisMax([point('2024-01-01', 3.2)])).toBe(3.5);
    expect(quickRatioAxisMax([point('2024-01-01', 1), point('2024-02-01', null, null, 4.1)])).toBe(4.5);
    expect(quickRatioAxisMax([point('2024-01-01', 40)])).toBe(QUICK_RATIO_AXIS_CAP);
  });

  const points = [
    point('2024-01-01', null),
    point('2024-02-01', 1.4, 'OK', 1.4),
    point('2024-03-01', 0.7, 'CRITICAL: Quick Ratio Below 1.0', 1.05),
    point('2024-04-01', 1.1, 'WARNING: Quick Ratio Declined >0.3 Points', 1.07, true),
  ];
  const option = quickRatioOption(points, 'month') as { series: LineSeries[]; yAxis: { max: number } };
  const ratio = option.series.find((s) => s.name === 'Quick ratio')!;

  it('draws the five seed bands from 0 to the axis top', () => {
    const bands = ratio.markArea!.data.map(([from, to]) => [from.name, from.yAxis, to.yAxis]);
    expect(bands).toEqual([
      ['Critical (<0.8)', 0, 0.8],
      ['Concerning (0.8-1.0)', 0.8, 1],
      ['Healthy (1.0-1.5)', 1, 1.5],
      ['Strong (1.5-2.0)', 1.5, 2],
      ['Top Tier (2.0+)', 2, 2.5],
    ]);
    expect(option.yAxis.max).toBe(2.5);
  });

  it('draws the alert thresholds at 1.0 and 1.2', () => {
    expect(ratio.markLine!.data.map((l) => l.yAxis)).toEqual([1, 1.2]);
  });

  it('pins the CRITICAL and WARNING months at their ratio, not the OK ones', () => {
    expect(ratio.markPoint!.data.map((p) => [p.name, p.coord, p.value])).toEqual([
      ['CRITICAL: Quick Ratio Below 1.0', ['2024-03', 0.7], '!'],
      ['WARNING: Quick Ratio Declined >0.3 Points', ['2024-04', 1.1], 'W'],
    ]);
  });

  it('leaves a gap for a NULL ratio and draws the partial period hollow', () => {
    expect(ratio.data).toEqual([{ value: null }, { value: 1.4 }, { value: 0.7 }, { value: 1.1, symbol: 'emptyCircle', symbolSize: 9 }]);
  });

  it('adds the 3-month average only when there is one (the month grain)', () => {
    expect(option.series.find((s) => s.name === '3-month average')!.data).toEqual([null, 1.4, 1.05, 1.07]);
    const weekly = quickRatioOption(
      quickRatioFromAccounting([{ periodStart: '2024-01-01', isPartial: false, activeUsers: 3, newUsers: 1, retainedUsers: 1, resurrectedUsers: 1, churnedUsers: 1, quickRatio: 2, retentionRatePct: 50 }]),
      'week',
    ) as { series: LineSeries[] };
    expect(weekly.series.map((s) => s.name)).toEqual(['Quick ratio']);
    expect(weekly.series[0]!.markPoint!.data).toEqual([]);
  });
});

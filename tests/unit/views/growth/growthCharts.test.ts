import { describe, expect, it } from 'vitest';
import type { LifecycleRow, PowerUserRow, ResurrectionRow, StickinessRow } from '../../../../src/views/growth/growthRows';
import { lifecycleOption } from '../../../../src/views/growth/lifecycleChart';
import { powerUserOption } from '../../../../src/views/growth/powerUserChart';
import { resurrectionOption } from '../../../../src/views/growth/resurrectionChart';
import { stickinessOption } from '../../../../src/views/growth/stickinessChart';

interface Series {
  name: string;
  type: string;
  stack?: string;
  yAxisIndex?: number;
  data: ({ value: number | null } | number | null)[];
}
const values = (s: Series) => s.data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));

describe('stickiness chart', () => {
  it('draws the three ratios as lines in %, with a gap for a NULL ratio', () => {
    const rows: StickinessRow[] = [
      { periodStart: '2024-01-01', isPartial: true, dauWau: 40, dauMau: 20, wauMau: 50, avgDau: 10 },
      { periodStart: '2024-01-08', isPartial: false, dauWau: null, dauMau: 25.5, wauMau: 60, avgDau: 12 },
    ];
    const option = stickinessOption(rows, 'week') as { series: Series[]; yAxis: { max: number }; xAxis: { data: string[] } };
    expect(option.series.map((s) => [s.name, values(s)])).toEqual([
      ['DAU/WAU', [40, null]],
      ['DAU/MAU', [20, 25.5]],
      ['WAU/MAU', [50, 60]],
    ]);
    expect(option.yAxis.max).toBe(100);
    expect(option.xAxis.data).toEqual(['2024-01-01', '2024-01-08']);
  });
});

describe('lifecycle chart', () => {
  it('stacks new, returning, resurrecting up and the (negative) dormant users down', () => {
    const rows: LifecycleRow[] = [{ periodStart: '2024-02-01', isPartial: false, newUsers: 5, returningUsers: 7, resurrectingUsers: 2, dormantUsers: -3, activeUsers: 14 }];
    const option = lifecycleOption(rows) as { series: Series[] };
    expect(option.series.map((s) => [s.name, s.stack, values(s)])).toEqual([
      ['New', 'lifecycle', [5]],
      ['Returning', 'lifecycle', [7]],
      ['Resurrecting', 'lifecycle', [2]],
      ['Dormant', 'lifecycle', [-3]],
    ]);
  });
});

describe('power-user (L28) chart', () => {
  it('plots the share of active users for 1 to 28 days, leaving out the users not active in the window', () => {
    const rows: PowerUserRow[] = Array.from({ length: 29 }, (_, days) => ({
      daysActive: days,
      users: days === 0 ? 50 : days <= 2 ? 10 : 0,
      shareOfUsersPct: null,
      shareOfActivePct: days === 0 ? null : days <= 2 ? 50 : 0,
      windowStart: '2025-12-04',
      windowEnd: '2025-12-31',
    }));
    const option = powerUserOption(rows) as { series: Series[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(values(option.series[0]!).slice(0, 3)).toEqual([50, 50, 0]);
    expect(values(option.series[0]!)).toHaveLength(28);
  });
});

describe('resurrection chart', () => {
  it('stacks the four dormancy lengths and puts the mean dormancy on the second axis', () => {
    const rows: ResurrectionRow[] = [
      { periodStart: '2024-03-01', isPartial: false, total: 10, short: 4, medium: 3, long: 2, veryLong: 1, avgDormancyDays: 21.5 },
      { periodStart: '2024-04-01', isPartial: false, total: 0, short: 0, medium: 0, long: 0, veryLong: 0, avgDormancyDays: null },
    ];
    const option = resurrectionOption(rows, 'month') as { series: Series[] };
    expect(option.series.map((s) => [s.name, s.stack ?? null, s.yAxisIndex ?? 0, values(s)])).toEqual([
      ['Short (2-7 days)', 'dormancy', 0, [4, 0]],
      ['Medium (8-30 days)', 'dormancy', 0, [3, 0]],
      ['Long (31-90 days)', 'dormancy', 0, [2, 0]],
      ['Very long (90+ days)', 'dormancy', 0, [1, 0]],
      ['Mean dormancy', null, 1, [21.5, null]],
    ]);
  });
});

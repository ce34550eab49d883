import { describe, expect, it } from 'vitest';
import { growthAccountingOption } from '../../../../src/views/growth/accountingChart';
import type { AccountingRow } from '../../../../src/views/growth/growthRows';

interface Series {
  name: string;
  type: string;
  stack?: string;
  data: ({ value: number; itemStyle?: { opacity: number } } | number)[];
}

const row = (periodStart: string, n: number, r: number, s: number, c: number, isPartial = false): AccountingRow => ({
  periodStart,
  isPartial,
  activeUsers: n + r + s,
  newUsers: n,
  retainedUsers: r,
  resurrectedUsers: s,
  churnedUsers: c,
  quickRatio: c === 0 ? null : (n + s) / c,
  retentionRatePct: null,
});

describe('growth accounting chart', () => {
  const rows = [row('2024-01-01', 10, 0, 0, 0), row('2024-02-01', 4, 6, 0, 4), row('2024-03-01', 2, 5, 1, 5, true)];
  const option = growthAccountingOption(rows, 'month') as { series: Series[]; xAxis: { data: string[] } };
  const byName = (name: string) => option.series.find((s) => s.name === name)!;
  const values = (name: string) => byName(name).data.map((d) => (typeof d === 'number' ? d : d.value));

  it('stacks new, retained and resurrected up and churned down, one bar per period', () => {
    expect(option.xAxis.data).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(values('New')).toEqual([10, 4, 2]);
    expect(values('Retained')).toEqual([0, 6, 5]);
    expect(values('Resurrected')).toEqual([0, 0, 1]);
    expect(values('Churned')).toEqual([-0, -4, -5]);
    for (const name of ['New', 'Retained', 'Resurrected', 'Churned']) expect(byName(name).stack).toBe('users');
  });

  it('draws the active users as a line equal to the stacked positive bars', () => {
    expect(values('Active users')).toEqual([10, 10, 8]);
    expect(byName('Active users').type).toBe('line');
  });

  it('fades only the partial period', () => {
    const faded = byName('New').data.map((d) => (typeof d === 'number' ? undefined : d.itemStyle?.opacity));
    expect(faded).toEqual([undefined, undefined, 0.45]);
  });

  it('labels days and weeks by their first day', () => {
    const weekly = growthAccountingOption([row('2024-01-01', 1, 0, 0, 0)], 'week') as { xAxis: { data: string[] } };
    expect(weekly.xAxis.data).toEqual(['2024-01-01']);
  });
});

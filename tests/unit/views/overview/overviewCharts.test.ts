import { describe, expect, it } from 'vitest';
import { activeUsersOption, mrrTrendOption } from '../../../../src/views/overview/overviewCharts';

type Series = { name: string; data: ({ value: number | null; itemStyle?: { opacity: number } } | number | null)[]; stack?: string };

describe('Overview charts', () => {
  it('draws MRR bars with paying accounts on the second axis, the partial month faded', () => {
    const option = mrrTrendOption(
      [
        { period: '2025-11-01', partial: false, value: 1000 },
        { period: '2025-12-01', partial: true, value: 1100 },
      ],
      [
        { period: '2025-11-01', partial: false, value: 10 },
        { period: '2025-12-01', partial: true, value: 11 },
      ],
    ) as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual(['Nov 2025', 'Dec 2025']);
    expect(option.series[0]!.data).toEqual([{ value: 1000 }, { value: 1100, itemStyle: { opacity: 0.4 } }]);
    expect(option.series[1]).toMatchObject({ name: 'Paying accounts', yAxisIndex: 1, data: [10, 11] });
  });

  it('stacks retained, new and resurrected users, which add up to the active users', () => {
    const rows = [{ period: '2025-03-03', partial: false, activeUsers: 10, newUsers: 3, retainedUsers: 5, resurrectedUsers: 2 }];
    const option = activeUsersOption(rows, 'week') as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual(['2025-03-03']);
    const total = option.series.reduce((sum, s) => sum + (s.data[0] as { value: number }).value, 0);
    expect(total).toBe(10);
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['active']));
  });
});

import type { ChartOption } from '../../charts/echarts';
import { formatInt, formatPct } from '../common/format';
import type { PowerUserRow } from './growthRows';

/**
 * The L28 power-user curve: of the users active at least once in the 28 days ending on the
 * as-of date, the share active on exactly 1, 2, ... 28 of them. Users not active in the window
 * (days_active 0) are not part of the curve; the table lists them.
 */
export function powerUserOption(rows: readonly PowerUserRow[]): ChartOption {
  const active = rows.filter((r) => r.daysActive > 0);
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 30, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const row = active[params[0]?.dataIndex ?? 0];
        return row ? `${row.daysActive} of 28 days: ${formatInt(row.users)} users (${formatPct(row.shareOfActivePct)} of active users)` : '';
      },
    },
    xAxis: { type: 'category', name: 'Days active in the last 28', nameLocation: 'middle', nameGap: 28, data: active.map((r) => String(r.daysActive)) },
    yAxis: { type: 'value', name: '% of active users' },
    series: [{ name: 'Share of active users', type: 'bar', itemStyle: { color: '#7048e8' }, data: active.map((r) => r.shareOfActivePct) }],
  };
}

import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { useMartSql } from '../../hooks/useMartSql';
import { type QueryState, useQuery } from '../../hooks/useQuery';
import type { Grain } from '../../state/filtersSlice';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { formatInt, formatPct, formatRatio, periodHeading, periodLabel } from '../common/format';
import { QueryStatus } from '../common/QueryStatus';
import { growthAccountingOption } from './accountingChart';
import { ACCOUNTING_MARTS, accountingSql, lifecycleSql, monthlyQuickRatioSql, powerUserSql, resurrectionSql, stickinessSql } from './growthQueries';
import {
  type AccountingRow,
  type LifecycleRow,
  type PowerUserRow,
  type QuickRatioPoint,
  quickRatioFromAccounting,
  type ResurrectionRow,
  type StickinessRow,
  toAccountingRows,
  toLifecycleRows,
  toMonthlyQuickRatio,
  toPowerUserRows,
  toResurrectionRows,
  toStickinessRows,
} from './growthRows';
import { lifecycleOption } from './lifecycleChart';
import { powerUserOption } from './powerUserChart';
import { quickRatioBenchmark, quickRatioOption } from './quickRatioChart';
import { resurrectionOption } from './resurrectionChart';
import { stickinessOption } from './stickinessChart';

const partial = (r: { isPartial: boolean }) => r.isPartial;
const periodColumn = <R extends { periodStart: string; isPartial: boolean }>(grain: Grain): Column<R> => ({
  key: 'period',
  label: periodHeading(grain),
  value: (r) => `${periodLabel(r.periodStart, grain)}${r.isPartial ? ' (partial)' : ''}`,
});
const noRows = (rows: readonly unknown[]) => rows.length === 0;
const GRAIN_NAME: Record<Grain, string> = { day: 'day', week: 'week', month: 'month' };

/** The accounting rows at the current grain; each caller has its own `slot`, so neither cancels the other (the result is cached by SQL). */
function useAccountingRows(slot: string): { grain: Grain; state: QueryState<AccountingRow[]> } {
  const grain = useStore((s) => s.grain);
  const filters = useStore((s) => s.filters);
  const mart = useMartSql(ACCOUNTING_MARTS[grain].mart);
  const sql = useMemo(() => accountingSql(mart, grain, filters), [mart, grain, filters]);
  return { grain, state: useQuery(sql, slot, toAccountingRows) };
}

export function AccountingSection() {
  const { grain, state } = useAccountingRows('growth-accounting');
  return (
    <ChartSection id="growth-accounting" title={`Growth accounting by ${GRAIN_NAME[grain]}`} note="Active = new + retained + resurrected; churned (below the axis) were active the period before and not in this one. A faded bar is a period still in progress.">
      <QueryStatus state={state} what="growth accounting" isEmpty={noRows}>
        {(rows) => <AccountingChart rows={rows} grain={grain} />}
      </QueryStatus>
    </ChartSection>
  );
}

function AccountingChart({ rows, grain }: { rows: AccountingRow[]; grain: Grain }) {
  const option = useMemo(() => growthAccountingOption(rows, grain), [rows, grain]);
  const columns = useMemo<Column<AccountingRow>[]>(
    () => [
      periodColumn(grain),
      { key: 'active', label: 'Active', value: (r) => formatInt(r.activeUsers) },
      { key: 'new', label: 'New', value: (r) => formatInt(r.newUsers) },
      { key: 'retained', label: 'Retained', value: (r) => formatInt(r.retainedUsers) },
      { key: 'resurrected', label: 'Resurrected', value: (r) => formatInt(r.resurrectedUsers) },
      { key: 'churned', label: 'Churned', value: (r) => formatInt(r.churnedUsers) },
      { key: 'retention', label: 'Retention %', value: (r) => formatPct(r.retentionRatePct) },
    ],
    [grain],
  );
  return (
    <>
      <EChart chartId="growth-accounting-chart" option={option} label={`Growth accounting by ${grain}: new, retained, resurrected and churned users`} height={380} />
      <DataTable testId="growth-accounting-table" caption={`Users by ${grain}: active, new, retained, resurrected, churned`} columns={columns} rows={rows} rowKey={(r) => r.periodStart} isPartial={partial} />
    </>
  );
}

export function QuickRatioSection() {
  const { grain, state: accounting } = useAccountingRows('growth-quick-ratio-accounting');
  const filters = useStore((s) => s.filters);
  const monthlyMart = useMartSql('quick_ratio_analysis');
  const monthlySql = useMemo(() => monthlyQuickRatioSql(monthlyMart, filters), [monthlyMart, filters]);
  const monthly = useQuery(monthlySql, 'growth-quick-ratio', toMonthlyQuickRatio);
  // Seed 002's alerts and 3-month average are monthly; other grains read the accounting rows.
  const state = useMemo(() => {
    if (grain === 'month') return monthly;
    return accounting.status === 'ready' ? { status: 'ready' as const, data: quickRatioFromAccounting(accounting.data) } : accounting;
  }, [grain, monthly, accounting]);
  return (
    <ChartSection
      id="growth-quick-ratio"
      title={`Quick ratio by ${GRAIN_NAME[grain]}`}
      note="Quick ratio = (new + resurrected) / churned, n/a when nobody churned. Bands are seed 002's benchmarks (Critical < 0.8, Concerning, Healthy from 1.0, Strong from 1.5, Top Tier from 2.0); dashed lines are its alert thresholds; pins mark the monthly CRITICAL and WARNING alerts. The axis stops at 5: larger ratios (a young product's first periods) are in the table."
    >
      <QueryStatus state={state} what="quick ratios" isEmpty={noRows}>
        {(points) => <QuickRatioChart points={points} grain={grain} />}
      </QueryStatus>
    </ChartSection>
  );
}

function QuickRatioChart({ points, grain }: { points: QuickRatioPoint[]; grain: Grain }) {
  const option = useMemo(() => quickRatioOption(points, grain), [points, grain]);
  const columns = useMemo<Column<QuickRatioPoint>[]>(
    () => [
      periodColumn(grain),
      { key: 'new', label: 'New', value: (r) => formatInt(r.newUsers) },
      { key: 'resurrected', label: 'Resurrected', value: (r) => formatInt(r.resurrectedUsers) },
      { key: 'churned', label: 'Churned', value: (r) => formatInt(r.churnedUsers) },
      { key: 'quickRatio', label: 'Quick ratio', value: (r) => formatRatio(r.quickRatio) },
      { key: 'benchmark', label: 'Benchmark', value: (r) => quickRatioBenchmark(r.quickRatio) ?? 'n/a' },
      ...(grain === 'month'
        ? [
            { key: 'average3', label: '3-month average', value: (r: QuickRatioPoint) => formatRatio(r.average3) },
            { key: 'alert', label: 'Alert level', value: (r: QuickRatioPoint) => r.alertLevel ?? 'n/a' },
          ]
        : []),
    ],
    [grain],
  );
  return (
    <>
      <EChart chartId="growth-quick-ratio-chart" option={option} label={`Quick ratio by ${grain} on seed 002's benchmark bands`} height={340} />
      <DataTable testId="growth-quick-ratio-table" caption={`Quick ratio by ${grain}, with its benchmark class`} columns={columns} rows={points} rowKey={(r) => r.periodStart} isPartial={partial} />
    </>
  );
}

export function StickinessSection() {
  const grain = useStore((s) => s.grain);
  const filters = useStore((s) => s.filters);
  const mart = useMartSql('growth_metrics');
  const sql = useMemo(() => stickinessSql(mart, grain, filters), [mart, grain, filters]);
  const state = useQuery(sql, 'growth-stickiness', toStickinessRows);
  return (
    <ChartSection
      id="growth-stickiness"
      title={`Stickiness by ${GRAIN_NAME[grain]}`}
      note="Daily DAU/WAU, DAU/MAU and WAU/MAU with rolling 7 and 30-day windows (seed 002), averaged over the days of each period."
    >
      <QueryStatus state={state} what="stickiness" isEmpty={noRows}>
        {(rows) => <StickinessChart rows={rows} grain={grain} />}
      </QueryStatus>
    </ChartSection>
  );
}

function StickinessChart({ rows, grain }: { rows: StickinessRow[]; grain: Grain }) {
  const option = useMemo(() => stickinessOption(rows, grain), [rows, grain]);
  const columns = useMemo<Column<StickinessRow>[]>(
    () => [
      periodColumn(grain),
      { key: 'avgDau', label: 'Mean DAU', value: (r) => formatInt(r.avgDau) },
      { key: 'dauWau', label: 'DAU/WAU', value: (r) => formatPct(r.dauWau) },
      { key: 'dauMau', label: 'DAU/MAU', value: (r) => formatPct(r.dauMau) },
      { key: 'wauMau', label: 'WAU/MAU', value: (r) => formatPct(r.wauMau) },
    ],
    [grain],
  );
  return (
    <>
      <EChart chartId="growth-stickiness-chart" option={option} label={`Stickiness ratios by ${grain}`} height={300} />
      <DataTable testId="growth-stickiness-table" caption={`Mean stickiness ratios by ${grain}`} columns={columns} rows={rows} rowKey={(r) => r.periodStart} isPartial={partial} />
    </>
  );
}

export function LifecycleSection() {
  const filters = useStore((s) => s.filters);
  const mart = useMartSql('user_lifecycle');
  const sql = useMemo(() => lifecycleSql(mart, filters), [mart, filters]);
  const state = useQuery(sql, 'growth-lifecycle', toLifecycleRows);
  return (
    <ChartSection id="growth-lifecycle" title="User lifecycle by month" note="PostHog's lifecycle: new, returning (active last month too), resurrecting (back after a month away or more) and dormant (active last month, not this one). Monthly at every grain.">
      <QueryStatus state={state} what="the lifecycle" isEmpty={noRows}>
        {(rows) => <LifecycleChart rows={rows} />}
      </QueryStatus>
    </ChartSection>
  );
}

function LifecycleChart({ rows }: { rows: LifecycleRow[] }) {
  const option = useMemo(() => lifecycleOption(rows), [rows]);
  const columns = useMemo<Column<LifecycleRow>[]>(
    () => [
      periodColumn('month'),
      { key: 'new', label: 'New', value: (r) => formatInt(r.newUsers) },
      { key: 'returning', label: 'Returning', value: (r) => formatInt(r.returningUsers) },
      { key: 'resurrecting', label: 'Resurrecting', value: (r) => formatInt(r.resurrectingUsers) },
      { key: 'dormant', label: 'Dormant', value: (r) => formatInt(r.dormantUsers) },
      { key: 'active', label: 'Active', value: (r) => formatInt(r.activeUsers) },
    ],
    [],
  );
  return (
    <>
      <EChart chartId="growth-lifecycle-chart" option={option} label="Monthly user lifecycle: new, returning, resurrecting and dormant users" height={320} />
      <DataTable testId="growth-lifecycle-table" caption="Users by month and lifecycle state (dormant counted negative)" columns={columns} rows={rows} rowKey={(r) => r.periodStart} isPartial={partial} />
    </>
  );
}

export function PowerUserSection() {
  const mart = useMartSql('power_user_l28');
  const sql = useMemo(() => powerUserSql(mart), [mart]);
  const state = useQuery(sql, 'growth-power-users', toPowerUserRows);
  return (
    <ChartSection id="growth-power-users" title="Power-user curve (L28)" note="Users by the number of days they were active in the 28 days ending on the as-of date; the curve is over the users active at least once in them. Not a time series: the date range does not apply.">
      <QueryStatus state={state} what="the L28 curve" isEmpty={(rows) => rows.every((r) => r.users === 0)}>
        {(rows) => <PowerUserChart rows={rows} />}
      </QueryStatus>
    </ChartSection>
  );
}

function PowerUserChart({ rows }: { rows: PowerUserRow[] }) {
  const option = useMemo(() => powerUserOption(rows), [rows]);
  const columns = useMemo<Column<PowerUserRow>[]>(
    () => [
      { key: 'days', label: 'Days active', value: (r) => String(r.daysActive) },
      { key: 'users', label: 'Users', value: (r) => formatInt(r.users) },
      { key: 'shareOfUsers', label: '% of all users', value: (r) => formatPct(r.shareOfUsersPct) },
      { key: 'shareOfActive', label: '% of active users', value: (r) => formatPct(r.shareOfActivePct) },
    ],
    [],
  );
  const first = rows[0];
  return (
    <>
      <EChart chartId="growth-power-users-chart" option={option} label="L28 power-user curve: share of active users by days active in the last 28 days" height={280} />
      <DataTable testId="growth-power-users-table" caption={`Users by days active from ${first?.windowStart ?? ''} to ${first?.windowEnd ?? ''}`} columns={columns} rows={rows} rowKey={(r) => String(r.daysActive)} />
    </>
  );
}

export function ResurrectionSection() {
  const grain = useStore((s) => s.grain);
  const filters = useStore((s) => s.filters);
  const mart = useMartSql('user_resurrection_analysis');
  const sql = useMemo(() => resurrectionSql(mart, grain, filters), [mart, grain, filters]);
  const state = useQuery(sql, 'growth-resurrection', toResurrectionRows);
  return (
    <ChartSection
      id="growth-resurrection"
      title={`Resurrections by dormancy length, by ${GRAIN_NAME[grain]}`}
      note="Daily returns (active today, not yesterday, active before) by days since the previous active day, summed over each period; win-back campaigns show as spikes of long dormancy."
    >
      <QueryStatus state={state} what="resurrections" isEmpty={noRows}>
        {(rows) => <ResurrectionChart rows={rows} grain={grain} />}
      </QueryStatus>
    </ChartSection>
  );
}

function ResurrectionChart({ rows, grain }: { rows: ResurrectionRow[]; grain: Grain }) {
  const option = useMemo(() => resurrectionOption(rows, grain), [rows, grain]);
  const columns = useMemo<Column<ResurrectionRow>[]>(
    () => [
      periodColumn(grain),
      { key: 'total', label: 'Resurrections', value: (r) => formatInt(r.total) },
      { key: 'short', label: '2-7 days', value: (r) => formatInt(r.short) },
      { key: 'medium', label: '8-30 days', value: (r) => formatInt(r.medium) },
      { key: 'long', label: '31-90 days', value: (r) => formatInt(r.long) },
      { key: 'veryLong', label: '90+ days', value: (r) => formatInt(r.veryLong) },
      { key: 'avgDormancy', label: 'Mean dormancy (days)', value: (r) => (r.avgDormancyDays === null ? 'n/a' : r.avgDormancyDays.toFixed(1)) },
    ],
    [grain],
  );
  return (
    <>
      <EChart chartId="growth-resurrection-chart" option={option} label={`Resurrections by dormancy length, by ${grain}`} height={320} />
      <DataTable testId="growth-resurrection-table" caption={`Resurrections by ${grain} and dormancy length`} columns={columns} rows={rows} rowKey={(r) => r.periodStart} isPartial={partial} />
    </>
  );
}

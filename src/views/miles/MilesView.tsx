import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import type { Grain } from '../../state/filtersSlice';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { formatInt, formatRatio, periodHeading, periodLabel } from '../common/format';
import { QueryStatus } from '../common/QueryStatus';
import { earnedRedeemedOption, earnRedeemRatioOption, liabilityOption } from './milesCharts';
import { milesPeriodsSql } from './milesQueries';
import { type MilesPeriod, toMilesPeriods } from './milesRows';
import { NegativeBalances } from './NegativeBalances';

const noRows = (rows: readonly unknown[]) => rows.length === 0;

/** The miles economy (seed 002): earning against redemption, the liability, the health classes and negative balances. */
export function MilesView() {
  const grain = useStore((s) => s.grain);
  const filters = useStore((s) => s.filters);
  const mart = useMartSql('miles_analytics');
  const sql = useMemo(() => milesPeriodsSql(mart, grain, filters), [mart, grain, filters]);
  const state = useQuery(sql, 'miles-periods', toMilesPeriods);
  return (
    <section className="view" aria-labelledby="miles-title">
      <h2 id="miles-title">Miles economy</h2>
      <p className="convention">
        Miles earned and redeemed (seed 002's miles_earned and miles_redeemed events) per {grain}; the liability is the miles users hold, earned and not
        yet redeemed, at the end of each period, counted from the first day of the data. Health classes are seed 002's: Healthy Growth when earned
        exceeds redeemed by more than 20 %, Stable when it exceeds it, High Redemption when redeemed exceeds earned by more than 20 %, else Balanced.
      </p>
      <QueryStatus state={state} what="the miles economy" isEmpty={noRows}>
        {(rows) => <MilesCharts rows={rows} grain={grain} />}
      </QueryStatus>
      <NegativeBalances />
    </section>
  );
}

function MilesCharts({ rows, grain }: { rows: MilesPeriod[]; grain: Grain }) {
  const flows = useMemo(() => earnedRedeemedOption(rows, grain), [rows, grain]);
  const liability = useMemo(() => liabilityOption(rows, grain), [rows, grain]);
  const ratio = useMemo(() => earnRedeemRatioOption(rows, grain), [rows, grain]);
  const columns = useMemo<Column<MilesPeriod>[]>(
    () => [
      { key: 'period', label: periodHeading(grain), value: (r) => `${periodLabel(r.periodStart, grain)}${r.isPartial ? ' (partial)' : ''}` },
      { key: 'earned', label: 'Earned', value: (r) => formatInt(r.earned) },
      { key: 'redeemed', label: 'Redeemed', value: (r) => formatInt(r.redeemed) },
      { key: 'net', label: 'Net', value: (r) => formatInt(r.net) },
      { key: 'liability', label: 'Liability at end', value: (r) => formatInt(r.liabilityEnd) },
      { key: 'ratio', label: 'Earn/redeem', value: (r) => formatRatio(r.ratio) },
      { key: 'health', label: 'Health', value: (r) => r.health },
      { key: 'earnTx', label: 'Earning transactions', value: (r) => formatInt(r.earningTransactions) },
      { key: 'redeemTx', label: 'Redemptions', value: (r) => formatInt(r.redeemingTransactions) },
    ],
    [grain],
  );
  // Each chart's table holds the period and that chart's own columns.
  const table = (testId: string, caption: string, keys: readonly string[]) => (
    <DataTable testId={testId} caption={caption} columns={columns.filter((c) => c.key === 'period' || keys.includes(c.key))} rows={rows} rowKey={(r) => r.periodStart} isPartial={(r) => r.isPartial} />
  );
  return (
    <>
      <ChartSection id="miles-flows" title={`Miles earned and redeemed by ${grain}`} note="Sums of the period's days; a faded bar is a period the data covers only in part.">
        <EChart chartId="miles-flows-chart" option={flows} label={`Miles earned and redeemed by ${grain}`} height={320} />
        {table('miles-flows-table', `Miles earned and redeemed by ${grain}`, ['earned', 'redeemed', 'net', 'earnTx', 'redeemTx'])}
      </ChartSection>
      <ChartSection id="miles-liability" title="Net change and outstanding liability" note="Net = earned - redeemed; each period's liability = the previous one's + its net change.">
        <EChart chartId="miles-liability-chart" option={liability} label={`Net miles change and outstanding liability by ${grain}`} height={300} />
        {table('miles-liability-table', `Net change and liability at the end of each ${grain}`, ['net', 'liability'])}
      </ChartSection>
      <ChartSection id="miles-ratio" title="Earn/redeem ratio and economy health" note="Earned / redeemed on seed 002's health bands; n/a (a gap) when nothing was redeemed. The axis stops at 3.">
        <EChart chartId="miles-ratio-chart" option={ratio} label={`Earn/redeem ratio by ${grain} on the miles economy health bands`} height={280} />
        {table('miles-ratio-table', `Earn/redeem ratio and health class by ${grain}`, ['earned', 'redeemed', 'ratio', 'health'])}
      </ChartSection>
    </>
  );
}

import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { useMartSql } from '../../hooks/useMartSql';
import { type QueryState, useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { formatInt, formatShare, periodLabel } from '../common/format';
import { QueryStatus } from '../common/QueryStatus';
import { channelOption, conversionRatesOption, funnelOption, monthlyFunnelOption } from './funnelCharts';
import { type ChannelTotal, channelsOf, channelTotals, type FunnelStage, funnelStages } from './funnelModel';
import { monthlyFunnelSql, trialCohortsSql } from './funnelQueries';
import { type FunnelMonth, type TrialCohort, toFunnelMonths, toTrialCohorts } from './funnelRows';

interface FunnelData {
  months: FunnelMonth[];
  cohorts: TrialCohort[];
}

/** One state for two queries: ready when both are, else the first error, else loading. */
function combine(months: QueryState<FunnelMonth[]>, cohorts: QueryState<TrialCohort[]>): QueryState<FunnelData> {
  if (months.status === 'error') return months;
  if (cohorts.status === 'error') return cohorts;
  if (months.status === 'ready' && cohorts.status === 'ready') return { status: 'ready', data: { months: months.data, cohorts: cohorts.data } };
  return { status: 'loading' };
}

/** Sign-up, trial and paid conversion (seed 000's monthly funnel and trial conversion cohorts). */
export function FunnelView() {
  const filters = useStore((s) => s.filters);
  const funnelMart = useMartSql('monthly_funnel');
  const cohortMart = useMartSql('trial_conversion_cohorts');
  const monthsSql = useMemo(() => monthlyFunnelSql(funnelMart, filters), [funnelMart, filters]);
  const cohortsSql = useMemo(() => trialCohortsSql(cohortMart, filters), [cohortMart, filters]);
  const months = useQuery(monthsSql, 'funnel-months', toFunnelMonths);
  const cohorts = useQuery(cohortsSql, 'funnel-cohorts', toTrialCohorts);
  const state = useMemo(() => combine(months, cohorts), [months, cohorts]);
  return (
    <section className="view" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel &amp; conversion</h2>
      <p className="convention">
        Monthly cohorts (the grain does not apply). A trial converts when it becomes paid at most 14 days after it started (the strict 14-day trial); trials
        are counted in the month they started, so a month whose trials are not all over yet (hollow points) can still rise. First paid counts every
        account whose first paid subscription began in the month, Free-plan upgrades included.
      </p>
      <QueryStatus state={state} what="the funnel" isEmpty={(d) => d.months.length === 0}>
        {(data) => <FunnelCharts data={data} />}
      </QueryStatus>
    </section>
  );
}

const STAGE_COLUMNS: Column<FunnelStage>[] = [
  { key: 'stage', label: 'Stage', value: (s) => s.name },
  { key: 'value', label: 'Accounts', value: (s) => formatInt(s.value) },
  { key: 'ofPrevious', label: '% of previous stage', value: (s) => formatShare(s.ofPrevious) },
];

const MONTH_COLUMNS: Column<FunnelMonth>[] = [
  { key: 'period', label: 'Month', value: (m) => `${periodLabel(m.periodStart, 'month')}${m.isPartial ? ' (partial)' : ''}` },
  { key: 'signups', label: 'Sign-ups', value: (m) => formatInt(m.signups) },
  { key: 'trials', label: 'Trials started', value: (m) => formatInt(m.trials) },
  { key: 'trialConversions', label: 'Converted ≤ 14 days', value: (m) => formatInt(m.trialConversions) },
  { key: 'trialsOpen', label: 'Trials still open', value: (m) => formatInt(m.trialsOpen) },
  { key: 'paidConversions', label: 'First paid', value: (m) => formatInt(m.paidConversions) },
  { key: 'signupToTrial', label: 'Sign-up to trial', value: (m) => formatShare(m.signupToTrialRate) },
  { key: 'trialToPaid', label: 'Trial to paid', value: (m) => formatShare(m.trialToPaidRate) },
  { key: 'signupToPaid', label: 'Sign-up to paid', value: (m) => formatShare(m.signupToPaidRate) },
];

const CHANNEL_COLUMNS: Column<ChannelTotal>[] = [
  { key: 'channel', label: 'Channel', value: (t) => t.channel },
  { key: 'trialsStarted', label: 'Trials started', value: (t) => formatInt(t.trialsStarted) },
  { key: 'converted', label: 'Converted ≤ 14 days', value: (t) => formatInt(t.converted) },
  { key: 'trialsOpen', label: 'Still open', value: (t) => formatInt(t.trialsOpen) },
  { key: 'rate', label: 'Conversion rate', value: (t) => formatShare(t.conversionRate) },
  { key: 'endedRate', label: 'Rate of ended trials', value: (t) => formatShare(t.endedConversionRate) },
];

interface RateRow {
  month: FunnelMonth;
  byChannel: Map<string, TrialCohort>;
}

function FunnelCharts({ data }: { data: FunnelData }) {
  const { months, cohorts } = data;
  const stages = useMemo(() => funnelStages(months), [months]);
  const totals = useMemo(() => channelTotals(cohorts), [cohorts]);
  const funnel = useMemo(() => funnelOption(stages), [stages]);
  const monthly = useMemo(() => monthlyFunnelOption(months), [months]);
  const rates = useMemo(() => conversionRatesOption(months, cohorts), [months, cohorts]);
  const byChannel = useMemo(() => channelOption(totals), [totals]);
  const rateRows = useMemo<RateRow[]>(
    () => months.map((month) => ({ month, byChannel: new Map(cohorts.filter((c) => c.periodStart === month.periodStart).map((c) => [c.channel, c])) })),
    [months, cohorts],
  );
  const rateColumns = useMemo<Column<RateRow>[]>(
    () => [
      { key: 'period', label: 'Month', value: (r) => `${periodLabel(r.month.periodStart, 'month')}${r.byChannel.get('all')?.isComplete === false ? ' (open)' : ''}` },
      ...channelsOf(cohorts).map((channel) => ({ key: `trialToPaid-${channel}`, label: `Trial to paid: ${channel}`, value: (r: RateRow) => formatShare(r.byChannel.get(channel)?.conversionRate ?? null) })),
      { key: 'signupToTrial', label: 'Sign-up to trial', value: (r) => formatShare(r.month.signupToTrialRate) },
      { key: 'signupToPaid', label: 'Sign-up to paid', value: (r) => formatShare(r.month.signupToPaidRate) },
    ],
    [cohorts],
  );
  const range = months.length > 0 ? `${periodLabel(months[0]!.periodStart, 'month')} to ${periodLabel(months[months.length - 1]!.periodStart, 'month')}` : '';
  return (
    <>
      <ChartSection id="funnel-stages" title={`Funnel, ${range}`} note="Each step summed over the months shown, in the month it happened; the share is of the step before.">
        <EChart chartId="funnel-stages-chart" option={funnel} label={`Funnel from sign-up to trial to paid within 14 days, ${range}`} height={260} />
        <DataTable testId="funnel-stages-table" caption={`Funnel stages, ${range}`} columns={STAGE_COLUMNS} rows={stages} rowKey={(s) => s.name} />
      </ChartSection>
      <ChartSection id="funnel-monthly" title="Sign-ups, trials and conversions by month" note="Converted within 14 days is by trial start month; first paid is by the month the first paid subscription began.">
        <EChart chartId="funnel-monthly-chart" option={monthly} label="Sign-ups, trials, 14-day trial conversions and first paid conversions by month" height={320} />
        <DataTable testId="funnel-monthly-table" caption="Funnel by month" columns={MONTH_COLUMNS} rows={months} rowKey={(m) => m.periodStart} isPartial={(m) => m.isPartial} />
      </ChartSection>
      <ChartSection id="funnel-rates" title="Conversion rates by month" note="Trial to paid within 14 days by the account's acquisition channel (solid) and sign-up conversion (dashed); hollow points are cohorts with trials still open.">
        <EChart chartId="funnel-rates-chart" option={rates} label="Conversion rates by month and acquisition channel" height={340} />
        <DataTable testId="funnel-rates-table" caption="Conversion rates by month" columns={rateColumns} rows={rateRows} rowKey={(r) => r.month.periodStart} />
      </ChartSection>
      <ChartSection id="funnel-channels" title={`Trial conversion by channel, ${range}`} note="Trials and 14-day conversions summed over the months shown.">
        <EChart chartId="funnel-channels-chart" option={byChannel} label={`Trials and conversions by acquisition channel, ${range}`} height={280} />
        <DataTable testId="funnel-channels-table" caption={`Trial conversion by acquisition channel, ${range}`} columns={CHANNEL_COLUMNS} rows={totals} rowKey={(t) => t.channel} />
      </ChartSection>
    </>
  );
}

import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatChange } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { type QueryState, useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { buildKpis, type KpiFigure, type KpiQuery, KPIS } from './kpis';
import { KpiTiles } from './KpiTiles';
import { activeUsersOption, mrrTrendOption } from './overviewCharts';
import {
  ACTIVE_SOURCES,
  activeRowsFromTable,
  activeUsersSql,
  mauSeriesSql,
  retention12mSql,
  revenueSeriesSql,
  type SeriesTable,
  seriesFromTable,
  stickinessSeriesSql,
  trialSeriesSql,
} from './overviewQueries';

/** The gold tables the Overview reads (built first when it is the view a link opens). */
export const OVERVIEW_TABLES = [
  'monthly_revenue',
  'revenue_retention_12m',
  'trial_conversion_cohorts',
  'social_capital_growth_accounting',
  'social_capital_growth_accounting_weekly',
  'social_capital_growth_accounting_daily',
  'growth_metrics',
  'dim_customers',
];

function useKpiQueries(): Record<KpiQuery, QueryState<SeriesTable>> {
  return {
    revenue: useQuery(revenueSeriesSql(useMartSql('monthly_revenue')), 'overview-revenue', seriesFromTable),
    retention: useQuery(retention12mSql(useMartSql('revenue_retention_12m')), 'overview-retention', seriesFromTable),
    trials: useQuery(trialSeriesSql(useMartSql('trial_conversion_cohorts')), 'overview-trials', seriesFromTable),
    mau: useQuery(mauSeriesSql(useMartSql('social_capital_growth_accounting')), 'overview-mau', seriesFromTable),
    stickiness: useQuery(stickinessSeriesSql(useMartSql('growth_metrics')), 'overview-stickiness', seriesFromTable),
  };
}

export function OverviewView() {
  const queries = useKpiQueries();
  const { revenue, retention, trials, mau, stickiness } = queries;
  const figures = useMemo(() => {
    const ready: Partial<Record<KpiQuery, SeriesTable>> = {};
    for (const [key, state] of [['revenue', revenue], ['retention', retention], ['trials', trials], ['mau', mau], ['stickiness', stickiness]] as const) {
      if (state.status === 'ready') ready[key] = state.data;
    }
    return buildKpis(ready);
  }, [revenue, retention, trials, mau, stickiness]);
  const errors = Object.entries(queries).filter(([, s]) => s.status === 'error') as [string, { status: 'error'; message: string }][];
  const busy = Object.values(queries).some((s) => s.status === 'loading');

  return (
    <section className="view" aria-labelledby="overview-title" aria-busy={busy} data-testid="overview-view">
      <h2 id="overview-title">Overview</h2>
      <p className="convention">
        The latest complete month of each figure (the as-of month is left out until it is over) against the month before; the
        sparkline shows the last 12 complete months. All figures honour the filters. Hover a tile for its mart and convention.
      </p>
      {errors.map(([key, e]) => (
        <p key={key} role="alert" className="error">
          Could not load {key}: {e.message}
        </p>
      ))}
      <KpiTiles figures={figures} />
      <KpiTable figures={figures} />
      <KpiNotes />
      <ChartSection id="overview-mrr" title="MRR and paying accounts by month" note="Month-end MRR (monthly_revenue); the month in progress is faded.">
        <QueryStatus state={revenue} what="MRR" isEmpty={(d) => (d.mrr ?? []).length === 0}>
          {(data) => <MrrTrend data={data} />}
        </QueryStatus>
      </ChartSection>
      <ActiveUsers />
    </section>
  );
}

function MrrTrend({ data }: { data: SeriesTable }) {
  const option = useMemo(() => mrrTrendOption(data.mrr ?? [], data.paying_accounts ?? []), [data]);
  const rows = data.mrr ?? [];
  const paying = new Map((data.paying_accounts ?? []).map((p) => [p.period, p.value]));
  return (
    <>
      <EChart chartId="overview-mrr" option={option} label="Month-end MRR and paying accounts by month" height={300} />
      <DataTable
        testId="overview-mrr-table"
        caption="Month-end MRR and paying accounts"
        rows={rows}
        rowKey={(r) => r.period}
        isPartial={(r) => r.partial}
        columns={[
          { key: 'month', label: 'Month', value: (r) => r.period.slice(0, 7) },
          { key: 'mrr', label: 'MRR (USD)', value: (r) => (r.value === null ? 'n/a' : r.value.toFixed(2)) },
          { key: 'paying', label: 'Paying accounts', value: (r) => String(paying.get(r.period) ?? 'n/a') },
        ]}
      />
    </>
  );
}

function ActiveUsers() {
  const grain = useStore((s) => s.grain);
  const sql = activeUsersSql(grain, useMartSql(ACTIVE_SOURCES[grain].mart));
  const state = useQuery(sql, 'overview-active', activeRowsFromTable);
  const option = useMemo(() => (state.status === 'ready' ? activeUsersOption(state.data, grain) : null), [state, grain]);
  return (
    <ChartSection id="overview-active" title={`Active users by ${grain}`} note={`Social Capital growth accounting (${ACTIVE_SOURCES[grain].mart}): active = new + retained + resurrected. Follows the grain.`}>
      <QueryStatus state={state} what="active users" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <>
            {option && <EChart chartId="overview-active" option={option} label={`Active users by ${grain}`} height={300} />}
            <DataTable
              testId="overview-active-table"
              caption={`Active users by ${grain}`}
              rows={rows}
              rowKey={(r) => r.period}
              isPartial={(r) => r.partial}
              columns={[
                { key: 'period', label: grain === 'month' ? 'Month' : grain === 'week' ? 'Week (Monday)' : 'Day', value: (r) => (grain === 'month' ? r.period.slice(0, 7) : r.period) },
                { key: 'active', label: 'Active', value: (r) => String(r.activeUsers) },
                { key: 'new', label: 'New', value: (r) => String(r.newUsers) },
                { key: 'retained', label: 'Retained', value: (r) => String(r.retainedUsers) },
                { key: 'resurrected', label: 'Resurrected', value: (r) => String(r.resurrectedUsers) },
              ]}
            />
          </>
        )}
      </QueryStatus>
    </ChartSection>
  );
}

/** The tiles as an accessible table: raw values, so tests and screen readers read exact figures. */
function KpiTable({ figures }: { figures: readonly KpiFigure[] }) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const rows = KPIS.flatMap((k) => {
    const f = byId.get(k.id);
    return f ? [{ k, f }] : [];
  });
  const raw = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v * 1e6) / 1e6));
  return (
    <DataTable
      testId="overview-kpi-table"
      caption="KPIs: latest complete month and the month before (raw values: ratios as fractions, amounts in USD)"
      rows={rows}
      rowKey={(r) => r.k.id}
      columns={[
        { key: 'kpi', label: 'KPI', value: (r) => r.k.label },
        { key: 'period', label: 'Month', value: (r) => (r.f.period ? r.f.period.slice(0, 7) : 'n/a') },
        { key: 'value', label: 'Value', value: (r) => raw(r.f.value) },
        { key: 'shown', label: 'Shown as', value: (r) => r.k.format(r.f.value) },
        { key: 'previous', label: 'Month before', value: (r) => raw(r.f.previousValue) },
        { key: 'change', label: 'Change', value: (r) => formatChange(r.f.value, r.f.previousValue, r.k.change) },
        { key: 'trend', label: 'Months in sparkline', value: (r) => String(r.f.trend.length) },
      ]}
    />
  );
}

function KpiNotes() {
  return (
    <details className="data-table kpi-notes">
      <summary>How each figure is computed</summary>
      <dl>
        {KPIS.map((k) => (
          <div key={k.id}>
            <dt>{k.label}</dt>
            <dd>
              {k.source}. Change: {k.change === 'relative' ? 'relative (%)' : k.change === 'points' ? 'percentage points' : 'difference'}.
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Periods: calendar months (UTC); a month is complete once the as-of date is its last day or later. Trial cohorts count
        as complete once every trial of the month has ended (14 days after the month).
      </p>
    </details>
  );
}

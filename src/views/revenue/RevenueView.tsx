import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatMonth } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { movementsOption } from './bridge';
import { BridgeSection } from './BridgeSection';
import { ltvCurvesOption, quarterLabel, quickRatioOption, retentionTrendOption } from './revenueCharts';
import {
  accountQuickRatioFromTable,
  accountQuickRatioSql,
  bridgeRowsFromTable,
  bridgeSql,
  type BridgeRow,
  ltvCurvesSql,
  ltvPointsFromTable,
  retention12mRowsFromTable,
  retention12mRowsSql,
} from './revenueQueries';

/** What the Revenue view reads; the drill-down and cohort curves read silver tables built before any mart. */
export const REVENUE_TABLES = ['monthly_revenue', 'revenue_retention_12m', 'account_growth_accounting', 'fct_mrr_movements', 'fct_invoices', 'dim_customers'];

const money = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
const ratio = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v * 1e6) / 1e6));

export function RevenueView() {
  const bridge = useQuery(bridgeSql(useMartSql('monthly_revenue')), 'revenue-bridge', bridgeRowsFromTable);
  const busy = bridge.status === 'loading';
  return (
    <section className="view" aria-labelledby="revenue-title" aria-busy={busy} data-testid="revenue-view">
      <h2 id="revenue-title">Revenue</h2>
      <p className="convention">
        MRR is month-end: annual plans / 12, discounts deducted, trials and Free at 0, refunds excluded. Movements per account and
        month: new, reactivation, expansion, contraction, churn; End = Start + New + Reactivation + Expansion - Contraction - Churn.
        Revenue is monthly whatever the grain. All figures honour the filters.
      </p>
      <QueryStatus state={bridge} what="the MRR bridge" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <>
            <BridgeSection rows={rows} />
            <Movements rows={rows} />
            <RetentionTrend rows={rows} />
            <QuickRatio rows={rows} />
          </>
        )}
      </QueryStatus>
      <LtvCurves />
    </section>
  );
}

function Movements({ rows }: { rows: readonly BridgeRow[] }) {
  const option = useMemo(() => movementsOption(rows), [rows]);
  return (
    <ChartSection id="revenue-movements" title="MRR movements by month" note="Gains above zero, losses below; the line is the net change (end - start). The month in progress is faded.">
      <EChart chartId="revenue-movements" option={option} label="MRR movements by month" height={320} />
      <DataTable
        testId="revenue-movements-table"
        caption="MRR bridge by month (USD)"
        rows={rows}
        rowKey={(r) => r.month}
        isPartial={(r) => r.partial}
        columns={[
          { key: 'month', label: 'Month', value: (r) => r.month.slice(0, 7) },
          { key: 'start', label: 'Start', value: (r) => money(r.start) },
          { key: 'new', label: 'New', value: (r) => money(r.new) },
          { key: 'reactivation', label: 'Reactivation', value: (r) => money(r.reactivation) },
          { key: 'expansion', label: 'Expansion', value: (r) => money(r.expansion) },
          { key: 'contraction', label: 'Contraction', value: (r) => money(r.contraction) },
          { key: 'churn', label: 'Churn', value: (r) => money(r.churn) },
          { key: 'end', label: 'End', value: (r) => money(r.end) },
          { key: 'paying', label: 'Paying accounts', value: (r) => String(r.payingEnd) },
        ]}
      />
    </ChartSection>
  );
}

function RetentionTrend({ rows }: { rows: readonly BridgeRow[] }) {
  const yearly = useQuery(retention12mRowsSql(useMartSql('revenue_retention_12m')), 'revenue-retention-12m', retention12mRowsFromTable);
  const option = useMemo(() => (yearly.status === 'ready' ? retentionTrendOption(rows, yearly.data) : null), [rows, yearly]);
  return (
    <ChartSection
      id="revenue-retention"
      title="Net and gross revenue retention"
      note="Over 12 months (revenue_retention_12m, the accounts paying a year earlier; GRR caps each at its starting MRR) and over each month (monthly_revenue, dashed)."
    >
      <QueryStatus state={yearly} what="revenue retention" isEmpty={() => false}>
        {(data) => (
          <>
            {option && <EChart chartId="revenue-retention" option={option} label="NRR and GRR by month" height={300} />}
            <DataTable
              testId="revenue-retention-table"
              caption="NRR and GRR (fractions)"
              rows={rows}
              rowKey={(r) => r.month}
              isPartial={(r) => r.partial}
              columns={[
                { key: 'month', label: 'Month', value: (r) => r.month.slice(0, 7) },
                { key: 'nrr', label: 'NRR (month)', value: (r) => ratio(r.nrr) },
                { key: 'grr', label: 'GRR (month)', value: (r) => ratio(r.grr) },
                { key: 'nrr12', label: 'NRR (12 months)', value: (r) => ratio(data.find((y) => y.month === r.month)?.nrr12m ?? null) },
                { key: 'grr12', label: 'GRR (12 months)', value: (r) => ratio(data.find((y) => y.month === r.month)?.grr12m ?? null) },
              ]}
            />
          </>
        )}
      </QueryStatus>
    </ChartSection>
  );
}

function QuickRatio({ rows }: { rows: readonly BridgeRow[] }) {
  const accounts = useQuery(accountQuickRatioSql(useMartSql('account_growth_accounting')), 'revenue-account-quick-ratio', accountQuickRatioFromTable);
  const option = useMemo(() => (accounts.status === 'ready' ? quickRatioOption(rows, accounts.data) : null), [rows, accounts]);
  return (
    <ChartSection
      id="revenue-quick-ratio"
      title="Revenue growth accounting: quick ratio"
      note="Revenue quick ratio = (new + reactivation + expansion) / (contraction + churn) MRR (monthly_revenue); the account quick ratio = (new + resurrected) / churned accounts by product activity (account_growth_accounting). n/a (a gap) when nothing was lost."
    >
      <QueryStatus state={accounts} what="the account quick ratio" isEmpty={() => false}>
        {(data) => (
          <>
            {option && <EChart chartId="revenue-quick-ratio" option={option} label="Revenue and account quick ratio by month" height={280} />}
            <DataTable
              testId="revenue-quick-ratio-table"
              caption="Quick ratios by month"
              rows={rows}
              rowKey={(r) => r.month}
              isPartial={(r) => r.partial}
              columns={[
                { key: 'month', label: 'Month', value: (r) => r.month.slice(0, 7) },
                { key: 'revenue', label: 'Revenue quick ratio', value: (r) => ratio(r.quickRatio) },
                { key: 'accounts', label: 'Account quick ratio', value: (r) => ratio(data.find((a) => a.month === r.month)?.quickRatio ?? null) },
              ]}
            />
          </>
        )}
      </QueryStatus>
    </ChartSection>
  );
}

function LtvCurves() {
  const filters = useStore((s) => s.filters);
  const state = useQuery(ltvCurvesSql(filters), 'revenue-ltv', ltvPointsFromTable);
  const option = useMemo(() => (state.status === 'ready' ? ltvCurvesOption(state.data) : null), [state]);
  return (
    <ChartSection
      id="revenue-ltv"
      title="Cumulative net revenue per account by cohort (empirical LTV)"
      note="Quarterly cohorts by first paid month; net revenue billed (all invoices after discounts and reversals, fct_invoices) per cohort account, cumulated over the months since each account's first paid month. A month is drawn once every account of the cohort has lived through it. The date range selects cohorts."
    >
      <QueryStatus state={state} what="cohort revenue" isEmpty={(points) => points.length === 0}>
        {(points) => (
          <>
            {option && <EChart chartId="revenue-ltv" option={option} label="Cumulative net revenue per account by cohort" height={320} />}
            <DataTable
              testId="revenue-ltv-table"
              caption="Cumulative net revenue per account (USD) by cohort and months since the first paid month"
              rows={points}
              rowKey={(p) => `${p.cohort}|${p.monthsSince}`}
              columns={[
                { key: 'cohort', label: 'Cohort', value: (p) => `${quarterLabel(p.cohort)} (from ${formatMonth(p.cohort)})` },
                { key: 'months', label: 'Months since', value: (p) => String(p.monthsSince) },
                { key: 'accounts', label: 'Accounts', value: (p) => String(p.accounts) },
                { key: 'perAccount', label: 'Per account', value: (p) => p.revenuePerAccount.toFixed(2) },
              ]}
            />
          </>
        )}
      </QueryStatus>
    </ChartSection>
  );
}

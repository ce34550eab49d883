import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatCount, formatPercent } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { survivalCurveSql, survivalSummarySql } from './retentionQueries';
import { kmRowsFromTable, logRankText, survivalOption, survivalSummaryFromTable, type SurvivalSummaryRow, tierCurves } from './survivalChart';

const days = (v: number | null) => (v === null ? 'n/a' : formatCount(v));

const COLUMNS: readonly Column<SurvivalSummaryRow>[] = [
  { key: 'tier', label: 'Plan tier', value: (r) => r.tier },
  { key: 'accounts', label: 'Accounts', value: (r) => formatCount(r.customers) },
  { key: 'churned', label: 'Churned', value: (r) => formatCount(r.events) },
  { key: 'censored', label: 'Censored', value: (r) => formatCount(r.censored) },
  { key: 'median', label: 'Median survival (days)', value: (r) => days(r.medianDays) },
  { key: 'median_ci', label: 'Median 95 % interval', value: (r) => `${days(r.medianLower)} to ${days(r.medianUpper)}` },
  { key: 's365', label: 'Still paying after a year', value: (r) => formatPercent(r.survival365) },
  { key: 'observed', label: 'Observed churns', value: (r) => formatCount(r.observed) },
  { key: 'expected', label: 'Expected churns', value: (r) => (r.expected === null ? 'n/a' : r.expected.toFixed(1)) },
];

/** Kaplan-Meier survival of paying accounts by plan tier, with 95 % bands, censoring ticks, medians and the log-rank test. */
export function SurvivalSection() {
  const km = useMartSql('survival_km');
  const summary = useMartSql('survival_summary');
  const logrank = useMartSql('survival_logrank');
  const curveState = useQuery(useMemo(() => survivalCurveSql(km), [km]), 'retention-survival', kmRowsFromTable);
  const summaryState = useQuery(useMemo(() => survivalSummarySql(summary, logrank), [summary, logrank]), 'retention-survival-summary', survivalSummaryFromTable);
  return (
    <ChartSection
      id="retention-survival"
      title="Survival of paying accounts by plan tier (Kaplan-Meier)"
      note="Days from sign-up to churn; accounts still paying at the as-of date are censored (the ticks). Shaded: 95 % log-log confidence band. The dashed line at 50 % crosses each curve at its median survival. Account filters apply; the date range does not (no time axis)."
    >
      <QueryStatus state={curveState} what="survival curves" isEmpty={(rows) => rows.length === 0} emptyMessage="No paying account in the selected data.">
        {(rows) => <SurvivalChart rows={rows} />}
      </QueryStatus>
      <QueryStatus state={summaryState} what="survival summary" isEmpty={(rows) => rows.length === 0} emptyMessage="">
        {(rows) => (
          <>
            <p data-testid="retention-logrank">{logRankText(rows)}</p>
            <DataTable testId="retention-survival-table" caption="Survival by plan tier: medians (days since sign-up) and the log-rank test's observed and expected churns" columns={COLUMNS} rows={rows} rowKey={(r) => r.tier} open />
          </>
        )}
      </QueryStatus>
    </ChartSection>
  );
}

function SurvivalChart({ rows }: { rows: ReturnType<typeof kmRowsFromTable> }) {
  const option = useMemo(() => survivalOption(tierCurves(rows)), [rows]);
  return <EChart chartId="retention-survival" option={option} label="Kaplan-Meier survival curves by plan tier with 95 % confidence bands" height={380} />;
}

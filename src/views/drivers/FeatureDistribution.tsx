import { useId, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart';
import { formatCount, formatPercent } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { binShares, type BinShares, distributionOption } from './driversCharts';
import { DISTRIBUTION_FEATURES, distributionSql, featureSummarySql, findFeature } from './driversQueries';
import { binRowsFromTable, type FeatureSummary, featureSummaryFromTable } from './driversRows';

const value = (v: number | null) => (v === null ? 'n/a' : Number.isInteger(v) ? formatCount(v) : v.toFixed(3));

const SUMMARY_COLUMNS: readonly Column<FeatureSummary>[] = [
  { key: 'group', label: 'Accounts', value: (r) => r.group },
  { key: 'n', label: 'With a value', value: (r) => formatCount(r.n) },
  { key: 'mean', label: 'Mean', value: (r) => value(r.mean) },
  { key: 'min', label: 'Min', value: (r) => value(r.min) },
  { key: 'q1', label: '25th pct', value: (r) => value(r.q1) },
  { key: 'median', label: 'Median', value: (r) => value(r.median) },
  { key: 'q3', label: '75th pct', value: (r) => value(r.q3) },
  { key: 'max', label: 'Max', value: (r) => value(r.max) },
];

type BinLine = BinShares & { churnedCount: number; retainedCount: number };

const BIN_COLUMNS: readonly Column<BinLine>[] = [
  { key: 'bin', label: 'Value', value: (r) => r.label },
  { key: 'churned', label: 'Churned', value: (r) => formatCount(r.churnedCount) },
  { key: 'retained', label: 'Retained', value: (r) => formatCount(r.retainedCount) },
  { key: 'churned_share', label: 'Share of churned', value: (r) => formatPercent(r.churned) },
  { key: 'retained_share', label: 'Share of retained', value: (r) => formatPercent(r.retained) },
];

/** One feature's distribution for churned and retained accounts (eda_customer_features): a histogram of shares and box-plot figures. */
export function FeatureDistribution() {
  const [key, setKey] = useState(DISTRIBUTION_FEATURES[0]!.key);
  const feature = findFeature(key);
  const selectId = useId();
  const eda = useMartSql('eda_customer_features');
  const bins = useQuery(useMemo(() => distributionSql(eda, feature), [eda, feature]), 'drivers-distribution', binRowsFromTable);
  const summary = useQuery(useMemo(() => featureSummarySql(eda, feature), [eda, feature]), 'drivers-distribution-summary', featureSummaryFromTable);
  return (
    <ChartSection
      id="drivers-distribution"
      title="Feature distribution: churned vs retained"
      note="Each bar is the share of its group's accounts in that bin, so the groups compare despite their sizes. Accounts without a value (no events, no tickets) are left out."
    >
      <label htmlFor={selectId}>Feature </label>
      <select id={selectId} data-testid="drivers-feature" value={key} onChange={(e) => setKey(e.target.value)}>
        {DISTRIBUTION_FEATURES.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <QueryStatus state={bins} what="the distribution" isEmpty={(rows) => rows.length === 0}>
        {(rows) => {
          const lines = binShares(rows).map((s, i) => ({ ...s, churnedCount: rows[i]!.churned, retainedCount: rows[i]!.retained }));
          return (
            <>
              <EChart chartId="drivers-distribution" option={distributionOption(rows, feature.label)} label={`Distribution of ${feature.label} for churned and retained accounts`} height={340} />
              <DataTable testId="drivers-distribution-table" caption={`${feature.label}: accounts per bin`} columns={BIN_COLUMNS} rows={lines} rowKey={(r) => r.label} />
            </>
          );
        }}
      </QueryStatus>
      <QueryStatus state={summary} what="the summary" isEmpty={(rows) => rows.length === 0}>
        {(rows) => <DataTable testId="drivers-summary-table" caption={`${feature.label}: box-plot figures`} columns={SUMMARY_COLUMNS} rows={rows} rowKey={(r) => r.group} summary="Box-plot figures" open />}
      </QueryStatus>
    </ChartSection>
  );
}

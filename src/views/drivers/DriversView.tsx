import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatCount } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { correlationOption } from './driversCharts';
import { CHURN_COLUMNS, correlationSql, EXPANSION_COLUMNS } from './driversQueries';
import { type CorrelationRow, correlationRowsFromTable } from './driversRows';
import { FeatureDistribution } from './FeatureDistribution';
import { FeatureMartTable } from './FeatureMartTable';

export const DRIVERS_TABLES = ['churn_correlations', 'eda_customer_features', 'mart_customer_churn_features', 'mart_customer_expansion_features'] as const;

const fixed = (v: number | null, digits: number) => (v === null ? 'n/a' : v.toFixed(digits));
const pValue = (p: number | null) => (p === null ? 'n/a' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

const CORRELATION_COLUMNS: readonly Column<CorrelationRow>[] = [
  { key: 'feature', label: 'Feature', value: (r) => r.feature },
  { key: 'r', label: 'r', value: (r) => fixed(r.r, 4) },
  { key: 'direction', label: 'Direction', value: (r) => r.direction ?? 'n/a' },
  { key: 'n', label: 'Accounts', value: (r) => formatCount(r.n) },
  { key: 'churned_mean', label: 'Mean, churned', value: (r) => fixed(r.churnedMean, 3) },
  { key: 'active_mean', label: 'Mean, active', value: (r) => fixed(r.activeMean, 3) },
  { key: 't', label: 't', value: (r) => fixed(r.tStatistic, 2) },
  { key: 'p', label: 'p-value', value: (r) => pValue(r.pValue) },
];

/** Seed 003's churn and expansion drivers: correlations with churn, feature distributions, and the feature marts. */
export function DriversView() {
  const mart = useMartSql('churn_correlations');
  const state = useQuery(useMemo(() => correlationSql(mart), [mart]), 'drivers-correlations', correlationRowsFromTable);
  return (
    <section className="view" aria-labelledby="drivers-title" aria-busy={state.status === 'loading'} data-testid="drivers-view">
      <h2 id="drivers-title">Churn & expansion drivers</h2>
      <p className="convention">
        Every account that ever paid, churned (not paying at the as-of date) or active, with its features measured up to its reference date (the
        churn date, or the as-of date). Account filters apply; the date range does not (these marts have no time axis).
      </p>
      <ChartSection
        id="drivers-correlations"
        title="Correlation of each feature with churn"
        note="Point-biserial r of the feature with the churn label (churn_correlations): red bars go with churning, blue with staying; the t-test p-value is in the table."
      >
        <QueryStatus state={state} what="correlations" isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <>
              <CorrelationChart rows={rows} />
              <DataTable testId="drivers-correlation-table" caption="Point-biserial correlation with churn, strongest first" columns={CORRELATION_COLUMNS} rows={rows} rowKey={(r) => r.feature} />
            </>
          )}
        </QueryStatus>
      </ChartSection>
      <FeatureDistribution />
      <FeatureMartTable
        id="drivers-churn-features"
        mart="mart_customer_churn_features"
        title="Churn features of active accounts"
        note="mart_customer_churn_features: one row per account paying at the as-of date, the churn model's inference population."
        columns={CHURN_COLUMNS}
      />
      <FeatureMartTable
        id="drivers-expansion-features"
        mart="mart_customer_expansion_features"
        title="Expansion features of active accounts that never upgraded"
        note="mart_customer_expansion_features: premium feature trials, feature requests and open expansion deals at the as-of date."
        columns={EXPANSION_COLUMNS}
      />
    </section>
  );
}

function CorrelationChart({ rows }: { rows: CorrelationRow[] }) {
  const option = useMemo(() => correlationOption(rows), [rows]);
  return <EChart chartId="drivers-correlations" option={option} label="Correlation of each feature with churn, as horizontal bars" height={Math.max(220, 40 * rows.length + 60)} />;
}

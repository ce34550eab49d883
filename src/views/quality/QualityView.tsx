import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatCount } from '../../format/numbers';
import { useQuery } from '../../hooks/useQuery';
import { SQL_MODELS } from '../../pipeline/sqlFiles';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { CheckTable } from './CheckTable';
import { checkDescriptions, STATUS_COLORS, STATUS_LABELS, statusBarsOption, statusCounts } from './qualityModel';
import { CHECK_STATUSES, type CheckRow, checkResultsSql, checkRowsFromTable } from './qualityQueries';

/** The check results arrive after the views open, so the view reads no table up front. */
export const QUALITY_TABLES: readonly string[] = [];

/** The data-quality checks' results: a summary by status, every check with its description, and the failing rows' samples. */
export function QualityView() {
  const checking = useStore((s) => s.checking);
  const status = useStore((s) => s.status);
  return (
    <section className="view" aria-labelledby="quality-title" aria-busy={checking} data-testid="quality-view">
      <h2 id="quality-title">Data quality</h2>
      <p className="convention">
        Every check of the pipeline (sql/checks/ and the tests declared in the models&apos; headers) returns the offending rows and passes when
        there are none; a warn-level check that finds rows is a warning, any other is a failure. The planted dirt of the generator shows
        as warnings. Results from dq_results, for the whole dataset (the filters do not apply).
      </p>
      {status === 'error' || status === 'cancelled' ? (
        <p className="muted" role="status">
          The run stopped before the checks finished.
        </p>
      ) : checking || status !== 'ready' ? (
        <p className="muted" role="status" data-testid="quality-running">
          The data-quality checks are still running; their results appear here when they finish.
        </p>
      ) : (
        <CheckResults />
      )}
    </section>
  );
}

function CheckResults() {
  const state = useQuery(checkResultsSql(), 'quality-checks', checkRowsFromTable);
  const descriptions = useMemo(() => checkDescriptions(SQL_MODELS), []);
  return (
    <QueryStatus state={state} what="the check results" isEmpty={(rows) => rows.length === 0} emptyMessage="The pipeline has no checks.">
      {(rows) => (
        <>
          <Summary rows={rows} />
          <ChartSection id="quality-checks" title="Checks" note="Sort by a column with its header; a check's sample shows up to five of its failing rows.">
            <CheckTable rows={rows} descriptions={descriptions} />
          </ChartSection>
        </>
      )}
    </QueryStatus>
  );
}

function Summary({ rows }: { rows: readonly CheckRow[] }) {
  const counts = useMemo(() => statusCounts(rows), [rows]);
  const option = useMemo(() => statusBarsOption(counts), [counts]);
  const summary = CHECK_STATUSES.map((s) => ({ status: s, count: counts[s] }));
  return (
    <ChartSection id="quality-summary" title="Checks by status" note={`${formatCount(rows.length)} checks.`}>
      <ul className="kpi-tiles" data-testid="quality-tiles">
        {summary.map((s) => (
          <li key={s.status} className="kpi" data-status={s.status} style={{ borderLeft: `4px solid ${STATUS_COLORS[s.status]}` }}>
            <span className="kpi-label">{STATUS_LABELS[s.status]}</span>
            <span className="kpi-value">{formatCount(s.count)}</span>
          </li>
        ))}
      </ul>
      <EChart chartId="quality-summary" option={option} label="Checks by status" height={140} />
      <DataTable
        testId="quality-summary-table"
        caption="Checks by status"
        rows={summary}
        rowKey={(s) => s.status}
        columns={[
          { key: 'status', label: 'Status', value: (s) => s.status },
          { key: 'checks', label: 'Checks', value: (s) => String(s.count) },
        ]}
      />
    </ChartSection>
  );
}

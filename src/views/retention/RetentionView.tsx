import type { Table } from 'apache-arrow';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { useQuery } from '../../hooks/useQuery';
import { buildRetentionGrid, formatPercent, type RetentionGrid, type RetentionRow, retentionHeatmapOption } from './retentionHeatmap';

const SQL = `SELECT cohort_month, period_number, users_active, cohort_size, retention_rate, is_partial_period
FROM retention_cohorts ORDER BY cohort_month, period_number`;

function toRows(table: Table): RetentionRow[] {
  return mapRows(table, (r) => ({
    cohortMonth: isoDate(r.cohort_month),
    periodNumber: num(r.period_number),
    usersActive: num(r.users_active),
    cohortSize: num(r.cohort_size),
    retentionRate: num(r.retention_rate),
    isPartial: Boolean(r.is_partial_period),
  }));
}

export function RetentionView() {
  const result = useQuery(SQL, 'retention-heatmap', toRows);
  const grid = useMemo(() => (result.status === 'ready' ? buildRetentionGrid(result.data) : null), [result]);
  const option = useMemo(() => (grid ? retentionHeatmapOption(grid) : null), [grid]);
  return (
    <section className="view" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention: monthly user cohorts</h2>
      <p className="convention">
        Cohort = month of a user's first activity; month 0 is the cohort month. Each cell is the share of the cohort
        active in exactly that month ("on" retention). Grey cells lie after the as-of date and are censored, not zero;
        a dashed border marks a month still in progress.
      </p>
      {result.status === 'loading' && <p className="muted">Loading…</p>}
      {result.status === 'error' && <p role="alert" className="error">Could not load retention: {result.message}</p>}
      {grid && option && grid.cohorts.length === 0 && <p className="muted">No activity in the selected data.</p>}
      {grid && option && grid.cohorts.length > 0 && (
        <>
          <EChart chartId="retention-heatmap" option={option} label="Monthly user cohort retention heatmap" height={Math.max(320, 22 * grid.cohorts.length + 110)} />
          <RetentionTable grid={grid} />
        </>
      )}
    </section>
  );
}

/** The same numbers as an accessible table, for screen readers and for checking the chart. */
function RetentionTable({ grid }: { grid: RetentionGrid }) {
  const byCohort = useMemo(() => {
    const rows = grid.cohorts.map(() => [] as RetentionGrid['cells']);
    for (const cell of grid.cells) rows[cell.cohortIndex]!.push(cell);
    return rows;
  }, [grid]);
  return (
    <details className="data-table">
      <summary>Data table</summary>
      <table data-testid="retention-table">
        <caption>Retention % by cohort (rows) and months since first activity (columns)</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">Users</th>
            {Array.from({ length: grid.periods }, (_, p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.cohorts.map((cohort, i) => (
            <tr key={cohort.month}>
              <th scope="row">{cohort.month.slice(0, 7)}</th>
              <td>{cohort.size}</td>
              {byCohort[i]!.map((cell) => (
                <td key={cell.period} data-state={cell.state} title={cell.state === 'censored' ? 'censored' : undefined}>
                  {cell.state === 'censored' ? '' : formatPercent(cell.rate)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

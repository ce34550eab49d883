import { useMemo, useState } from 'react';
import { formatCount, formatCurrency } from '../../format/numbers';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { type SortableColumn, SortableTable } from '../drivers/SortableTable';
import { downloadCsv } from '../common/downloadCsv';
import { cohortLabel, retentionLabels } from './retentionHeatmap';
import { type CellSelection, drilldownSql } from './retentionQueries';
import { type DrilldownRow, drilldownRowsFromTable } from './retentionRows';
import { useRetentionStore } from './retentionStore';

type Shown = 'active' | 'inactive';

/**
 * The users or accounts of one heatmap cell's cohort that count as active in its period
 * under the chosen convention, or those that do not, with a CSV of the same rows.
 */
export function CohortDrilldown({ cell }: { cell: CellSelection }) {
  const options = useRetentionStore((s) => s.options);
  const selectCell = useRetentionStore((s) => s.selectCell);
  const filters = useStore((s) => s.filters);
  const queries = useStore((s) => s.queries);
  const [shown, setShown] = useState<Shown>('active');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const sql = useMemo(() => drilldownSql(options, filters, cell), [options, filters, cell]);
  const state = useQuery(sql, 'retention-drilldown', drilldownRowsFromTable);
  const labels = retentionLabels(options);
  const users = options.subject === 'users';
  const rows = useMemo(() => (state.status === 'ready' ? state.data.filter((r) => r.active === (shown === 'active')) : []), [state, shown]);
  const columns = useMemo<SortableColumn<DrilldownRow>[]>(
    () =>
      users
        ? [
            { key: 'id', label: 'User', value: (r) => r.id, text: true },
            { key: 'owner', label: 'Account', value: (r) => r.owner ?? 'n/a', text: true },
            { key: 'kind', label: 'Platform', value: (r) => r.kind ?? 'n/a', text: true },
            { key: 'first', label: `First active ${labels.period}`, value: (r) => r.firstActive, text: true },
            { key: 'last', label: `Last active ${labels.period}`, value: (r) => r.lastActive, text: true },
          ]
        : [
            { key: 'id', label: 'Account', value: (r) => r.id, text: true },
            { key: 'owner', label: 'Company', value: (r) => r.owner ?? 'n/a', text: true },
            { key: 'kind', label: 'Plan now', value: (r) => r.kind ?? 'n/a', text: true },
            { key: 'region', label: 'Region', value: (r) => r.region ?? 'n/a', text: true },
            { key: 'first', label: 'First paid month', value: (r) => r.firstActive.slice(0, 7), text: true },
            { key: 'last', label: 'Last paid month', value: (r) => r.lastActive.slice(0, 7), text: true },
            { key: 'mrr', label: 'MRR at period end', value: (r) => (r.mrr ?? 0).toFixed(2), sortValue: (r) => r.mrr },
          ],
    [users, labels.period],
  );
  const period = labels.period === 'month' ? cell.periodStart.slice(0, 7) : `week of ${cell.periodStart}`;
  const title = `Cohort ${cohortLabel(cell.cohortStart, labels)}, ${labels.period} ${cell.periodNumber} (${period})`;
  const download = () => {
    if (!queries) return;
    setDownloadError(null);
    const file = `retention_${options.subject}_${cell.cohortStart}_${labels.period}${cell.periodNumber}_${shown}.csv`;
    downloadCsv(queries, `SELECT * FROM (${sql}) AS d WHERE d.active = ${shown === 'active'}`, file).catch((error: unknown) =>
      setDownloadError(error instanceof Error ? error.message : String(error)),
    );
  };
  const activeCount = state.status === 'ready' ? state.data.filter((r) => r.active).length : 0;
  const convention = options.convention === 'on' ? `active in ${period}` : `active in ${period} or later`;
  return (
    <section className="drilldown" aria-labelledby="retention-drilldown-title" data-testid="retention-drilldown" data-cohort={cell.cohortStart} data-period={cell.periodNumber}>
      <header className="drilldown-header">
        <h3 id="retention-drilldown-title">
          {labels.unit === 'users' ? 'Users' : 'Accounts'}: {title}
        </h3>
        <fieldset className="grain" data-testid="retention-drilldown-shown">
          <legend>Show</legend>
          {(['active', 'inactive'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="retention-drilldown-shown" checked={shown === v} onChange={() => setShown(v)} />
              {v === 'active' ? 'Active' : 'Not active'}
            </label>
          ))}
        </fieldset>{' '}
        <button type="button" className="secondary" onClick={download} disabled={!queries || state.status !== 'ready'}>
          Download CSV
        </button>{' '}
        <button type="button" className="link" onClick={() => selectCell(null)}>
          Close
        </button>
      </header>
      {downloadError && (
        <p role="alert" className="error">
          Could not export the CSV: {downloadError}
        </p>
      )}
      {state.status === 'loading' && <p className="muted">Loading {labels.unit}…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          Could not load the {labels.unit}: {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <SortableTable
          key={`${sql}|${shown}`}
          testId="retention-drilldown-table"
          caption={
            <>
              <span data-testid="retention-drilldown-count">{formatCount(rows.length)}</span> of {formatCount(state.data.length)} {labels.unit} {shown === 'active' ? '' : 'not '}
              {convention}
              {users ? '' : `; their MRR: ${formatCurrency(rows.reduce((s, r) => s + (r.mrr ?? 0), 0), { cents: true })}`} ({formatCount(activeCount)} active)
            </>
          }
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
        />
      )}
    </section>
  );
}

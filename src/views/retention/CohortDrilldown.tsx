import { useMemo, useState } from 'react';
import { formatCount, formatCurrency } from '../../format/numbers';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { type SortableColumn, SortableTable } from '../drivers/SortableTable';
import { DrilldownPanel } from '../common/DrilldownPanel';
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
  const [shown, setShown] = useState<Shown>('active');
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
  const csv = {
    sql: `SELECT * FROM (${sql}) AS d WHERE d.active = ${shown === 'active'}`,
    fileName: `retention_${options.subject}_${cell.cohortStart}_${labels.period}${cell.periodNumber}_${shown}.csv`,
  };
  const activeCount = state.status === 'ready' ? state.data.filter((r) => r.active).length : 0;
  const convention = options.convention === 'on' ? `active in ${period}` : `active in ${period} or later`;
  return (
    <DrilldownPanel
      name="retention"
      title={
        <>
          {labels.unit === 'users' ? 'Users' : 'Accounts'}: {title}
        </>
      }
      what={labels.unit}
      state={state}
      csv={csv}
      data={{ cohort: cell.cohortStart, period: cell.periodNumber }}
      onClose={() => selectCell(null)}
      controls={
        <>
          <fieldset className="grain" data-testid="retention-drilldown-shown">
            <legend>Show</legend>
            {(['active', 'inactive'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="retention-drilldown-shown" checked={shown === v} onChange={() => setShown(v)} />
                {v === 'active' ? 'Active' : 'Not active'}
              </label>
            ))}
          </fieldset>{' '}
        </>
      }
    >
      {(all) => (
        <SortableTable
          key={`${sql}|${shown}`}
          testId="retention-drilldown-table"
          caption={
            <>
              <span data-testid="retention-drilldown-count">{formatCount(rows.length)}</span> of {formatCount(all.length)} {labels.unit} {shown === 'active' ? '' : 'not '}
              {convention}
              {users ? '' : `; their MRR: ${formatCurrency(rows.reduce((s, r) => s + (r.mrr ?? 0), 0), { cents: true })}`} ({formatCount(activeCount)} active)
            </>
          }
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
        />
      )}
    </DrilldownPanel>
  );
}

import { useMemo } from 'react';
import { formatCount } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { QueryStatus } from '../common/QueryStatus';
import { type MartColumn, martTableSql } from './driversQueries';
import { type MartRow, martRowsFromTable } from './driversRows';
import { type SortableColumn, SortableTable } from './SortableTable';
import type { SortValue } from './tableSort';

/** A cell as text: exact enough to check (money in cents, scores to 3 places), n/a for a missing value. */
export function formatMartValue(v: SortValue, kind: MartColumn['kind']): string {
  if (v === null) return 'n/a';
  if (kind === 'bool') return v ? 'yes' : 'no';
  if (kind === 'text' || typeof v !== 'number') return String(v);
  if (kind === 'money') return v.toFixed(2);
  if (kind === 'decimal') return v.toFixed(3);
  if (kind === 'share') return `${(v * 100).toFixed(1)} %`;
  return formatCount(v);
}

interface Props {
  id: string;
  mart: string;
  title: string;
  note: string;
  columns: readonly MartColumn[];
}

/** A feature mart as a sortable, paged table (about 10 k rows at the demo size). */
export function FeatureMartTable({ id, mart, title, note, columns }: Props) {
  const martSql = useMartSql(mart);
  const select = useMemo(() => martRowsFromTable(columns), [columns]);
  const state = useQuery(useMemo(() => martTableSql(martSql, columns), [martSql, columns]), id, select);
  const sortable = useMemo<SortableColumn<MartRow>[]>(
    () => columns.map((c) => ({ key: c.key, label: c.label, text: c.kind === 'text', value: (r) => formatMartValue(r[c.key] ?? null, c.kind), sortValue: (r) => r[c.key] ?? null })),
    [columns],
  );
  return (
    <ChartSection id={id} title={title} note={`${note} Click a column header to sort by it (again to reverse).`}>
      <QueryStatus state={state} what={mart} isEmpty={(rows) => rows.length === 0} emptyMessage="No account in the selected data.">
        {(rows) => (
          <div style={{ overflowX: 'auto' }}>
            <SortableTable testId={`${id}-table`} caption={`${mart}: ${formatCount(rows.length)} accounts`} columns={sortable} rows={rows} rowKey={(r) => String(r.customer_id)} />
          </div>
        )}
      </QueryStatus>
    </ChartSection>
  );
}

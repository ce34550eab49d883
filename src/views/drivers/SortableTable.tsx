import { type ReactNode, useMemo, useState } from 'react';
import { formatCount } from '../../format/numbers';
import { nextSort, pageOf, type SortState, type SortValue, sortRows } from './tableSort';

export interface SortableColumn<R> {
  /** Stable key, written as data-col on every cell (the tests read columns by it). */
  key: string;
  label: string;
  value: (row: R) => string;
  /** What the column sorts by (defaults to its text). */
  sortValue?: (row: R) => SortValue;
  /** Text columns are left-aligned; the rest are numbers. */
  text?: boolean;
}

interface Props<R> {
  testId: string;
  caption: ReactNode;
  columns: readonly SortableColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  pageSize?: number;
  initialSort?: SortState;
}

/**
 * A long table shown a page at a time. Each header is a button (Tab, then Enter or Space)
 * that sorts by its column, largest first, and again the other way; aria-sort tells screen
 * readers which column sorts and how. Sorting goes back to the first page.
 */
export function SortableTable<R>({ testId, caption, columns, rows, rowKey, pageSize = 50, initialSort }: Props<R>) {
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column) return rows;
    return sortRows(rows, column.sortValue ?? column.value, sort.direction);
  }, [rows, columns, sort]);
  const shown = pageOf(sorted, page, pageSize);
  const [head, ...rest] = columns;
  return (
    <div data-testid={`${testId}-wrapper`}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key} aria-sort={sort?.key === c.key ? sort.direction : 'none'} data-col={c.key}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setSort(nextSort(sort, c.key));
                    setPage(0);
                  }}
                >
                  {c.label}
                  {sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((row) => (
            <tr key={rowKey(row)}>
              {head && (
                <th scope="row" data-col={head.key} className={head.text ? 'text' : undefined}>
                  {head.value(row)}
                </th>
              )}
              {rest.map((c) => (
                <td key={c.key} data-col={c.key} className={c.text ? 'text' : undefined}>
                  {c.value(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={`Pages of ${testId}`} style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}>
        <button type="button" className="secondary" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
          Previous
        </button>
        <span data-testid={`${testId}-range`} aria-live="polite">
          Rows {formatCount(shown.first)}–{formatCount(shown.last)} of {formatCount(shown.total)}
        </span>
        <button type="button" className="secondary" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)}>
          Next
        </button>
      </nav>
    </div>
  );
}

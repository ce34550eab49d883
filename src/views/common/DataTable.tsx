import type { ReactNode } from 'react';

export interface Column<R> {
  /** Stable key, written as data-col on every cell so tests can read a column by name. */
  key: string;
  label: string;
  value: (row: R) => string;
}

interface Props<R> {
  testId: string;
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Marks a row (e.g. a period still in progress) with data-partial and italics. */
  isPartial?: (row: R) => boolean;
  summary?: ReactNode;
  open?: boolean;
}

/**
 * The numbers of a chart as an accessible table in a <details> (collapsed by default): the
 * first column is the row header. The end-to-end tests read the charts' numbers from here.
 */
export function DataTable<R>({ testId, caption, columns, rows, rowKey, isPartial, summary = 'Data table', open }: Props<R>) {
  const [head, ...rest] = columns;
  return (
    <details className="data-table" open={open}>
      <summary>{summary}</summary>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const partial = isPartial?.(row) ?? false;
            return (
              <tr key={rowKey(row)} data-partial={partial ? 'true' : undefined} style={partial ? { fontStyle: 'italic' } : undefined}>
                {head && (
                  <th scope="row" data-col={head.key}>
                    {head.value(row)}
                  </th>
                )}
                {rest.map((c) => (
                  <td key={c.key} data-col={c.key}>
                    {c.value(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

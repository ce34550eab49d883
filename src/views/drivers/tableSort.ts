/** Sorting and paging of the long tables (pure, so unit-testable without a DOM). */

export type SortDirection = 'ascending' | 'descending';
export type SortValue = number | string | boolean | null;

export interface SortState {
  key: string;
  direction: SortDirection;
}

/**
 * Rows sorted by `value`, a stable sort (ties keep their order); a missing value (null, NaN)
 * sorts last in either direction, so "n/a" never hides the real extremes.
 */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, direction: SortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const missing = (v: SortValue) => v === null || (typeof v === 'number' && Number.isNaN(v));
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      const ma = missing(a.v);
      const mb = missing(b.v);
      if (ma || mb) return ma === mb ? a.index - b.index : ma ? 1 : -1;
      const x = a.v as number | string | boolean;
      const y = b.v as number | string | boolean;
      const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((e) => e.row);
}

/** The next sort after a click on column `key`: a new column sorts descending (largest first), the same column flips. */
export function nextSort(current: SortState | null, key: string): SortState {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'descending' };
}

export interface Page<R> {
  rows: R[];
  /** 0-based page shown (clamped to the pages there are). */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  first: number;
  last: number;
  total: number;
}

export function pageOf<R>(rows: readonly R[], page: number, size: number): Page<R> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const slice = rows.slice(p * size, (p + 1) * size);
  return { rows: slice, page: p, pages, first: slice.length ? p * size + 1 : 0, last: p * size + slice.length, total: rows.length };
}

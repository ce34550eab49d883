import { describe, expect, it } from 'vitest';
import { nextSort, pageOf, sortRows } from '../../../../src/views/drivers/tableSort';

describe('table sort and pages', () => {
  const rows = [
    { id: 'a', v: 3 },
    { id: 'b', v: null },
    { id: 'c', v: 10 },
    { id: 'd', v: 3 },
    { id: 'e', v: -1 },
  ];

  it('sorts numbers either way, stable on ties, with missing values last both ways', () => {
    expect(sortRows(rows, (r) => r.v, 'ascending').map((r) => r.id)).toEqual(['e', 'a', 'd', 'c', 'b']);
    expect(sortRows(rows, (r) => r.v, 'descending').map((r) => r.id)).toEqual(['c', 'a', 'd', 'e', 'b']);
    expect(sortRows([{ v: Number.NaN }, { v: 1 }], (r) => r.v, 'ascending').map((r) => r.v)).toEqual([1, Number.NaN]);
  });

  it('sorts text by locale and booleans as 0/1', () => {
    expect(sortRows(['pro', 'Growth', 'enterprise'], (s) => s, 'ascending')).toEqual(['enterprise', 'Growth', 'pro']);
    expect(sortRows([true, false, true], (b) => b, 'ascending')).toEqual([false, true, true]);
  });

  it('starts a new column descending and flips the same one', () => {
    expect(nextSort(null, 'mrr')).toEqual({ key: 'mrr', direction: 'descending' });
    expect(nextSort({ key: 'mrr', direction: 'descending' }, 'mrr')).toEqual({ key: 'mrr', direction: 'ascending' });
    expect(nextSort({ key: 'mrr', direction: 'ascending' }, 'mrr')).toEqual({ key: 'mrr', direction: 'descending' });
    expect(nextSort({ key: 'mrr', direction: 'ascending' }, 'tier')).toEqual({ key: 'tier', direction: 'descending' });
  });

  it('pages 1-based positions and clamps the page', () => {
    const list = Array.from({ length: 123 }, (_, i) => i);
    expect(pageOf(list, 0, 50)).toMatchObject({ page: 0, pages: 3, first: 1, last: 50, total: 123 });
    const last = pageOf(list, 2, 50);
    expect(last).toMatchObject({ page: 2, first: 101, last: 123 });
    expect(last.rows).toHaveLength(23);
    expect(pageOf(list, 9, 50).page).toBe(2);
    expect(pageOf([], 0, 50)).toMatchObject({ page: 0, pages: 1, first: 0, last: 0, total: 0 });
  });
});

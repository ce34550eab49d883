import { describe, expect, test } from 'vitest';
import { gridWindow } from '../../../../src/views/console/gridWindow';

const ROW = 26;
const VIEW = 390;

/** The row whose box covers the viewport's top edge, given the drawn window. */
function rowAtTop(scrollTop: number, w: ReturnType<typeof gridWindow>): number {
  return w.first + Math.floor((scrollTop - w.top) / ROW);
}

describe('gridWindow', () => {
  test('a short result is drawn whole, at its natural height', () => {
    const w = gridWindow(0, VIEW, 10, ROW);
    expect(w).toEqual({ first: 0, last: 10, top: 0, height: 260 });
  });

  test('a long result draws only the rows in view and a few either side', () => {
    const w = gridWindow(26_000, VIEW, 100_000, ROW, 8);
    // Row 1000 is at the top; 15 rows fit in 390 px.
    expect(rowAtTop(26_000, w)).toBe(1000);
    expect(w.first).toBe(992);
    expect(w.last).toBe(1000 + 15 + 8);
    expect(w.height).toBe(2_600_000);
  });

  test('a million rows: the scroll range is compressed, yet the top and the bottom show the first and last rows', () => {
    const rows = 1_000_000;
    const max = 8_000_000;
    const top = gridWindow(0, VIEW, rows, ROW, 8, max);
    expect(top.height).toBe(max);
    expect(top.first).toBe(0);
    const bottomScroll = max - VIEW;
    const bottom = gridWindow(bottomScroll, VIEW, rows, ROW, 8, max);
    expect(bottom.last).toBe(rows);
    // The last row ends exactly at the viewport's bottom edge.
    expect(bottom.top + (rows - bottom.first) * ROW).toBe(bottomScroll + VIEW);
    // Halfway down shows the middle rows.
    const middle = gridWindow(bottomScroll / 2, VIEW, rows, ROW, 8, max);
    const first = rowAtTop(bottomScroll / 2, middle);
    expect(Math.abs(first - (rows - VIEW / ROW) / 2)).toBeLessThanOrEqual(1);
  });

  test('scroll positions past the end (elastic scrolling) are clamped', () => {
    const w = gridWindow(10_000_000, VIEW, 100, ROW);
    expect(w.last).toBe(100);
    expect(gridWindow(-50, VIEW, 100, ROW).first).toBe(0);
  });

  test('no rows, nothing drawn', () => {
    expect(gridWindow(0, VIEW, 0, ROW)).toEqual({ first: 0, last: 0, top: 0, height: 0 });
  });
});

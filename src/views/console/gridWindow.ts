/**
 * Which rows of a long result the grid draws. Only the rows in view (plus a few either side)
 * are rendered. Browsers cap an element's height (Chromium near 33.5 million pixels, Firefox
 * lower), so beyond MAX_SCROLL_HEIGHT the scroll range is compressed: the scroll position is
 * mapped proportionally onto the rows and the drawn rows are placed where the eye expects.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface GridWindow {
  /** First and last (exclusive) row drawn. */
  first: number;
  last: number;
  /** Top of the first drawn row, in the scroll container's content coordinates. */
  top: number;
  /** Height of the scrollable content. */
  height: number;
}

export function gridWindow(scrollTop: number, viewportHeight: number, rowCount: number, rowHeight: number, overscan = 8, maxHeight = MAX_SCROLL_HEIGHT): GridWindow {
  const fullHeight = rowCount * rowHeight;
  const height = Math.min(fullHeight, maxHeight);
  const scrollable = Math.max(0, height - viewportHeight);
  const fullScrollable = Math.max(0, fullHeight - viewportHeight);
  const clamped = Math.max(0, Math.min(scrollTop, scrollable));
  // Where the viewport's top would be in the uncompressed list.
  const virtualTop = scrollable > 0 ? (clamped / scrollable) * fullScrollable : 0;
  const firstVisible = Math.floor(virtualTop / rowHeight);
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(rowCount, Math.ceil((virtualTop + viewportHeight) / rowHeight) + overscan);
  // The first visible row is drawn at the same distance from the viewport's top as in the
  // uncompressed list; the others follow it.
  const top = clamped - (virtualTop - first * rowHeight);
  return { first, last, top, height };
}

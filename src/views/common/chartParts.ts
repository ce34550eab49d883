/** Pieces of echarts options the time-series charts share. */

/** Beyond this many periods a chart gets zoom controls (the day grain has hundreds). */
const ZOOM_FROM = 60;

export function categoryAxis(labels: readonly string[], name?: string) {
  return { type: 'category', data: labels, axisLabel: { hideOverlap: true }, ...(name ? { name, nameLocation: 'middle', nameGap: 28 } : {}) };
}

/** Zoom controls for long series; the grid's bottom margin makes room for the slider. */
export function zoomFor(count: number) {
  return count > ZOOM_FROM ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }] : [];
}

export function gridFor(count: number, right = 24) {
  return { left: 64, right, top: 44, bottom: count > ZOOM_FROM ? 64 : 36, containLabel: false };
}

/** A period still in progress (or cut by the date range) is drawn faded: its figures are provisional. */
export function partialItem<T>(value: T, isPartial: boolean) {
  return isPartial ? { value, itemStyle: { opacity: 0.45 } } : { value };
}

export const LEGEND = { top: 4, type: 'scroll' } as const;

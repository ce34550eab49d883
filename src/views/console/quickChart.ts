import { DataType, type Table } from 'apache-arrow';
import type { ChartOption } from '../../charts/echarts';
import { cellText } from './cellText';

export type QuickChartKind = 'bar' | 'line' | 'heatmap';

/** What to draw: bar and line plot `y` against `x`; a heatmap colours `value` by (`x`, `y`). */
export interface QuickChartSpec {
  kind: QuickChartKind;
  x: string;
  y: string;
  value: string;
}

/** At most this many result rows are charted: more points than pixels says nothing more. */
export const CHART_ROW_LIMIT = 5000;

export interface ChartPoint {
  x: string;
  y: string;
  /** The plotted number (bar/line: y; heatmap: value); null when the cell is NULL or not a number. */
  value: number | null;
}

export interface QuickChartData {
  points: ChartPoint[];
  /** Rows of the result left out (beyond CHART_ROW_LIMIT). */
  omitted: number;
}

/** Columns that can be plotted as numbers. */
export function numericColumns(table: Table): string[] {
  return table.schema.fields.filter((f) => DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type)).map((f) => f.name);
}

/** A sensible first choice: the first column as x, the first other numeric column as y/value. */
export function defaultSpec(table: Table, kind: QuickChartKind = 'bar'): QuickChartSpec | null {
  const names = table.schema.fields.map((f) => f.name);
  const numbers = numericColumns(table);
  if (names.length === 0 || numbers.length === 0) return null;
  const x = names[0]!;
  const y = numbers.find((n) => n !== x) ?? numbers[0]!;
  if (kind !== 'heatmap') return { kind, x, y, value: y };
  const secondCategory = names.find((n) => n !== x && n !== y) ?? names[1] ?? x;
  const value = numbers.find((n) => n !== x && n !== secondCategory) ?? y;
  return { kind, x, y: secondCategory, value };
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'bigint' ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The points to draw, read from the first CHART_ROW_LIMIT rows only, one per x (bar, line) or
 * per (x, y) cell (heatmap): rows that share one are summed, as a pivot would total them, so
 * an unaggregated result still draws one bar per category.
 */
export function chartPoints(table: Table, spec: QuickChartSpec): QuickChartData {
  const heatmap = spec.kind === 'heatmap';
  const x = table.getChild(spec.x);
  const y = table.getChild(spec.y);
  const value = table.getChild(heatmap ? spec.value : spec.y);
  const xType = table.schema.fields.find((f) => f.name === spec.x)?.type;
  const yType = table.schema.fields.find((f) => f.name === spec.y)?.type;
  if (!x || !y || !value || !xType || !yType) return { points: [], omitted: 0 };
  const rows = Math.min(table.numRows, CHART_ROW_LIMIT);
  const cells = new Map<string, ChartPoint>();
  for (let i = 0; i < rows; i++) {
    const px = cellText(x.get(i), xType);
    const py = heatmap ? cellText(y.get(i), yType) : spec.y;
    const v = toNumber(value.get(i));
    const key = JSON.stringify([px, py]);
    const cell = cells.get(key);
    if (!cell) cells.set(key, { x: px, y: py, value: v });
    else if (v !== null) cell.value = (cell.value ?? 0) + v;
  }
  return { points: [...cells.values()], omitted: table.numRows - rows };
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The echarts option for the points (categories in the order the result lists them). */
export function quickChartOption(data: QuickChartData, spec: QuickChartSpec): ChartOption {
  const xs = distinct(data.points.map((p) => p.x));
  if (spec.kind !== 'heatmap') {
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 24, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: xs, name: spec.x, nameLocation: 'middle', nameGap: 40 },
      yAxis: { type: 'value', name: spec.y },
      dataZoom: xs.length > 60 ? [{ type: 'slider', bottom: 8 }] : [],
      series: [{ type: spec.kind, name: spec.y, data: data.points.map((p) => p.value), showSymbol: data.points.length <= 200 }],
    };
  }
  const ys = distinct(data.points.map((p) => p.y));
  const values = data.points.map((p) => p.value).filter((v): v is number => v !== null);
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  const yIndex = new Map(ys.map((y, i) => [y, i]));
  return {
    tooltip: { position: 'top' },
    grid: { left: 96, right: 24, top: 24, bottom: 96 },
    xAxis: { type: 'category', data: xs, name: spec.x, splitArea: { show: true } },
    yAxis: { type: 'category', data: ys, name: spec.y, splitArea: { show: true } },
    visualMap: { min: values.reduce((a, b) => Math.min(a, b), values[0] ?? 0), max: values.reduce((a, b) => Math.max(a, b), values[0] ?? 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 8 },
    series: [
      {
        type: 'heatmap',
        name: spec.value,
        // Drawn in one pass, like the retention heatmap: the test reads "finished" as drawn.
        progressive: 0,
        data: data.points.filter((p) => p.value !== null).map((p) => [xIndex.get(p.x), yIndex.get(p.y), p.value]),
      },
    ],
  };
}

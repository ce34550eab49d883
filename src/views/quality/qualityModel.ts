import type { ChartOption } from '../../charts/echarts';
import type { CheckStatus } from '../../pipeline/runner';
import type { SqlModel } from '../../pipeline/sqlModel';
import { buildDictionary } from '../../dictionary/dictionary';
import { CHECK_STATUSES, type CheckRow } from './qualityQueries';

export type StatusCounts = Record<CheckStatus, number>;

export function statusCounts(rows: readonly CheckRow[]): StatusCounts {
  const counts: StatusCounts = { fail: 0, warn: 0, pass: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

export const STATUS_LABELS: Record<CheckStatus, string> = { fail: 'Failed', warn: 'Warnings', pass: 'Passed' };
export const STATUS_COLORS: Record<CheckStatus, string> = { fail: '#e03131', warn: '#f08c00', pass: '#2b8a3e' };

/** Checks by status as bars, failures first (the order in which they need attention). */
export function statusBarsOption(counts: StatusCounts): ChartOption {
  return {
    animation: false,
    grid: { left: 88, right: 48, top: 8, bottom: 24 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: CHECK_STATUSES.map((s) => STATUS_LABELS[s]) },
    series: [
      {
        name: 'Checks',
        type: 'bar',
        data: CHECK_STATUSES.map((s) => ({ value: counts[s], itemStyle: { color: STATUS_COLORS[s] } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

export interface CheckFilter {
  status: CheckStatus | 'all';
  /** Words that must all appear in the check's or the model's name (case-insensitive). */
  search: string;
}

export function filterChecks(rows: readonly CheckRow[], filter: CheckFilter): CheckRow[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.status !== 'all' && r.status !== filter.status) return false;
    const text = `${r.name} ${r.model ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export const SORT_KEYS = ['status', 'name', 'model', 'failingRows', 'durationMs'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const STATUS_RANK: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2 };

function compare(a: CheckRow, b: CheckRow, key: SortKey): number {
  switch (key) {
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    case 'name':
      return a.name.localeCompare(b.name);
    case 'model':
      return (a.model ?? '').localeCompare(b.model ?? '');
    case 'failingRows':
      return a.failingRows - b.failingRows;
    case 'durationMs':
      return a.durationMs - b.durationMs;
  }
}

/** Sorted by `sort`, ties by check name (ascending), so the order is stable whatever the input order. */
export function sortChecks(rows: readonly CheckRow[], sort: Sort): CheckRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, sort.key) || a.name.localeCompare(b.name));
}

/** Clicking a column's header sorts by it; clicking it again reverses the order. Numbers start largest first. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'failingRows' || key === 'durationMs' ? 'descending' : 'ascending' };
}

export interface SampleTable {
  columns: string[];
  rows: string[][];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A check's sample (a JSON array of row objects) as a small table: the columns in the order
 * they first appear, NULL for a missing or null value. Anything else is an error message.
 */
export function parseSample(json: string): SampleTable | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { error: `the sample is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!Array.isArray(parsed) || parsed.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    return { error: 'the sample is not a list of rows' };
  }
  const records = parsed as Record<string, unknown>[];
  const columns: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
  return { columns, rows: records.map((record) => columns.map((c) => cellText(record[c]))) };
}

/** Each check's description (from its SQL header or its generic test), by check name. */
export function checkDescriptions(models: readonly SqlModel[]): Map<string, string> {
  return new Map(buildDictionary(models).filter((e) => e.layer === 'checks').map((e) => [e.name, e.description]));
}

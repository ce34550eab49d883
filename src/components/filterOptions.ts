import type { Table } from 'apache-arrow';
import { mapRows, num } from '../engine/arrowRows';
import { type Filters, hasFilters } from '../pipeline/filters';
import type { ListKey } from '../state/urlView';

/** One choice of a list filter, with how many accounts (users, for platforms) have it. */
export interface FilterOption {
  value: string;
  count: number;
}

export type FilterOptions = Record<ListKey, FilterOption[]>;

/** Each list filter: its label, what its counts count and the column its values come from. */
export const FILTER_LISTS: readonly { key: ListKey; label: string; unit: string; sql: string }[] = [
  { key: 'plans', label: 'Plan', unit: 'accounts', sql: `SELECT current_tier AS value, count(*) AS n FROM dim_customers GROUP BY ALL` },
  { key: 'regions', label: 'Region', unit: 'accounts', sql: `SELECT region AS value, count(*) AS n FROM dim_customers GROUP BY ALL` },
  { key: 'channels', label: 'Channel', unit: 'accounts', sql: `SELECT acquisition_channel AS value, count(*) AS n FROM dim_customers GROUP BY ALL` },
  { key: 'platforms', label: 'Platform', unit: 'users', sql: `SELECT platform AS value, count(*) AS n FROM stg_users GROUP BY ALL` },
  { key: 'industries', label: 'Industry', unit: 'accounts', sql: `SELECT industry AS value, count(*) AS n FROM dim_customers GROUP BY ALL` },
];

/**
 * The distinct values of every list filter, read from the data: dim_customers for the account
 * attributes, stg_users for the platform (filters.ts applies a platform to users directly and
 * to accounts through their sign-up platform).
 */
export const FILTER_OPTIONS_SQL = FILTER_LISTS.map(
  (l) => `SELECT '${l.key}' AS list, CAST(value AS VARCHAR) AS value, n FROM (${l.sql}) WHERE value IS NOT NULL`,
).join('\nUNION ALL\n');

/** Tiers in price order (domain.md), which reads better than alphabetical. */
const TIER_ORDER = ['Free', 'Starter', 'Growth', 'Pro', 'Enterprise'];

export function toFilterOptions(rows: readonly { list: string; value: string; count: number }[]): FilterOptions {
  const options: FilterOptions = { plans: [], regions: [], channels: [], platforms: [], industries: [] };
  for (const row of rows) {
    const list = FILTER_LISTS.find((l) => l.key === row.list);
    if (list) options[list.key].push({ value: row.value, count: row.count });
  }
  const tierRank = (v: string) => (TIER_ORDER.includes(v) ? TIER_ORDER.indexOf(v) : TIER_ORDER.length);
  for (const key of Object.keys(options) as ListKey[]) {
    options[key].sort((a, b) => (key === 'plans' ? tierRank(a.value) - tierRank(b.value) : 0) || a.value.localeCompare(b.value));
  }
  return options;
}

export function filterOptionsFromTable(table: Table): FilterOptions {
  return toFilterOptions(mapRows(table, (r) => ({ list: String(r.list), value: String(r.value), count: num(r.n) })));
}

/** The values of each list, without their counts. */
export function knownValues(options: FilterOptions): Record<ListKey, string[]> {
  const values = (key: ListKey) => options[key].map((o) => o.value);
  return { plans: values('plans'), regions: values('regions'), channels: values('channels'), platforms: values('platforms'), industries: values('industries') };
}

/** One removable chip per active filter value, in the bar's order. */
export interface FilterChip {
  id: string;
  label: string;
  /** The filters without this chip. */
  without: Partial<Filters>;
}

export function filterChips(filters: Filters): FilterChip[] {
  if (!hasFilters(filters)) return [];
  const chips: FilterChip[] = [];
  if (filters.dateFrom !== null) chips.push({ id: 'from', label: `From ${filters.dateFrom}`, without: { dateFrom: null } });
  if (filters.dateTo !== null) chips.push({ id: 'to', label: `To ${filters.dateTo}`, without: { dateTo: null } });
  for (const list of FILTER_LISTS) {
    for (const value of filters[list.key]) {
      chips.push({ id: `${list.key}:${value}`, label: `${list.label}: ${value}`, without: { [list.key]: filters[list.key].filter((v) => v !== value) } });
    }
  }
  return chips;
}

/** The list with `value` added or removed. */
export function toggleValue(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

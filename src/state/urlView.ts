import { type Filters, NO_FILTERS } from '../pipeline/filters';
import { readRetentionParams, RETENTION_PARAMS } from '../views/retention/retentionOptions';
import { type Grain, GRAINS } from './filtersSlice';
import { BRIDGE_STEPS, type BridgeSelection, type BridgeStep, NO_BRIDGE_SELECTION } from './uiSlice';

/**
 * What the user is looking at, kept in the URL next to the generator settings (urlParams.ts)
 * so that a link reproduces the screen: the open view, the global filters and the grain.
 * Only what differs from the defaults is written; list filters repeat their key
 * (`plan=Pro&plan=Growth`), which reads better than escaped commas.
 */
export interface ViewState {
  view: string;
  filters: Filters;
  grain: Grain;
  /** The Revenue view's bridge month and drill-down (`month=2025-10&drill=churn`), written only while it is open. */
  bridge: BridgeSelection;
}

/** The view whose bridge selection goes into the URL. */
const BRIDGE_VIEW = 'revenue';

type ListKey = 'plans' | 'regions' | 'channels' | 'platforms' | 'industries';

/** URL key of each list filter. */
export const LIST_PARAMS: readonly { key: ListKey; param: string }[] = [
  { key: 'plans', param: 'plan' },
  { key: 'regions', param: 'region' },
  { key: 'channels', param: 'channel' },
  { key: 'platforms', param: 'platform' },
  { key: 'industries', param: 'industry' },
];

const VIEW_PARAMS = ['view', 'from', 'to', 'grain', 'month', 'drill', ...LIST_PARAMS.map((p) => p.param)];

/**
 * A filter value as it can appear in the data (tiers, regions, channels, platforms,
 * industries such as "HR Tech"). Values are always quoted as SQL literals; this only keeps
 * junk out of the screen and the URL.
 */
const FILTER_VALUE = /^[\p{L}\p{N}][\p{L}\p{N} &._-]{0,39}$/u;

/** An ISO date that exists on the calendar (2025-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Reads the view state from a query string. Like the generator settings, a malformed value
 * never fails the page: it is dropped (its default is used) and named in `problems`.
 */
export function readUrlView(search: string, viewIds: readonly string[], defaultView: string): { state: ViewState; problems: string[] } {
  const query = new URLSearchParams(search);
  const problems: string[] = [];

  let view = defaultView;
  const rawView = query.get('view');
  if (rawView !== null) {
    if (viewIds.includes(rawView)) view = rawView;
    else problems.push(`unknown view "${rawView}"`);
  }

  let grain: Grain = 'month';
  const rawGrain = query.get('grain');
  if (rawGrain !== null) {
    if ((GRAINS as readonly string[]).includes(rawGrain)) grain = rawGrain as Grain;
    else problems.push(`unknown grain "${rawGrain}"`);
  }

  const date = (param: 'from' | 'to'): string | null => {
    const raw = query.get(param);
    if (raw === null) return null;
    if (isCalendarDate(raw)) return raw;
    problems.push(`${param} "${raw}" is not a date (YYYY-MM-DD)`);
    return null;
  };
  let dateFrom = date('from');
  let dateTo = date('to');
  if (dateFrom !== null && dateTo !== null && dateFrom > dateTo) {
    problems.push(`the date range ${dateFrom} to ${dateTo} ends before it starts`);
    dateFrom = null;
    dateTo = null;
  }

  const filters: Filters = { ...NO_FILTERS, dateFrom, dateTo };
  for (const { key, param } of LIST_PARAMS) {
    const values: string[] = [];
    for (const raw of query.getAll(param)) {
      if (!FILTER_VALUE.test(raw)) problems.push(`${param} "${raw}" is not a valid value`);
      else if (!values.includes(raw)) values.push(raw);
    }
    filters[key] = values;
  }
  const bridge: BridgeSelection = { ...NO_BRIDGE_SELECTION };
  const rawMonth = query.get('month');
  if (rawMonth !== null) {
    if (/^\d{4}-\d{2}$/.test(rawMonth) && isCalendarDate(`${rawMonth}-01`)) bridge.month = `${rawMonth}-01`;
    else problems.push(`month "${rawMonth}" is not a month (YYYY-MM)`);
  }
  const rawDrill = query.get('drill');
  if (rawDrill !== null) {
    if ((BRIDGE_STEPS as readonly string[]).includes(rawDrill)) bridge.step = rawDrill as BridgeStep;
    else problems.push(`unknown drill-down "${rawDrill}"`);
  }
  // The Retention view's controls are its own state (src/views/retention); only their problems are reported here.
  problems.push(...readRetentionParams(search).problems);
  return { state: { view, filters, grain, bridge }, problems };
}

/**
 * The query string with the view state written into `base` (whose other parameters, the
 * generator settings, are kept): only what differs from the defaults.
 */
export function writeUrlView(state: ViewState, defaultView: string, base = ''): string {
  const query = new URLSearchParams(base);
  for (const param of VIEW_PARAMS) query.delete(param);
  if (state.view !== defaultView) query.set('view', state.view);
  if (state.filters.dateFrom !== null) query.set('from', state.filters.dateFrom);
  if (state.filters.dateTo !== null) query.set('to', state.filters.dateTo);
  for (const { key, param } of LIST_PARAMS) for (const value of state.filters[key]) query.append(param, value);
  if (state.grain !== 'month') query.set('grain', state.grain);
  // The Retention view writes its controls itself while open; another view's link drops them.
  if (state.view !== 'retention') for (const param of RETENTION_PARAMS) query.delete(param);
  if (state.view === BRIDGE_VIEW) {
    if (state.bridge.month !== null) query.set('month', state.bridge.month.slice(0, 7));
    if (state.bridge.step !== null) query.set('drill', state.bridge.step);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * Drops the list-filter values the data does not have (a link from another dataset, or a
 * typo), given each list's known values. Returns the kept filters and what was dropped.
 */
export function keepKnownValues(filters: Filters, known: Readonly<Record<ListKey, readonly string[]>>): { filters: Filters; dropped: string[] } {
  const next: Filters = { ...filters };
  const dropped: string[] = [];
  for (const { key, param } of LIST_PARAMS) {
    const kept = filters[key].filter((v) => known[key].includes(v));
    for (const v of filters[key]) if (!known[key].includes(v)) dropped.push(`${param} "${v}" is not in the data`);
    next[key] = kept;
  }
  return { filters: next, dropped };
}

export type { ListKey };

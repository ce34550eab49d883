import { quoteLiteral } from '../engine/connector';

/**
 * Global filters, applied to gold queries at query time. A gold model marks where each kind
 * of filter goes with a comment right after a TRUE condition, which leaves the file valid SQL
 * that the pipeline runs unfiltered:
 *   AND TRUE /*accounts:m.customer_id*\/   an account key to restrict
 *   AND TRUE /*users:d.user_id*\/          a user key to restrict
 *   AND TRUE /*period:m.month*\/           a date to keep within the date range
 *   AND TRUE /*period:m.month as month*\/  the same, declaring that it only keeps whole output
 *                                          rows: those whose output column month is in range
 * Filtering a query re-runs only that query over the silver tables, never the pipeline. A
 * date range alone on a mart whose period points all name their output column reads the
 * materialised table instead (see martQuery).
 */
export interface Filters {
  /** Inclusive ISO dates; null = open. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Current tier of the account (dim_customers.current_tier). */
  plans: string[];
  regions: string[];
  channels: string[];
  /** Platform of the user (stg_users.platform); for accounts, their sign-up platform. */
  platforms: string[];
  industries: string[];
}

export const NO_FILTERS: Filters = { dateFrom: null, dateTo: null, plans: [], regions: [], channels: [], platforms: [], industries: [] };

export function hasFilters(f: Filters): boolean {
  return f.dateFrom !== null || f.dateTo !== null || f.plans.length + f.regions.length + f.channels.length + f.platforms.length + f.industries.length > 0;
}

const inList = (column: string, values: readonly string[]) => (values.length === 0 ? null : `${column} IN (${values.map(quoteLiteral).join(', ')})`);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function accountConditions(f: Filters, platformColumn: string): string[] {
  return [
    inList('c.current_tier', f.plans),
    inList('c.region', f.regions),
    inList('c.acquisition_channel', f.channels),
    inList(platformColumn, f.platforms),
    inList('c.industry', f.industries),
  ].filter((c): c is string => c !== null);
}

/** The SQL condition restricting an account key, or null when no account filter is set. */
export function accountFilter(f: Filters, key: string): string | null {
  const conditions = accountConditions(f, 'c.signup_platform');
  if (conditions.length === 0) return null;
  return `${key} IN (SELECT c.customer_id FROM dim_customers AS c WHERE ${conditions.join(' AND ')})`;
}

/** The SQL condition restricting a user key (platform is the user's own), or null. */
export function userFilter(f: Filters, key: string): string | null {
  const conditions = accountConditions(f, 'u.platform');
  if (conditions.length === 0) return null;
  return `${key} IN (SELECT u.user_id FROM stg_users AS u JOIN dim_customers AS c ON c.customer_id = u.customer_id WHERE ${conditions.join(' AND ')})`;
}

export function periodFilter(f: Filters, column: string): string | null {
  const parts: string[] = [];
  if (f.dateFrom !== null) {
    if (!ISO_DATE.test(f.dateFrom)) throw new Error(`dateFrom must be an ISO date, got "${f.dateFrom}"`);
    parts.push(`${column} >= DATE ${quoteLiteral(f.dateFrom)}`);
  }
  if (f.dateTo !== null) {
    if (!ISO_DATE.test(f.dateTo)) throw new Error(`dateTo must be an ISO date, got "${f.dateTo}"`);
    parts.push(`${column} <= DATE ${quoteLiteral(f.dateTo)}`);
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

const MARKER = /TRUE\s*\/\*(accounts|users|period):([A-Za-z_][A-Za-z0-9_.]*)(?:\s+as\s+([A-Za-z_][A-Za-z0-9_]*))?\s*\*\//g;

/** Whether a model's SQL declares filter points. */
export function isFilterable(sql: string): boolean {
  return new RegExp(MARKER.source).test(sql);
}

/** Whether a model's SQL restricts accounts or users (not only its period). */
export function restrictsPopulation(sql: string): boolean {
  return [...sql.matchAll(MARKER)].some((m) => m[1] !== 'period');
}

/** The filters without the date range: what models upstream of a queried mart are re-run with. */
export function populationOnly(f: Filters): Filters {
  return { ...f, dateFrom: null, dateTo: null };
}

/** Whether a model's SQL restricts users (a mart of users, whose platform is each user's own). */
export function restrictsUsers(sql: string): boolean {
  return [...sql.matchAll(MARKER)].some((m) => m[1] === 'users');
}

/**
 * The output column a date range keeps rows by, when every period point of the model names
 * the same one (`period:x as column`); null when it has no period point or one without it.
 */
export function outputPeriodColumn(sql: string): string | null {
  const outputs = [...sql.matchAll(MARKER)].filter((m) => m[1] === 'period').map((m) => m[3] ?? null);
  const first = outputs[0] ?? null;
  return first !== null && outputs.every((o) => o === first) ? first : null;
}

export interface FillOptions {
  /**
   * Whether a platform filter restricts accounts (by sign-up platform). Upstream of a mart of
   * users it must not: the users kept are those on the platform, and the account facts they
   * read (is my account churned?) must be there whatever platform their account signed up on.
   */
  platformRestrictsAccounts: boolean;
}

/** The model's SQL with its filter points filled in (TRUE where a filter is not set). */
export function applyFilters(sql: string, f: Filters, options: FillOptions = { platformRestrictsAccounts: true }): string {
  const accounts = options.platformRestrictsAccounts ? f : { ...f, platforms: [] };
  return sql.replace(MARKER, (_all, kind: string, column: string) => {
    const condition = kind === 'accounts' ? accountFilter(accounts, column) : kind === 'users' ? userFilter(f, column) : periodFilter(f, column);
    return condition === null ? 'TRUE' : `(${condition})`;
  });
}

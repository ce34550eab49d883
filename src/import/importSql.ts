import { quoteIdent, quoteLiteral } from '../engine/connector';
import { hasAmount, type Role, roleSpec, type ValueType } from './roles';
import { activeReasons, type ImportSpec, type SetAsideReason } from './rules';

/**
 * The SQL that turns a user's table (every column read as text, plus its row number __row)
 * into the pipeline's silver shapes. Every column name comes from the user's file: each is
 * quoted with quoteIdent and every value with quoteLiteral, so no name can break the SQL.
 */

/** A table of the import's schema. */
export const qualified = (schema: string, table: string): string => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** The trimmed text of a mapped column, NULL when empty. */
export function textOf(column: string): string {
  return `nullif(trim(CAST(${quoteIdent(column)} AS VARCHAR)), '')`;
}

const TRUE_WORDS = ['1', 'yes', 'y', 'true', 't'];
const FALSE_WORDS = ['0', 'no', 'n', 'false', 'f'];

/** The parsed value of a text expression; NULL when the text does not parse. */
export function parsed(type: ValueType, text: string, dateFormat: string): string {
  switch (type) {
    case 'timestamp':
      return dateFormat === 'iso' ? `TRY_CAST(${text} AS TIMESTAMP)` : `try_strptime(${text}, ${quoteLiteral(dateFormat)})`;
    case 'number':
      return `TRY_CAST(${text} AS DOUBLE)`;
    case 'flag': {
      const list = (words: string[]) => words.map(quoteLiteral).join(', ');
      return `CASE WHEN lower(${text}) IN (${list(TRUE_WORDS)}) THEN 1 WHEN lower(${text}) IN (${list(FALSE_WORDS)}) THEN 0 END`;
    }
    default:
      return text;
  }
}

/** Per mapped column that must parse: how many values are present and how many do not parse. */
export function parseCheckSql(source: string, spec: ImportSpec, role: Role): string | null {
  const column = spec.mapping[role];
  const type = roleSpec(spec.kind, role)?.type;
  if (column === undefined || type === undefined || type === 'id' || type === 'text') return null;
  const text = textOf(column);
  return `SELECT count(${text}) AS present, count(*) FILTER (WHERE ${text} IS NOT NULL AND ${parsed(type, text, spec.dateFormat)} IS NULL) AS bad FROM ${source}`;
}

/** The first rows whose value of `role` does not parse: row number and the text. */
export function badValuesSql(source: string, spec: ImportSpec, role: Role, limit: number): string {
  const column = spec.mapping[role]!;
  const type = roleSpec(spec.kind, role)!.type;
  const text = textOf(column);
  return `SELECT __row, ${text} AS value FROM ${source} WHERE ${text} IS NOT NULL AND ${parsed(type, text, spec.dateFormat)} IS NULL ORDER BY __row LIMIT ${limit}`;
}

function typedColumn(spec: ImportSpec, role: Role, as: string, fallbackType: string): string {
  const column = spec.mapping[role];
  const type = roleSpec(spec.kind, role)?.type;
  if (column === undefined || type === undefined) return `CAST(NULL AS ${fallbackType}) AS ${as}`;
  return `${parsed(type, textOf(column), spec.dateFormat)} AS ${as}`;
}

/**
 * The rows with their roles typed and one flag per set-aside reason. `columns` are all the
 * file's columns: an exact duplicate is identical in every one of them.
 */
export function flaggedSql(source: string, spec: ImportSpec, columns: readonly string[]): string {
  const reasons = activeReasons(spec);
  const select: string[] = ['__row'];
  if (spec.kind === 'customers') {
    select.push(
      typedColumn(spec, 'customer_id', 'customer_id', 'VARCHAR'),
      typedColumn(spec, 'duration', 'duration', 'DOUBLE'),
      typedColumn(spec, 'churned', 'churned', 'INTEGER'),
      typedColumn(spec, 'segment', 'segment', 'VARCHAR'),
    );
  } else {
    const transactions = spec.kind === 'transactions';
    select.push(
      typedColumn(spec, transactions ? 'customer_id' : 'account_id', 'customer_id', 'VARCHAR'),
      typedColumn(spec, transactions ? 'occurred_at' : 'date', 'occurred_at', 'TIMESTAMP'),
      typedColumn(spec, 'event_name', 'event_name', 'VARCHAR'),
      typedColumn(spec, 'order_id', 'order_id', 'VARCHAR'),
      typedColumn(spec, 'quantity', 'quantity', 'DOUBLE'),
      typedColumn(spec, 'unit_price', 'unit_price', 'DOUBLE'),
      typedColumn(spec, 'plan', 'plan', 'VARCHAR'),
      typedColumn(spec, 'amount', 'mapped_amount', 'DOUBLE'),
    );
    // amount may be quantity x unit_price, so it is computed over the typed columns, and the
    // flags (which test it) one level up again.
    const amount = spec.mapping.amount !== undefined ? 'mapped_amount' : hasAmount(spec.kind, spec.mapping) ? 'quantity * unit_price' : 'CAST(NULL AS DOUBLE)';
    const typed = `SELECT ${select.join(', ')}, ${duplicateFlag(reasons, columns)} FROM ${source}`;
    return `SELECT *, ${flags(spec, reasons)} FROM (SELECT * EXCLUDE (mapped_amount), ${amount} AS amount FROM (${typed}))`;
  }
  return `SELECT *, ${flags(spec, reasons)} FROM (SELECT ${select.join(', ')}, ${duplicateFlag(reasons, columns)} FROM ${source})`;
}

function duplicateFlag(reasons: readonly SetAsideReason[], columns: readonly string[]): string {
  if (!reasons.includes('duplicate')) return 'false AS is_duplicate';
  return `row_number() OVER (PARTITION BY ${columns.map(quoteIdent).join(', ')} ORDER BY __row) > 1 AS is_duplicate`;
}

/** The first reason that applies to the row (NULL = kept), in the order of activeReasons. */
function flags(spec: ImportSpec, reasons: readonly SetAsideReason[]): string {
  const condition: Record<SetAsideReason, string> = {
    no_id: 'customer_id IS NULL',
    no_date: 'occurred_at IS NULL',
    no_duration: 'duration IS NULL OR churned IS NULL',
    order_pattern: `coalesce(regexp_matches(order_id, ${quoteLiteral(spec.rules.excludeOrderPattern ?? '')}), false)`,
    negative: 'coalesce(quantity < 0, false) OR coalesce(amount < 0, false)',
    duplicate: 'is_duplicate',
  };
  const whens = reasons.map((r) => `WHEN ${condition[r]} THEN ${quoteLiteral(r)}`).join(' ');
  return `CASE ${whens} END AS set_aside`;
}

/** The silver tables an activity log (transactions or invoices) becomes, by name. */
export function activityTablesSql(schema: string, spec: ImportSpec): Record<string, string> {
  const rows = qualified(schema, 'import_rows');
  const params = qualified(schema, 'run_params');
  const tables: Record<string, string> = {
    // The as-of date is the last day in the data: the month it falls in is partial unless it is the month's last day.
    run_params: `SELECT CAST(min(occurred_at) AS DATE) AS window_start, CAST(max(occurred_at) AS DATE) AS window_end, CAST(max(occurred_at) AS DATE) AS as_of_date, CAST(0 AS UBIGINT) AS seed, 'import' AS preset FROM ${rows}`,
    fct_user_days: `SELECT customer_id AS user_id, customer_id, CAST(occurred_at AS DATE) AS event_date, count(*) AS events FROM ${rows} GROUP BY ALL`,
    fct_user_months: `SELECT customer_id AS user_id, CAST(date_trunc('month', occurred_at) AS DATE) AS activity_month, count(*) AS events FROM ${rows} GROUP BY ALL`,
    dim_users: `SELECT customer_id AS user_id, customer_id, min(occurred_at) AS first_seen_at, CAST(min(occurred_at) AS DATE) AS first_seen_date, max(occurred_at) AS last_seen_at, CAST(max(occurred_at) AS DATE) AS last_seen_date FROM ${rows} GROUP BY customer_id`,
  };
  if (hasAmount(spec.kind, spec.mapping)) {
    // Every month from a customer's first to the as-of month has a row (0 when nothing was
    // bought), as fct_subscription_months has: the MRR bridge reads a drop to 0 as churn.
    tables.fct_subscription_months = `WITH monthly AS (
  SELECT customer_id, CAST(date_trunc('month', occurred_at) AS DATE) AS month, sum(amount) AS revenue, arg_max(plan, occurred_at) AS plan
  FROM ${rows} GROUP BY ALL
),
accounts AS (SELECT customer_id, min(month) AS first_month FROM monthly GROUP BY customer_id),
grid AS (
  SELECT a.customer_id, CAST(m.month AS DATE) AS month
  FROM accounts AS a CROSS JOIN ${params} AS p
  CROSS JOIN LATERAL unnest(generate_series(CAST(a.first_month AS TIMESTAMP), CAST(date_trunc('month', p.as_of_date) AS TIMESTAMP), INTERVAL 1 MONTH)) AS m(month)
),
valued AS (
  SELECT g.customer_id, g.month, m.plan, CAST(greatest(coalesce(m.revenue, 0), 0) AS DECIMAL(14, 2)) AS mrr
  FROM grid AS g LEFT JOIN monthly AS m ON m.customer_id = g.customer_id AND m.month = g.month
)
SELECT v.customer_id, v.month,
  least(CAST(last_day(v.month) AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND, CAST(p.as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND) AS snapshot_at,
  last_day(v.month) > p.as_of_date AS is_partial_month,
  v.plan AS plan_id, v.plan AS tier, CAST(NULL AS INTEGER) AS seats, v.mrr > 0 AS is_paying, v.mrr
FROM valued AS v CROSS JOIN ${params} AS p`;
  }
  return tables;
}

/** The survival input a customer table becomes (segment plays plan_tier's part). */
export function customerTablesSql(schema: string): Record<string, string> {
  const rows = qualified(schema, 'import_rows');
  return {
    survival_table: `SELECT customer_id, coalesce(segment, '(none)') AS plan_tier, duration AS duration_days, churned AS event FROM ${rows}`,
  };
}

import { type Mapping, ROLES, type Role, type TableKind } from './roles';

/** A column of the imported table with some of its values as text (null = empty). */
export interface ColumnSample {
  name: string;
  values: readonly (string | null)[];
}

/**
 * Date formats the import reads: 'iso' is DuckDB's own cast (2011-12-09, 2011-12-09 12:50:00,
 * 2011-12-09T12:50:00), the others are strptime formats.
 */
export const DATE_FORMATS = ['iso', '%m/%d/%Y %H:%M', '%d/%m/%Y %H:%M', '%m/%d/%Y', '%d/%m/%Y', '%d.%m.%Y', '%Y%m%d'] as const;

const FORMAT_PATTERNS: Record<string, RegExp> = {
  iso: /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/,
  '%m/%d/%Y %H:%M': /^(\d{1,2})\/(\d{1,2})\/\d{4} \d{1,2}:\d{2}$/,
  '%d/%m/%Y %H:%M': /^(\d{1,2})\/(\d{1,2})\/\d{4} \d{1,2}:\d{2}$/,
  '%m/%d/%Y': /^(\d{1,2})\/(\d{1,2})\/\d{4}$/,
  '%d/%m/%Y': /^(\d{1,2})\/(\d{1,2})\/\d{4}$/,
  '%d.%m.%Y': /^\d{1,2}\.\d{1,2}\.\d{4}$/,
  '%Y%m%d': /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/,
};

const present = (values: readonly (string | null)[]) => values.map((v) => v?.trim() ?? '').filter((v) => v !== '');

/** The share of the present values that fit a date format, and the format most of them fit. */
export function dateFit(values: readonly (string | null)[]): { format: string | null; share: number } {
  const texts = present(values);
  let best: { format: string | null; share: number } = { format: null, share: 0 };
  if (texts.length === 0) return best;
  for (const format of DATE_FORMATS) {
    const pattern = FORMAT_PATTERNS[format]!;
    const matches = texts.map((t) => pattern.exec(t)).filter((m): m is RegExpExecArray => m !== null);
    if (format.startsWith('%m/%d') && matches.some((m) => Number(m[1]) > 12)) continue;
    if (format.startsWith('%d/%m') && matches.some((m) => Number(m[2]) > 12)) continue;
    const share = matches.length / texts.length;
    if (share > best.share) best = { format, share };
  }
  return best;
}

/**
 * The date format most of the sample values fit, or null when none does. Day-first and
 * month-first slashes are told apart by a part above 12; when none is, month first is assumed
 * (the UCI files are American) and the analyst can change it. Values that fit no format are
 * left for the import's check, which names their rows.
 */
export function guessDateFormat(values: readonly (string | null)[]): string | null {
  return dateFit(values).format;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const FLAG = /^(0|1|yes|no|y|n|true|false|t|f)$/i;

function share(values: readonly (string | null)[], test: (v: string) => boolean): number {
  const texts = present(values);
  return texts.length === 0 ? 0 : texts.filter(test).length / texts.length;
}

const isNumeric = (c: ColumnSample) => share(c.values, (v) => NUMBER.test(v)) >= 0.95;
const isDate = (c: ColumnSample) => dateFit(c.values).share >= 0.5;
const isFlag = (c: ColumnSample) => share(c.values, (v) => FLAG.test(v)) === 1;
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Name patterns per role, best first, and what a column's values must look like. */
const HINTS: Record<Role, { names: RegExp[]; fits: (c: ColumnSample) => boolean }> = {
  customer_id: { names: [/^(customer|cust|user|client|member|buyer|shopper)_?(id|no|number|key)?$/, /(customer|user|client).*id/, /^id$/], fits: () => true },
  account_id: { names: [/^(account|acct|customer|company|org|organisation|organization|subscriber)_?(id|no|number|key)?$/, /(account|customer).*id/, /^id$/], fits: () => true },
  occurred_at: { names: [/(timestamp|occurred|event_time|invoice_?date|order_?date|purchase_?date|transaction_?date|created)/, /(date|time)/, /^(ts|dt|when)$/], fits: isDate },
  date: { names: [/(invoice_?date|billing_?date|period|date)/, /(time|month)/], fits: isDate },
  event_name: { names: [/^(event|event_name|event_type|action|activity)$/], fits: (c) => !isNumeric(c) },
  order_id: { names: [/^(invoice|order|transaction|receipt|basket)_?(id|no|number)?$/, /(invoice|order)/], fits: () => true },
  amount: { names: [/^(amount|revenue|sales|total|value|dollar_value|net_amount|price_total|line_total|mrr)$/, /(amount|revenue|dollar|value|total)/], fits: isNumeric },
  quantity: { names: [/^(qty|quantity|units|number_of_\w+|count)$/, /(qty|quantity)/], fits: isNumeric },
  unit_price: { names: [/^(unit_?price|price|unit_cost)$/, /price/], fits: isNumeric },
  plan: { names: [/^(plan|plan_name|tier|product|package|sku)$/, /(plan|tier)/], fits: () => true },
  duration: { names: [/^(tenure|duration|lifetime|tenure_months|months|days)$/, /(tenure|duration)/], fits: isNumeric },
  churned: { names: [/^(churn|churned|is_churned|exited|cancelled|canceled|attrition)$/, /(churn|exited|cancel)/], fits: isFlag },
  segment: { names: [/^(contract|segment|plan|tier|cohort|group)$/, /(contract|segment|plan|tier|type)/], fits: (c) => !isNumeric(c) },
};

/**
 * A first mapping for the analyst to correct: each role takes the first column whose name
 * fits its patterns (strongest pattern first) and whose values fit its type; no column plays
 * two roles. Quantity and unit price are only guessed when no amount is.
 */
export function guessMapping(kind: TableKind, columns: readonly ColumnSample[]): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<string>();
  for (const spec of ROLES[kind]) {
    const hint = HINTS[spec.role];
    if (kind === 'transactions' && spec.role === 'amount') continue; // decided after quantity and price
    const found = hint.names
      .flatMap((pattern) => columns.filter((c) => !taken.has(c.name) && pattern.test(normalise(c.name))))
      .find((c) => hint.fits(c));
    if (found) {
      mapping[spec.role] = found.name;
      taken.add(found.name);
    }
  }
  if (kind === 'transactions') {
    const amount = HINTS.amount.names.flatMap((p) => columns.filter((c) => !taken.has(c.name) && p.test(normalise(c.name)))).find(isNumeric);
    if (amount) mapping.amount = amount.name;
    else if (mapping.quantity === undefined || mapping.unit_price === undefined) {
      delete mapping.quantity;
      delete mapping.unit_price;
    }
  }
  return mapping;
}

/**
 * What kind of table this probably is: a date column makes it a log of transactions (or of
 * invoices, when a plan column is there too); no date but a churn flag and a duration makes
 * it a customer table.
 */
export function guessKind(columns: readonly ColumnSample[]): TableKind {
  const names = columns.map((c) => normalise(c.name));
  const hasDate = columns.some(isDate);
  const churn = columns.some((c) => HINTS.churned.names.some((p) => p.test(normalise(c.name))) && isFlag(c));
  if (!hasDate && churn) return 'customers';
  const plan = names.some((n) => /^(plan|plan_name|tier|plan_id)$/.test(n));
  const transactionHint = names.some((n) => /(quantity|qty|unit_?price|order|invoice_?no|stock|product)/.test(n));
  return plan && !transactionHint ? 'subscriptions' : 'transactions';
}

import type { Mapping, TableKind } from './roles';

/**
 * The cleaning rules an analyst chooses. Rows without an id (and, in logs, without a date;
 * in customer tables, without a duration or churn flag) are always set aside and counted;
 * every other rule is off until chosen.
 */
export interface CleaningRules {
  /** A regular expression on order_id: matching rows are excluded (e.g. '^C' for cancellations). */
  excludeOrderPattern: string | null;
  /** Exclude rows whose quantity or amount is below zero (returns, adjustments). */
  excludeNegative: boolean;
  /** Keep one of each set of rows identical in every column of the file. */
  dedupe: boolean;
}

export const NO_RULES: CleaningRules = { excludeOrderPattern: null, excludeNegative: false, dedupe: false };

/** What the import asks for: the kind of table, its mapping, how dates are written, the rules. */
export interface ImportSpec {
  kind: TableKind;
  mapping: Mapping;
  /** 'iso' or a strptime format (see guess.ts DATE_FORMATS). */
  dateFormat: string;
  rules: CleaningRules;
}

/** The reasons a row is set aside, in the order they are tested: a row counts under the first that applies. */
export type SetAsideReason = 'no_id' | 'no_date' | 'no_duration' | 'order_pattern' | 'negative' | 'duplicate';

export function reasonLabel(reason: SetAsideReason, spec: ImportSpec): string {
  const id = spec.kind === 'subscriptions' ? 'account_id' : 'customer_id';
  switch (reason) {
    case 'no_id':
      return `no ${id} (always set aside)`;
    case 'no_date':
      return `no ${spec.kind === 'subscriptions' ? 'date' : 'occurred_at'} (always set aside)`;
    case 'no_duration':
      return 'no duration or churned flag (always set aside)';
    case 'order_pattern':
      return `order_id matches /${spec.rules.excludeOrderPattern ?? ''}/ (cancellations)`;
    case 'negative':
      return 'negative quantity or amount (returns, adjustments)';
    case 'duplicate':
      return 'exact duplicate of an earlier row';
  }
}

/** The reasons in force for a spec, in the order they are tested. */
export function activeReasons(spec: ImportSpec): SetAsideReason[] {
  if (spec.kind === 'customers') return ['no_id', 'no_duration', ...(spec.rules.dedupe ? (['duplicate'] as const) : [])];
  const reasons: SetAsideReason[] = ['no_id', 'no_date'];
  if (spec.rules.excludeOrderPattern !== null && spec.mapping.order_id !== undefined) reasons.push('order_pattern');
  if (spec.rules.excludeNegative) reasons.push('negative');
  if (spec.rules.dedupe) reasons.push('duplicate');
  return reasons;
}

/** One sentence per rule applied, for every result to state. */
export function describeRules(spec: ImportSpec): string[] {
  const lines = activeReasons(spec).map((r) => `Set aside: ${reasonLabel(r, spec)}.`);
  if (spec.kind !== 'customers') {
    if (spec.rules.excludeOrderPattern === null) lines.push('Cancellations are kept (no order_id pattern excluded).');
    else if (spec.mapping.order_id === undefined) lines.push('No order_id is mapped, so no cancellation pattern is applied.');
    if (!spec.rules.excludeNegative) lines.push('Negative quantities and amounts are kept (they reduce revenue).');
    if (!spec.rules.dedupe) lines.push('Duplicate rows are kept.');
    if (spec.mapping.amount === undefined && spec.mapping.quantity !== undefined && spec.mapping.unit_price !== undefined) lines.push('amount = quantity x unit_price.');
    lines.push("A customer's monthly revenue is the sum of its kept rows in the month; a month that nets below zero counts as 0.");
  } else {
    lines.push('Durations are in the file\'s own unit (survival_km.t is in that unit).');
    if (!spec.rules.dedupe) lines.push('Duplicate rows are kept.');
  }
  return lines;
}

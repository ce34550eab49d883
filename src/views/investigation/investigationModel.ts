import type { WaterfallStep } from './waterfall';
import {
  type AcquisitionType,
  type DecompositionRow,
  EFFECT_GROUPS,
  type EffectGroup,
  type QuarterRow,
  type TrueUpAmounts,
  type TrueUpRow,
  type TrueUpScope,
} from './investigationQueries';

/** The quarters of the bars, in order. */
export function quartersOf(rows: readonly QuarterRow[]): string[] {
  return [...new Set(rows.map((r) => r.quarter))];
}

/**
 * The quarter the true-up shows first: the latest quarter that is over (its reversals have
 * had time to come), or the latest of all when none is.
 */
export function defaultQuarter(rows: readonly QuarterRow[]): string | null {
  return (rows.filter((r) => !r.partial).at(-1) ?? rows.at(-1))?.quarter ?? null;
}

/** `chosen` when the data still has it (filters or a date range may have removed it), else the default. */
export function effectiveQuarter(chosen: string | null, rows: readonly QuarterRow[]): string | null {
  return chosen !== null && rows.some((r) => r.quarter === chosen) ? chosen : defaultQuarter(rows);
}

export type TypeChoice = AcquisitionType | 'all';

const AMOUNT_KEYS = [
  'accounts',
  'invoices',
  'priceBookGross',
  'gross',
  'welcomeOffer',
  'prepaid3',
  'prepaid6',
  'annual',
  'promo',
  'otherDiscount',
  'refund',
  'chargeback',
  'unsatisfiedReturn',
  'net',
  'trueUpDifference',
] as const satisfies readonly (keyof TrueUpAmounts)[];

/** The true-up of one quarter and scope, for one acquisition type or all of them added up; null when the quarter is not there. */
export function trueUpFor(rows: readonly TrueUpRow[], quarter: string, type: TypeChoice, scope: TrueUpScope): TrueUpAmounts | null {
  const picked = rows.filter((r) => r.quarter === quarter && r.scope === scope && (type === 'all' || r.type === type));
  if (picked.length === 0) return null;
  const total = Object.fromEntries(AMOUNT_KEYS.map((k) => [k, 0])) as unknown as TrueUpAmounts;
  for (const row of picked) for (const key of AMOUNT_KEYS) total[key] += row[key];
  return total;
}

/** Discount kinds and reversal reasons of the true-up, in the order the waterfall takes them off. */
export const DEDUCTIONS = [
  { key: 'welcomeOffer', label: 'Welcome offer', group: 'discount' },
  { key: 'prepaid3', label: 'Prepaid 3 months', group: 'discount' },
  { key: 'prepaid6', label: 'Prepaid 6 months', group: 'discount' },
  { key: 'annual', label: 'Annual discount', group: 'discount' },
  { key: 'promo', label: 'Promo', group: 'discount' },
  { key: 'otherDiscount', label: 'Other discount', group: 'discount' },
  { key: 'refund', label: 'Refunds', group: 'reversal' },
  { key: 'chargeback', label: 'Chargebacks', group: 'reversal' },
  { key: 'unsatisfiedReturn', label: 'Unsatisfied returns', group: 'reversal' },
] as const satisfies readonly { key: keyof TrueUpAmounts; label: string; group: 'discount' | 'reversal' }[];

/** Gross, minus each discount and reversal, down to net (the mart's net: the true-up closes when they meet). */
export function trueUpSteps(amounts: TrueUpAmounts): WaterfallStep[] {
  return [
    { key: 'gross', label: 'Gross', value: amounts.gross, kind: 'total' },
    // + 0: a deduction of 0 is 0, not -0 (which would print as -$0.00).
    ...DEDUCTIONS.map((d) => ({ key: d.key, label: d.label, value: -amounts[d.key] + 0, kind: 'change' as const })),
    { key: 'net', label: 'Net', value: amounts.net, kind: 'total' },
  ];
}

export const GROUP_LABELS: Record<EffectGroup, string> = {
  price: 'Price per seat',
  seats: 'Seats',
  plan_mix: 'Plan mix',
  discount: 'Discounts',
  reversal: 'Reversals',
};

/** The effect of each factor group: the sum of its components' effects (null when the mart has none). */
export function effectGroups(rows: readonly DecompositionRow[]): { group: EffectGroup; label: string; effect: number | null }[] {
  return EFFECT_GROUPS.map((group) => {
    const members = rows.filter((r) => r.group === group);
    const effect = members.some((r) => r.effect === null) || members.length === 0 ? null : members.reduce((s, r) => s + r.effect!, 0) + 0;
    return { group, label: GROUP_LABELS[group], effect };
  });
}

/**
 * The change from the base to the compare quarter as a waterfall: base average net, each
 * group's effect, compare average net. Null when the change cannot be split (a quarter
 * without accounts).
 */
export function decompositionSteps(rows: readonly DecompositionRow[]): WaterfallStep[] | null {
  const first = rows[0];
  if (!first || first.baseAvgNet === null || first.compareAvgNet === null) return null;
  const groups = effectGroups(rows);
  if (groups.some((g) => g.effect === null)) return null;
  return [
    { key: 'base', label: first.baseQuarter, value: first.baseAvgNet, kind: 'total' },
    ...groups.map((g) => ({ key: g.group, label: g.label, value: g.effect!, kind: 'change' as const })),
    { key: 'compare', label: first.compareQuarter, value: first.compareAvgNet, kind: 'total' },
  ];
}

/** An amount to the cent as the data tables show it; never "-0.00" for a sum that is 0 up to rounding. */
export function cents(value: number): string {
  return (Math.round(value * 100) / 100 + 0).toFixed(2);
}

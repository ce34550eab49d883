import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { numOrNull } from '../common/rows';

/**
 * The revenue investigation's queries (seed 004). Marts come as SQL from useMartSql, already
 * filtered; each query here only selects and orders their columns, except the sums named in
 * their comments (tests/sql/investigationView.test.ts recomputes those).
 */

export const ACQUISITION_TYPES = ['subscription', 'add_on', 'gift'] as const;
export type AcquisitionType = (typeof ACQUISITION_TYPES)[number];

export const TYPE_LABELS: Record<AcquisitionType, string> = { subscription: 'Subscription', add_on: 'Add-on', gift: 'Gift' };

export function isAcquisitionType(value: string): value is AcquisitionType {
  return (ACQUISITION_TYPES as readonly string[]).includes(value);
}

const QUARTER = /^\d{4}-Q[1-4]$/;

/** A quarter label as the marts write it (2024-Q1); anything else is refused before it reaches SQL. */
export function assertQuarter(quarter: string): string {
  if (!QUARTER.test(quarter)) throw new Error(`quarter must look like 2024-Q1, got "${quarter}"`);
  return quarter;
}

/** One bar: average first-month revenue of the accounts acquired in a quarter with one type. */
export interface QuarterRow {
  quarter: string;
  quarterStart: string;
  type: AcquisitionType;
  partial: boolean;
  accounts: number;
  avgGross: number | null;
  /** Every kind of discount together. */
  avgDiscounts: number | null;
  /** Refunds, chargebacks and unsatisfied returns together. */
  avgReversals: number | null;
  avgNet: number | null;
}

/** first_month_net_revenue by quarter and type; discounts and reversals summed over their kinds. */
export const quarterRowsSql = (firstMonthNetRevenue: string) => `SELECT acquisition_quarter, quarter_start, acquisition_type, is_partial_quarter, accounts,
  avg_gross,
  avg_welcome_offer_discount + avg_prepaid_3_discount + avg_prepaid_6_discount + avg_annual_discount + avg_promo_discount + avg_other_discount AS avg_discounts,
  avg_refund + avg_chargeback + avg_unsatisfied_return AS avg_reversals,
  avg_net
FROM (${firstMonthNetRevenue}) AS f
ORDER BY quarter_start, acquisition_type`;

export function quarterRowsFromTable(table: Table): QuarterRow[] {
  return mapRows(table, (r) => {
    const type = String(r.acquisition_type);
    if (!isAcquisitionType(type)) throw new Error(`unknown acquisition type "${type}"`);
    return {
      quarter: String(r.acquisition_quarter),
      quarterStart: isoDate(r.quarter_start),
      type,
      partial: Boolean(r.is_partial_quarter),
      accounts: num(r.accounts),
      avgGross: numOrNull(r.avg_gross),
      avgDiscounts: numOrNull(r.avg_discounts),
      avgReversals: numOrNull(r.avg_reversals),
      avgNet: numOrNull(r.avg_net),
    };
  });
}

export const TRUE_UP_SCOPES = ['first_invoice', 'all_invoices'] as const;
export type TrueUpScope = (typeof TRUE_UP_SCOPES)[number];

/** The amounts of one row of revenue_true_up, in USD. */
export interface TrueUpAmounts {
  accounts: number;
  invoices: number;
  priceBookGross: number;
  gross: number;
  welcomeOffer: number;
  prepaid3: number;
  prepaid6: number;
  annual: number;
  promo: number;
  otherDiscount: number;
  refund: number;
  chargeback: number;
  unsatisfiedReturn: number;
  net: number;
  trueUpDifference: number;
}

export interface TrueUpRow extends TrueUpAmounts {
  quarter: string;
  type: AcquisitionType;
  scope: TrueUpScope;
  partial: boolean;
}

export const trueUpSql = (revenueTrueUp: string) => `SELECT acquisition_quarter, acquisition_type, scope, is_partial_quarter, accounts, invoices,
  CAST(price_book_gross AS DOUBLE) AS price_book_gross, CAST(gross AS DOUBLE) AS gross,
  CAST(welcome_offer_discount AS DOUBLE) AS welcome_offer_discount, CAST(prepaid_3_discount AS DOUBLE) AS prepaid_3_discount,
  CAST(prepaid_6_discount AS DOUBLE) AS prepaid_6_discount, CAST(annual_discount AS DOUBLE) AS annual_discount,
  CAST(promo_discount AS DOUBLE) AS promo_discount, CAST(other_discount AS DOUBLE) AS other_discount,
  CAST(refund AS DOUBLE) AS refund, CAST(chargeback AS DOUBLE) AS chargeback, CAST(unsatisfied_return AS DOUBLE) AS unsatisfied_return,
  CAST(net AS DOUBLE) AS net, CAST(true_up_difference AS DOUBLE) AS true_up_difference
FROM (${revenueTrueUp}) AS t
ORDER BY quarter_start, acquisition_type, scope`;

export function trueUpRowsFromTable(table: Table): TrueUpRow[] {
  return mapRows(table, (r) => {
    const type = String(r.acquisition_type);
    const scope = String(r.scope);
    if (!isAcquisitionType(type)) throw new Error(`unknown acquisition type "${type}"`);
    if (scope !== 'first_invoice' && scope !== 'all_invoices') throw new Error(`unknown true-up scope "${scope}"`);
    return {
      quarter: String(r.acquisition_quarter),
      type,
      scope,
      partial: Boolean(r.is_partial_quarter),
      accounts: num(r.accounts),
      invoices: num(r.invoices),
      priceBookGross: num(r.price_book_gross),
      gross: num(r.gross),
      welcomeOffer: num(r.welcome_offer_discount),
      prepaid3: num(r.prepaid_3_discount),
      prepaid6: num(r.prepaid_6_discount),
      annual: num(r.annual_discount),
      promo: num(r.promo_discount),
      otherDiscount: num(r.other_discount),
      refund: num(r.refund),
      chargeback: num(r.chargeback),
      unsatisfiedReturn: num(r.unsatisfied_return),
      net: num(r.net),
      trueUpDifference: num(r.true_up_difference),
    };
  });
}

export const EFFECT_GROUPS = ['price', 'seats', 'plan_mix', 'discount', 'reversal'] as const;
export type EffectGroup = (typeof EFFECT_GROUPS)[number];

/** One component of the decomposition of the change (first_month_revenue_decomposition). */
export interface DecompositionRow {
  baseQuarter: string;
  compareQuarter: string;
  partialCompare: boolean;
  baseAccounts: number;
  compareAccounts: number;
  baseAvgNet: number | null;
  compareAvgNet: number | null;
  totalChange: number | null;
  sortOrder: number;
  group: EffectGroup;
  component: string;
  factor: string;
  baseValue: number | null;
  compareValue: number | null;
  effect: number | null;
}

export const decompositionSql = (decomposition: string) => `SELECT base_quarter, compare_quarter, is_partial_compare, base_accounts, compare_accounts,
  base_avg_net, compare_avg_net, total_change, sort_order, effect_group, component, factor, base_value, compare_value, effect
FROM (${decomposition}) AS d
ORDER BY sort_order`;

export function decompositionRowsFromTable(table: Table): DecompositionRow[] {
  return mapRows(table, (r) => {
    const group = String(r.effect_group);
    if (!(EFFECT_GROUPS as readonly string[]).includes(group)) throw new Error(`unknown effect group "${group}"`);
    return {
      baseQuarter: String(r.base_quarter),
      compareQuarter: String(r.compare_quarter),
      partialCompare: Boolean(r.is_partial_compare),
      baseAccounts: num(r.base_accounts),
      compareAccounts: num(r.compare_accounts),
      baseAvgNet: numOrNull(r.base_avg_net),
      compareAvgNet: numOrNull(r.compare_avg_net),
      totalChange: numOrNull(r.total_change),
      sortOrder: num(r.sort_order),
      group: group as EffectGroup,
      component: String(r.component),
      factor: String(r.factor),
      baseValue: numOrNull(r.base_value),
      compareValue: numOrNull(r.compare_value),
      // -0 from the mart (a negated zero effect) would print as "-0.00".
      effect: r.effect === null || r.effect === undefined ? null : num(r.effect) + 0,
    };
  });
}

/**
 * The accounts behind one bar: first_month_accounts (filtered like the bars) for one quarter
 * and type, with the company name, largest first-month net first. Discounts and reversals
 * are summed over their kinds; their average over the rows is the bar's.
 */
export function drilldownSql(firstMonthAccounts: string, quarter: string, type: AcquisitionType): string {
  assertQuarter(quarter);
  if (!isAcquisitionType(type)) throw new Error(`unknown acquisition type "${String(type)}"`);
  return `SELECT a.customer_id, c.company_name, a.acquisition_month, a.tier, a.billing_period, a.seats, a.discount_kind, a.months_covered,
  a.gross,
  a.welcome_offer_discount + a.prepaid_3_discount + a.prepaid_6_discount + a.annual_discount + a.promo_discount + a.other_discount AS discounts,
  a.refund + a.chargeback + a.unsatisfied_return AS reversals,
  a.net
FROM (${firstMonthAccounts}) AS a
JOIN dim_customers AS c ON c.customer_id = a.customer_id
WHERE a.acquisition_quarter = '${quarter}' AND a.acquisition_type = '${type}'
ORDER BY a.net DESC, a.customer_id`;
}

export interface DrilldownRow {
  customerId: string;
  companyName: string;
  acquisitionMonth: string;
  tier: string | null;
  billingPeriod: string | null;
  seats: number | null;
  discountKind: string | null;
  monthsCovered: number;
  gross: number;
  discounts: number;
  reversals: number;
  net: number;
}

export function drilldownRowsFromTable(table: Table): DrilldownRow[] {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return mapRows(table, (r) => ({
    customerId: String(r.customer_id),
    companyName: String(r.company_name ?? ''),
    acquisitionMonth: isoDate(r.acquisition_month),
    tier: text(r.tier),
    billingPeriod: text(r.billing_period),
    seats: numOrNull(r.seats),
    discountKind: text(r.discount_kind),
    monthsCovered: num(r.months_covered),
    gross: num(r.gross),
    discounts: num(r.discounts),
    reversals: num(r.reversals),
    net: num(r.net),
  }));
}

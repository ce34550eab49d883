/**
 * The price book: plans (tiers with per-seat list prices and seat ranges) and the discount
 * offers. Small fixed tables, exported as the raw `plans` and `discounts` tables.
 */
export const TIERS = ['Free', 'Starter', 'Growth', 'Pro', 'Enterprise'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_INDEX: Readonly<Record<Tier, number>> = { Free: 0, Starter: 1, Growth: 2, Pro: 3, Enterprise: 4 };

export interface Plan {
  planId: string;
  tier: Tier;
  /** List price per seat and month, USD. */
  monthlyPrice: number;
  /** List price per seat and year, USD (12 months at list; the annual discount applies on top). */
  annualPrice: number;
  minSeats: number;
  maxSeats: number;
}

export const PLANS: readonly Plan[] = [
  { planId: 'plan_free', tier: 'Free', monthlyPrice: 0, annualPrice: 0, minSeats: 1, maxSeats: 3 },
  { planId: 'plan_starter', tier: 'Starter', monthlyPrice: 12, annualPrice: 144, minSeats: 1, maxSeats: 5 },
  { planId: 'plan_growth', tier: 'Growth', monthlyPrice: 20, annualPrice: 240, minSeats: 2, maxSeats: 15 },
  { planId: 'plan_pro', tier: 'Pro', monthlyPrice: 32, annualPrice: 384, minSeats: 5, maxSeats: 25 },
  { planId: 'plan_enterprise', tier: 'Enterprise', monthlyPrice: 55, annualPrice: 660, minSeats: 10, maxSeats: 40 },
];

/** MRR floor and ceiling of a tier: list price at its minimum and maximum seats (seed 003). */
export function tierMrrRange(plan: Plan): { floor: number; ceiling: number } {
  return { floor: plan.monthlyPrice * plan.minSeats, ceiling: plan.monthlyPrice * plan.maxSeats };
}

export type DiscountKind = 'welcome_offer' | 'prepaid_3' | 'prepaid_6' | 'annual' | 'promo';

export interface Discount {
  discountId: string;
  kind: DiscountKind;
  /** Percent off the list value while the discount lasts. */
  percent: number;
  duration_months: number;
}

export const DISCOUNTS: readonly Discount[] = [
  { discountId: 'disc_welcome_50', kind: 'welcome_offer', percent: 50, duration_months: 1 },
  { discountId: 'disc_prepaid_3', kind: 'prepaid_3', percent: 10, duration_months: 3 },
  { discountId: 'disc_prepaid_6', kind: 'prepaid_6', percent: 15, duration_months: 6 },
  { discountId: 'disc_annual_15', kind: 'annual', percent: 15, duration_months: 12 },
  { discountId: 'disc_promo_20', kind: 'promo', percent: 20, duration_months: 3 },
];

export const DISCOUNT_INDEX: Readonly<Record<DiscountKind, number>> = {
  welcome_offer: 0,
  prepaid_3: 1,
  prepaid_6: 2,
  annual: 3,
  promo: 4,
};

/** How a paid subscription is billed: months covered by one invoice and the discount used. */
export type BillingOption = 'monthly' | 'welcome' | 'prepaid_3' | 'prepaid_6' | 'annual';

export const BILLING_MONTHS: Readonly<Record<BillingOption, number>> = { monthly: 1, welcome: 1, prepaid_3: 3, prepaid_6: 6, annual: 12 };
export const BILLING_DISCOUNT: Readonly<Record<BillingOption, number | null>> = {
  monthly: null,
  welcome: DISCOUNT_INDEX.welcome_offer,
  prepaid_3: DISCOUNT_INDEX.prepaid_3,
  prepaid_6: DISCOUNT_INDEX.prepaid_6,
  annual: DISCOUNT_INDEX.annual,
};

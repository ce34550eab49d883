import type { Account } from './accounts';
import { addMonths, MS_PER_DAY } from './calendar';
import { BILLING_DISCOUNT, BILLING_MONTHS, type BillingOption, DISCOUNTS, PLANS, TIER_INDEX } from './catalogue';
import type { GeneratorParams } from './params';
import { Rng, STREAM_TAG } from './prng';
import { lerp, type SimulationWindow, yearTrend } from './window';

export const CHANGE_TYPES = ['trial_started', 'trial_converted', 'trial_expired', 'upgraded', 'downgraded', 'cancelled', 'reactivated'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export interface SubscriptionChange {
  ms: number;
  type: ChangeType;
  planFrom: number;
  planTo: number;
  /** 'annual' or 'monthly' (prepaid plans are monthly plans paid ahead). */
  billing: 'monthly' | 'annual';
  seats: number;
  /** Index into DISCOUNTS of the discount applying to the new state, or -1. */
  discount: number;
}

export interface Invoice {
  issuedDay: number;
  periodStart: number;
  periodEnd: number;
  plan: number;
  gross: number;
  discount: number;
  /** Index into DISCOUNTS, or -1. */
  discountIndex: number;
  status: 'paid' | 'late' | 'failed';
  type: 'subscription' | 'add_on' | 'gift';
  /** Set when the invoice is (partly) reversed. */
  reversal: { day: number; amount: number; reason: 'refund' | 'chargeback' | 'unsatisfied_return' } | null;
}

/** A stretch of days during which the account's users use the product at a given intensity. */
export interface UsageSpan {
  start: number;
  /** Exclusive. */
  end: number;
  intensity: number;
}

export interface AccountLife {
  changes: SubscriptionChange[];
  invoices: Invoice[];
  usage: UsageSpan[];
  /** Days on which a paid subscription ended (usage decays in the 30 days before). */
  cancelDays: number[];
  firstUpgradeDay: number | null;
  /** Day the first paid subscription started, if any. */
  firstPaidDay: number | null;
}

/** Story 3: Enterprise churns least, Starter most. Index = tier. */
const TIER_CHURN = [0, 1.35, 1, 0.7, 0.35];
const CHANNEL_CONVERSION: Readonly<Record<string, number>> = { organic: 1.1, paid: 0.85, social: 0.7, referral: 1.35 };
const FREE_INTENSITY = 0.45;
const MAX_HAZARD = 0.6;

/** Monthly churn hazard of a paying account: story 3's drivers on top of the base rate. */
export function churnHazard(params: GeneratorParams, account: Account, tier: number, tenureDays: number): number {
  const t = account.traits;
  let risk = 2.4 * (0.5 - t.adoption) - 0.55 * t.experience + (t.activated ? -0.45 : 0.55);
  if (tier === TIER_INDEX.Starter && t.adoption < 0.4 && tenureDays < 90) risk += 1.2;
  return Math.min(MAX_HAZARD, params.baseChurn * TIER_CHURN[tier]! * Math.exp(risk));
}

function pickBilling(rng: Rng, params: GeneratorParams, trend: number, tier: number): BillingOption {
  const welcome = lerp(params.welcomeShareStart, params.welcomeShareEnd, trend);
  const prepaid = lerp(0.08, 0.28, trend);
  const annual = lerp(0.22, 0.1, trend) * (tier >= TIER_INDEX.Pro ? 1.8 : 1);
  const x = rng.float();
  if (x < welcome) return 'welcome';
  if (x < welcome + prepaid) return rng.bernoulli(0.5) ? 'prepaid_3' : 'prepaid_6';
  if (x < welcome + prepaid + annual) return 'annual';
  return 'monthly';
}

function pickSeats(rng: Rng, tier: number, trend: number): number {
  const plan = PLANS[tier]!;
  // Story 6: newer accounts buy fewer seats.
  const share = Math.min(1, rng.float() ** lerp(2.4, 2.7, trend));
  return Math.round(plan.minSeats + share * (plan.maxSeats - plan.minSeats));
}

/**
 * One account through time: trial or Free, conversion, billing periods and invoices that
 * match the subscription state, upgrades, downgrades, payment failures, cancellations as a
 * hazard of story 3's drivers, and win-back reactivations.
 */
export function simulateLifecycle(seed: number, account: Account, params: GeneratorParams, window: SimulationWindow): AccountLife {
  const rng = new Rng(seed, account.index, STREAM_TAG.lifecycle);
  const life: AccountLife = { changes: [], invoices: [], usage: [], cancelDays: [], firstUpgradeDay: null, firstPaidDay: null };
  const last = window.lastObservedDay;
  const at = (day: number) => day * MS_PER_DAY + 9 * 3_600_000 + rng.int(8 * 3_600_000);
  const change = (day: number, c: Omit<SubscriptionChange, 'ms'>) => life.changes.push({ ms: at(day), ...c });
  const traits = account.traits;
  let day = account.signupDay;
  let tier = account.signupPlan;

  // Trial or Free start.
  let paidFrom: number | null = null;
  if (tier !== TIER_INDEX.Free) {
    change(day, { type: 'trial_started', planFrom: 0, planTo: tier, billing: 'monthly', seats: PLANS[tier]!.minSeats, discount: -1 });
    const conversion = Math.min(0.95, params.trialConversion * (CHANNEL_CONVERSION[account.channelName] ?? 1) * (traits.activated ? 1.5 : 0.55));
    const trialEnd = day + 14;
    if (rng.bernoulli(conversion)) {
      paidFrom = day + 3 + rng.int(12);
      life.usage.push({ start: day, end: paidFrom, intensity: 1 });
    } else {
      life.usage.push({ start: day, end: trialEnd, intensity: 1 });
      if (trialEnd <= last) change(trialEnd, { type: 'trial_expired', planFrom: tier, planTo: 0, billing: 'monthly', seats: 1, discount: -1 });
      tier = 0;
      day = trialEnd;
    }
  }
  if (paidFrom === null) {
    // Free: a small monthly chance of upgrading to paid, higher once activated.
    const monthly = (traits.activated ? 0.05 : 0.015) * (0.5 + traits.adoption);
    const wait = Math.ceil(rng.exponential(monthly / 30));
    if (traits.abandonsFree && !traits.activated) {
      life.usage.push({ start: day, end: Math.min(day + wait, day + 20 + rng.int(40)), intensity: FREE_INTENSITY });
      return life;
    }
    life.usage.push({ start: day, end: day + wait, intensity: FREE_INTENSITY });
    paidFrom = day + wait;
    tier = Math.max(tier, TIER_INDEX.Starter + (rng.bernoulli(0.3) ? 1 : 0));
  }
  if (paidFrom > last) return life;

  // Paid life: billing periods from paidFrom until cancellation, with win-backs.
  let start = paidFrom;
  let reactivation = false;
  let firstInvoice = true;
  while (start <= last) {
    const trend = yearTrend(window, start);
    const billing: BillingOption = reactivation ? 'monthly' : pickBilling(rng, params, trend, tier);
    let seats = pickSeats(rng, tier, trend);
    const planBilling = billing === 'annual' ? 'annual' : 'monthly';
    const discountIndex = BILLING_DISCOUNT[billing] ?? -1;
    life.firstPaidDay ??= start;
    if (reactivation) change(start, { type: 'reactivated', planFrom: 0, planTo: tier, billing: planBilling, seats, discount: -1 });
    else if (life.changes.at(-1)?.type === 'trial_started') change(start, { type: 'trial_converted', planFrom: tier, planTo: tier, billing: planBilling, seats, discount: discountIndex });
    else change(start, { type: 'upgraded', planFrom: 0, planTo: tier, billing: planBilling, seats, discount: discountIndex });

    let periodStart = start;
    let cancelled = false;
    let failedStreak = 0;
    let periodIndex = 0;
    let currentDiscount = discountIndex;
    while (periodStart <= last && !cancelled) {
      const months = BILLING_MONTHS[billing];
      const periodEnd = addMonths(periodStart, months);
      const plan = PLANS[tier]!;
      const gross = (billing === 'annual' ? plan.annualPrice : plan.monthlyPrice * months) * seats;
      const discounted = currentDiscount >= 0 && (billing !== 'welcome' || periodIndex === 0);
      const discount = discounted ? Math.round(gross * DISCOUNTS[currentDiscount]!.percent) / 100 : 0;
      const failRisk = 0.025 * Math.exp(-0.6 * traits.experience);
      const status = rng.bernoulli(failRisk) ? 'failed' : rng.bernoulli(0.07) ? 'late' : 'paid';
      life.invoices.push({
        issuedDay: periodStart,
        periodStart,
        periodEnd: periodEnd - 1,
        plan: tier,
        gross,
        discount,
        discountIndex: discounted ? currentDiscount : -1,
        status,
        type: 'subscription',
        reversal: pickReversal(rng, periodStart, gross - discount, firstInvoice, trend, status),
      });
      firstInvoice = false;
      if (billing === 'welcome' && periodIndex === 0) currentDiscount = -1;
      failedStreak = status === 'failed' ? failedStreak + 1 : 0;
      periodIndex++;
      // Decisions happen at the end of a billing period.
      const tenure = periodEnd - paidFrom;
      const hazard = 1 - (1 - churnHazard(params, account, tier, tenure)) ** months;
      if (failedStreak > 0 && rng.bernoulli(0.45)) cancelled = true;
      else if (rng.bernoulli(hazard)) cancelled = true;
      else if (traits.upgradeAfterDays !== null && life.firstUpgradeDay === null && periodEnd - paidFrom >= traits.upgradeAfterDays && tier < TIER_INDEX.Enterprise) {
        if (periodEnd <= last) {
          const from = tier;
          tier++;
          seats = Math.max(seats, PLANS[tier]!.minSeats);
          life.firstUpgradeDay = periodEnd;
          change(periodEnd, { type: 'upgraded', planFrom: from, planTo: tier, billing: planBilling, seats, discount: currentDiscount });
        }
      } else if (tier > TIER_INDEX.Starter && rng.bernoulli(0.006 * months)) {
        if (periodEnd <= last) {
          tier--;
          seats = Math.min(seats, PLANS[tier]!.maxSeats);
          change(periodEnd, { type: 'downgraded', planFrom: tier + 1, planTo: tier, billing: planBilling, seats, discount: currentDiscount });
        }
      } else if (rng.bernoulli(0.02 * months * (0.5 + traits.adoption))) {
        seats = Math.min(PLANS[tier]!.maxSeats, seats + 1 + rng.int(Math.max(1, Math.round(seats * 0.3))));
        if (periodEnd <= last) change(periodEnd, { type: 'upgraded', planFrom: tier, planTo: tier, billing: planBilling, seats, discount: currentDiscount });
      }
      periodStart = periodEnd;
    }
    life.usage.push({ start, end: periodStart, intensity: 1 });
    if (!cancelled || periodStart > last) break;
    change(periodStart, { type: 'cancelled', planFrom: tier, planTo: 0, billing: planBilling, seats: 0, discount: -1 });
    life.cancelDays.push(periodStart);
    // Win-back: some cancelled accounts come back after a few months.
    if (!rng.bernoulli(traits.activated ? 0.2 : 0.1)) break;
    start = periodStart + 30 + rng.int(210);
    tier = Math.max(TIER_INDEX.Starter, tier - (rng.bernoulli(0.4) ? 1 : 0));
    reactivation = true;
  }
  return life;
}

function pickReversal(rng: Rng, day: number, net: number, first: boolean, trend: number, status: Invoice['status']): Invoice['reversal'] {
  if (net <= 0) return null;
  const after = day + 2 + rng.int(18);
  // Story 6: unsatisfied returns of first orders rose over the year.
  if (first && rng.bernoulli(lerp(0.03, 0.12, trend))) return { day: after, amount: net, reason: 'unsatisfied_return' };
  if (status === 'paid' && rng.bernoulli(0.004)) return { day: after, amount: net, reason: 'chargeback' };
  if (rng.bernoulli(0.01)) return { day: after, amount: Math.round(net * 50) / 100, reason: 'refund' };
  return null;
}

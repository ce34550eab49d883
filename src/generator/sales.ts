import type { Account } from './accounts';
import { MS_PER_DAY } from './calendar';
import { PLANS, TIER_INDEX } from './catalogue';
import type { AccountLife } from './lifecycle';
import { Rng, STREAM_TAG } from './prng';
import type { SimulationWindow } from './window';

export const OPP_STAGES = ['prospecting', 'qualification', 'proposal', 'closed_won', 'closed_lost'] as const;
export const OPP_TYPES = ['expansion', 'new_business'] as const;
/** Anonymised sales reps. */
export const SALES_OWNERS: readonly string[] = Array.from({ length: 14 }, (_, i) => `Rep ${String(i + 1).padStart(2, '0')}`);

export interface Opportunity {
  createdDay: number;
  closeDay: number;
  stage: number;
  type: number;
  amount: number;
  owner: number;
}

/**
 * CRM deals of one account: an expansion deal won on each upgrade (opened weeks before),
 * open expansion deals for accounts about to upgrade, some lost ones, and new-business deals
 * for trials of the larger tiers (story 5: opportunities come before upgrades).
 */
export function simulateOpportunities(seed: number, account: Account, life: AccountLife, window: SimulationWindow): Opportunity[] {
  const rng = new Rng(seed, account.index, STREAM_TAG.sales);
  const owner = rng.int(SALES_OWNERS.length);
  const last = window.lastObservedDay;
  const opps: Opportunity[] = [];
  const seatsValue = (tier: number) => PLANS[tier]!.monthlyPrice * (PLANS[tier]!.minSeats + rng.int(PLANS[tier]!.maxSeats - PLANS[tier]!.minSeats + 1));
  for (const c of life.changes) {
    const day = Math.floor(c.ms / MS_PER_DAY);
    if (c.type === 'upgraded' && c.planFrom > 0 && c.planTo > c.planFrom) {
      opps.push({ createdDay: day - 15 - rng.int(45), closeDay: day, stage: 3, type: 0, amount: 12 * (PLANS[c.planTo]!.monthlyPrice - PLANS[c.planFrom]!.monthlyPrice) * c.seats, owner });
    } else if (c.type === 'trial_started' && c.planTo >= TIER_INDEX.Pro) {
      const converted = life.changes.find((x) => x.type === 'trial_converted');
      const close = converted ? Math.floor(converted.ms / MS_PER_DAY) : day + 14;
      opps.push({ createdDay: day, closeDay: close, stage: converted ? 3 : 4, type: 1, amount: 12 * seatsValue(c.planTo), owner });
    }
  }
  const paying = life.usage.some((s) => s.intensity >= 1 && s.end > last);
  const tier = life.changes.at(-1)?.planTo ?? 0;
  if (paying && tier > 0 && tier < TIER_INDEX.Enterprise) {
    if (account.traits.upgradeAfterDays !== null && life.firstUpgradeDay === null) {
      opps.push({ createdDay: last - rng.int(40), closeDay: last + 10 + rng.int(80), stage: rng.int(3), type: 0, amount: 12 * (seatsValue(tier + 1) - PLANS[tier]!.monthlyPrice), owner });
    } else if (rng.bernoulli(0.05)) {
      const closeDay = last - rng.int(300);
      opps.push({ createdDay: closeDay - 20 - rng.int(40), closeDay, stage: 4, type: 0, amount: 12 * seatsValue(tier + 1), owner });
    }
  }
  return opps.filter((o) => o.createdDay <= last && o.createdDay >= window.startDay - 60);
}

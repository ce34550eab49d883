import type { Account } from './accounts';
import { MS_PER_DAY } from './calendar';
import type { AccountLife } from './lifecycle';
import { categorical, Rng, STREAM_TAG } from './prng';
import type { SimulationWindow } from './window';

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const TOPICS = ['billing', 'technical', 'onboarding', 'compliance', 'integration', 'feature_request'] as const;

export interface Ticket {
  ms: number;
  priority: number;
  topic: number;
  resolutionHours: number;
}

export interface NpsResponse {
  ms: number;
  score: number;
}

export interface RiskSignal {
  complianceGap: number;
  vendorFlags: number;
}

export interface AccountSupport {
  tickets: Ticket[];
  nps: NpsResponse[];
  risk: RiskSignal;
}

const SEGMENT_TICKETS = [1, 1.8, 3];
const RESOLUTION_MEDIAN_HOURS = [48, 24, 10, 4];
const NORMAL_PRIORITY = categorical({ low: 0.45, medium: 0.37, high: 0.14, critical: 0.04 });
const TROUBLED_PRIORITY = categorical({ low: 0.2, medium: 0.25, high: 0.38, critical: 0.17 });

/**
 * Support tickets, NPS answers and risk signals of one account, all driven by the account's
 * experience and adoption (story 3): tickets spike and turn urgent in the 60 days before a
 * cancellation, and accounts about to upgrade ask for features (story 5).
 */
export function simulateSupport(seed: number, account: Account, life: AccountLife, window: SimulationWindow): AccountSupport {
  const rng = new Rng(seed, account.index, STREAM_TAG.support);
  const t = account.traits;
  const tickets: Ticket[] = [];
  const nps: NpsResponse[] = [];
  const last = window.lastObservedDay;
  const baseRate = (0.32 * SEGMENT_TICKETS[account.segment]! * Math.exp(-0.45 * t.experience)) / 30;
  const nearCancel = (day: number) => life.cancelDays.some((c) => c >= day && c - day < 60);
  // Tickets arrive as a Poisson process: draw at the highest rate and thin to the rate of the day.
  const peakRate = baseRate * 2.5;
  for (const span of life.usage) {
    const end = Math.min(span.end, last + 1);
    for (let day = span.start + Math.floor(rng.exponential(peakRate)); day < end; day += 1 + Math.floor(rng.exponential(peakRate))) {
      const troubled = nearCancel(day);
      if (!rng.bernoulli(((troubled ? 2.5 : 1) * (span.intensity < 1 ? 0.5 : 1)) / 2.5)) continue;
      const priority = rng.pick((troubled || t.experience < -1 ? TROUBLED_PRIORITY : NORMAL_PRIORITY).cumulative);
      let topic: number;
      if (day - account.signupDay < 30 && rng.bernoulli(0.45)) topic = 2;
      else if (t.upgradeAfterDays !== null && rng.bernoulli(0.3)) topic = 5;
      else if (!t.activated && rng.bernoulli(0.25)) topic = 4;
      else topic = [0, 1, 1, 3, 4, 5][rng.int(6)]!;
      const resolutionHours = Math.max(1, Math.round(RESOLUTION_MEDIAN_HOURS[priority]! * rng.logNormal(0, 0.6)));
      tickets.push({ ms: day * MS_PER_DAY + rng.int(MS_PER_DAY), priority, topic, resolutionHours });
    }
  }
  // NPS survey every quarter of active use, answered by about a third.
  const upset = tickets.filter((k) => k.priority >= 2).length;
  for (const span of life.usage) {
    for (let day = span.start + 30; day < Math.min(span.end, last + 1); day += 90) {
      if (!rng.bernoulli(0.35)) continue;
      const raw = 7.4 + 1.6 * t.experience + 2.5 * (t.adoption - 0.5) - 0.25 * Math.min(4, upset) + 1.1 * rng.normal();
      nps.push({ ms: day * MS_PER_DAY + rng.int(MS_PER_DAY), score: Math.max(0, Math.min(10, Math.round(raw))) });
    }
  }
  const complianceGap = Math.round(1000 * Math.max(0, Math.min(1, 0.65 - 0.6 * t.adoption + 0.12 * rng.normal()))) / 1000;
  return { tickets, nps, risk: { complianceGap, vendorFlags: rng.poisson(0.4 + 3 * complianceGap) } };
}

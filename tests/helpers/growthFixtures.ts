import { quoteLiteral } from '../../src/engine/connector';
import type { PipelineResult } from '../../src/pipeline/runner';
import type { NodeDb } from './nodeDb';
import { createRawTables, type FixtureEvent } from './rawFixtures';

/** The ISO date `n` days after `start` (UTC), e.g. day('2024-01-01', 31) = '2024-02-01'. */
export function day(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * One report_view event at noon for each (user, date) of an activity calendar, for growth
 * accounting examples where only the days a user is active matter.
 */
export function activityEvents(calendar: Record<string, string[]>, firstId = 1): FixtureEvent[] {
  let id = firstId;
  return Object.entries(calendar).flatMap(([user, dates]) => dates.map((date) => ({ id: id++, user, at: `${date} 12:00:00` })));
}

/** A fixture event that can also set the event's platform and utm_source. */
export interface GrowthEvent extends FixtureEvent {
  platform?: 'iOS' | 'Android' | 'Web';
  utm?: 'organic' | 'paid' | 'social' | 'referral';
}

/**
 * createRawTables (every raw table with the generator's schema, one account), then the
 * platform and utm_source of the events that name one (createRawTables writes Web and organic).
 */
export async function createGrowthRawTables(db: NodeDb, events: GrowthEvent[], asOf: string): Promise<void> {
  await createRawTables(db, events, asOf);
  for (const e of events) {
    if (e.platform) await db.exec(`UPDATE events SET platform = ${quoteLiteral(e.platform)} WHERE event_id = ${e.id}`);
    if (e.utm) await db.exec(`UPDATE events SET utm_source = ${quoteLiteral(e.utm)} WHERE event_id = ${e.id}`);
  }
}

/** The models of seed 002's growth accounting marts (their checks are the ones these tests own). */
export const GROWTH_MODELS: readonly string[] = [
  'growth_user_days', 'social_capital_growth_accounting', 'social_capital_growth_accounting_weekly', 'social_capital_growth_accounting_daily',
  'quick_ratio_analysis', 'growth_metrics', 'retention_quality_framework', 'user_resurrection_analysis', 'growth_drivers', 'miles_analytics',
  'users_with_negative_miles', 'user_lifecycle', 'power_user_l28',
];

/** Names of the checks on the growth marts that did not pass. */
export function failingGrowthChecks(result: PipelineResult): string[] {
  return result.checks.filter((c) => c.model !== null && GROWTH_MODELS.includes(c.model) && c.status !== 'pass').map((c) => `${c.name}: ${c.sample.join('; ')}`);
}

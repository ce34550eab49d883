import { MS_PER_DAY, SECONDS_PER_DAY, weekday } from './calendar';
import type { EventChunkBuilder } from './eventColumns';
import { type ActiveDay, type DirtDraws, simulateDayEvents, type UserDayState } from './eventDay';
import type { UsageSpan } from './lifecycle';
import { type GuidedTable, guidedTable, Occurrence, Rng } from './prng';
import { STANDARD_EXPONENTIAL, STANDARD_NORMAL } from './quantiles';
import { COUNTRIES, EVENT_TYPE_INDEX, EVENT_TYPE_WEIGHTS } from './vocabulary';

const COUNTRY_INDEX = new Map(COUNTRIES.map((c, i) => [c, i]));
const RETENTION_SIGNALS = [EVENT_TYPE_INDEX.evidence_upload, EVENT_TYPE_INDEX.monitoring_run, EVENT_TYPE_INDEX.report_view];

/** What the users of one account share: when the account uses the product, and how. */
export interface AccountUsage {
  /** Index of the account (customer_id C + index + 1). */
  accountIndex: number;
  channel: number;
  signupDay: number;
  spans: readonly UsageSpan[];
  cancelDays: readonly number[];
  adoption: number;
  /** Event-type mix in the account's first 30 days and afterwards. */
  mixEarly: GuidedTable;
  mixLate: GuidedTable;
}

/** Event-type mix of an account (stories 2, 3 and 5). */
export function accountEventMix(adoption: number, activated: boolean, upgrades: boolean): { early: GuidedTable; late: GuidedTable } {
  const late = [...EVENT_TYPE_WEIGHTS];
  for (const k of RETENTION_SIGNALS) late[k] = late[k]! * (0.3 + 1.4 * adoption);
  // Story 5: accounts that will upgrade try premium features about five times as often.
  if (upgrades) late[EVENT_TYPE_INDEX.premium_feature_trial] = late[EVENT_TYPE_INDEX.premium_feature_trial]! * 8;
  const early = [...late];
  // Story 2: activation is connecting an integration in the first days.
  early[EVENT_TYPE_INDEX.integration_connect] = activated ? 0.25 : 0.002;
  late[EVENT_TYPE_INDEX.integration_connect] = late[EVENT_TYPE_INDEX.integration_connect]! * (activated ? 1 : 0.3);
  return { early: guidedTable(early), late: guidedTable(late) };
}

export interface UserProfile {
  /** Global number of the user (user_id U + number + 1). */
  userNumber: number;
  createdMs: number;
  platform: number;
  country: string;
  engagement: number;
}

/** Story 9's dirt, as per-event probabilities, plus the days whose logs were mostly lost. */
export interface DirtPlan {
  duplicate: number;
  dirtyLabel: number;
  nullCountry: number;
  late: number;
  /** Leaked internal test events, which the cleaning layer must reject. */
  junk: number;
  missingDays: ReadonlySet<number>;
}

export interface SimulationClock {
  lastObservedDay: number;
  /** Win-back campaign days (story 8), ascending. */
  campaignDays: readonly number[];
  /** Weekend and lost-log flags of the window's days. */
  days: DayFlags;
}

/** Daily churn hazard of a typical user; engaged users live longer. */
const BASE_HAZARD = 0.011;
/** Share of churned users who come back by themselves after a dormant spell. */
const RETURN_PROBABILITY = 0.18;
const MEAN_DORMANCY_DAYS = 55;
/** Share of dormant users a win-back campaign brings back. */
const CAMPAIGN_RESPONSE = 0.75;
/** Story 4: usage fades over this many days before a cancellation. */
const DECAY_DAYS = 45;

/**
 * Per-day factors that depend only on tenure (days since the user's creation), tabulated for
 * the first years: the same doubles as computing them, without two exponentials a day.
 */
const TENURE_TABLE_DAYS = 4096;
const ADOPTION_GAIN = Float64Array.from({ length: TENURE_TABLE_DAYS }, (_, t) => 0.25 * (1 - Math.exp(-t / 90)));
const NOVELTY = Float64Array.from({ length: TENURE_TABLE_DAYS }, (_, t) => 0.65 + 0.5 * Math.exp(-t / 40));

/**
 * What the simulation asks of a day, as flags in one table per run (made with the run's
 * world): bit 0 Saturday or Sunday, bit 1 a day whose logs were mostly lost. A lookup
 * instead of a modulo and a Set lookup per active day.
 */
const WEEKEND = 1;
const LOST = 2;
export interface DayFlags {
  first: number;
  flags: Uint8Array;
}

const flagsOf = (day: number, missing: ReadonlySet<number>) => (weekday(day) >= 5 ? WEEKEND : 0) | (missing.has(day) ? LOST : 0);

export function dayFlags(firstDay: number, lastDay: number, missing: ReadonlySet<number>): DayFlags {
  const flags = new Uint8Array(Math.max(0, lastDay - firstDay + 1));
  for (let i = 0; i < flags.length; i++) flags[i] = flagsOf(firstDay + i, missing);
  return { first: firstDay, flags };
}

/** Second at which a user's day starts: mid-afternoon UTC, +-4 h. */
function startSecond(bits: number): number {
  // Wrapped into the day by subtraction, not %: on a double, % is a call to fmod. The hours
  // stay within (-24, 48), and the subtraction is exact, so the result is the same.
  let second = Math.floor((14 + 4 * STANDARD_NORMAL.at(bits)) * 3600 + SECONDS_PER_DAY);
  while (second >= SECONDS_PER_DAY) second -= SECONDS_PER_DAY;
  return second;
}

const NEVER = 0x3fff_ffff;

/**
 * The day a user whose interest ended on lifeEnd comes back, by themselves after a dormant
 * spell or on a win-back campaign day (story 8), or NEVER. Apart from the daily loop, which
 * it rarely runs in: V8 then spends its inlining budget there on the per-day draws.
 */
function dayBack(rng: Rng, lifeEnd: number, campaigns: readonly number[]): number {
  let back = rng.bernoulli(RETURN_PROBABILITY) ? lifeEnd + 2 + Math.floor(rng.exponential(1 / MEAN_DORMANCY_DAYS)) : NEVER;
  for (let c = 0; c < campaigns.length; c++) {
    const campaign = campaigns[c]!;
    if (campaign <= lifeEnd + 7) continue;
    if (campaign >= back) break;
    if (rng.bernoulli(CAMPAIGN_RESPONSE)) {
      back = campaign;
      break;
    }
  }
  return back;
}

function lifetime(rng: Rng, engagement: number, paying: boolean): number {
  const hazard = (BASE_HAZARD * (paying ? 0.3 : 1)) / Math.min(3, Math.max(0.25, engagement));
  return Math.ceil(rng.exponential(hazard));
}

/**
 * Simulates one user's activity while the account uses the product: active days arrive with a
 * probability that depends on engagement, weekday, novelty and the account's plan; usage fades
 * in the 30 days before the account cancels (story 4); a user's own interest ends with a
 * hazard, and dormant users come back by themselves or on a win-back campaign day (story 8).
 * Returns the next free event id.
 */
export function simulateUserEvents(
  rng: Rng,
  dirt: Rng,
  user: UserProfile,
  account: AccountUsage,
  clock: SimulationClock,
  plan: DirtPlan,
  out: EventChunkBuilder,
  nextEventId: number,
): number {
  const e = user.engagement;
  const firstDay = Math.floor(user.createdMs / MS_PER_DAY);
  const baseAdoption = Math.min(0.95, Math.max(0.02, account.adoption + 0.08 * rng.normal()));
  const pActive = Math.min(0.92, 0.3 * e);
  const eventsPerDay = 0.9 * e;
  // exp(-lambda) once per user rather than once per day (rng.poisson's own method).
  const weekdayLimit = eventsPerDay > 0 && eventsPerDay <= 30 ? Math.exp(-eventsPerDay) : -1;
  const weekendLimit = eventsPerDay * 0.6 > 0 && eventsPerDay * 0.6 <= 30 ? Math.exp(-(eventsPerDay * 0.6)) : -1;
  const days = clock.days;
  const spans = account.spans;
  const draws: DirtDraws = {
    duplicate: new Occurrence(dirt, plan.duplicate),
    messyLabel: new Occurrence(dirt, plan.dirtyLabel),
    nullCountry: new Occurrence(dirt, plan.nullCountry),
    late: new Occurrence(dirt, plan.late),
    junk: new Occurrence(dirt, plan.junk),
    countryIndex: COUNTRY_INDEX.get(user.country) ?? 0,
  };
  const state: UserDayState = { balance: 0, nextEventId };
  // One object for all the user's days, its fields rewritten each day: an object per active
  // day (and a boxed number for each of its doubles) was half of the run's garbage.
  const today: ActiveDay = { mix: account.mixEarly, n: 0, second: 0, day: 0, adoption: 0, logged: 1 };
  const campaigns = clock.campaignDays;
  const cancelDays = account.cancelDays;
  let campaignIndex = 0;
  let day = firstDay;
  let span = 0;
  let lifeEnd = day + lifetime(rng, e, (spans[0]?.intensity ?? 0) >= 1);
  let firstOfLife = true;
  for (;;) {
    while (span < spans.length && spans[span]!.end <= day) span++;
    if (span >= spans.length) break;
    if (day < spans[span]!.start) day = spans[span]!.start;
    if (day > clock.lastObservedDay) break;
    if (day > lifeEnd) {
      const back = dayBack(rng, lifeEnd, campaigns);
      if (back === NEVER) break;
      day = back;
      lifeEnd = day + lifetime(rng, e, spans[span]!.intensity >= 1);
      firstOfLife = true;
      continue;
    }
    let intensity = spans[span]!.intensity;
    // Indexed, not for-of: an iterator result per active day was a tenth of the run's garbage.
    for (let c = 0; c < cancelDays.length; c++) {
      const cancel = cancelDays[c]!;
      if (cancel >= day && cancel - day < DECAY_DAYS) intensity *= ((cancel - day + 1) / (DECAY_DAYS + 1)) ** 2;
    }
    const tenure = day - firstDay;
    today.mix = day - account.signupDay < 30 ? account.mixEarly : account.mixLate;
    // A day outside the window's table (users act within it) would be worked out on its own.
    const flags = days.flags[day - days.first] ?? flagsOf(day, plan.missingDays);
    const weekend = (flags & WEEKEND) !== 0;
    const limit = weekend ? weekendLimit : weekdayLimit;
    today.n = 1 + (limit >= 0 ? rng.poissonBelow(limit) : rng.poisson(eventsPerDay * (weekend ? 0.6 : 1)));
    // A user's first event happens at creation; other days start mid-afternoon UTC, +-4 h.
    today.second = firstOfLife && day === firstDay ? Math.floor((user.createdMs - firstDay * MS_PER_DAY) / 1000) : startSecond(rng.uint32());
    firstOfLife = false;
    today.adoption = Math.min(1, baseAdoption + (tenure < TENURE_TABLE_DAYS ? ADOPTION_GAIN[tenure]! : 0.25 * (1 - Math.exp(-tenure / 90))));
    today.logged = (flags & LOST) !== 0 ? 0.1 : 1;
    today.day = day;
    simulateDayEvents(rng, dirt, user, account, draws, state, out, today);
    // Novelty: new users are more active in their first weeks.
    const novelty = tenure < TENURE_TABLE_DAYS ? NOVELTY[tenure]! : 0.65 + 0.5 * Math.exp(-tenure / 40);
    const p = Math.max(0.005, Math.min(0.95, pActive * intensity * novelty));
    // Geometric gap (failures before the next active day), from an exponential by quantile.
    const next = day + 1 + Math.floor(STANDARD_EXPONENTIAL.at(rng.uint32()) / -Math.log(1 - p));
    // A campaign also reaches users drifting away within their life: a long gap ahead.
    while (campaignIndex < campaigns.length && campaigns[campaignIndex]! <= day + 14) campaignIndex++;
    const campaign = campaigns[campaignIndex];
    day = campaign !== undefined && campaign < next && rng.bernoulli(CAMPAIGN_RESPONSE) ? campaign : next;
  }
  return state.nextEventId;
}

import { MS_PER_DAY } from './calendar';
import { DIRTY_EVENT_TYPES, DIRTY_PLATFORMS, DIRTY_SOURCES, type EventChunkBuilder, JUNK_EVENT_TYPE } from './eventColumns';
import type { UsageSpan } from './lifecycle';
import { cumulative, type GuidedTable, guidedTable, Occurrence, Rng } from './prng';
import { EXPONENTIAL_QUANTILES, normalQuantile, quantileTable } from './quantiles';
import { CHANNELS, COUNTRIES, EVENT_TYPE_INDEX, EVENT_TYPE_WEIGHTS, EVENT_TYPES, PLATFORMS, TRANSACTION_CATEGORIES } from './vocabulary';

const SECONDS_PER_DAY = 86_400;
const COUNTRY_INDEX = new Map(COUNTRIES.map((c, i) => [c, i]));
const EARN_CATEGORIES = 4; // the first four TRANSACTION_CATEGORIES are ways to earn
const REDEMPTION_CATEGORY = TRANSACTION_CATEGORIES.indexOf('reward_redemption');
const MILES_EARNED = EVENT_TYPE_INDEX.miles_earned;
const MILES_REDEEMED = EVENT_TYPE_INDEX.miles_redeemed;
const REWARD_SEARCH = EVENT_TYPE_INDEX.reward_search;
/** Exponential gaps between events of a session (mean 100 s), tabulated at 4096 quantiles. */
const GAP_SECONDS = Int32Array.from({ length: 4096 }, (_, i) => Math.floor(-100 * Math.log(1 - (i + 0.5) / 4096)));
const RETENTION_SIGNALS = [EVENT_TYPE_INDEX.evidence_upload, EVENT_TYPE_INDEX.monitoring_run, EVENT_TYPE_INDEX.report_view];

/** Index of a value's dirty spelling in the chunk dictionaries, by clean index (-1 = none). */
const dirtyIndex = (labels: readonly string[], dirty: readonly string[], clean: readonly string[]) =>
  Int8Array.from(clean, (value) => {
    const k = dirty.findIndex((d) => d.trim().toLowerCase() === value.toLowerCase());
    return k < 0 ? -1 : labels.length + k;
  });
const DIRTY_TYPE = dirtyIndex(EVENT_TYPES, DIRTY_EVENT_TYPES, EVENT_TYPES);
const DIRTY_PLATFORM = dirtyIndex(PLATFORMS.labels, DIRTY_PLATFORMS, PLATFORMS.labels);
const DIRTY_SOURCE = dirtyIndex(CHANNELS.labels, DIRTY_SOURCES, CHANNELS.labels);

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
  return { early: guidedTable(cumulative(early)), late: guidedTable(cumulative(late)) };
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
/** Story 7: some redemptions are processed twice. */
const DOUBLE_REDEMPTION = 0.006;

/**
 * Per-day factors that depend only on tenure (days since the user's creation), tabulated for
 * the first years: the same doubles as computing them, without two exponentials a day.
 */
const TENURE_TABLE_DAYS = 4096;
const ADOPTION_GAIN = Float64Array.from({ length: TENURE_TABLE_DAYS }, (_, t) => 0.25 * (1 - Math.exp(-t / 90)));
const NOVELTY = Float64Array.from({ length: TENURE_TABLE_DAYS }, (_, t) => 0.65 + 0.5 * Math.exp(-t / 40));

/** Second of the day a user's day starts: mid-afternoon UTC, +-4 h (normal), by quantile. */
const START_SECOND = Int32Array.from(quantileTable((q) => Math.floor(((14 + 4 * normalQuantile(q)) * 3600 + SECONDS_PER_DAY) % SECONDS_PER_DAY)));

/** The days whose logs were mostly lost, as flags by day (a Set lookup per day cost more). */
const lostDayFlags = new WeakMap<ReadonlySet<number>, { first: number; flags: Uint8Array }>();
function lostDays(missing: ReadonlySet<number>): { first: number; flags: Uint8Array } {
  let table = lostDayFlags.get(missing);
  if (!table) {
    const days = [...missing];
    const first = days.length > 0 ? Math.min(...days) : 0;
    const flags = new Uint8Array(days.length > 0 ? Math.max(...days) - first + 1 : 0);
    for (const d of days) flags[d - first] = 1;
    table = { first, flags };
    lostDayFlags.set(missing, table);
  }
  return table;
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
  const countryIndex = COUNTRY_INDEX.get(user.country) ?? 0;
  const pActive = Math.min(0.92, 0.3 * e);
  const eventsPerDay = 0.9 * e;
  // exp(-lambda) once per user rather than once per day (rng.poisson's own method).
  const weekdayLimit = eventsPerDay > 0 && eventsPerDay <= 30 ? Math.exp(-eventsPerDay) : -1;
  const weekendLimit = eventsPerDay * 0.6 > 0 && eventsPerDay * 0.6 <= 30 ? Math.exp(-(eventsPerDay * 0.6)) : -1;
  const lost = lostDays(plan.missingDays);
  const spans = account.spans;
  const duplicate = new Occurrence(dirt, plan.duplicate);
  const messyLabel = new Occurrence(dirt, plan.dirtyLabel);
  const nullCountry = new Occurrence(dirt, plan.nullCountry);
  const late = new Occurrence(dirt, plan.late);
  const junk = new Occurrence(dirt, plan.junk);
  const campaigns = clock.campaignDays;
  const cancelDays = account.cancelDays;
  let campaignIndex = 0;
  let balance = 0;
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
      let back = rng.bernoulli(RETURN_PROBABILITY) ? lifeEnd + 2 + Math.floor(rng.exponential(1 / MEAN_DORMANCY_DAYS)) : Infinity;
      for (let c = 0; c < campaigns.length; c++) {
        const campaign = campaigns[c]!;
        if (campaign <= lifeEnd + 7) continue;
        if (campaign >= back) break;
        if (rng.bernoulli(CAMPAIGN_RESPONSE)) {
          back = campaign;
          break;
        }
      }
      if (back === Infinity) break;
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
    const mix = day - account.signupDay < 30 ? account.mixEarly : account.mixLate;
    // Saturday or Sunday (weekday() inlined: day 0, 1970-01-01, was a Thursday; days are >= 0).
    const weekend = (day + 3) % 7 >= 5;
    const limit = weekend ? weekendLimit : weekdayLimit;
    const n = 1 + (limit >= 0 ? rng.poissonBelow(limit) : rng.poisson(eventsPerDay * (weekend ? 0.6 : 1)));
    // A user's first event happens at creation; other days start mid-afternoon UTC, +-4 h.
    let second = firstOfLife && day === firstDay ? Math.floor((user.createdMs - firstDay * MS_PER_DAY) / 1000) : START_SECOND[rng.uint32() >>> 16]!;
    firstOfLife = false;
    const adoption = Math.min(1, baseAdoption + (tenure < TENURE_TABLE_DAYS ? ADOPTION_GAIN[tenure]! : 0.25 * (1 - Math.exp(-tenure / 90))));
    const logged = lost.flags[day - lost.first] === 1 ? 0.1 : 1;
    const dayMs = day * MS_PER_DAY;
    // Room for every event of the day, its possible double redemption and re-send.
    out.reserve(3 * n);
    for (let k = 0; k < n && second < SECONDS_PER_DAY; k++) {
      let type = rng.pickGuided(mix);
      let miles = 0;
      let category = -1;
      let copies = 1;
      if (type === MILES_EARNED) {
        miles = 5 * Math.round((10 + rng.exponential(1 / 110)) / 5);
        category = rng.int(EARN_CATEGORIES);
        balance += miles;
      } else if (type === MILES_REDEEMED) {
        // Redemption follows balance: without enough miles the user only searches rewards.
        const amount = rng.bernoulli(0.3) ? 100 * Math.floor(balance / 100) : 100 * (1 + rng.int(4));
        if (amount > 0 && balance >= amount) {
          miles = amount;
          category = REDEMPTION_CATEGORY;
          copies = rng.bernoulli(DOUBLE_REDEMPTION) ? 2 : 1;
          balance -= amount * copies;
        } else type = REWARD_SEARCH;
      }
      // One 32-bit draw gives the millisecond jitter (10 bits), a session break (7 bits) and
      // the gap to the next event (12 bits, from a table): no logarithm per event.
      const bits = rng.uint32();
      const time = Math.max(user.createdMs, dayMs + second * 1000 + (bits & 1023));
      // One more draw: 16 bits choose the platform, 16 bits jitter the adoption score.
      const more = rng.uint32();
      const p = (more & 0xffff) / 65536;
      const platform = p < 0.92 ? user.platform : Math.min(2, Math.floor((p - 0.92) * 37.5));
      const value = Math.round(1000 * Math.max(0, Math.min(1, adoption + 0.17 * ((more >>> 16) / 65536 - 0.5)))) / 1000;
      for (let copy = 0; copy < copies; copy++) {
        const id = nextEventId++;
        if (logged < 1 && !dirt.bernoulli(logged)) continue;
        const messy = messyLabel.hit();
        const i = out.n++;
        out.eventId[i] = id;
        out.user[i] = user.userNumber;
        out.account[i] = account.accountIndex;
        out.timeMs[i] = time + copy * 1000 * (1 + (bits >>> 27));
        // Ingestion lag: seconds, from a hash of the id (no draw per event); days when late.
        out.receivedMs[i] = time + (late.hit() ? (2 + dirt.int(8)) * MS_PER_DAY : 1000 + (Math.imul(id, 0x9e3779b1) >>> 0) % 120_000);
        out.eventType[i] = junk.hit() ? JUNK_EVENT_TYPE : messy && DIRTY_TYPE[type]! >= 0 ? DIRTY_TYPE[type]! : type;
        out.platform[i] = messy && DIRTY_PLATFORM[platform]! >= 0 ? DIRTY_PLATFORM[platform]! : platform;
        out.utmSource[i] = messy && DIRTY_SOURCE[account.channel]! >= 0 ? DIRTY_SOURCE[account.channel]! : account.channel;
        out.country[i] = nullCountry.hit() ? -1 : countryIndex;
        out.miles[i] = miles;
        out.category[i] = category;
        out.adoption[i] = value;
        if (duplicate.hit()) out.duplicate(i);
      }
      // Within a day, events cluster in sessions: short gaps, sometimes a long break.
      second += ((bits >>> 10) & 127) < 15 ? 1800 + ((bits >>> 17) % 10_800) : 5 + GAP_SECONDS[bits >>> 20]!;
    }
    // Novelty: new users are more active in their first weeks.
    const novelty = tenure < TENURE_TABLE_DAYS ? NOVELTY[tenure]! : 0.65 + 0.5 * Math.exp(-tenure / 40);
    const p = Math.max(0.005, Math.min(0.95, pActive * intensity * novelty));
    // Geometric gap (failures before the next active day), from an exponential by quantile.
    const next = day + 1 + Math.floor(EXPONENTIAL_QUANTILES[rng.uint32() >>> 16]! / -Math.log(1 - p));
    // A campaign also reaches users drifting away within their life: a long gap ahead.
    while (campaignIndex < campaigns.length && campaigns[campaignIndex]! <= day + 14) campaignIndex++;
    const campaign = campaigns[campaignIndex];
    day = campaign !== undefined && campaign < next && rng.bernoulli(CAMPAIGN_RESPONSE) ? campaign : next;
  }
  return nextEventId;
}

import { dictColumn, float64Column, int32Column, timestampColumn, toIpcStream, type Column } from './arrow/columns';
import { Growable, GrowableValidity } from './arrow/growable';
import { MS_PER_DAY, weekday } from './calendar';
import { cumulative, Rng } from './prng';
import {
  CHANNELS,
  COUNTRIES,
  EVENT_TYPE_INDEX,
  EVENT_TYPE_WEIGHTS,
  EVENT_TYPES,
  PLATFORMS,
  TRANSACTION_CATEGORIES,
} from './vocabulary';

const EVENT_MIX = cumulative(EVENT_TYPE_WEIGHTS);
const COUNTRY_INDEX = new Map(COUNTRIES.map((c, i) => [c, i]));
const EARN_CATEGORIES = 4; // the first four TRANSACTION_CATEGORIES are ways to earn
const REDEMPTION_CATEGORY = TRANSACTION_CATEGORIES.indexOf('reward_redemption');

/** What the event simulation needs to know about one user. */
export interface UserProfile {
  /** Index of the user in the chunk's user_id dictionary. */
  userSlot: number;
  /** Index of the account in the chunk's customer_id dictionary. */
  accountSlot: number;
  createdMs: number;
  platform: number;
  country: string;
  channel: number;
  engagement: number;
}

/**
 * Column buffers for one chunk of events. Rows are appended field by field into typed
 * arrays; no object is created per event.
 */
export class EventChunkBuilder {
  readonly eventId = new Growable(Int32Array, 1 << 16);
  readonly user = new Growable(Int32Array, 1 << 16);
  readonly account = new Growable(Int32Array, 1 << 16);
  readonly timeMs = new Growable(Float64Array, 1 << 16);
  readonly eventType = new Growable(Int8Array, 1 << 16);
  readonly platform = new Growable(Int8Array, 1 << 16);
  readonly utmSource = new Growable(Int8Array, 1 << 16);
  readonly country = new Growable(Int8Array, 1 << 16);
  readonly miles = new Growable(Int32Array, 1 << 16);
  readonly milesValid = new GrowableValidity();
  readonly category = new Growable(Int8Array, 1 << 16);
  readonly categoryValid = new GrowableValidity();
  readonly adoption = new Growable(Float64Array, 1 << 16);

  get length(): number {
    return this.eventId.length;
  }

  /** Arrow IPC of the chunk; `userIds` and `customerIds` are the chunk's dictionaries. */
  toIpc(userIds: readonly string[], customerIds: readonly string[]): Uint8Array {
    const columns: Column[] = [
      int32Column('event_id', this.eventId.take()),
      dictColumn('user_id', 0, userIds, this.user.take()),
      dictColumn('customer_id', 1, customerIds, this.account.take()),
      timestampColumn('event_time', this.timeMs.take()),
      dictColumn('event_type', 2, EVENT_TYPES, this.eventType.take()),
      dictColumn('platform', 3, PLATFORMS.labels, this.platform.take()),
      dictColumn('utm_source', 4, CHANNELS.labels, this.utmSource.take()),
      dictColumn('country', 5, COUNTRIES, this.country.take()),
      int32Column('miles_amount', this.miles.take(), this.milesValid.take()),
      dictColumn('transaction_category', 6, TRANSACTION_CATEGORIES, this.category.take(), this.categoryValid.take()),
      float64Column('feature_adoption_score', this.adoption.take()),
    ];
    return toIpcStream(columns);
  }
}

/** Daily churn hazard of a typical user; engaged users live longer. */
const BASE_HAZARD = 0.011;
/** Share of churned users who come back after a dormant spell. */
const RETURN_PROBABILITY = 0.22;
const MEAN_DORMANCY_DAYS = 55;
const SECONDS_PER_DAY = 86_400;

/**
 * Simulates one user's activity from sign-up to the last observed day: active days arrive
 * with a probability that depends on engagement, weekday and novelty; each life ends with a
 * hazard, and some users return after a dormant spell (resurrection).
 * Returns the next free event id.
 */
export function simulateUserEvents(
  rng: Rng,
  user: UserProfile,
  lastObservedDay: number,
  out: EventChunkBuilder,
  nextEventId: number,
): number {
  const e = user.engagement;
  const firstDay = Math.floor(user.createdMs / MS_PER_DAY);
  const baseAdoption = Math.min(0.9, 0.1 + 0.25 * e + 0.08 * rng.normal());
  const countryIndex = COUNTRY_INDEX.get(user.country) ?? 0;
  const pActive = Math.min(0.92, 0.3 * e);
  const eventsPerDay = 0.9 * e;
  let balance = 0;
  let day = firstDay;
  let lifeEnd = day + Math.ceil(rng.exponential(BASE_HAZARD / Math.min(3, Math.max(0.25, e))));
  let firstOfLife = true;
  while (day <= lastObservedDay) {
    if (day > lifeEnd) {
      if (!rng.bernoulli(RETURN_PROBABILITY)) break;
      day = lifeEnd + 2 + Math.floor(rng.exponential(1 / MEAN_DORMANCY_DAYS));
      lifeEnd = day + Math.ceil(rng.exponential(BASE_HAZARD / Math.min(3, Math.max(0.25, e))));
      firstOfLife = true;
      continue;
    }
    const tenure = day - firstDay;
    const n = 1 + rng.poisson(eventsPerDay * (weekday(day) >= 5 ? 0.6 : 1));
    // The first event of a life happens at sign-up time; later days start mid-afternoon UTC, +-4 h.
    let second = firstOfLife && day === firstDay
      ? Math.floor((user.createdMs - firstDay * MS_PER_DAY) / 1000)
      : Math.floor(((14 + 4 * rng.normal()) * 3600 + SECONDS_PER_DAY) % SECONDS_PER_DAY);
    firstOfLife = false;
    const adoption = Math.min(1, baseAdoption + 0.3 * (1 - Math.exp(-tenure / 90)));
    for (let k = 0; k < n && second < SECONDS_PER_DAY; k++) {
      let type = rng.pick(EVENT_MIX);
      let miles = 0;
      let category = -1;
      if (type === EVENT_TYPE_INDEX.miles_earned) {
        miles = 5 * Math.round((10 + rng.exponential(1 / 110)) / 5);
        category = rng.int(EARN_CATEGORIES);
        balance += miles;
      } else if (type === EVENT_TYPE_INDEX.miles_redeemed) {
        // Redemption follows balance: without enough miles the user only searches rewards.
        const amount = 100 * (1 + rng.int(4));
        if (balance >= amount) {
          miles = amount;
          category = REDEMPTION_CATEGORY;
          balance -= amount;
        } else type = EVENT_TYPE_INDEX.reward_search;
      }
      out.eventId.push(nextEventId++);
      out.user.push(user.userSlot);
      out.account.push(user.accountSlot);
      out.timeMs.push(Math.max(user.createdMs, day * MS_PER_DAY + second * 1000 + rng.int(1000)));
      out.eventType.push(type);
      out.platform.push(rng.bernoulli(0.92) ? user.platform : rng.pick(PLATFORMS.cumulative));
      out.utmSource.push(user.channel);
      out.country.push(countryIndex);
      out.miles.push(miles);
      out.milesValid.push(category >= 0);
      out.category.push(Math.max(0, category));
      out.categoryValid.push(category >= 0);
      out.adoption.push(Math.round(1000 * Math.max(0, Math.min(1, adoption + 0.03 * rng.normal()))) / 1000);
      // Within a day, events cluster in sessions: short gaps, sometimes a long break.
      second += rng.bernoulli(0.12) ? 1800 + rng.int(3 * 3600) : 5 + Math.floor(rng.exponential(1 / 100));
    }
    // Novelty: new users are more active in their first weeks.
    const p = Math.max(0.01, Math.min(0.95, pActive * (0.65 + 0.5 * Math.exp(-tenure / 40))));
    day += 1 + rng.geometric(p);
  }
  return nextEventId;
}

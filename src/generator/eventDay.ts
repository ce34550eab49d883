import { MS_PER_DAY, SECONDS_PER_DAY } from './calendar';
import { DIRTY_EVENT_TYPES, DIRTY_PLATFORMS, DIRTY_SOURCES, type EventChunkBuilder, JUNK_EVENT_TYPE } from './eventColumns';
import type { AccountUsage, UserProfile } from './events';
import type { GuidedTable, Occurrence, Rng } from './prng';
import { CHANNELS, EVENT_TYPE_INDEX, EVENT_TYPES, PLATFORMS, TRANSACTION_CATEGORIES } from './vocabulary';

const EARN_CATEGORIES = 4; // the first four TRANSACTION_CATEGORIES are ways to earn
const REDEMPTION_CATEGORY = TRANSACTION_CATEGORIES.indexOf('reward_redemption');
const MILES_EARNED = EVENT_TYPE_INDEX.miles_earned;
const MILES_REDEEMED = EVENT_TYPE_INDEX.miles_redeemed;
const REWARD_SEARCH = EVENT_TYPE_INDEX.reward_search;
/** Story 7: some redemptions are processed twice. */
const DOUBLE_REDEMPTION = 0.006;
/** Exponential gaps between events of a session (mean 100 s), tabulated at 4096 quantiles. */
const GAP_SECONDS = Int32Array.from({ length: 4096 }, (_, i) => Math.floor(-100 * Math.log(1 - (i + 0.5) / 4096)));

/** Index of a value's dirty spelling in the chunk dictionaries, by clean index (-1 = none). */
const dirtyIndex = (labels: readonly string[], dirty: readonly string[], clean: readonly string[]) =>
  Int8Array.from(clean, (value) => {
    const k = dirty.findIndex((d) => d.trim().toLowerCase() === value.toLowerCase());
    return k < 0 ? -1 : labels.length + k;
  });
const DIRTY_TYPE = dirtyIndex(EVENT_TYPES, DIRTY_EVENT_TYPES, EVENT_TYPES);
const DIRTY_PLATFORM = dirtyIndex(PLATFORMS.labels, DIRTY_PLATFORMS, PLATFORMS.labels);
const DIRTY_SOURCE = dirtyIndex(CHANNELS.labels, DIRTY_SOURCES, CHANNELS.labels);

/** Story 9's dirt for one user's events: rare hits counted down, not drawn per event. */
export interface DirtDraws {
  duplicate: Occurrence;
  messyLabel: Occurrence;
  nullCountry: Occurrence;
  late: Occurrence;
  junk: Occurrence;
  countryIndex: number;
}

/** What a user's days carry from one to the next. */
export interface UserDayState {
  /** Miles earned and not yet redeemed. */
  balance: number;
  nextEventId: number;
}

/** One active day as the user's life loop decided it. */
export interface ActiveDay {
  mix: GuidedTable;
  /** Events the user means to make (fewer when the day ends first). */
  n: number;
  /** Second of the day of the first event. */
  second: number;
  /** Days since 1970-01-01 (an integer: a small number in V8, where epoch ms would be boxed). */
  day: number;
  /** The user's feature adoption that day, 0..1. */
  adoption: number;
  /** Share of the day's events that reach the logs (story 9's lost days). */
  logged: number;
}

/**
 * One user's events of one active day, written into the chunk. A function of its own, apart
 * from the user's life loop: V8 budgets inlining per optimised function, and inside the one
 * big loop the per-event draws were left as calls (a boxed number each in a browser).
 */
export function simulateDayEvents(rng: Rng, dirt: Rng, user: UserProfile, account: AccountUsage, draws: DirtDraws, state: UserDayState, out: EventChunkBuilder, day: ActiveDay): void {
  const { mix, n, adoption, logged } = day;
  const dayMs = day.day * MS_PER_DAY;
  let second = day.second;
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
      state.balance += miles;
    } else if (type === MILES_REDEEMED) {
      // Redemption follows balance: without enough miles the user only searches rewards.
      const balance = state.balance;
      const amount = rng.bernoulli(0.3) ? 100 * Math.floor(balance / 100) : 100 * (1 + rng.int(4));
      if (amount > 0 && balance >= amount) {
        miles = amount;
        category = REDEMPTION_CATEGORY;
        copies = rng.bernoulli(DOUBLE_REDEMPTION) ? 2 : 1;
        state.balance = balance - amount * copies;
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
    const milli = Math.round(1000 * Math.max(0, Math.min(1, adoption + 0.17 * ((more >>> 16) / 65536 - 0.5))));
    for (let copy = 0; copy < copies; copy++) {
      const id = state.nextEventId++;
      if (logged < 1 && !dirt.bernoulli(logged)) continue;
      const messy = draws.messyLabel.hit();
      const i = out.n++;
      out.eventId[i] = id;
      out.user[i] = user.userNumber;
      out.account[i] = account.accountIndex;
      // A double redemption's second copy comes a few seconds later but arrived with the first.
      const copyDelay = copy * 1000 * (1 + (bits >>> 27));
      out.timeMs[i] = time + copyDelay;
      // Ingestion lag: seconds, from a hash of the id (no draw per event); days when late.
      out.receivedLagMs[i] = (draws.late.hit() ? (2 + dirt.int(8)) * MS_PER_DAY : 1000 + ((Math.imul(id, 0x9e3779b1) >>> 0) % 120_000)) - copyDelay;
      out.eventType[i] = draws.junk.hit() ? JUNK_EVENT_TYPE : messy && DIRTY_TYPE[type]! >= 0 ? DIRTY_TYPE[type]! : type;
      out.platform[i] = messy && DIRTY_PLATFORM[platform]! >= 0 ? DIRTY_PLATFORM[platform]! : platform;
      out.utmSource[i] = messy && DIRTY_SOURCE[account.channel]! >= 0 ? DIRTY_SOURCE[account.channel]! : account.channel;
      out.country[i] = draws.nullCountry.hit() ? -1 : draws.countryIndex;
      out.miles[i] = miles;
      out.category[i] = category;
      out.adoptionMilli[i] = milli;
      if (draws.duplicate.hit()) out.duplicate(i);
    }
    // Within a day, events cluster in sessions: short gaps, sometimes a long break.
    second += ((bits >>> 10) & 127) < 15 ? 1800 + ((bits >>> 17) % 10_800) : 5 + GAP_SECONDS[bits >>> 20]!;
  }
}

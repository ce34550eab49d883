import { MS_PER_DAY } from './calendar';
import type { Account } from './accounts';
import { Rng, STREAM_TAG } from './prng';
import type { SimulationWindow } from './window';
import { COUNTRIES_BY_REGION, PLATFORMS, REGIONS } from './vocabulary';

/**
 * The users of one account, as parallel arrays (one entry per user). Plain arrays: every
 * generator makes these for every account of a run, and three small typed arrays per account
 * (a separate backing store each) cost more than the simulation of the users.
 */
export interface AccountUsers {
  /** Global user number (0-based) of the first user; the others follow consecutively. */
  firstUserNumber: number;
  createdMs: readonly number[];
  platform: readonly number[];
  country: readonly string[];
  engagement: readonly number[];
}

export function userIdOf(userNumber: number): string {
  return `U${String(userNumber + 1).padStart(7, '0')}`;
}

/** Mean days after the account's sign-up at which its later users join. */
const INVITE_DELAY_DAYS = 25;

export function simulateUsers(seed: number, account: Account, firstUserNumber: number, window: SimulationWindow): AccountUsers {
  const rng = new Rng(seed, account.index, STREAM_TAG.users);
  const createdMs: number[] = [];
  const platform: number[] = [];
  const country: string[] = [];
  const engagement: number[] = [];
  const lastMs = (window.lastObservedDay + 1) * MS_PER_DAY - 1;
  for (let k = 0; k < account.userCount; k++) {
    const delayMs = k === 0 ? rng.float() * 3_600_000 : rng.exponential(1 / INVITE_DELAY_DAYS) * MS_PER_DAY;
    const at = account.signupMs + delayMs;
    if (at > lastMs) continue;
    createdMs.push(Math.floor(at));
    platform.push(k === 0 || rng.bernoulli(0.5) ? account.signupPlatform : rng.pick(PLATFORMS.cumulative));
    if (rng.bernoulli(0.9)) country.push(account.country);
    else {
      const countries = COUNTRIES_BY_REGION[REGIONS.labels[account.region]!]!;
      country.push(countries.labels[rng.pick(countries.cumulative)]!);
    }
    engagement.push(account.engagement * rng.logNormal(0, 0.35));
  }
  return { firstUserNumber, createdMs, platform, country, engagement };
}

import { Faker, en } from '@faker-js/faker';
import { calendarMonth, daysInMonthIndex, firstDayOfMonthIndex, MS_PER_DAY, monthIndexOfDay } from './calendar';
import { cumulative, Rng, STREAM_TAG } from './prng';
import { lerp, yearTrend } from './window';
import type { SimulationWindow } from './window';
import { CHANNELS, COUNTRIES_BY_REGION, INDUSTRIES, PLATFORMS, REGIONS, SEGMENTS } from './vocabulary';

/** One simulated account; objects exist per account, never per event. */
export interface Account {
  index: number;
  customerId: string;
  companyName: string;
  industry: number;
  region: number;
  country: string;
  channel: number;
  signupPlatform: number;
  signupPlan: number;
  segment: number;
  /** Sign-up instant, epoch ms. */
  signupMs: number;
  signupDay: number;
  /** Latent engagement shared by the account's users (1 = typical). */
  engagement: number;
  userCount: number;
  channelName: string;
  traits: AccountTraits;
}

/** Latent traits drawn at sign-up that drive the stories (domain.md, stories 2 to 5). */
export interface AccountTraits {
  /** 0..1 depth of product adoption; drives feature_adoption_score and retention signals. */
  adoption: number;
  /** Connects an integration in the first days (story 2's activation). */
  activated: boolean;
  /** Standard-normal quality of experience: drives NPS, tickets and payment trouble. */
  experience: number;
  /** Days after the first payment at which the account upgrades, or null (story 5). */
  upgradeAfterDays: number | null;
  /** A Free account that stops using the product after a few weeks. */
  abandonsFree: boolean;
}

/** Story 1: sign-ups weigh toward Q1 and Q4 (seed 000). Index = calendar month. */
const SEASONALITY = [1.3, 1.2, 1.15, 0.9, 0.85, 0.8, 0.8, 0.85, 0.95, 1.1, 1.2, 1.3];
/** Monthly growth of sign-up volume. */
const GROWTH_PER_MONTH = 0.025;
const PLAN_ENGAGEMENT = [0.65, 0.9, 1.0, 1.15, 1.3];
/** Plan at sign-up (Free or a trial tier); story 6: later sign-ups choose smaller plans. */
const SIGNUP_PLANS_EARLY = [0.35, 0.25, 0.22, 0.12, 0.06];
const SIGNUP_PLANS_LATE = [0.35, 0.3, 0.2, 0.1, 0.05];
const SEGMENT_USERS = [0.7, 1.6, 3.0];

export function customerIdOf(index: number): string {
  return `C${String(index + 1).padStart(6, '0')}`;
}

/** Cumulative sign-up weight per month of the observed window. */
function signupMonthWeights(window: SimulationWindow): { firstMonth: number; cumulative: Float64Array } {
  const firstMonth = monthIndexOfDay(window.startDay);
  const lastMonth = monthIndexOfDay(window.lastObservedDay);
  const weights: number[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) {
    const from = Math.max(firstDayOfMonthIndex(m), window.startDay);
    const to = Math.min(firstDayOfMonthIndex(m + 1) - 1, window.lastObservedDay);
    const coverage = (to - from + 1) / daysInMonthIndex(m);
    weights.push(SEASONALITY[calendarMonth(m)]! * (1 + GROWTH_PER_MONTH * (m - firstMonth)) * coverage);
  }
  return { firstMonth, cumulative: cumulative(weights) };
}

/**
 * Cumulative sign-up plan weights at a trend, in one array reused account after account (a
 * new small Float64Array per account was slow to allocate in a browser worker).
 */
const planWeights = new Float64Array(SIGNUP_PLANS_EARLY.length);
function signupPlanWeights(trend: number): Float64Array {
  let sum = 0;
  for (let k = 0; k < planWeights.length; k++) {
    sum += lerp(SIGNUP_PLANS_EARLY[k]!, SIGNUP_PLANS_LATE[k]!, trend);
    planWeights[k] = sum;
  }
  return planWeights;
}

/**
 * The accounts of a run, in order, without company names (see nameAccounts): faker is the
 * slowest part of an account and only the generator that makes the customers table needs it.
 */
export function simulateAccounts(seed: number, count: number, usersPerAccount: number, window: SimulationWindow): Account[] {
  const months = signupMonthWeights(window);
  const accounts: Account[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed, i, STREAM_TAG.accounts);
    const month = months.firstMonth + rng.pick(months.cumulative);
    const from = Math.max(firstDayOfMonthIndex(month), window.startDay);
    const to = Math.min(firstDayOfMonthIndex(month + 1) - 1, window.lastObservedDay);
    const signupDay = from + rng.int(to - from + 1);
    const signupMs = signupDay * MS_PER_DAY + Math.floor(rng.float() * MS_PER_DAY);
    const region = rng.pick(REGIONS.cumulative);
    const countries = COUNTRIES_BY_REGION[REGIONS.labels[region]!]!;
    const segment = rng.pick(SEGMENTS.cumulative);
    const trend = yearTrend(window, signupDay);
    const signupPlan = rng.pick(signupPlanWeights(trend));
    const engagement = rng.logNormal(0, 0.5) * PLAN_ENGAGEMENT[signupPlan]!;
    const adoption = Math.max(0.02, Math.min(0.98, 0.45 + 0.18 * Math.log(engagement) + 0.15 * rng.normal()));
    const traits: AccountTraits = {
      adoption,
      activated: rng.bernoulli(0.15 + 0.6 * adoption),
      experience: rng.normal(),
      upgradeAfterDays: rng.bernoulli(0.08 + 0.2 * adoption) ? 30 + rng.int(300) : null,
      abandonsFree: rng.bernoulli(0.6),
    };
    const userCount = 1 + rng.poisson((usersPerAccount - 1) * SEGMENT_USERS[segment]!);
    const channel = rng.pick(CHANNELS.cumulative);
    accounts[i] = {
      index: i,
      customerId: customerIdOf(i),
      companyName: '',
      industry: rng.pick(INDUSTRIES.cumulative),
      region,
      country: countries.labels[rng.pick(countries.cumulative)]!,
      channel,
      channelName: CHANNELS.labels[channel]!,
      signupPlatform: rng.pick(PLATFORMS.cumulative),
      signupPlan,
      segment,
      signupMs,
      signupDay,
      engagement,
      userCount,
      traits,
    };
  }
  return accounts;
}

/** A word list of faker's locale data (some lists, such as legal entity types, are untyped there). */
function localeList(value: unknown, name: string): readonly string[] {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  throw new Error(`faker's English locale has no word list ${name}`);
}

/**
 * Gives every account of a run its company name. Faker draws from its own stream, seeded once
 * and drawn for all accounts in order (seeding per account cost more than the names), so the
 * names depend only on the seed and each account's position, and no other field changes.
 *
 * The names follow faker's company.name() for the English locale (its three name patterns,
 * its surnames, double-barrelled one time in twenty, its legal entity types), filled in here:
 * company.name() parses its pattern templates on every call, which made the names the
 * costliest part of the first unit of a run.
 */
export function nameAccounts(seed: number, accounts: readonly Account[]): void {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const surnames = localeList(faker.definitions.person.last_name.generic, 'person.last_name.generic');
  const entityTypes = localeList(faker.definitions.company.legal_entity_type, 'company.legal_entity_type');
  const surname = () => {
    const name = faker.helpers.arrayElement(surnames);
    return faker.number.int(99) < 95 ? name : `${name}-${faker.helpers.arrayElement(surnames)}`;
  };
  for (const account of accounts) {
    const pattern = faker.number.int(2);
    account.companyName =
      pattern === 0 ? `${surname()} - ${surname()}` : pattern === 1 ? `${surname()} ${faker.helpers.arrayElement(entityTypes)}` : `${surname()}, ${surname()} and ${surname()}`;
  }
}

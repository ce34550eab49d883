import { simulateAccounts } from './accounts';
import { customersIpc, discountsIpc, plansIpc, usersIpc } from './accountTables';
import { AccountRecords } from './accountRecords';
import { parseIsoDate } from './calendar';
import { EventChunkBuilder } from './eventColumns';
import { accountEventMix, type DirtPlan, type SimulationClock, simulateUserEvents } from './events';
import { simulateLifecycle } from './lifecycle';
import { checkedParams, type GeneratorParams } from './params';
import { Rng, STREAM_TAG } from './prng';
import { simulatePurchases } from './purchases';
import type { RawTableName } from './rawTables';
import { simulateOpportunities } from './sales';
import { simulateSupport } from './support';
import { type AccountUsers, simulateUsers } from './users';
import { simulationWindow, type SimulationWindow } from './window';

/** One Arrow IPC stream holding a batch of rows of one raw table. */
export interface TableChunk {
  table: RawTableName;
  ipc: Uint8Array;
  rows: number;
  /** Share of the whole generation done after this chunk, 0..1. */
  progress: number;
}

/** Accounts per chunk: about 100 k events, a few MB of IPC, at the default density. */
export const ACCOUNTS_PER_CHUNK = 500;
/** The small per-account tables are sent every this many chunks: fewer, larger inserts. */
const CHUNKS_PER_RECORD_FLUSH = 10;

/** Story 8: win-back campaigns go out on these days of every year (month, day). */
const CAMPAIGN_DATES: readonly [number, number][] = [
  [3, 12],
  [6, 18],
  [10, 8],
];

export function campaignDays(window: SimulationWindow): number[] {
  const days: number[] = [];
  const first = new Date(window.startDay * 86_400_000).getUTCFullYear();
  const last = new Date(window.lastObservedDay * 86_400_000).getUTCFullYear();
  for (let year = first; year <= last; year++) {
    for (const [month, day] of CAMPAIGN_DATES) {
      const d = parseIsoDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)!;
      if (d >= window.startDay && d <= window.lastObservedDay) days.push(d);
    }
  }
  return days;
}

/** Story 9's dirt for events: rates scaled from dirtRate, and the days whose logs were lost. */
export function dirtPlan(seed: number, window: SimulationWindow, dirtRate: number): DirtPlan {
  const rng = new Rng(seed, 0, STREAM_TAG.dirt);
  const missingDays = new Set<number>();
  const count = Math.round(dirtRate * 400);
  const span = window.lastObservedDay - window.startDay + 1;
  while (missingDays.size < Math.min(count, Math.floor(span / 10))) missingDays.add(window.startDay + rng.int(span));
  return { duplicate: dirtRate, dirtyLabel: 2 * dirtRate, nullCountry: dirtRate / 2, late: 2 * dirtRate, junk: dirtRate / 20, missingDays };
}

/**
 * Generates the synthetic company, table by table, as Arrow IPC chunks. Pure and seeded: the
 * same parameters give the same bytes in any environment. The caller pulls chunks at its own
 * pace, which is how the worker applies back-pressure and cancellation.
 */
export function* generateDataset(partial: Partial<GeneratorParams>): Generator<TableChunk, void, void> {
  const params = checkedParams(partial);
  const window = simulationWindow(params);
  const accounts = simulateAccounts(params.seed, params.accounts, params.usersPerAccount, window);
  const dirt = new Rng(params.seed, 1, STREAM_TAG.dirt);
  yield { table: 'customers', ...customersIpc(accounts, dirt, params.dirtRate), progress: 0.04 };

  const users: AccountUsers[] = [];
  let nextUser = 0;
  for (const account of accounts) {
    const u = simulateUsers(params.seed, account, nextUser, window);
    nextUser += u.createdMs.length;
    users.push(u);
  }
  yield { table: 'users', ipc: usersIpc(accounts, users), rows: nextUser, progress: 0.06 };
  yield { table: 'plans', ipc: plansIpc(), rows: 5, progress: 0.06 };
  yield { table: 'discounts', ipc: discountsIpc(), rows: 5, progress: 0.06 };

  const clock: SimulationClock = { lastObservedDay: window.lastObservedDay, campaignDays: campaignDays(window) };
  const plan = dirtPlan(params.seed, window, params.dirtRate);
  let nextEventId = 1;
  let records = new AccountRecords(params.dirtRate, window.lastObservedDay);
  for (let start = 0, chunk = 1; start < accounts.length; start += ACCOUNTS_PER_CHUNK, chunk++) {
    const end = Math.min(accounts.length, start + ACCOUNTS_PER_CHUNK);
    const events = new EventChunkBuilder();
    for (let i = start; i < end; i++) {
      const account = accounts[i]!;
      const accountDirt = new Rng(params.seed, account.index, STREAM_TAG.dirt);
      const life = simulateLifecycle(params.seed, account, params, window);
      records.add(
        account,
        life,
        simulatePurchases(params.seed, account, life, window),
        simulateSupport(params.seed, account, life, window),
        simulateOpportunities(params.seed, account, life, window),
        accountDirt,
      );
      const mix = accountEventMix(account.traits.adoption, account.traits.activated, life.firstUpgradeDay !== null || account.traits.upgradeAfterDays !== null);
      const usage = {
        accountIndex: i,
        channel: account.channel,
        signupDay: account.signupDay,
        spans: life.usage,
        cancelDays: life.cancelDays,
        adoption: account.traits.adoption,
        mixEarly: mix.early,
        mixLate: mix.late,
      };
      const rng = new Rng(params.seed, account.index, STREAM_TAG.events);
      const accountUsers = users[i]!;
      for (let k = 0; k < accountUsers.createdMs.length; k++) {
        const profile = { userNumber: accountUsers.firstUserNumber + k, createdMs: accountUsers.createdMs[k]!, platform: accountUsers.platform[k]!, country: accountUsers.country[k]!, engagement: accountUsers.engagement[k]! };
        nextEventId = simulateUserEvents(rng, accountDirt, profile, usage, clock, plan, events, nextEventId);
      }
    }
    const progress = 0.06 + 0.94 * (end / accounts.length);
    if (chunk % CHUNKS_PER_RECORD_FLUSH === 0 || end === accounts.length) {
      for (const [table, builder] of Object.entries(records.tables)) {
        yield { table: table as RawTableName, ipc: builder.toIpc(), rows: builder.length, progress };
      }
      records = new AccountRecords(params.dirtRate, window.lastObservedDay);
    }
    const rows = events.length;
    yield { table: 'events', ipc: events.toIpc(), rows, progress };
  }
}

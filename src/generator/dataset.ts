import { type Account, simulateAccounts } from './accounts';
import { customersIpc, discountsIpc, plansIpc, usersIpc } from './accountTables';
import { AccountRecords } from './accountRecords';
import { parseIsoDate } from './calendar';
import { EventChunkBuilder } from './eventColumns';
import { accountEventMix, type DirtPlan, type SimulationClock, simulateUserEvents } from './events';
import { simulateLifecycle } from './lifecycle';
import { ACCOUNTS_PER_CHUNK, ACCOUNTS_PER_GROUP, type DatasetShare, groupCount, HEAD_GROUP, WHOLE_DATASET } from './groups';
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
  /**
   * The group of accounts the chunk belongs to (HEAD_GROUP for customers, users, plans and
   * discounts), and whether it is the group's last chunk. Whoever merges the chunks of several
   * generators takes the groups in order, which gives the same sequence as one generator.
   */
  group: number;
  lastOfGroup: boolean;
}


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
 * same parameters give the same bytes in any environment, and the chunks of a share are
 * exactly the whole dataset's chunks of its groups, so any number of generators side by side
 * give the same data as one. The caller pulls chunks at its own pace, which is how the worker
 * applies back-pressure and cancellation.
 */
export function* generateDataset(partial: Partial<GeneratorParams>, share: DatasetShare = WHOLE_DATASET): Generator<TableChunk, void, void> {
  const params = checkedParams(partial);
  if (!Number.isInteger(share.count) || share.count < 1 || !Number.isInteger(share.index) || share.index < 0 || share.index >= share.count) {
    throw new RangeError(`invalid share ${share.index} of ${share.count}`);
  }
  const window = simulationWindow(params);
  const makesHead = share.index === 0;
  // Company names (faker, the slowest part of an account) only where the customers table is made.
  const accounts = simulateAccounts(params.seed, params.accounts, params.usersPerAccount, window, { names: makesHead });
  const users: AccountUsers[] = [];
  let nextUser = 0;
  for (const account of accounts) {
    const u = simulateUsers(params.seed, account, nextUser, window);
    nextUser += u.createdMs.length;
    users.push(u);
  }
  if (makesHead) {
    const dirt = new Rng(params.seed, 1, STREAM_TAG.dirt);
    const head = { group: HEAD_GROUP, lastOfGroup: false };
    yield { table: 'customers', ...customersIpc(accounts, dirt, params.dirtRate), progress: 0.04, ...head };
    yield { table: 'users', ipc: usersIpc(accounts, users), rows: nextUser, progress: 0.06, ...head };
    yield { table: 'plans', ipc: plansIpc(), rows: 5, progress: 0.06, ...head };
    yield { table: 'discounts', ipc: discountsIpc(), rows: 5, progress: 0.06, ...head, lastOfGroup: true };
  }
  const world: World = {
    params,
    window,
    accounts,
    users,
    clock: { lastObservedDay: window.lastObservedDay, campaignDays: campaignDays(window) },
    dirt: dirtPlan(params.seed, window, params.dirtRate),
    events: new EventChunkBuilder(),
  };
  for (let group = share.index; group < groupCount(accounts.length); group += share.count) yield* generateGroup(world, group);
}

/** What every group of a run shares. */
interface World {
  params: GeneratorParams;
  window: SimulationWindow;
  accounts: readonly Account[];
  users: readonly AccountUsers[];
  clock: SimulationClock;
  dirt: DirtPlan;
  /** Reused chunk after chunk: its IPC is a copy. */
  events: EventChunkBuilder;
}

/** The events of one group's accounts, a chunk at a time, then their per-account tables. */
function* generateGroup(world: World, group: number): Generator<TableChunk, void, void> {
  const { params, window, accounts, users, events } = world;
  const first = group * ACCOUNTS_PER_GROUP;
  const last = Math.min(accounts.length, first + ACCOUNTS_PER_GROUP);
  const records = new AccountRecords(params.dirtRate, window.lastObservedDay);
  let nextEventId = 1;
  for (let start = first; start < last; start += ACCOUNTS_PER_CHUNK) {
    const end = Math.min(last, start + ACCOUNTS_PER_CHUNK);
    events.clear();
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
        nextEventId = simulateUserEvents(rng, accountDirt, profile, usage, world.clock, world.dirt, events, nextEventId);
      }
    }
    const progress = 0.06 + 0.94 * (end / accounts.length);
    yield { table: 'events', ipc: events.toIpc(), rows: events.length, progress, group, lastOfGroup: false };
  }
  const tables = Object.entries(records.tables);
  const progress = 0.06 + 0.94 * (last / accounts.length);
  for (const [k, [table, builder]] of tables.entries()) {
    yield { table: table as RawTableName, ipc: builder.toIpc(), rows: builder.length, progress, group, lastOfGroup: k === tables.length - 1 };
  }
}

import { type Account, nameAccounts, simulateAccounts } from './accounts';
import { customersIpc, discountsIpc, plansIpc, usersIpc } from './accountTables';
import { AccountRecords } from './accountRecords';
import { parseIsoDate } from './calendar';
import { EventChunkBuilder } from './eventColumns';
import { accountEventMix, dayFlags, type DirtPlan, type SimulationClock, simulateUserEvents } from './events';
import { simulateLifecycle } from './lifecycle';
import { ACCOUNTS_PER_CHUNK, ACCOUNTS_PER_GROUP, type DatasetShare, groupCount, HEAD_GROUP, runUnits, shareOfGroup, WHOLE_DATASET } from './groups';
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
  const world = prepareRun(params);
  for (const unit of runUnits(world.accounts.length)) {
    if (shareOfGroup(unit, share.count) === share.index) yield* generateUnit(world, unit);
  }
}

/**
 * Everything the units of a run share, made once per generator: the accounts (without company
 * names: only the head unit needs them), their users, the clock and the dirt plan.
 */
export function prepareRun(partial: Partial<GeneratorParams>): RunWorld {
  const params = checkedParams(partial);
  const window = simulationWindow(params);
  const accounts = simulateAccounts(params.seed, params.accounts, params.usersPerAccount, window);
  const users: AccountUsers[] = [];
  let nextUser = 0;
  for (const account of accounts) {
    const u = simulateUsers(params.seed, account, nextUser, window);
    nextUser += u.createdMs.length;
    users.push(u);
  }
  const dirt = dirtPlan(params.seed, window, params.dirtRate);
  return {
    params,
    window,
    accounts,
    users,
    userCount: nextUser,
    clock: { lastObservedDay: window.lastObservedDay, campaignDays: campaignDays(window), days: dayFlags(window.startDay, window.lastObservedDay, dirt.missingDays) },
    dirt,
    events: new EventChunkBuilder(),
  };
}

/** The chunks of one unit of a run: the head tables (HEAD_GROUP) or one group of accounts. */
export function generateUnit(world: RunWorld, unit: number): Generator<TableChunk, void, void> {
  if (unit === HEAD_GROUP) return generateHead(world);
  if (!Number.isInteger(unit) || unit < 0 || unit >= groupCount(world.accounts.length)) throw new RangeError(`no group ${unit} in a run of ${world.accounts.length} accounts`);
  return generateGroup(world, unit);
}

/** What every unit of a run shares. */
export interface RunWorld {
  params: GeneratorParams;
  window: SimulationWindow;
  accounts: readonly Account[];
  users: readonly AccountUsers[];
  /** Users of all accounts. */
  userCount: number;
  clock: SimulationClock;
  dirt: DirtPlan;
  /** Reused chunk after chunk: its IPC is a copy. */
  events: EventChunkBuilder;
}

/** The tables every run starts with: customers (with their company names), users, plans, discounts. */
function* generateHead(world: RunWorld): Generator<TableChunk, void, void> {
  const { params, accounts } = world;
  nameAccounts(params.seed, accounts);
  const dirt = new Rng(params.seed, 1, STREAM_TAG.dirt);
  const head = { group: HEAD_GROUP, lastOfGroup: false };
  yield { table: 'customers', ...customersIpc(accounts, dirt, params.dirtRate), ...head };
  yield { table: 'users', ipc: usersIpc(accounts, world.users), rows: world.userCount, ...head };
  yield { table: 'plans', ipc: plansIpc(), rows: 5, ...head };
  yield { table: 'discounts', ipc: discountsIpc(), rows: 5, ...head, lastOfGroup: true };
}

/** The events of one group's accounts, a chunk at a time, then their per-account tables. */
function* generateGroup(world: RunWorld, group: number): Generator<TableChunk, void, void> {
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
    yield { table: 'events', ipc: events.toIpc(), rows: events.length, group, lastOfGroup: false };
  }
  const tables = Object.entries(records.tables);
  for (const [k, [table, builder]] of tables.entries()) {
    yield { table: table as RawTableName, ipc: builder.toIpc(), rows: builder.length, group, lastOfGroup: k === tables.length - 1 };
  }
}

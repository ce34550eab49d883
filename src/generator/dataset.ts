import { type Account, simulateAccounts } from './accounts';
import { dictColumn, timestampColumn, toIpcStream, utf8Column } from './arrow/columns';
import { EventChunkBuilder, simulateUserEvents } from './events';
import { checkedParams, type GeneratorParams } from './params';
import { Rng, STREAM_TAG } from './prng';
import type { RawTableName } from './rawTables';
import { simulateUsers, userIdOf, type AccountUsers } from './users';
import { CHANNELS, COUNTRIES, INDUSTRIES, PLATFORMS, REGIONS, SEGMENTS, SIGNUP_PLANS } from './vocabulary';
import { simulationWindow, type SimulationWindow } from './window';

/** One Arrow IPC stream holding a batch of rows of one raw table. */
export interface TableChunk {
  table: RawTableName;
  ipc: Uint8Array;
  rows: number;
  /** Share of the whole generation done after this chunk, 0..1. */
  progress: number;
}

/** Accounts per events chunk: about 100 k events, a few MB of IPC, at the default density. */
export const ACCOUNTS_PER_CHUNK = 500;

function customersIpc(accounts: readonly Account[]): Uint8Array {
  const signupMs = Float64Array.from(accounts, (a) => a.signupMs);
  const idx = (pick: (a: Account) => number) => Int8Array.from(accounts, pick);
  const countryIndex = new Map(COUNTRIES.map((c, i) => [c, i]));
  return toIpcStream([
    utf8Column('customer_id', accounts.map((a) => a.customerId)),
    utf8Column('company_name', accounts.map((a) => a.companyName)),
    dictColumn('industry', 0, INDUSTRIES.labels, idx((a) => a.industry)),
    dictColumn('region', 1, REGIONS.labels, idx((a) => a.region)),
    dictColumn('country', 2, COUNTRIES, idx((a) => countryIndex.get(a.country) ?? 0)),
    dictColumn('acquisition_channel', 3, CHANNELS.labels, idx((a) => a.channel)),
    dictColumn('signup_platform', 4, PLATFORMS.labels, idx((a) => a.signupPlatform)),
    timestampColumn('signup_at', signupMs),
    dictColumn('plan_at_signup', 5, SIGNUP_PLANS.labels, idx((a) => a.signupPlan)),
    dictColumn('segment', 6, SEGMENTS.labels, idx((a) => a.segment)),
  ]);
}

function usersIpc(accounts: readonly Account[], users: readonly AccountUsers[]): Uint8Array {
  const ids: string[] = [];
  const customerIds: string[] = [];
  const created: number[] = [];
  const platform: number[] = [];
  const country: string[] = [];
  users.forEach((u, a) => {
    for (let k = 0; k < u.createdMs.length; k++) {
      ids.push(userIdOf(u.firstUserNumber + k));
      customerIds.push(accounts[a]!.customerId);
      created.push(u.createdMs[k]!);
      platform.push(u.platform[k]!);
      country.push(u.country[k]!);
    }
  });
  const countryIndex = new Map(COUNTRIES.map((c, i) => [c, i]));
  return toIpcStream([
    utf8Column('user_id', ids),
    utf8Column('customer_id', customerIds),
    timestampColumn('created_at', Float64Array.from(created)),
    dictColumn('platform', 0, PLATFORMS.labels, Int8Array.from(platform)),
    dictColumn('country', 1, COUNTRIES, Int8Array.from(country, (c) => countryIndex.get(c) ?? 0)),
  ]);
}

function eventsChunk(
  seed: number,
  accounts: readonly Account[],
  users: readonly AccountUsers[],
  window: SimulationWindow,
  firstEventId: number,
): { ipc: Uint8Array; rows: number; nextEventId: number } {
  const builder = new EventChunkBuilder();
  const userIds: string[] = [];
  let nextEventId = firstEventId;
  accounts.forEach((account, accountSlot) => {
    const accountUsers = users[accountSlot]!;
    const rng = new Rng(seed, account.index, STREAM_TAG.events);
    for (let k = 0; k < accountUsers.createdMs.length; k++) {
      const userSlot = userIds.length;
      userIds.push(userIdOf(accountUsers.firstUserNumber + k));
      nextEventId = simulateUserEvents(
        rng,
        {
          userSlot,
          accountSlot,
          createdMs: accountUsers.createdMs[k]!,
          platform: accountUsers.platform[k]!,
          country: accountUsers.country[k]!,
          channel: account.channel,
          engagement: accountUsers.engagement[k]!,
        },
        window.lastObservedDay,
        builder,
        nextEventId,
      );
    }
  });
  const rows = builder.length;
  return { ipc: builder.toIpc(userIds, accounts.map((a) => a.customerId)), rows, nextEventId };
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
  yield { table: 'customers', ipc: customersIpc(accounts), rows: accounts.length, progress: 0.05 };

  const users: AccountUsers[] = [];
  let nextUser = 0;
  for (const account of accounts) {
    const u = simulateUsers(params.seed, account, nextUser, window);
    nextUser += u.createdMs.length;
    users.push(u);
  }
  yield { table: 'users', ipc: usersIpc(accounts, users), rows: nextUser, progress: 0.1 };

  let nextEventId = 1;
  for (let start = 0; start < accounts.length; start += ACCOUNTS_PER_CHUNK) {
    const end = Math.min(accounts.length, start + ACCOUNTS_PER_CHUNK);
    const chunk = eventsChunk(params.seed, accounts.slice(start, end), users.slice(start, end), window, nextEventId);
    nextEventId = chunk.nextEventId;
    yield { table: 'events', ipc: chunk.ipc, rows: chunk.rows, progress: 0.1 + 0.9 * (end / accounts.length) };
  }
}

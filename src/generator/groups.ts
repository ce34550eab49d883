/**
 * How a run's accounts are cut into work: chunks of events, and groups of chunks that one
 * generator makes on its own. Kept apart from dataset.ts so that the page (which merges the
 * generators' chunks) and the events view import these numbers without the generator.
 */

/** Accounts per events chunk: about 100 k events, a few MB of IPC, at the default density. */
export const ACCOUNTS_PER_CHUNK = 500;
/**
 * Accounts per group, the unit of work one generator takes on. Event ids start at 1 in every
 * group (the events view adds the group's offset, see eventsView.ts), so a group depends on
 * nothing generated before it and groups can be made side by side. The small per-account
 * tables are sent once per group: fewer, larger inserts.
 */
export const ACCOUNTS_PER_GROUP = 5 * ACCOUNTS_PER_CHUNK;
/** Chunks of a group at most: its events chunks, then the seven small per-account tables. */
export const CHUNKS_PER_GROUP = ACCOUNTS_PER_GROUP / ACCOUNTS_PER_CHUNK + 7;
/** The group of the tables every run starts with. */
export const HEAD_GROUP = -1;

/**
 * The part of the work one of `count` generators makes: the groups g with g % count ===
 * index, and for index 0 also the head tables.
 */
export interface DatasetShare {
  index: number;
  count: number;
}
export const WHOLE_DATASET: DatasetShare = { index: 0, count: 1 };

export const groupCount = (accounts: number) => Math.ceil(accounts / ACCOUNTS_PER_GROUP);
/** The generator (of `count`) that makes `group`. */
export const shareOfGroup = (group: number, count: number) => (group === HEAD_GROUP ? 0 : group % count);

/**
 * The units of work of a run, in the order their chunks make the dataset: the head tables,
 * then every group of accounts. Each unit depends only on the run's world, so any generator
 * may make any unit, in any order.
 */
export function runUnits(accounts: number): number[] {
  return [HEAD_GROUP, ...Array.from({ length: groupCount(accounts) }, (_, group) => group)];
}

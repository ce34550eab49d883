import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/generator/dataset';
import { decodeEvent } from '../helpers/decodeEvents';
import { loadGenerated, type NodeDb, openDb, rows } from '../helpers/nodeDb';

/**
 * Raw events are stored encoded and read through the `events` view: the view must give
 * exactly the raw rows, dirty spellings and NULLs included, decoded independently in JS.
 */
describe('the events decoding view', () => {
  let db: NodeDb;
  const params = { preset: 'tiny', seed: 8, dirtRate: 0.05 } as const;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, params);
  });
  afterAll(() => db.close());

  it('decodes every stored event into the raw columns of domain.md', async () => {
    const expected = [...generateDataset(params)]
      .filter((c) => c.table === 'events')
      .flatMap((c) => tableFromIPC(c.ipc).toArray().map((r: { toJSON(): Record<string, unknown> }) => decodeEvent(r.toJSON())))
      .map((e): Record<string, unknown> & { received_at: number } => ({ ...e, event_time: Number(e.event_time), received_at: Number(e.received_at) }));
    const actual = await rows(
      db,
      `SELECT * REPLACE (epoch_ms(event_time) AS event_time, epoch_ms(received_at) AS received_at) FROM events ORDER BY event_id, received_at`,
    );
    const sorted = expected.sort((a, b) => Number(a.event_id) - Number(b.event_id) || a.received_at - b.received_at);
    expect(actual.length).toBe(sorted.length);
    expect(actual).toEqual(sorted);
    // The dirt survives decoding: messy spellings and missing countries are there to clean.
    expect(actual.some((e) => e.country === null)).toBe(true);
    expect(actual.some((e) => typeof e.event_type === 'string' && e.event_type !== e.event_type.trim().toLowerCase())).toBe(true);
  });
});

describe('event ids across groups of accounts', () => {
  let db: NodeDb;
  // Three groups of accounts (event ids restart in each), kept small by a short window.
  const params = { accounts: 6000, usersPerAccount: 1, windowStart: '2024-01-01', windowEnd: '2024-02-29', asOf: '2024-02-29', seed: 5, dirtRate: 0.05 };
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, params);
  });
  afterAll(() => db.close());

  it('are unique to an event: only exact re-sends share one', async () => {
    const [counts] = await rows(db, 'SELECT count(DISTINCT event_id) AS ids, count(*) AS n FROM (SELECT DISTINCT * FROM events)');
    expect(Number(counts!.n)).toBeGreaterThan(10_000);
    expect(Number(counts!.ids)).toBe(Number(counts!.n));
  });

  it('number the groups one after another, each after the largest id of the groups before', async () => {
    const stored = [...generateDataset(params)]
      .filter((c) => c.table === 'events')
      .flatMap((c) => tableFromIPC(c.ipc).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON()));
    // Worked out here from the chunks: group g = customer_number // 2500; offset = sum of earlier groups' largest local ids.
    const largest = [0, 0, 0];
    for (const e of stored) {
      const g = Math.floor(Number(e.customer_number) / 2500);
      largest[g] = Math.max(largest[g]!, Number(e.event_id));
    }
    expect(largest.every((m) => m > 0)).toBe(true);
    const offset = [0, largest[0]!, largest[0]! + largest[1]!];
    const expected = stored
      .map((e) => `${Number(e.event_id) + offset[Math.floor(Number(e.customer_number) / 2500)]!}:${Number(e.user_number)}`)
      .sort();
    const actual = (await rows(db, `SELECT event_id, user_id FROM events`)).map((r) => `${Number(r.event_id)}:${Number(String(r.user_id).slice(1)) - 1}`).sort();
    expect(actual).toEqual(expected);
    const [range] = await rows(db, 'SELECT min(event_id) AS lo, max(event_id) AS hi FROM events');
    expect([Number(range!.lo), Number(range!.hi)]).toEqual([1, largest[0]! + largest[1]! + largest[2]!]);
  });
});

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

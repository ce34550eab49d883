import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/generator/dataset';
import { EVENT_TYPES } from '../../../src/generator/vocabulary';
import { decodeEvent } from '../../helpers/decodeEvents';

type Tables = Record<string, Record<string, unknown>[]>;

/** The tiny dataset decoded independently of the generator, through apache-arrow. */
function decode(seed: number, dirtRate: number): Tables {
  const tables: Tables = {};
  for (const chunk of generateDataset({ preset: 'tiny', seed, dirtRate })) {
    const decoded = tableFromIPC(chunk.ipc).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
    const rows = chunk.table === 'events' ? decoded.map(decodeEvent) : decoded;
    tables[chunk.table] = [...(tables[chunk.table] ?? []), ...rows];
  }
  return tables;
}

describe('generated data has a realistic shape (tiny preset, clean sources)', () => {
  let t: Tables;
  beforeAll(() => {
    t = decode(42, 0);
  });

  it('has the preset number of accounts and about three users each', () => {
    expect(t.customers).toHaveLength(300);
    expect(t.users!.length / 300).toBeGreaterThan(2.3);
    expect(t.users!.length / 300).toBeLessThan(3.6);
    expect(new Set(t.customers!.map((c) => c.customer_id)).size).toBe(300);
  });

  it('signs up more accounts per month in Q1 and Q4 than in Q2 and Q3 (seasonality)', () => {
    const months = t.customers!.map((c) => new Date(Number(c.signup_at)).getUTCMonth());
    const q14 = months.filter((m) => m <= 2 || m >= 9).length;
    const q23 = months.length - q14;
    expect(q14 / q23).toBeGreaterThan(1.15);
  });

  it('keeps every event inside the window, after its user was created, and of a known type', () => {
    const created = new Map(t.users!.map((u) => [u.user_id, Number(u.created_at)]));
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2026, 0, 1);
    for (const e of t.events!) {
      const time = Number(e.event_time);
      expect(time).toBeGreaterThanOrEqual(created.get(e.user_id)!);
      expect(time).toBeGreaterThanOrEqual(start);
      expect(time).toBeLessThan(end);
    }
    expect(new Set(t.events!.map((e) => e.event_type))).toEqual(new Set(EVENT_TYPES));
  });

  it('redeems miles from the balance; a balance goes negative only through a redemption processed twice (story 7)', () => {
    const balance = new Map<unknown, number>();
    const previous = new Map<unknown, Record<string, unknown>>();
    const ordered = [...t.events!].sort((a, b) => Number(a.event_time) - Number(b.event_time));
    let negatives = 0;
    for (const e of ordered) {
      const isMiles = e.event_type === 'miles_earned' || e.event_type === 'miles_redeemed';
      expect(e.miles_amount === null).toBe(!isMiles);
      const sign = e.event_type === 'miles_earned' ? 1 : e.event_type === 'miles_redeemed' ? -1 : 0;
      const before = balance.get(e.user_id) ?? 0;
      const after = before + sign * Number(e.miles_amount ?? 0);
      if (after < 0 && before >= 0) {
        negatives++;
        const last = previous.get(e.user_id)!;
        expect(last.event_type).toBe('miles_redeemed');
        expect(last.miles_amount).toBe(e.miles_amount);
        expect(Number(e.event_time) - Number(last.event_time)).toBeLessThanOrEqual(31_000);
      }
      balance.set(e.user_id, after);
      if (isMiles) previous.set(e.user_id, e);
    }
    expect(negatives).toBeGreaterThan(0);
  });

  it('has roughly the documented density of events per user (50 k events for the tiny preset)', () => {
    expect(t.events!.length).toBeGreaterThan(30_000);
    expect(t.events!.length).toBeLessThan(90_000);
  });
});

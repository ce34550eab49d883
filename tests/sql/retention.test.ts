import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createRawTables, type FixtureEvent } from '../helpers/rawFixtures';

/**
 * Worked example. Users and their active months (as of 2024-04-15, so April is partial):
 *   A: Jan, Feb, Apr (+ an exact re-send of its January event)
 *   B: Jan
 *   C: Feb, Mar, and an April event dated after the as-of date (not yet observable)
 *   D: 2024-03-31 23:59:59 and 2024-04-01 00:00:00 (month boundary)
 * Cohorts: Jan = {A, B}, Feb = {C}, Mar = {D}.
 *   Jan: M0 2/2 = 100 %, M1 1/2 = 50 %, M2 0/2 = 0 % (a real zero), M3 1/2 = 50 % (partial)
 *   Feb: M0 100 %, M1 100 %, M2 0 % (partial)
 *   Mar: M0 100 %, M1 100 % (partial)
 *   Nothing after April: those cells are censored, so they have no row.
 */
const EVENTS: FixtureEvent[] = [
  { id: 1, user: 'A', at: '2024-01-05 10:00:00' },
  { id: 1, user: 'A', at: '2024-01-05 10:00:00' },
  { id: 2, user: 'A', at: '2024-02-10 10:00:00', type: ' Report_View ' },
  { id: 3, user: 'A', at: '2024-04-02 10:00:00' },
  { id: 4, user: 'B', at: '2024-01-20 10:00:00' },
  { id: 5, user: 'C', at: '2024-02-03 10:00:00' },
  { id: 6, user: 'C', at: '2024-03-15 10:00:00' },
  { id: 7, user: 'C', at: '2024-04-20 10:00:00' },
  { id: 8, user: 'D', at: '2024-03-31 23:59:59' },
  { id: 9, user: 'D', at: '2024-04-01 00:00:00' },
];

const SELECT = `SELECT strftime(cohort_month, '%Y-%m') AS cohort, period_number AS p, strftime(period_month, '%Y-%m') AS month,
  users_active AS active, cohort_size AS size, round(retention_rate, 4) AS rate, is_partial_period AS partial
FROM retention_cohorts ORDER BY cohort_month, period_number`;

describe('gold retention_cohorts, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('matches the hand-worked triangle with a partial as-of month', async () => {
    await createRawTables(db, EVENTS, '2024-04-15');
    const result = await runAll(db);
    expect(result.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(await rows(db, SELECT)).toEqual([
      { cohort: '2024-01', p: 0, month: '2024-01', active: 2, size: 2, rate: 100, partial: false },
      { cohort: '2024-01', p: 1, month: '2024-02', active: 1, size: 2, rate: 50, partial: false },
      { cohort: '2024-01', p: 2, month: '2024-03', active: 0, size: 2, rate: 0, partial: false },
      { cohort: '2024-01', p: 3, month: '2024-04', active: 1, size: 2, rate: 50, partial: true },
      { cohort: '2024-02', p: 0, month: '2024-02', active: 1, size: 1, rate: 100, partial: false },
      { cohort: '2024-02', p: 1, month: '2024-03', active: 1, size: 1, rate: 100, partial: false },
      { cohort: '2024-02', p: 2, month: '2024-04', active: 0, size: 1, rate: 0, partial: true },
      { cohort: '2024-03', p: 0, month: '2024-03', active: 1, size: 1, rate: 100, partial: false },
      { cohort: '2024-03', p: 1, month: '2024-04', active: 1, size: 1, rate: 100, partial: true },
    ]);
  });

  it('has no partial month when the as-of date is a month end, and censors everything after it', async () => {
    await createRawTables(db, EVENTS, '2024-03-31');
    await runAll(db);
    const result = await rows(db, SELECT);
    expect(result.filter((r) => r.partial)).toEqual([]);
    expect(result.map((r) => `${r.cohort}+${r.p}=${r.rate}`)).toEqual(['2024-01+0=100', '2024-01+1=50', '2024-01+2=0', '2024-02+0=100', '2024-02+1=100', '2024-03+0=100']);
  });

  it('stages events with exact re-sends removed and categorical values normalised', async () => {
    await createRawTables(db, EVENTS, '2024-04-15');
    await runAll(db);
    const staged = await rows(db, `SELECT count(*) AS n, count(DISTINCT event_type) AS types FROM stg_events`);
    // 10 raw rows, one re-send, one event after the as-of date.
    expect(staged).toEqual([{ n: 8, types: 1 }]);
  });
});

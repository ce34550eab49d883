import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { type CohortGrain, type Convention, martFor, type RetentionOptions } from '../../src/views/retention/retentionOptions';
import { computedRetentionSql, drilldownSql, martRetentionSql } from '../../src/views/retention/retentionQueries';
import { drilldownRowsFromTable, type RetentionRow, retentionRowsFromTable } from '../../src/views/retention/retentionRows';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createRawTables, type FixtureEvent } from '../helpers/rawFixtures';

/**
 * The Retention view's computed variants (weekly cohorts, "on or after") against hand-worked
 * examples and against a JavaScript recomputation from the silver rows; the monthly "on"
 * variant computed the same way must equal the gold marts it stands beside.
 */

let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
});
afterAll(() => db.close());

const users = (grain: CohortGrain, convention: Convention): RetentionOptions => ({ subject: 'users', measure: 'logo', grain, convention });
const accounts = (convention: Convention): RetentionOptions => ({ subject: 'accounts', measure: 'logo', grain: 'month', convention });

async function computed(options: RetentionOptions, filters: Filters = NO_FILTERS): Promise<RetentionRow[]> {
  return retentionRowsFromTable(await db.query(computedRetentionSql(options, filters)));
}

/** [cohort, period, active, size, rate rounded to 0.01, partial] per cell: easy to read against a worked triangle. */
const cells = (list: RetentionRow[]) => list.map((r) => [r.cohortStart, r.periodNumber, r.active, r.cohortSize, Math.round((r.rate ?? NaN) * 100) / 100, r.isPartial]);

describe('worked examples', () => {
  /**
   * Weeks start on Monday; the as-of date 2024-01-24 is a Wednesday, so its week (01-22) is partial.
   *   A: Tue 01-02 (week 01-01), Wed 01-17 (week 01-15)
   *   B: Sun 01-07 (week 01-01), Mon 01-08 (week 01-08): the week boundary
   *   C: 01-09 (week 01-08), 01-23 (week 01-22)
   *   D: 01-05 (week 01-01) only
   * Cohorts: week 01-01 = {A, B, D}, week 01-08 = {C}.
   *   "on":          01-01: 3/3, 1/3 (B), 1/3 (A), 0/3 (partial);  01-08: 1/1, 0/1, 1/1 (partial)
   *   "on or after": 01-01: 3/3, 2/3 (A, B), 1/3 (A), 0/3 (partial); 01-08: 1/1, 1/1, 1/1 (partial)
   */
  const WEEKLY: FixtureEvent[] = [
    { id: 1, user: 'A', at: '2024-01-02 09:00:00' },
    { id: 2, user: 'A', at: '2024-01-17 09:00:00' },
    { id: 3, user: 'B', at: '2024-01-07 23:30:00' },
    { id: 4, user: 'B', at: '2024-01-08 00:10:00' },
    { id: 5, user: 'C', at: '2024-01-09 12:00:00' },
    { id: 6, user: 'C', at: '2024-01-23 12:00:00' },
    { id: 7, user: 'D', at: '2024-01-05 12:00:00' },
  ];

  it('weekly cohorts, "on" and "on or after"', async () => {
    await createRawTables(db, WEEKLY, '2024-01-24');
    await runAll(db);
    expect(cells(await computed(users('week', 'on')))).toEqual([
      ['2024-01-01', 0, 3, 3, 100, false],
      ['2024-01-01', 1, 1, 3, 33.33, false],
      ['2024-01-01', 2, 1, 3, 33.33, false],
      ['2024-01-01', 3, 0, 3, 0, true],
      ['2024-01-08', 0, 1, 1, 100, false],
      ['2024-01-08', 1, 0, 1, 0, false],
      ['2024-01-08', 2, 1, 1, 100, true],
    ]);
    expect(cells(await computed(users('week', 'onOrAfter')))).toEqual([
      ['2024-01-01', 0, 3, 3, 100, false],
      ['2024-01-01', 1, 2, 3, 66.67, false],
      ['2024-01-01', 2, 1, 3, 33.33, false],
      ['2024-01-01', 3, 0, 3, 0, true],
      ['2024-01-08', 0, 1, 1, 100, false],
      ['2024-01-08', 1, 1, 1, 100, false],
      ['2024-01-08', 2, 1, 1, 100, true],
    ]);
    // The drill-down of cohort 01-01, week 1 lists the three users, A and B active "on or after", B alone "on".
    const listed = async (convention: Convention) =>
      drilldownRowsFromTable(await db.query(drilldownSql(users('week', convention), NO_FILTERS, { cohortStart: '2024-01-01', periodStart: '2024-01-08', periodNumber: 1 })))
        .map((r) => `${r.id}:${r.active ? 'active' : 'not'}`)
        .sort();
    expect(await listed('on')).toEqual(['A:not', 'B:active', 'D:not']);
    expect(await listed('onOrAfter')).toEqual(['A:active', 'B:active', 'D:not']);
  });

  /**
   * Monthly, as of 2024-04-15 (April partial); the same users as the retention_cohorts worked example:
   *   A: Jan, Feb, Apr;  B: Jan;  C: Feb, Mar (its April event comes after the as-of date);  D: Mar, Apr
   * Cohorts Jan = {A, B}, Feb = {C}, Mar = {D}. "On or after" keeps A in March (active again in April),
   * where "on" retention has a real 0 %.
   */
  const MONTHLY: FixtureEvent[] = [
    { id: 1, user: 'A', at: '2024-01-05 10:00:00' },
    { id: 2, user: 'A', at: '2024-02-10 10:00:00' },
    { id: 3, user: 'A', at: '2024-04-02 10:00:00' },
    { id: 4, user: 'B', at: '2024-01-20 10:00:00' },
    { id: 5, user: 'C', at: '2024-02-03 10:00:00' },
    { id: 6, user: 'C', at: '2024-03-15 10:00:00' },
    { id: 7, user: 'C', at: '2024-04-20 10:00:00' },
    { id: 8, user: 'D', at: '2024-03-31 23:59:59' },
    { id: 9, user: 'D', at: '2024-04-01 00:00:00' },
  ];

  it('monthly "on or after", and "on" equal to the gold mart', async () => {
    await createRawTables(db, MONTHLY, '2024-04-15');
    await runAll(db);
    expect(cells(await computed(users('month', 'onOrAfter')))).toEqual([
      ['2024-01-01', 0, 2, 2, 100, false],
      ['2024-01-01', 1, 1, 2, 50, false],
      ['2024-01-01', 2, 1, 2, 50, false],
      ['2024-01-01', 3, 1, 2, 50, true],
      ['2024-02-01', 0, 1, 1, 100, false],
      ['2024-02-01', 1, 1, 1, 100, false],
      ['2024-02-01', 2, 0, 1, 0, true],
      ['2024-03-01', 0, 1, 1, 100, false],
      ['2024-03-01', 1, 1, 1, 100, true],
    ]);
    const mart = retentionRowsFromTable(await db.query(martRetentionSql(users('month', 'on'), 'SELECT * FROM retention_cohorts')));
    expect(await computed(users('month', 'on'))).toEqual(mart);
    expect(cells(mart)[2]).toEqual(['2024-01-01', 2, 0, 2, 0, false]);
  });
});

// --- Generated data: every variant against a JavaScript recomputation from silver rows ---

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
/** Index of the period holding an ISO date: months since year 0, or Monday-start weeks since the epoch (1970-01-05 was a Monday). */
const periodIndex = (grain: CohortGrain, iso: string) => (grain === 'month' ? monthIndex(iso) : Math.floor((toDay(iso) - 4) / 7));
const periodStartOf = (grain: CohortGrain, index: number) => (grain === 'month' ? monthStart(index) : fromDay(index * 7 + 4));
const periodEndOf = (grain: CohortGrain, index: number) => (grain === 'month' ? fromDay(toDay(monthStart(index + 1)) - 1) : fromDay(index * 7 + 10));

interface Expected {
  active: number;
  size: number;
  partial: boolean;
}

/**
 * Retention recomputed in JavaScript from (subject, active date) pairs: the cohort is a
 * subject's first period, the grid runs to the as-of period, and a subject counts in period k
 * when active in it ("on") or in it or later ("on or after").
 */
function recompute(pairs: readonly { id: string; date: string }[], grain: CohortGrain, convention: Convention, asOf: string, from: string | null, to: string | null): Map<string, Expected> {
  const periods = new Map<string, Set<number>>();
  for (const { id, date } of pairs) {
    let set = periods.get(id);
    if (!set) periods.set(id, (set = new Set()));
    set.add(periodIndex(grain, date));
  }
  const asOfIndex = periodIndex(grain, asOf);
  const cohorts = new Map<number, Set<number>[]>();
  for (const set of periods.values()) {
    const first = Math.min(...set);
    const start = periodStartOf(grain, first);
    if ((from !== null && start < from) || (to !== null && start > to)) continue;
    const list = cohorts.get(first) ?? [];
    list.push(set);
    cohorts.set(first, list);
  }
  const out = new Map<string, Expected>();
  for (const [first, members] of cohorts) {
    for (let index = first; index <= asOfIndex; index++) {
      const active = members.filter((set) => (convention === 'on' ? set.has(index) : Math.max(...set) >= index)).length;
      out.set(`${periodStartOf(grain, first)}|${index - first}`, { active, size: members.length, partial: index === asOfIndex && asOf < periodEndOf(grain, index) });
    }
  }
  return out;
}

function expectSame(actual: RetentionRow[], expected: Map<string, Expected>, label: string) {
  expect(actual.length, label).toBe(expected.size);
  for (const row of actual) {
    const want = expected.get(`${row.cohortStart}|${row.periodNumber}`);
    expect(want, `${label} ${row.cohortStart} ${row.periodNumber}`).toBeDefined();
    expect({ active: row.active, size: row.cohortSize, partial: row.isPartial }, `${label} ${row.cohortStart} ${row.periodNumber}`).toEqual(want);
    expect(row.rate!).toBeCloseTo((100 * want!.active) / want!.size, 9);
  }
}

describe('generated data (tiny, seed 21)', () => {
  const AS_OF = '2025-11-20';
  const FILTERED: Filters = { ...NO_FILTERS, plans: ['Starter', 'Growth', 'Free'], regions: ['NA', 'EU'], dateFrom: '2024-03-01', dateTo: '2025-06-30' };
  let userDays: { id: string; date: string; tier: string; region: string }[] = [];
  let accountMonths: { id: string; date: string; tier: string; region: string }[] = [];
  const kept = (r: { tier: string; region: string }) => FILTERED.plans.includes(r.tier) && FILTERED.regions.includes(r.region);

  beforeAll(async () => {
    db.close();
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 21, asOf: AS_OF });
    await runAll(db);
    const attrs = `c.current_tier AS tier, c.region`;
    userDays = (await rows(db, `SELECT d.user_id AS id, strftime(d.event_date, '%Y-%m-%d') AS date, ${attrs} FROM fct_user_days AS d JOIN stg_users AS u USING (user_id) JOIN dim_customers AS c ON c.customer_id = u.customer_id`)) as typeof userDays;
    accountMonths = (await rows(db, `SELECT m.customer_id AS id, strftime(m.month, '%Y-%m-%d') AS date, ${attrs} FROM fct_subscription_months AS m JOIN dim_customers AS c USING (customer_id) WHERE m.mrr > 0`)) as typeof accountMonths;
  }, 180_000);

  for (const grain of ['month', 'week'] as const) {
    for (const convention of ['on', 'onOrAfter'] as const) {
      it(`users, ${grain}ly cohorts, "${convention}": unfiltered and filtered`, async () => {
        expectSame(await computed(users(grain, convention)), recompute(userDays, grain, convention, AS_OF, null, null), 'unfiltered');
        const filtered = userDays.filter(kept);
        expectSame(await computed(users(grain, convention), FILTERED), recompute(filtered, grain, convention, AS_OF, FILTERED.dateFrom, FILTERED.dateTo), 'filtered');
      });
    }
  }

  for (const convention of ['on', 'onOrAfter'] as const) {
    it(`accounts, monthly logo retention, "${convention}": unfiltered and filtered`, async () => {
      expectSame(await computed(accounts(convention)), recompute(accountMonths, 'month', convention, AS_OF, null, null), 'unfiltered');
      expectSame(await computed(accounts(convention), FILTERED), recompute(accountMonths.filter(kept), 'month', convention, AS_OF, FILTERED.dateFrom, FILTERED.dateTo), 'filtered');
    });
  }

  it('the monthly "on" variants computed here equal the gold marts the view reads, filtered too', async () => {
    for (const filters of [NO_FILTERS, FILTERED]) {
      for (const options of [users('month', 'on'), accounts('on')]) {
        const mart = retentionRowsFromTable(await db.query(martRetentionSql(options, martQuery(SQL_MODELS, martFor(options)!, filters))));
        expect(mart.length).toBeGreaterThan(20);
        expect(await computed(options, filters)).toEqual(mart);
      }
    }
  });

  it('the drill-down lists the cohort, and its active rows are the cell', async () => {
    for (const options of [users('week', 'onOrAfter'), users('month', 'on'), accounts('onOrAfter'), accounts('on')]) {
      const grid = await computed(options, FILTERED);
      for (const cell of [grid[1]!, grid[Math.floor(grid.length / 2)]!, grid.at(-1)!]) {
        const listed = drilldownRowsFromTable(await db.query(drilldownSql(options, FILTERED, cell)));
        expect(listed.length, `${options.subject} ${cell.cohortStart}`).toBe(cell.cohortSize);
        expect(listed.filter((r) => r.active).length, `${options.subject} ${cell.cohortStart} ${cell.periodNumber}`).toBe(cell.active);
      }
    }
  });
});

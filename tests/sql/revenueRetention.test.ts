import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { addSubscriptionChanges, createEmptyRawTables, createRawTables } from '../helpers/rawFixtures';

/**
 * 12-month NRR and GRR, worked example (as of 2025-02-15; Starter $12, Growth $20 a seat):
 *   A: Starter x2 from 10 Jan 2024 ($24), Growth x2 from 5 Jun 2024 ($40)       -> 24 then 40
 *   B: Growth x3 from 20 Jan 2024 ($60), Starter x3 from 3 Sep 2024 ($36)      -> 60 then 36
 *   C: Starter x1 from 25 Jan 2024 ($12), cancelled 1 Jul 2024                 -> 12 then 0
 *   D: starts in May 2024: not in the January or February 2024 starting set.
 * January 2025 vs January 2024: start 96, now 40 + 36 + 0 = 76 -> NRR 0.791667;
 * capped 24 + 36 + 0 = 60 -> GRR 0.625; 2 of 3 accounts retained. February is the same,
 * partial. No earlier month has a year of history, so none has a row.
 */
describe('12-month revenue retention, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createEmptyRawTables(db, '2025-02-15');
    await addSubscriptionChanges(db, [
      { customer: 'A', at: '2024-01-10 09:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_starter', seats: 2 },
      { customer: 'A', at: '2024-06-05 09:00:00', type: 'upgraded', from: 'plan_starter', to: 'plan_growth', seats: 2 },
      { customer: 'B', at: '2024-01-20 09:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_growth', seats: 3 },
      { customer: 'B', at: '2024-09-03 09:00:00', type: 'downgraded', from: 'plan_growth', to: 'plan_starter', seats: 3 },
      { customer: 'C', at: '2024-01-25 09:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'C', at: '2024-07-01 09:00:00', type: 'cancelled', from: 'plan_starter', to: 'plan_free', seats: 0 },
      { customer: 'D', at: '2024-05-02 09:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_starter', seats: 1 },
    ]);
    await runAll(db);
  });
  afterAll(() => db.close());

  it('compares each month with the same accounts a year earlier, capping GRR at their start', async () => {
    expect(
      await rows(db, `SELECT strftime(month, '%Y-%m') AS m, strftime(start_month, '%Y-%m') AS s, is_partial_month AS p, starting_accounts AS n, retained_accounts AS kept,
        CAST(start_mrr AS DOUBLE) AS start, CAST(current_mrr AS DOUBLE) AS now, round(nrr_12m, 6) AS nrr, grr_12m AS grr, round(logo_retention_12m, 6) AS logo
        FROM revenue_retention_12m ORDER BY month`),
    ).toEqual([
      { m: '2025-01', s: '2024-01', p: false, n: 3, kept: 2, start: 96, now: 76, nrr: 0.791667, grr: 0.625, logo: 0.666667 },
      { m: '2025-02', s: '2024-02', p: true, n: 3, kept: 2, start: 96, now: 76, nrr: 0.791667, grr: 0.625, logo: 0.666667 },
    ]);
  });
});

/**
 * Account growth accounting, worked example (as of 2024-04-10, April partial). Accounts are
 * active in the months their users have events:
 *   P: Jan, Feb, Apr   Q: Jan   R: Mar, Apr
 *   Jan: new P, Q                      churned -          quick ratio NULL
 *   Feb: retained P                    churned Q          (0 + 0) / 1 = 0
 *   Mar: new R                         churned P          1 / 1 = 1
 *   Apr: retained R, resurrected P     churned -          NULL
 */
describe('account growth accounting, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createRawTables(
      db,
      [
        { id: 1, user: 'p1', customer: 'P', at: '2024-01-03 10:00:00' },
        { id: 2, user: 'p1', customer: 'P', at: '2024-02-03 10:00:00' },
        { id: 3, user: 'p1', customer: 'P', at: '2024-04-03 10:00:00' },
        { id: 4, user: 'q1', customer: 'Q', at: '2024-01-20 10:00:00' },
        { id: 5, user: 'r1', customer: 'R', at: '2024-03-31 23:59:59' },
        { id: 6, user: 'r2', customer: 'R', at: '2024-04-01 00:00:00' },
      ],
      '2024-04-10',
    );
    await runAll(db);
  });
  afterAll(() => db.close());

  it('splits active accounts into new, retained and resurrected, and counts churn', async () => {
    expect(
      await rows(db, `SELECT strftime(activity_month, '%m') AS m, is_partial_month AS p, active_accounts AS a, new_accounts AS n, retained_accounts AS r,
        resurrected_accounts AS z, churned_accounts AS c, quick_ratio AS q FROM account_growth_accounting ORDER BY activity_month`),
    ).toEqual([
      { m: '01', p: false, a: 2, n: 2, r: 0, z: 0, c: 0, q: null },
      { m: '02', p: false, a: 1, n: 0, r: 1, z: 0, c: 1, q: 0 },
      { m: '03', p: false, a: 1, n: 1, r: 0, z: 0, c: 1, q: 1 },
      { m: '04', p: true, a: 2, n: 0, r: 1, z: 1, c: 0, q: null },
    ]);
  });
});

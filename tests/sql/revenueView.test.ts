import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { BRIDGE_STEPS, bridgeGap, waterfallBars } from '../../src/views/revenue/bridge';
import { bridgeRowsFromTable, bridgeSql, drilldownRowsFromTable, drilldownSql, ltvCurvesSql, ltvPointsFromTable } from '../../src/views/revenue/revenueQueries';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

const AS_OF = '2025-11-20';
let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
  await loadGenerated(db, { preset: 'tiny', seed: 21, asOf: AS_OF });
  await runAll(db);
}, 120_000);
afterAll(() => db.close());

const bridge = async (filters: Filters) => bridgeRowsFromTable(await db.query(bridgeSql(martQuery(SQL_MODELS, 'monthly_revenue', filters))));

describe('MRR bridge drill-down', () => {
  it('lists, for every month and bar, accounts whose amounts add up to the bar (filtered like the bridge)', async () => {
    const filters = { ...NO_FILTERS, plans: ['Starter', 'Growth', 'Free'], regions: ['NA', 'EU', 'APAC'] };
    const months = await bridge(filters);
    expect(months.length).toBeGreaterThan(20);
    let listed = 0;
    for (const month of months) {
      expect(Math.abs(bridgeGap(month))).toBeLessThan(1e-6);
      for (const bar of waterfallBars(month)) {
        const accounts = drilldownRowsFromTable(await db.query(drilldownSql(filters, month.month, bar.step)));
        const total = accounts.reduce((s, a) => s + a.amount, 0);
        expect(total, `${month.month} ${bar.step}`).toBeCloseTo(Math.abs(bar.signed), 6);
        expect(accounts.every((a) => a.amount > 0)).toBe(true);
        const count = { start: month.payingStart, end: month.payingEnd, new: month.newAccounts, reactivation: month.reactivatedAccounts, churn: month.churnedAccounts }[bar.step as string];
        if (count !== undefined) expect(accounts.length, `${month.month} ${bar.step}`).toBe(count);
        listed += accounts.length;
      }
    }
    expect(listed).toBeGreaterThan(100);
    expect(BRIDGE_STEPS).toHaveLength(7);
  });

  it('lists only accounts that pass the filter', async () => {
    const filters = { ...NO_FILTERS, regions: ['EU'] };
    const month = (await bridge(filters)).at(-2)!;
    const accounts = drilldownRowsFromTable(await db.query(drilldownSql(filters, month.month, 'end')));
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts.map((a) => a.region))).toEqual(new Set(['EU']));
  });
});

describe('empirical LTV curves', () => {
  /** Cumulative net revenue per account by quarterly cohort, recomputed from the month-end MRR and invoice rows. */
  async function expectedCurves(fromMonth: string | null) {
    const firstPaid = new Map(
      (await rows(db, `SELECT customer_id, CAST(min(month) AS VARCHAR) AS first_paid FROM fct_subscription_months WHERE mrr > 0 GROUP BY ALL`)).map((r) => [String(r.customer_id), String(r.first_paid)]),
    );
    const invoices = await rows(db, `SELECT customer_id, CAST(issued_month AS VARCHAR) AS issued, CAST(net_after_reversals AS DOUBLE) AS net FROM fct_invoices`);
    const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    const quarter = (iso: string) => `${iso.slice(0, 4)}-${String(Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const lastComplete = monthIndex('2025-10-01'); // the as-of month (November) is not over
    const cohorts = new Map<string, { accounts: Set<string>; bySince: Map<number, number> }>();
    for (const [id, first] of firstPaid) {
      if (fromMonth !== null && first < fromMonth) continue;
      const q = quarter(first);
      if (!cohorts.has(q)) cohorts.set(q, { accounts: new Set(), bySince: new Map() });
      cohorts.get(q)!.accounts.add(id);
    }
    for (const inv of invoices) {
      const first = firstPaid.get(String(inv.customer_id));
      if (!first || (fromMonth !== null && first < fromMonth)) continue;
      const since = Math.max(monthIndex(String(inv.issued)) - monthIndex(first), 0);
      const c = cohorts.get(quarter(first))!;
      c.bySince.set(since, (c.bySince.get(since) ?? 0) + Number(inv.net));
    }
    const points: { cohort: string; monthsSince: number; accounts: number; revenuePerAccount: number }[] = [];
    for (const [cohort, c] of [...cohorts].sort(([a], [b]) => a.localeCompare(b))) {
      const horizon = lastComplete - (monthIndex(cohort) + 2);
      let cumulative = 0;
      for (let k = 0; k <= horizon; k++) {
        cumulative += c.bySince.get(k) ?? 0;
        points.push({ cohort, monthsSince: k, accounts: c.accounts.size, revenuePerAccount: cumulative / c.accounts.size });
      }
    }
    return points;
  }

  const check = async (filters: Filters, fromMonth: string | null) => {
    const got = ltvPointsFromTable(await db.query(ltvCurvesSql(filters)));
    const want = await expectedCurves(fromMonth);
    expect(got.map((p) => [p.cohort, p.monthsSince, p.accounts])).toEqual(want.map((p) => [p.cohort, p.monthsSince, p.accounts]));
    got.forEach((p, i) => expect(p.revenuePerAccount).toBeCloseTo(want[i]!.revenuePerAccount, 6));
    return got;
  };

  it('match a recomputation from the invoices, every cohort month observed by all its accounts', async () => {
    const points = await check(NO_FILTERS, null);
    expect(new Set(points.map((p) => p.cohort)).size).toBeGreaterThan(5);
  });

  it('select cohorts by the date range', async () => {
    const points = await check({ ...NO_FILTERS, dateFrom: '2024-07-01' }, '2024-07-01');
    expect(points.every((p) => p.cohort >= '2024-07-01')).toBe(true);
  });
});

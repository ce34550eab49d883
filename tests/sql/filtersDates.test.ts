import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilters, type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { ACCOUNT_MARTS, USER_MARTS } from '../helpers/filteredMarts';
import { expectSameRows } from '../helpers/filteredRuns';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

const PERIODIC = Object.entries({ ...ACCOUNT_MARTS, ...USER_MARTS }).filter((e): e is [string, string] => e[1] !== null);
const filtered = (db: NodeDb, name: string, filters: Filters) => rows(db, `SELECT * FROM (${martQuery(SQL_MODELS, name, filters)}) ORDER BY ALL`);
/** The mart's own SELECT re-run with its period points filled in (what an account filter re-runs too). */
const rerun = (db: NodeDb, name: string, filters: Filters) =>
  rows(db, `SELECT * FROM (${applyFilters(SQL_MODELS.find((m) => m.name === name)!.sql, filters)}) ORDER BY ALL`);

/**
 * A date range keeps the periods (months, weeks, days, quarters, cohorts) that start inside
 * it, and every kept row keeps its unfiltered figures: the materialised mart, cut to the
 * range, is the expected answer. Alone, the range is applied by cutting the table (the marts
 * declare their period points keep whole rows, `period:x as column`); the re-run of the
 * mart's SELECT with its period points filled in, which a range with an account or user
 * filter takes, must give the same rows: that is what the declaration promises.
 */
describe('a date range at query time', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 21 });
    await runAll(db);
  });
  afterAll(() => db.close());

  it('keeps the rows of the periods inside it, each with its unfiltered figures', async () => {
    const range = { ...NO_FILTERS, dateFrom: '2024-05-01', dateTo: '2025-02-28' };
    for (const [name, period] of PERIODIC) {
      const all = await rows(db, `SELECT count(*) AS n FROM ${name}`);
      const expected = await rows(db, `SELECT * FROM ${name} WHERE ${period} BETWEEN DATE '2024-05-01' AND DATE '2025-02-28' ORDER BY ALL`);
      const got = await filtered(db, name, range);
      expect(got.length, name).toBeGreaterThan(0);
      expect(got.length, name).toBeLessThan(all[0]!.n as number);
      expectSameRows(got, expected, name);
      expectSameRows(await rerun(db, name, range), expected, `${name} re-run`);
    }
  });

  it('may be open at either end', async () => {
    const from = await filtered(db, 'monthly_revenue', { ...NO_FILTERS, dateFrom: '2025-01-01' });
    expectSameRows(from, await rows(db, `SELECT * FROM monthly_revenue WHERE month >= DATE '2025-01-01' ORDER BY ALL`), 'from');
    const to = await filtered(db, 'growth_metrics', { ...NO_FILTERS, dateTo: '2024-03-31' });
    expectSameRows(to, await rows(db, `SELECT * FROM growth_metrics WHERE event_date <= DATE '2024-03-31' ORDER BY ALL`), 'to');
    // The first kept month's start MRR is still the month before's end, as unfiltered.
    const [before] = await rows(db, `SELECT CAST(end_mrr AS DOUBLE) AS mrr FROM monthly_revenue WHERE month = DATE '2024-12-01'`);
    expect(Number(from[0]!.start_mrr)).toBeCloseTo(before!.mrr as number, 6);
  });

  it('restricts the cube to the invoices of the months in it, so its totals are those months', async () => {
    const range = { ...NO_FILTERS, dateFrom: '2024-07-01', dateTo: '2024-12-31' };
    const cube = `(${martQuery(SQL_MODELS, 'cube_customer_transaction_behavior', range)})`;
    const outside = await rows(db, `SELECT count(*) AS n FROM ${cube} WHERE period_month NOT BETWEEN DATE '2024-07-01' AND DATE '2024-12-01'`);
    expect(outside[0]!.n).toBe(0);
    // Month cells hold only that month's invoices: exactly the unfiltered cells.
    const months = await rows(db, `SELECT * FROM ${cube} WHERE NOT is_all_months ORDER BY ALL`);
    const unfilteredMonths = await rows(
      db,
      `SELECT * FROM cube_customer_transaction_behavior WHERE NOT is_all_months AND period_month BETWEEN DATE '2024-07-01' AND DATE '2024-12-01' ORDER BY ALL`,
    );
    expect(months.length).toBeGreaterThan(0);
    expectSameRows(months, unfilteredMonths, 'month cells');
    // The grand total: every invoice issued in July to December 2024, summed directly.
    const [total] = await rows(
      db,
      `SELECT customers, transactions, CAST(gross AS DOUBLE) AS gross, CAST(net AS DOUBLE) AS net FROM ${cube}
       WHERE is_all_acquisition_types AND is_all_acquisition_quarters AND is_all_transaction_groups AND is_all_periods`,
    );
    const [direct] = await rows(
      db,
      `SELECT count(DISTINCT customer_id) AS customers, count(*) AS transactions, CAST(sum(gross_amount) AS DOUBLE) AS gross,
         CAST(sum(net_after_reversals) AS DOUBLE) AS net
       FROM fct_invoices WHERE issued_month BETWEEN DATE '2024-07-01' AND DATE '2024-12-01'`,
    );
    expect(direct!.transactions).toBeGreaterThan(0);
    expect(total!.customers).toBe(direct!.customers);
    expect(total!.transactions).toBe(direct!.transactions);
    expect(total!.gross as number).toBeCloseTo(direct!.gross as number, 2);
    expect(total!.net as number).toBeCloseTo(direct!.net as number, 2);
  });
});

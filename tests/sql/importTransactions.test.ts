import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/importError';
import { NO_RULES } from '../../src/import/rules';
import { type NodeDb, openDb, rows } from '../helpers/nodeDb';
import { importCsv } from './importHelpers';

/**
 * An import of a hand-made order log, checked against figures worked out by hand: rows set
 * aside per rule, cohort retention, growth accounting and the monthly revenue bridge, with the
 * rules off and on. Column names are hostile on purpose: none may break the SQL.
 */
const ORDERS = `order,"cust""omer; DROP TABLE x; --",when,qty,price,note
1001,a,2024-01-05 10:00:00,2,5.00,x
1001,a,2024-01-05 10:00:00,2,5.00,x
1002,b,2024-01-20 09:00:00,1,8.00,y
C1003,a,2024-01-25 12:00:00,-1,5.00,cancelled
1004,,2024-01-26 12:00:00,3,1.00,no customer
1005,a,2024-02-10 08:00:00,1,20.00,z
1006,c,2024-03-01 08:00:00,4,2.50,w
1007,b,2024-03-15 08:00:00,-2,3.00,return
1008,b,2024-03-20 08:00:00,1,10.00,v
`;
const MAPPING = { customer_id: 'cust"omer; DROP TABLE x; --', occurred_at: 'when', order_id: 'order', quantity: 'qty', unit_price: 'price' };
const ALL_RULES = { excludeOrderPattern: '^C', excludeNegative: true, dedupe: true };

describe('import of a transactions log', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('with every rule: counts each rule once, in order, and builds the marts by hand', async () => {
    const summary = await importCsv(db, 'all_rules', ORDERS, { kind: 'transactions', mapping: MAPPING, dateFormat: 'iso', rules: ALL_RULES });
    expect(summary.rowsRead).toBe(9);
    expect(Object.fromEntries(summary.setAside.map((s) => [s.reason, s.rows]))).toEqual({ no_id: 1, no_date: 0, order_pattern: 1, negative: 1, duplicate: 1 });
    expect(summary.rowsKept).toBe(5);
    expect(summary.checks.every((c) => c.passed)).toBe(true);
    // January cohort {a, b}: a again in February, b in March; March cohort {c}.
    expect(await rows(db, `SELECT strftime(cohort_month, '%Y-%m') AS cohort, period_number AS k, users_active AS n, cohort_size AS size, is_partial_period AS partial FROM all_rules.retention_cohorts ORDER BY 1, 2`)).toEqual([
      { cohort: '2024-01', k: 0, n: 2, size: 2, partial: false },
      { cohort: '2024-01', k: 1, n: 1, size: 2, partial: false },
      { cohort: '2024-01', k: 2, n: 1, size: 2, partial: true },
      { cohort: '2024-03', k: 0, n: 1, size: 1, partial: true },
    ]);
    expect(await rows(db, `SELECT strftime(activity_month, '%Y-%m') AS m, total_mau, new_users, retained_users, resurrected_users, churned_users FROM all_rules.social_capital_growth_accounting ORDER BY 1`)).toEqual([
      { m: '2024-01', total_mau: 2, new_users: 2, retained_users: 0, resurrected_users: 0, churned_users: 0 },
      { m: '2024-02', total_mau: 1, new_users: 0, retained_users: 1, resurrected_users: 0, churned_users: 1 },
      { m: '2024-03', total_mau: 2, new_users: 1, retained_users: 0, resurrected_users: 1, churned_users: 1 },
    ]);
    // Revenue: January a 10 + b 8; February a 20 (expansion 10, b churns 8); March c 10 new, b 10 back, a churns 20.
    expect(await rows(db, `SELECT strftime(month, '%Y-%m') AS m, end_mrr, new_mrr, reactivation_mrr, expansion_mrr, churned_mrr FROM all_rules.monthly_revenue ORDER BY 1`)).toEqual([
      { m: '2024-01', end_mrr: 18, new_mrr: 18, reactivation_mrr: 0, expansion_mrr: 0, churned_mrr: 0 },
      { m: '2024-02', end_mrr: 20, new_mrr: 0, reactivation_mrr: 0, expansion_mrr: 10, churned_mrr: 8 },
      { m: '2024-03', end_mrr: 20, new_mrr: 10, reactivation_mrr: 10, expansion_mrr: 0, churned_mrr: 20 },
    ]);
    expect(await rows(db, `SELECT step, rows FROM all_rules.import_summary WHERE rows IS NOT NULL ORDER BY step`)).toEqual([
      { step: 'kept', rows: 5 },
      { step: 'read', rows: 9 },
      { step: 'set_aside:duplicate', rows: 1 },
      { step: 'set_aside:negative', rows: 1 },
      { step: 'set_aside:no_date', rows: 0 },
      { step: 'set_aside:no_id', rows: 1 },
      { step: 'set_aside:order_pattern', rows: 1 },
    ]);
    expect((await rows(db, `SELECT description FROM all_rules.import_summary WHERE step = 'rule'`)).map((r) => r.description)).toContain('Set aside: order_id matches /^C/ (cancellations).');
  });

  it('with no rule but the id: cancellations, returns and duplicates count in revenue (January a 10 + 10 - 5 + b 8)', async () => {
    const summary = await importCsv(db, 'no_rules', ORDERS, { kind: 'transactions', mapping: MAPPING, dateFormat: 'iso', rules: NO_RULES });
    expect(summary.rowsKept).toBe(8);
    expect(summary.rules).toEqual(expect.arrayContaining(['Cancellations are kept (no order_id pattern excluded).', 'Duplicate rows are kept.']));
    expect(await rows(db, `SELECT strftime(month, '%Y-%m') AS m, end_mrr FROM no_rules.monthly_revenue ORDER BY 1`)).toEqual([
      { m: '2024-01', end_mrr: 23 },
      { m: '2024-02', end_mrr: 20 },
      { m: '2024-03', end_mrr: 14 },
    ]);
  });

  it('never reads the generated data: every input comes from the import schema', async () => {
    // A main-schema run_params with another as-of date would move the censoring if it were read.
    await db.exec(`CREATE OR REPLACE TABLE main.run_params AS SELECT DATE '2030-01-01' AS as_of_date`);
    await importCsv(db, 'isolated', ORDERS, { kind: 'transactions', mapping: MAPPING, dateFormat: 'iso', rules: ALL_RULES });
    expect(await rows(db, `SELECT max(period_month) AS last FROM isolated.retention_cohorts`)).toEqual([{ last: Date.UTC(2024, 2, 1) }]);
  });

  it('a negative month counts as 0 revenue, not as negative MRR', async () => {
    const returns = 'customer,date,amount\nz,2024-01-03,10\nz,2024-02-03,-4\n';
    await importCsv(db, 'returns', returns, { kind: 'transactions', mapping: { customer_id: 'customer', occurred_at: 'date', amount: 'amount' }, dateFormat: 'iso', rules: NO_RULES });
    expect(await rows(db, `SELECT strftime(month, '%Y-%m') AS m, end_mrr, churned_mrr FROM returns.monthly_revenue ORDER BY 1`)).toEqual([
      { m: '2024-01', end_mrr: 10, churned_mrr: 0 },
      { m: '2024-02', end_mrr: 0, churned_mrr: 10 },
    ]);
  });

  it('names the rows of unparseable values, and a column of the wrong type', async () => {
    const bad = 'customer,date,amount\na,2024-01-03,10\nb,03/01/2024,x\nc,2024-01-05,3\n';
    const spec = { kind: 'transactions' as const, mapping: { customer_id: 'customer', occurred_at: 'date', amount: 'amount' }, dateFormat: 'iso', rules: NO_RULES };
    await expect(importCsv(db, 'bad_dates', bad, spec)).rejects.toMatchObject({ kind: 'unparseable', message: expect.stringContaining('row 3: "03/01/2024"') });
    const wrong = importCsv(db, 'wrong_type', bad, { ...spec, mapping: { ...spec.mapping, occurred_at: 'customer' } });
    await expect(wrong).rejects.toBeInstanceOf(ImportError);
    await expect(wrong).rejects.toMatchObject({ kind: 'wrong-type', message: expect.stringContaining('3 of 3 values are not') });
  });

  it('reads a day-first date format when told', async () => {
    const dayFirst = 'customer,date\na,13/01/2024 10:00\na,01/02/2024 11:30\n';
    await importCsv(db, 'day_first', dayFirst, { kind: 'transactions', mapping: { customer_id: 'customer', occurred_at: 'date' }, dateFormat: '%d/%m/%Y %H:%M', rules: NO_RULES });
    expect(await rows(db, `SELECT strftime(activity_month, '%Y-%m') AS m FROM day_first.fct_user_months ORDER BY 1`)).toEqual([{ m: '2024-01' }, { m: '2024-02' }]);
  });

  it('refuses a CSV whose later rows break, naming the row', async () => {
    const broken = `a,b\n${'1,2\n'.repeat(30_000)}3,4,5\n`;
    await expect(importCsv(db, 'broken', broken, { kind: 'transactions', mapping: { customer_id: 'a', occurred_at: 'b' }, dateFormat: 'iso', rules: NO_RULES })).rejects.toMatchObject({
      kind: 'parse',
      message: expect.stringMatching(/^Row 30002 could not be read: Expected Number of Columns: 2 Found: 3/),
    });
  });
});

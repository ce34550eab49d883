import { beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral } from '../../src/engine/connector';
import { accountFilter, NO_FILTERS, periodFilter } from '../../src/pipeline/filters';
import { type NodeDb, openDb, rows } from '../helpers/nodeDb';

/**
 * quoteIdent and quoteLiteral against a real DuckDB: no name or value, however hostile,
 * breaks out of its quotes. A sentinel table proves nothing else ran.
 */

const HOSTILE_NAMES = [
  'plain',
  'a"b',
  '""',
  '"; DROP TABLE sentinel; --',
  "it's",
  'select',
  'with space and.dot',
  'Ünïcödé 名前 🚀',
  'tab\tnew\nline',
  '\\"',
  'a'.repeat(200),
];

const HOSTILE_VALUES = ["'", "''", "'; DROP TABLE sentinel; --", "O'Brien", '\\', "\\'", '$$x$$', 'Ünïcödé 名前 🚀', 'line\nbreak', '', ' ', '%_'];

let db: NodeDb;

async function sentinelIntact(): Promise<void> {
  expect(await rows(db, 'SELECT v FROM sentinel')).toEqual([{ v: 'still here' }]);
}

beforeAll(async () => {
  db = await openDb();
  await db.exec("CREATE TABLE sentinel AS SELECT 'still here' AS v");
});

describe('quoteIdent', () => {
  it('makes a table and a column of every hostile name, exactly as named', async () => {
    for (const name of HOSTILE_NAMES) {
      await db.exec(`CREATE TABLE ${quoteIdent(name)} (${quoteIdent(name)} VARCHAR, ${quoteIdent(`${name} 2`)} INTEGER)`);
      await db.exec(`INSERT INTO ${quoteIdent(name)} VALUES (${quoteLiteral(name)}, 2)`);
      const back = await rows(db, `SELECT ${quoteIdent(name)} AS v, ${quoteIdent(`${name} 2`)} AS n FROM ${quoteIdent(name)}`);
      expect(back).toEqual([{ v: name, n: 2 }]);
    }
    const tables = await rows(db, "SELECT table_name FROM duckdb_tables() WHERE table_name <> 'sentinel' ORDER BY table_name");
    expect(tables.map((t) => t.table_name).sort()).toEqual([...HOSTILE_NAMES].sort());
    const columns = await rows(db, `SELECT column_name FROM duckdb_columns() WHERE table_name = ${quoteLiteral('a"b')} ORDER BY column_index`);
    expect(columns.map((c) => c.column_name)).toEqual(['a"b', 'a"b 2']);
    await sentinelIntact();
  });

  it('an empty name, or one with a NUL byte, is refused by the parser; nothing after it runs', async () => {
    await expect(db.exec(`CREATE TABLE ${quoteIdent('')} (x INTEGER)`)).rejects.toThrow(/zero-length delimited identifier/);
    // DuckDB reads SQL up to a NUL, which then always ends inside the quotes: a parse error.
    await expect(db.exec(`CREATE TABLE ${quoteIdent('x\u0000"; DROP TABLE sentinel; --')} (x INTEGER)`)).rejects.toThrow(/Parser Error/);
    await sentinelIntact();
  });
});

describe('quoteLiteral', () => {
  it('reads every hostile value back unchanged', async () => {
    for (const value of HOSTILE_VALUES) {
      expect(await rows(db, `SELECT ${quoteLiteral(value)} AS v, length(${quoteLiteral(value)}) AS n`)).toEqual([{ v: value, n: [...value].length }]);
    }
    await sentinelIntact();
  });
});

describe('filters with hostile values', () => {
  beforeAll(async () => {
    await db.exec(`CREATE TABLE dim_customers AS SELECT * FROM (VALUES
      ('c1', 'pro', 'EU', 'paid', 'web', 'HR Tech'),
      ('c2', 'pro', ${quoteLiteral("EU' OR '1'='1")}, 'paid', 'web', 'HR Tech'),
      ('c3', 'basic', 'NA', ${quoteLiteral("x'); DROP TABLE sentinel; --")}, 'ios', 'Retail')
    ) AS t(customer_id, current_tier, region, acquisition_channel, signup_platform, industry)`);
  });

  const matching = async (filter: string | null) =>
    (await rows(db, `SELECT customer_id FROM dim_customers WHERE ${filter ?? 'TRUE'} ORDER BY customer_id`)).map((r) => r.customer_id);

  it('matches exactly the rows holding the hostile value, never all of them', async () => {
    expect(await matching(accountFilter({ ...NO_FILTERS, regions: ["EU' OR '1'='1"] }, 'customer_id'))).toEqual(['c2']);
    expect(await matching(accountFilter({ ...NO_FILTERS, regions: ['EU'] }, 'customer_id'))).toEqual(['c1']);
    expect(await matching(accountFilter({ ...NO_FILTERS, channels: ["x'); DROP TABLE sentinel; --"] }, 'customer_id'))).toEqual(['c3']);
    expect(await matching(accountFilter({ ...NO_FILTERS, regions: ["' OR TRUE --"] }, 'customer_id'))).toEqual([]);
    await sentinelIntact();
  });

  it('refuses a date range that is not an ISO date before any SQL is written', () => {
    expect(() => periodFilter({ ...NO_FILTERS, dateFrom: "2024-01-01' OR TRUE --" }, 'month')).toThrow('dateFrom must be an ISO date');
    expect(() => periodFilter({ ...NO_FILTERS, dateTo: '2024-01-01; DROP TABLE sentinel' }, 'month')).toThrow('dateTo must be an ISO date');
  });
});

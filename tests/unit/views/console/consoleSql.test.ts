import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mapRows } from '../../../../src/engine/arrowRows';
import { type ColumnRow, completionSchema, SCHEMA_SQL } from '../../../../src/views/console/completionSchema';
import { isReadOnly, withoutTrailingSemicolon } from '../../../../src/views/console/consoleSql';
import { type NodeDb, openDb } from '../../../helpers/nodeDb';

describe('isReadOnly', () => {
  test.each([
    ['SELECT 1', true],
    ['  with t AS (SELECT 1) SELECT * FROM t;  ', true],
    ['FROM monthly_revenue', true],
    ['-- a comment\nSELECT 1', true],
    ['DESCRIBE monthly_revenue', true],
    ['CREATE TABLE t AS SELECT 1', false],
    ['DROP TABLE t', false],
    ['INSERT INTO t VALUES (1)', false],
    ['SELECT 1; DROP TABLE t', false],
    ['/* SELECT */ UPDATE t SET a = 1', false],
  ])('%s → %s', (sql, expected) => expect(isReadOnly(sql)).toBe(expected));

  test('a trailing semicolon and comments are dropped for embedding as a subquery', () => {
    expect(withoutTrailingSemicolon('SELECT 1 -- one\n;  ')).toBe('SELECT 1');
  });
});

describe('completion schema', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  }, 60_000);
  afterAll(() => db.close());

  test('tables and views with their columns in order; other schemas by qualified name', async () => {
    await db.exec('CREATE TABLE accounts (customer_id VARCHAR, mrr DOUBLE, region VARCHAR)');
    await db.exec('CREATE VIEW paying AS SELECT customer_id FROM accounts WHERE mrr > 0');
    await db.exec('CREATE TEMP TABLE scratch (x INTEGER)');
    await db.exec('CREATE SCHEMA imported');
    await db.exec('CREATE TABLE imported.sales (amount DOUBLE)');
    const rows = mapRows(await db.query(SCHEMA_SQL), (r) => r as unknown as ColumnRow);
    const schema = completionSchema(rows);
    expect(schema.accounts).toEqual(['customer_id', 'mrr', 'region']);
    expect(schema.paying).toEqual(['customer_id']);
    expect(schema.scratch).toEqual(['x']);
    expect(schema['imported.sales']).toEqual(['amount']);
  });
});

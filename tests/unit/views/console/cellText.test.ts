import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableCell } from '../../../../src/views/console/cellText';
import { type NodeDb, openDb } from '../../../helpers/nodeDb';

let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
}, 60_000);
afterAll(() => db.close());

describe('cell text from real DuckDB results', () => {
  test('each type reads as DuckDB would print it', async () => {
    const table = await db.query(`SELECT
      DATE '2024-02-29' AS d,
      TIMESTAMP '2024-01-31 12:34:56' AS ts,
      TIMESTAMP '2024-01-31 12:34:56.789' AS ts_ms,
      NULL::INTEGER AS missing,
      42::INTEGER AS i,
      9007199254740993::BIGINT AS big,
      1.5::DOUBLE AS f,
      'text, with comma' AS s,
      TRUE AS b,
      [1, 2] AS list,
      {'a': 1, 'b': 'x'} AS struct`);
    const names = table.schema.fields.map((f) => f.name);
    const text = Object.fromEntries(names.map((n, c) => [n, tableCell(table, 0, c)]));
    expect(text).toMatchObject({
      d: '2024-02-29',
      ts: '2024-01-31 12:34:56',
      ts_ms: '2024-01-31 12:34:56.789',
      missing: 'NULL',
      i: '42',
      f: '1.5',
      s: 'text, with comma',
      b: 'true',
      list: '[1,2]',
    });
    expect(JSON.parse(text.struct!)).toEqual({ a: 1, b: 'x' });
    // The app casts BIGINT to DOUBLE; Node's bindings may keep BigInt, which prints exactly.
    expect(['9007199254740993', '9007199254740992']).toContain(text.big);
  });

  test('cells are read by position, so any row of a long result is reachable', async () => {
    const table = await db.query('SELECT range AS i, range * 2 AS twice FROM range(100000)');
    expect([tableCell(table, 99_999, 0), tableCell(table, 99_999, 1)]).toEqual(['99999', '199998']);
    expect(tableCell(table, 0, 5)).toBe('');
  });
});

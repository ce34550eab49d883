import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorMessage } from '../../../../src/engine/connector';
import { byteToCharOffset, errorOffset, errorSummary, readDuckDbError } from '../../../../src/views/console/errorPosition';
import { type NodeDb, openDb } from '../../../helpers/nodeDb';

let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
}, 60_000);
afterAll(async () => {
  db.close();
});

async function failure(sql: string): Promise<string> {
  try {
    await db.query(sql);
  } catch (error) {
    return errorMessage(error);
  }
  throw new Error(`no error from: ${sql}`);
}

describe('errorOffset on real DuckDB messages', () => {
  // Each statement fails at the token after "@"; the offset must land on its first character.
  const cases: [string, string][] = [
    ['binder error on line 2', 'SELECT 1 AS one,\n  @no_such_column FROM range(3)'],
    ['parser error', 'SELECT * FORM @range(3)'],
    ['catalog error', 'SELECT * FROM @no_such_table'],
    // DuckDB points a failed cast at its "::".
    ['conversion error', "SELECT 'a'@::INTEGER"],
    ['a long line DuckDB cuts before the error', `SELECT ${Array.from({ length: 40 }, (_, i) => `range AS c${i}`).join(', ')}, @zzz FROM range(3)`],
    ['a long line cut after the error', `SELECT @zzz, ${Array.from({ length: 40 }, (_, i) => `range AS c${i}`).join(', ')} FROM range(3)`],
    ['a third line after a non-ASCII literal', "SELECT 'héllo wörld' AS greeting,\n  2 AS two,\n  @missing_col FROM range(1)"],
  ];
  test.each(cases)('%s', async (_name, marked) => {
    const at = marked.indexOf('@');
    const sql = marked.replace('@', '');
    const message = await failure(sql);
    expect(errorOffset(message, sql)).toBe(at);
  });

  test('DuckDB does cut long lines (so the cut-line cases above test what they say)', async () => {
    const before = await failure(`SELECT ${Array.from({ length: 40 }, (_, i) => `range AS c${i}`).join(', ')}, zzz FROM range(3)`);
    expect(before).toMatch(/LINE 1: \.\.\./);
    const after = await failure(`SELECT zzz, ${Array.from({ length: 40 }, (_, i) => `range AS c${i}`).join(', ')} FROM range(3)`);
    expect(after).toMatch(/LINE 1: SELECT zzz.*\.\.\.\n/);
  });

  test('an error at the end of the input points after the last character', async () => {
    const sql = 'SELECT 1 +   ';
    expect(errorOffset(await failure(sql), sql)).toBe('SELECT 1 +'.length);
  });

  test('a message without a position gives null', () => {
    expect(errorOffset('Out of Memory Error: failed to allocate', 'SELECT 1')).toBeNull();
  });
});

describe('readDuckDbError', () => {
  // As DuckDB-WASM reported `SELECT * FORM dim_customers` in Chromium: the JSON, twice.
  const json = '{"exception_type":"Parser","exception_message":"syntax error at or near \\"dim_customers\\"\\n\\nLINE 1: SELECT * FORM dim_customers\\n                      ^","error_subtype":"SYNTAX_ERROR","position":"14"}';
  test('structured errors read as DuckDB prints them, with their position', () => {
    const read = readDuckDbError(json + json);
    expect(read.bytePosition).toBe(14);
    expect(read.message).toBe('Parser Error: syntax error at or near "dim_customers"\n\nLINE 1: SELECT * FORM dim_customers\n                      ^');
    expect(errorSummary(read.message)).toBe('Parser Error: syntax error at or near "dim_customers"');
    expect('SELECT * FORM dim_customers'.slice(14)).toBe('dim_customers');
  });

  test('plain text stays as it is', () => {
    expect(readDuckDbError('Binder Error: no such column')).toEqual({ message: 'Binder Error: no such column', bytePosition: null });
    expect(readDuckDbError('{not json')).toEqual({ message: '{not json', bytePosition: null });
  });

  test('byte positions become character offsets past multi-byte characters', () => {
    const sql = "SELECT 'é😀' AS x, bad";
    const bytes = new TextEncoder().encode(sql.slice(0, sql.indexOf('bad'))).length;
    expect(byteToCharOffset(sql, bytes)).toBe(sql.indexOf('bad'));
    expect(byteToCharOffset(sql, 0)).toBe(0);
    expect(byteToCharOffset(sql, 10_000)).toBe(sql.length);
  });
});

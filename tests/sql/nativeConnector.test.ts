import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Int8,
  makeData,
  Table,
  tableToIPC,
  TimestampMicrosecond,
  Utf8,
  Vector,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/engine/connector';
import { createNativeConnector, type NativeConnector } from '../../src/engine/nativeConnector';
import { generateDataset } from '../../src/generator/dataset';
import { resolveParams } from '../../src/generator/params';
import { RAW_TABLES } from '../../src/generator/rawTables';
import { runPipeline, type PipelineResult } from '../../src/pipeline/runner';
import { PIPELINE_SOURCES, finishRawLoad } from '../../src/pipeline/sources';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { TableLoader } from '../../src/pipeline/tableLoader';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/**
 * Native DuckDB (the bench's reference engine) against DuckDB-WASM on the same generated
 * data and the same sql/ files: the bench's WASM/native ratios only mean something if both
 * engines load the same rows and compute the same marts.
 */
describe('native connector and DuckDB-WASM on the tiny preset', () => {
  const params = resolveParams({ preset: 'tiny', seed: 42 });
  let wasm: NodeDb;
  let native: NativeConnector;
  let wasmResult: PipelineResult;
  let nativeResult: PipelineResult;

  beforeAll(async () => {
    wasm = await openDb();
    await loadGenerated(wasm, params);
    wasmResult = await runAll(wasm);

    native = await createNativeConnector();
    // One thread, as DuckDB-WASM runs: parallel aggregation may sum doubles in another order.
    await native.exec('SET threads = 1');
    const loader = new TableLoader(native);
    for (const chunk of generateDataset(params)) await loader.load(chunk.table, chunk.ipc, chunk.rows);
    await finishRawLoad(native, params);
    nativeResult = await runPipeline(native, SQL_MODELS, { sources: PIPELINE_SOURCES });
  }, 120_000);

  afterAll(() => {
    wasm?.close();
    native?.close();
  });

  it.each(RAW_TABLES)('loads raw table %s with the same column types and rows', async (table) => {
    const describeSql = `SELECT column_name, column_type FROM (DESCRIBE ${table})`;
    expect(await rows(native, describeSql)).toEqual(await rows(wasm, describeSql));
    const all = `SELECT * FROM ${table} ORDER BY ALL`;
    expect(await rows(native, all)).toEqual(await rows(wasm, all));
  });

  it('gives identical retention_cohorts rows', async () => {
    const sql = 'SELECT * FROM retention_cohorts ORDER BY cohort_month, period_number';
    const expected = await rows(wasm, sql);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows(native, sql)).toEqual(expected);
  });

  it('builds every model with the same row counts and passes the same checks', () => {
    expect(nativeResult.models.map((m) => [m.name, m.rows])).toEqual(wasmResult.models.map((m) => [m.name, m.rows]));
    expect(nativeResult.checks.map((c) => [c.name, c.status, c.failingRows])).toEqual(wasmResult.checks.map((c) => [c.name, c.status, c.failingRows]));
  });

  it('returns query results with the JavaScript types DuckDB-WASM gives', async () => {
    const sql = `SELECT 42::BIGINT AS big, 7::INTEGER AS int, 1.25::DECIMAL(10, 2) AS dec, 0.5::DOUBLE AS dbl, true AS flag,
      DATE '2024-03-31' AS day, TIMESTAMP '2024-03-31 23:59:59.123456' AS ts, 'text' AS txt, NULL::VARCHAR AS missing,
      NULL::INTEGER AS missing_int, INTERVAL 1 DAY AS span`;
    const [nativeRow] = await rows(native, sql);
    const [wasmRow] = await rows(wasm, sql);
    const { span: nativeSpan, ...nativeRest } = nativeRow!;
    const { span: wasmSpan, ...wasmRest } = wasmRow!;
    expect(nativeRest).toEqual(wasmRest);
    // Types without a common Arrow mapping come back as their text form natively.
    expect(nativeSpan).toBe('1 day');
    expect(wasmSpan).toBeDefined();
  });

  it('loads Arrow columns the generator does not use today alike: nulls, booleans, dates, plain and repeated-label dictionaries', async () => {
    // 5000 rows span three DuckDB vectors, so chunk offsets and null masks cross boundaries.
    const n = 5000;
    const at = (i: number) => i % 7 === 3;
    const labels = new TextEncoder().encode('xxy'); // dictionary "x", "x", "y": an ENUM cannot hold it
    const repeated = makeData({
      type: new Dictionary(new Utf8(), new Int8(), 99),
      length: n,
      nullCount: 0,
      data: Int8Array.from({ length: n }, (_, i) => i % 3),
      dictionary: new Vector([makeData({ type: new Utf8(), length: 3, nullCount: 0, valueOffsets: Int32Array.from([0, 1, 2, 3]), data: labels })]),
    });
    const table = new Table({
      id: vectorFromArray(Array.from({ length: n }, (_, i) => (at(i) ? null : i)), new Int32()),
      amount: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i / 8)), new Float64()),
      flag: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : i % 2 === 0)), new Bool()),
      day: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : Date.UTC(2024, 0, 1 + (i % 400)))), new DateDay()),
      at: vectorFromArray(Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 1234.5), new TimestampMicrosecond()),
      label: vectorFromArray(Array.from({ length: n }, (_, i) => (at(i) ? null : `label ${i % 40} é`)), new Utf8()),
      kind: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : ['a', 'b', 'c'][i % 3]!)), new Dictionary(new Utf8(), new Int32())),
      repeated: new Vector([repeated]),
    });
    const ipc = tableToIPC(table, 'stream');
    for (const db of [native, wasm]) {
      await db.exec('DROP TABLE IF EXISTS mixed');
      await db.insertArrowIpc('mixed', ipc, { create: true });
      await db.insertArrowIpc('mixed', ipc, { create: false });
    }
    const describeSql = 'SELECT column_name, column_type FROM (DESCRIBE mixed)';
    expect(await rows(native, describeSql)).toEqual(await rows(wasm, describeSql));
    const all = 'SELECT * FROM mixed ORDER BY ALL';
    const expected = await rows(wasm, all);
    expect(expected).toHaveLength(2 * n);
    expect(await rows(native, all)).toEqual(expected);
  });

  it('reports SQL errors as DatabaseError carrying the statement', async () => {
    const failing = native.exec('SELECT * FROM no_such_table');
    await expect(failing).rejects.toBeInstanceOf(DatabaseError);
    await expect(failing).rejects.toMatchObject({ sql: 'SELECT * FROM no_such_table' });
    expect(await native.cancel()).toBe(false);
  });
});

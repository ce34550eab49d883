import { createHash } from 'node:crypto';
import { createNodeWasmConnector } from '../../src/engine/nodeWasmConnector';
import { generateDataset } from '../../src/generator/dataset';
import { type GeneratorParams, resolveParams } from '../../src/generator/params';
import { runPipeline, type PipelineResult } from '../../src/pipeline/runner';
import { PIPELINE_SOURCES, finishRawLoad } from '../../src/pipeline/sources';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { TableLoader } from '../../src/pipeline/tableLoader';
import { RAW_STORAGE } from '../../src/generator/rawTables';

export type NodeDb = Awaited<ReturnType<typeof createNodeWasmConnector>>;

/** A fresh DuckDB-WASM (Node bindings) database. */
export function openDb(): Promise<NodeDb> {
  return createNodeWasmConnector();
}

/** Generates a dataset in-process and loads it, as the browser does through its workers. */
export async function loadGenerated(db: NodeDb, partial: Partial<GeneratorParams>): Promise<GeneratorParams> {
  const params = resolveParams(partial);
  const loader = new TableLoader(db);
  for (const chunk of generateDataset(params)) await loader.load(chunk.table, chunk.ipc, chunk.rows);
  await finishRawLoad(db, params);
  return params;
}

/**
 * Turns the raw tables stored encoded behind a decoding view into plain tables, for tests
 * that edit raw rows (a view cannot be updated).
 */
export async function materializeRawTables(db: NodeDb): Promise<void> {
  for (const [table, stored] of Object.entries(RAW_STORAGE)) {
    await db.exec(`CREATE TABLE ${table}__plain AS SELECT * FROM ${table}`);
    await db.exec(`DROP VIEW ${table}`);
    await db.exec(`DROP TABLE ${stored}`);
    await db.exec(`ALTER TABLE ${table}__plain RENAME TO ${table}`);
  }
}

export function runAll(db: NodeDb): Promise<PipelineResult> {
  return runPipeline(db, SQL_MODELS, { sources: PIPELINE_SOURCES });
}

/** Rows of a query as plain objects (BigInt converted to number). */
export async function rows(db: NodeDb, sql: string): Promise<Record<string, unknown>[]> {
  const table = await db.query(sql);
  return table.toArray().map((r: { toJSON(): Record<string, unknown> }) =>
    Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
  );
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Table, tableFromIPC } from 'apache-arrow';
import { type FileConnector, DatabaseError, errorMessage, quoteIdent } from './connector';
import { appendBatches, duckdbTypeOfArrow } from './nativeAppend';
import { resultToArrow } from './nativeResult';

export type NativeConnector = FileConnector & { close(): void };

/**
 * Native DuckDB (@duckdb/node-api, the same DuckDB version as the wasm build) behind the
 * same door as DuckDB-WASM, so `npm run bench` and the SQL tests run the real pipeline on
 * both engines and compare them. Node-only: the browser never imports it.
 */
export async function createNativeConnector(): Promise<NativeConnector> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  let inFlight = 0;
  let tempDir: string | null = null;

  async function guarded<T>(sql: string, work: () => Promise<T>): Promise<T> {
    inFlight++;
    try {
      return await work();
    } catch (error) {
      throw new DatabaseError(errorMessage(error), sql);
    } finally {
      inFlight--;
    }
  }

  const exec = async (sql: string): Promise<void> => {
    await guarded(sql, () => conn.run(sql));
  };

  return {
    exec,
    query(sql) {
      return guarded(sql, async (): Promise<Table> => {
        const reader = await conn.runAndReadAll(sql);
        return resultToArrow(reader.deduplicatedColumnNames(), reader.columnTypes(), reader.getColumns());
      });
    },
    async cancel() {
      if (inFlight === 0) return false;
      conn.interrupt();
      return true;
    },
    async insertArrowIpc(table, ipc, { create }) {
      const arrow = tableFromIPC(ipc);
      if (create) {
        const columns = arrow.schema.fields.map((f) => `${quoteIdent(f.name)} ${duckdbTypeOfArrow(f.type)}`);
        await exec(`CREATE TABLE ${quoteIdent(table)} (${columns.join(', ')})`);
      }
      await guarded(`-- append Arrow IPC to ${table}`, async () => {
        const appender = await conn.createAppender(table);
        try {
          appendBatches(appender, arrow.batches);
        } finally {
          appender.closeSync(); // flushes what was appended
        }
      });
    },
    async registerFile(name, bytes) {
      // Native DuckDB reads files itself: a buffer is written to a private temporary folder.
      const path = join((tempDir ??= mkdtempSync(join(tmpdir(), 'growthbench-'))), name.replaceAll(/[^A-Za-z0-9._-]/g, '_'));
      writeFileSync(path, bytes);
      return path;
    },
    async dropFile(path) {
      if (tempDir !== null && path.startsWith(tempDir)) rmSync(path, { force: true });
    },
    close() {
      if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
      conn.closeSync();
      instance.closeSync();
    },
  };
}

import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { type Connector, DatabaseError, errorMessage } from './connector';
import { DUCKDB_CONFIG } from './duckdbConfig';

const require = createRequire(import.meta.url);

/**
 * DuckDB-WASM through its Node bindings: the same wasm build as the browser, used by
 * Vitest and the headless runner so that tests exercise the real engine and SQL.
 */
export async function createNodeWasmConnector(): Promise<Connector & { close(): void }> {
  const bundles = {
    mvp: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate();
  db.open(DUCKDB_CONFIG);
  const conn = db.connect();
  const run = (sql: string): Table => {
    try {
      return conn.query(sql);
    } catch (error) {
      throw new DatabaseError(errorMessage(error), sql);
    }
  };
  return {
    async exec(sql) {
      run(sql);
    },
    async query(sql) {
      return run(sql);
    },
    async cancel() {
      return false; // the blocking bindings finish a statement before returning
    },
    async insertArrowIpc(table, ipc, { create }) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create });
    },
    close() {
      conn.close();
      db.reset();
    },
  };
}

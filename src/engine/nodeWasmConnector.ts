import { createRequire } from 'node:module';
import { type Table, tableFromIPC } from 'apache-arrow';
import { createDuckDB, type DuckDBConfig, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { type FileConnector, DatabaseError, errorMessage } from './connector';
import { DUCKDB_CONFIG } from './duckdbConfig';

const require = createRequire(import.meta.url);
/**
 * The blocking bindings are CommonJS and build their results with the CommonJS apache-arrow,
 * a different module instance from the ESM one everything else imports (instanceof and
 * tableToIPC fail across the two): results are handed over as IPC bytes.
 */
const cjsArrow = require('apache-arrow') as { tableToIPC(table: unknown, type: 'stream'): Uint8Array };

/**
 * DuckDB-WASM through its Node bindings: the same wasm build as the browser, used by
 * Vitest and the headless runner so that tests exercise the real engine and SQL. `config`
 * defaults to the app's (BIGINT and DECIMAL as numbers); exports pass their own to keep
 * the exact types.
 */
export async function createNodeWasmConnector(config: DuckDBConfig = DUCKDB_CONFIG): Promise<FileConnector & { close(): void }> {
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
  db.open(config);
  const conn = db.connect();
  const run = (sql: string): Table => {
    try {
      return tableFromIPC(cjsArrow.tableToIPC(conn.query(sql), 'stream'));
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
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
      return name;
    },
    async dropFile(path) {
      db.dropFile(path);
    },
    close() {
      conn.close();
      db.reset();
    },
  };
}

import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { type RecordBatch, Table } from 'apache-arrow';
import { type Connector, DatabaseError, errorMessage, quoteIdent } from './connector';
import { SerialQueue } from './serialQueue';

/**
 * Connector over DuckDB-WASM's worker. Statements go through `send`, DuckDB-WASM's pending
 * query protocol, which polls between steps, so a long statement can be cancelled.
 */
export async function createWasmConnector(db: AsyncDuckDB): Promise<Connector> {
  const conn: AsyncDuckDBConnection = await db.connect();
  const queue = new SerialQueue();
  let inFlight = false;

  const run = (sql: string): Promise<Table> =>
    queue.run(async () => {
      inFlight = true;
      try {
        const reader = await conn.send(sql, true);
        const batches: RecordBatch[] = [];
        for await (const batch of reader) batches.push(batch);
        return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
      } catch (error) {
        throw new DatabaseError(errorMessage(error), sql);
      } finally {
        inFlight = false;
      }
    });

  return {
    async exec(sql) {
      await run(sql);
    },
    query: run,
    async cancel() {
      return inFlight ? conn.cancelSent() : false;
    },
    insertArrowIpc(table, ipc, { create }) {
      return queue.run(async () => {
        try {
          // The IPC buffer is transferred to the database worker, not copied.
          await conn.insertArrowFromIPCStream(ipc, { name: table, create });
        } catch (error) {
          throw new DatabaseError(errorMessage(error), `INSERT INTO ${quoteIdent(table)} FROM ARROW`);
        }
      });
    },
  };
}

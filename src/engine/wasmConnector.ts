import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { DataType, type RecordBatch, Table } from 'apache-arrow';
import { type FileConnector, DatabaseError, errorMessage, quoteIdent } from './connector';
import { SerialQueue } from './serialQueue';

/** Wraps each request to the worker; the browser's guard rejects it when the worker dies. */
export type RequestGuard = <T>(request: Promise<T>) => Promise<T>;

/**
 * Connector over DuckDB-WASM's worker. Statements go through `send`, DuckDB-WASM's pending
 * query protocol, which polls between steps, so a long statement can be cancelled. Every
 * request goes through `guard`: DuckDB-WASM forgets its pending requests when its worker
 * fails, which would leave them unresolved forever.
 */
export async function createWasmConnector(db: AsyncDuckDB, guard: RequestGuard = (request) => request): Promise<FileConnector> {
  const conn: AsyncDuckDBConnection = await guard(db.connect());
  const serial = new SerialQueue();
  const queue = { run: <T>(task: () => Promise<T>): Promise<T> => serial.run(() => guard(task())) };
  let inFlight = false;

  const run = (sql: string): Promise<Table> =>
    queue.run(async () => {
      inFlight = true;
      try {
        const reader = await conn.send(sql, true);
        const batches: RecordBatch[] = [];
        for await (const batch of reader) batches.push(batch);
        // The streamed batches of a dictionary column (an ENUM) arrive without their
        // dictionary, so every value would read as NULL; the whole result, written as one
        // IPC stream, carries it. Such results (the staged events' ENUM columns) are rare.
        if (batches[0]?.schema.fields.some((f) => DataType.isDictionary(f.type))) return await conn.query(sql);
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
      return inFlight ? guard(conn.cancelSent()) : false;
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
    registerFile(name, bytes) {
      // In the queue: a file must not vanish under a statement still reading it.
      return queue.run(async () => {
        await db.registerFileBuffer(name, bytes);
        return name;
      });
    },
    dropFile(path) {
      return queue.run(async () => {
        await db.dropFile(path);
      });
    },
  };
}

import type { Table } from 'apache-arrow';

/**
 * The only door to the database: the browser (DuckDB-WASM in its worker) and Node
 * (DuckDB-WASM's Node bindings, native DuckDB) each implement it, so the pipeline and the
 * query service run unchanged everywhere.
 */
export interface Connector {
  /** Runs a statement for its effect. */
  exec(sql: string): Promise<void>;
  /** Runs a query and returns its result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Cancels the statement in flight, if any; resolves true when one was cancelled. */
  cancel(): Promise<boolean>;
  /** Appends an Arrow IPC stream to a table, creating the table when `create` is set. */
  insertArrowIpc(table: string, ipc: Uint8Array, options: { create: boolean }): Promise<void>;
}

/**
 * A connector that can also read files the user brings (src/import/): DuckDB-WASM reads from
 * buffers registered with the database, native DuckDB from the file system.
 */
export interface FileConnector extends Connector {
  /** Makes `bytes` readable by SQL (read_csv) and returns the path to name in the SQL. */
  registerFile(name: string, bytes: Uint8Array): Promise<string>;
  /** Forgets a file registered with registerFile, returning its memory. */
  dropFile(path: string): Promise<void>;
}

/** An error raised by the database, carried across the worker boundary as plain data. */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly sql: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** Quotes an identifier for DuckDB so that no name can break or inject into SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

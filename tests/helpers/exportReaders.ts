import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Minimal shape of an exported file (the export job's, or an entry of a downloaded zip). */
export interface FileLike {
  name: string;
  blob: Blob;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function writeFiles(dir: string, files: readonly FileLike[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file.name);
    writeFileSync(path, new Uint8Array(await file.blob.arrayBuffer()));
    paths.set(file.name, path);
  }
  return paths;
}

/** Native DuckDB (@duckdb/node-api), the independent reader of the exported files. */
export async function nativeReader(): Promise<{ conn: DuckDBConnection; rows(sql: string): Promise<Record<string, unknown>[]>; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  return {
    conn,
    rows: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * A checksum of every value of a relation, the same text in both engines: each row printed
 * by DuckDB as a struct (column names and values), joined in the order of `order` (rowid,
 * file_row_number; NULL sorts the rows by their text) and hashed with md5. `exclude` leaves
 * out helper columns such as file_row_number.
 */
export function checksumSql(relation: string, order: string, exclude?: string): string {
  const columns = exclude ? `* EXCLUDE (${exclude})` : '*';
  return `SELECT count(*)::VARCHAR AS n, coalesce(md5(string_agg(row_text, chr(10) ORDER BY ord, row_text)), '') AS md5
    FROM (SELECT struct_pack(*COLUMNS(${columns}))::VARCHAR AS row_text, ${order} AS ord FROM ${relation})`;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import * as parquetWasm from 'parquet-wasm';
import type { ExcelJsModule } from '../../src/export/excelWorkbook';
import type { ExportRuntime } from '../../src/export/exportJob';
import type { ParquetWasm } from '../../src/export/parquet';
import type { ExportedFile } from '../../src/export/protocol';
import { type NodeDb, rows } from './nodeDb';

/** The export job's runtime in Node: parquet-wasm's Node build and exceljs. */
export const NODE_EXPORT_RUNTIME: ExportRuntime = {
  parquet: parquetWasm as unknown as ParquetWasm,
  loadExcel: async () => ExcelJS as unknown as ExcelJsModule,
};

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function writeFiles(dir: string, files: readonly ExportedFile[]): Promise<Map<string, string>> {
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

/** Every table and view of the app's database (main schema), by name. */
export async function databaseRelations(db: NodeDb): Promise<{ name: string; isView: boolean }[]> {
  return (await rows(db, "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name")).map((r) => ({
    name: String(r.table_name),
    isView: r.table_type === 'VIEW',
  }));
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

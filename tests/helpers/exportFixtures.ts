import ExcelJS from 'exceljs';
import * as parquetWasm from 'parquet-wasm';
import type { ExcelJsModule } from '../../src/export/excelWorkbook';
import type { ExportRuntime } from '../../src/export/exportJob';
import type { ParquetWasm } from '../../src/export/parquet';
import { type NodeDb, rows } from './nodeDb';

/** The export job's runtime in Node: parquet-wasm's Node build and exceljs. */
export const NODE_EXPORT_RUNTIME: ExportRuntime = {
  parquet: parquetWasm as unknown as ParquetWasm,
  loadExcel: async () => ExcelJS as unknown as ExcelJsModule,
};

/** Every table and view of the app's database (main schema), by name. */
export async function databaseRelations(db: NodeDb): Promise<{ name: string; isView: boolean }[]> {
  return (await rows(db, "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name")).map((r) => ({
    name: String(r.table_name),
    isView: r.table_type === 'VIEW',
  }));
}

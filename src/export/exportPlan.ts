import { RecordBatch, type Table, tableFromIPC } from 'apache-arrow';
import type { DictionaryEntry } from '../dictionary/dictionary';
import type { GeneratorParams } from '../generator/params';
import { type ColumnSpec, restoreBatch } from './columnTransfer';
import type { ReadmeInfo } from './excelWorkbook';
import { assertFitsExcel } from './excelCells';
import { type ExportSource, type PreparedSource, prepareSource, type SourceCheck, type SqlRunner } from './exportSource';
import type { ExportContainer, ExportFormat, ExportJob, ExportTable } from './protocol';
import { tableauColumnNames } from './tableau';

export interface ExportRequest {
  format: ExportFormat;
  container: ExportContainer;
  /** Base name of the file: the table's, the workbook's or the zip's. */
  name: string;
  /** Clean, human-readable column names (seed 000's Tableau-ready export). */
  cleanNames?: boolean;
}

/** CSV asks DuckDB to print every value (ISO dates, exact decimals); the other formats keep the types. */
export function transferSpecs(format: ExportFormat, specs: readonly ColumnSpec[]): ColumnSpec[] {
  return format === 'csv' ? specs.map((s) => ({ ...s, kind: 'text' })) : [...specs];
}

/** The generator parameters as the README lists them. */
export function parameterRows(params: GeneratorParams | null): [string, string | number][] {
  if (!params) return [];
  return [
    ['seed', params.seed],
    ['preset', params.preset],
    ['accounts', params.accounts],
    ['usersPerAccount', params.usersPerAccount],
    ['windowStart', params.windowStart],
    ['windowEnd', params.windowEnd],
    ['asOf', params.asOf],
    ['trialConversion', params.trialConversion],
    ['baseChurn', params.baseChurn],
    ['welcomeShareStart', params.welcomeShareStart],
    ['welcomeShareEnd', params.welcomeShareEnd],
    ['dirtRate', params.dirtRate],
  ];
}

export function readmeInfo(params: GeneratorParams | null, now: Date): ReadmeInfo {
  return { title: 'Growthbench export', exportedAt: now.toISOString(), parameters: parameterRows(params) };
}

/** The job the worker runs: each prepared source with its headers and the dictionary's descriptions. */
export function buildExportJob(
  request: ExportRequest,
  sources: readonly PreparedSource[],
  dictionary: readonly DictionaryEntry[],
  readme: ReadmeInfo,
): ExportJob {
  const tables: ExportTable[] = sources.map((source) => {
    const entry = dictionary.find((e) => e.name === source.name);
    const names = source.specs.map((s) => s.name);
    return {
      table: source.name,
      description: entry?.description ?? 'Query result.',
      specs: transferSpecs(request.format, source.specs),
      headers: request.cleanNames ? tableauColumnNames(names) : names,
      columnDescriptions: names.map((n) => entry?.columns.find((c) => c.name === n)?.description ?? ''),
      rows: source.rows,
    };
  });
  return { format: request.format, container: request.container, name: request.name, tables, readme };
}

/**
 * A transferred slice (Arrow IPC) as record batches in the exact types and written names.
 * An empty slice still gives one empty batch, which carries the schema.
 */
export function restoreSlice(ipc: Uint8Array, table: ExportTable): RecordBatch[] {
  const transferred: Table = tableFromIPC(ipc);
  const batches = transferred.batches.length > 0 ? transferred.batches : [new RecordBatch(transferred.schema)];
  const written = table.specs.map((s, i) => ({ ...s, name: table.headers[i]! }));
  return batches.map((b) => restoreBatch(b, written));
}

/** Refuses, as soon as the sizes are known, what Excel cannot hold: each table, and the workbook so far. */
function excelCheck(): SourceCheck {
  const seen: { table: string; rows: number; columns: number }[] = [];
  return (table, rows, specs) => {
    seen.push({ table, rows, columns: specs.length });
    assertFitsExcel(seen);
  };
}

/** Prepares every source and the job; on failure, what was prepared is released. */
export async function prepareExport(
  runner: SqlRunner,
  sources: readonly ExportSource[],
  request: ExportRequest,
  dictionary: readonly DictionaryEntry[],
  readme: ReadmeInfo,
): Promise<{ job: ExportJob; prepared: PreparedSource[] }> {
  const prepared: PreparedSource[] = [];
  try {
    const check = request.format === 'xlsx' ? excelCheck() : undefined;
    for (const source of sources) prepared.push(await prepareSource(runner, source, check));
    return { job: buildExportJob(request, prepared, dictionary, readme), prepared };
  } catch (error) {
    await Promise.all(prepared.map((p) => p.release()));
    throw error;
  }
}

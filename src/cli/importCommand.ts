import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as parquetWasm from 'parquet-wasm';
import { type FileConnector, quoteIdent, quoteLiteral } from '../engine/connector';
import { createNativeConnector } from '../engine/nativeConnector';
import { createNodeWasmConnector } from '../engine/nodeWasmConnector';
import { csvChunks, selectAsText } from '../export/csv';
import { arrowToParquet, type ParquetWasm } from '../export/parquet';
import { buildImport, type ImportSummary, SUMMARY_TABLE } from '../import/buildImport';
import { guessSpecDateFormat } from '../import/dateFormat';
import { excelToIpc, type ExcelModule, type ParquetReader, parquetToIpc } from '../import/fileReaders';
import { ImportError } from '../import/importError';
import { qualified } from '../import/importSql';
import { createImportSchema, loadArrowIpc, loadCsv, previewRows, samplesOf, sourceColumns } from '../import/loadSource';
import { SNIFF_BYTES, sniffCsv } from '../import/sniff';
import { loadSqlModels } from '../pipeline/sqlFilesNode';
import type { ImportCommand } from './importArgs';

const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const SCHEMA = 'import';

function readPrefix(path: string): { prefix: Uint8Array; truncated: boolean } {
  const size = statSync(path).size;
  const prefix = new Uint8Array(Math.min(size, SNIFF_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, prefix, 0, prefix.length, 0);
  } finally {
    closeSync(fd);
  }
  return { prefix, truncated: size > SNIFF_BYTES };
}

/** Loads the file into SCHEMA.source: native DuckDB reads CSV and Parquet from disk itself. */
async function loadFile(db: FileConnector, command: ImportCommand, native: boolean): Promise<void> {
  const path = resolve(command.file);
  const extension = extname(path).toLowerCase();
  if (extension === '.parquet') {
    if (native) {
      await createImportSchema(db, SCHEMA);
      const names = (await db.query(`SELECT name FROM parquet_schema(${quoteLiteral(path)}) WHERE num_children IS NULL`)).toArray().map((r: { name: string }) => r.name);
      const text = names.map((n) => `CAST(${quoteIdent(n)} AS VARCHAR) AS ${quoteIdent(n)}`).join(', ');
      await db.exec(`CREATE TABLE ${qualified(SCHEMA, 'source')} AS SELECT CAST(row_number() OVER () AS BIGINT) AS __row, ${text} FROM read_parquet(${quoteLiteral(path)})`);
    } else {
      await loadArrowIpc(db, SCHEMA, parquetToIpc(parquetWasm as unknown as ParquetReader, new Uint8Array(readFileSync(path))), 1);
    }
  } else if (extension === '.xlsx') {
    await loadArrowIpc(db, SCHEMA, await excelToIpc(ExcelJS as unknown as ExcelModule, new Uint8Array(readFileSync(path))), 2);
  } else {
    const { prefix, truncated } = readPrefix(path);
    const sniff = sniffCsv(prefix, { truncated, delimiter: command.delimiter, encoding: command.encoding });
    for (const note of sniff.notes) log(note);
    const readable = native ? path : await db.registerFile(basename(path), new Uint8Array(readFileSync(path)));
    await loadCsv(db, SCHEMA, readable, sniff);
  }
}

async function writeTable(db: FileConnector, native: boolean, table: string, path: string, format: 'parquet' | 'csv'): Promise<void> {
  const source = qualified(SCHEMA, table);
  if (native) {
    const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER';
    await db.exec(`COPY ${source} TO ${quoteLiteral(path)} (${options})`);
  } else if (format === 'parquet') {
    writeFileSync(path, arrowToParquet(parquetWasm as unknown as ParquetWasm, await db.query(`SELECT * FROM ${source}`)));
  } else {
    writeFileSync(path, [...csvChunks(await db.query(selectAsText(`SELECT * FROM ${source}`)))].join(''));
  }
}

function report(summary: ImportSummary, loadMs: number): void {
  log(`read ${summary.rowsRead.toLocaleString('en-US')} rows in ${seconds(loadMs)} (${Math.round(summary.rowsRead / (loadMs / 1000)).toLocaleString('en-US')} rows/s)`);
  for (const s of summary.setAside) log(`  set aside ${String(s.rows).padStart(9)}  ${s.label}`);
  log(`  kept      ${String(summary.rowsKept).padStart(9)}`);
  for (const rule of summary.rules) log(`  rule: ${rule}`);
  for (const t of summary.tables) log(`  ${t.layer.padEnd(6)} ${t.name.padEnd(42)} ${String(t.rows).padStart(10)} rows`);
  const failed = summary.checks.filter((c) => !c.passed);
  log(`${summary.checks.length} checks: ${summary.checks.length - failed.length} passed${failed.map((c) => `; FAILED ${c.name} (${c.failingRows} rows)`).join('')}`);
}

/**
 * The headless import: the same loading, mapping, cleaning and sql/ models as the app's
 * Import view, in Node, writing every table built plus import_summary.
 */
export async function runImportCommand(command: ImportCommand): Promise<number> {
  const started = performance.now();
  const native = command.engine === 'native';
  const db = native ? await createNativeConnector() : await createNodeWasmConnector({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  try {
    const loadStarted = performance.now();
    await loadFile(db, command, native);
    const loadMs = performance.now() - loadStarted;
    const columns = await sourceColumns(db, SCHEMA);
    const dateFormat = command.spec.dateFormat ?? guessSpecDateFormat(command.spec.kind, command.spec.mapping, samplesOf(await previewRows(db, SCHEMA, 200)));
    const summary = await buildImport(db, SCHEMA, loadSqlModels(), { ...command.spec, dateFormat }, columns);
    report(summary, loadMs);
    const outputs: [string, string][] = [['import', SUMMARY_TABLE], ...summary.tables.map((t): [string, string] => [t.layer, t.name])];
    for (const [layer, table] of outputs) {
      mkdirSync(join(command.out, layer), { recursive: true });
      await writeTable(db, native, table, join(command.out, layer, `${table}.${command.format}`), command.format);
    }
    log(`wrote ${outputs.length} tables to ${command.out} in ${seconds(performance.now() - started)}`);
    return summary.checks.some((c) => !c.passed) ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportError) {
      log(`import failed (${error.kind}): ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    db.close();
  }
}

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as parquetWasm from 'parquet-wasm';
import { quoteLiteral } from '../src/engine/connector';
import { createNativeConnector } from '../src/engine/nativeConnector';
import { createNodeWasmConnector } from '../src/engine/nodeWasmConnector';
import { buildImport } from '../src/import/buildImport';
import { type ParquetReader, parquetToIpc } from '../src/import/fileReaders';
import { qualified } from '../src/import/importSql';
import { createImportSchema, loadArrowIpc, loadCsv, sourceColumns, sourceRowCount } from '../src/import/loadSource';
import { NO_RULES } from '../src/import/rules';
import { SNIFF_BYTES, sniffCsv } from '../src/import/sniff';
import { loadSqlModels } from '../src/pipeline/sqlFilesNode';

/**
 * Import speed (rows a second) of a CSV and of the same table as Parquet, on DuckDB-WASM (the
 * browser's engine, through its Node bindings, as the app loads files: read_csv over a
 * registered buffer; parquet-wasm to Arrow, then Arrow into DuckDB) and on native DuckDB (the
 * command line's --engine native, reading from disk), plus the time to build the marts.
 * Usage: node --import tsx bench/importTimings.ts [file.csv] (default: the real Online Retail file).
 */
const file = process.argv[2] ?? '/work/shared/realdata/online_retail.csv';
const MAPPING = { customer_id: 'CustomerID', occurred_at: 'InvoiceDate', order_id: 'InvoiceNo', quantity: 'Quantity', unit_price: 'UnitPrice' };

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'growthbench-import-bench-'));
  const parquetPath = join(dir, 'table.parquet');
  const bytes = new Uint8Array(readFileSync(file));
  const sniff = sniffCsv(bytes.subarray(0, SNIFF_BYTES), { truncated: bytes.length > SNIFF_BYTES });
  const results: Record<string, number | string>[] = [];
  try {
    const native = await createNativeConnector();
    // The Parquet input: the CSV's text columns as written, zstd, DuckDB's row groups.
    await native.exec(`COPY (SELECT * FROM read_csv(${quoteLiteral(file)}, all_varchar = true)) TO ${quoteLiteral(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
    const [, nativeCsv] = await time(() => loadCsv(native, 'csv', file, sniff));
    const rows = await sourceRowCount(native, 'csv');
    const [, nativeParquet] = await time(async () => {
      await createImportSchema(native, 'pq');
      await native.exec(`CREATE TABLE ${qualified('pq', 'source')} AS SELECT CAST(row_number() OVER () AS BIGINT) AS __row, * FROM read_parquet(${quoteLiteral(parquetPath)})`);
    });
    const spec = { kind: 'transactions' as const, mapping: MAPPING, dateFormat: 'iso', rules: { ...NO_RULES, excludeOrderPattern: '^C' } };
    const [, nativeBuild] = await time(() => buildImport(native, 'csv', loadSqlModels(), spec, sniff.header));
    native.close();

    const wasm = await createNodeWasmConnector();
    const [, wasmCsv] = await time(async () => {
      const path = await wasm.registerFile('table.csv', bytes);
      await loadCsv(wasm, 'csv', path, sniff);
      await wasm.dropFile(path);
    });
    const parquet = new Uint8Array(readFileSync(parquetPath));
    const [, wasmParquet] = await time(() => loadArrowIpc(wasm, 'pq', parquetToIpc(parquetWasm as unknown as ParquetReader, parquet), 1));
    const [, wasmBuild] = await time(async () => buildImport(wasm, 'csv', loadSqlModels(), spec, await sourceColumns(wasm, 'csv')));
    wasm.close();

    const mb = (path: string) => Math.round(statSync(path).size / 1e5) / 10;
    results.push(
      { engine: 'DuckDB-WASM (browser engine)', step: `load CSV (${mb(file)} MB)`, ms: Math.round(wasmCsv), rowsPerSecond: rate(rows, wasmCsv) },
      { engine: 'DuckDB-WASM (browser engine)', step: `load Parquet (${mb(parquetPath)} MB)`, ms: Math.round(wasmParquet), rowsPerSecond: rate(rows, wasmParquet) },
      { engine: 'DuckDB-WASM (browser engine)', step: 'build the marts', ms: Math.round(wasmBuild), rowsPerSecond: rate(rows, wasmBuild) },
      { engine: 'native DuckDB (CLI)', step: 'load CSV', ms: Math.round(nativeCsv), rowsPerSecond: rate(rows, nativeCsv) },
      { engine: 'native DuckDB (CLI)', step: 'load Parquet', ms: Math.round(nativeParquet), rowsPerSecond: rate(rows, nativeParquet) },
      { engine: 'native DuckDB (CLI)', step: 'build the marts', ms: Math.round(nativeBuild), rowsPerSecond: rate(rows, nativeBuild) },
    );
    process.stdout.write(`${file}: ${rows.toLocaleString('en-US')} rows\n`);
    console.table(results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

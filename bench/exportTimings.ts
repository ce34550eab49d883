import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import * as parquetWasm from 'parquet-wasm';
import { quoteIdent } from '../src/engine/connector';
import { createNodeWasmConnector } from '../src/engine/nodeWasmConnector';
import type { ExcelJsModule } from '../src/export/excelWorkbook';
import { exportInProcess } from '../src/export/exportInProcess';
import type { ExportRuntime } from '../src/export/exportJob';
import { prepareExport, readmeInfo } from '../src/export/exportPlan';
import { DEFAULT_BATCH_ROWS } from '../src/export/exportSource';
import type { ParquetWasm } from '../src/export/parquet';
import type { ExportFormat } from '../src/export/protocol';
import { generateDataset } from '../src/generator/dataset';
import { type PresetName, resolveParams } from '../src/generator/params';
import { runPipeline } from '../src/pipeline/runner';
import { finishRawLoad, PIPELINE_SOURCES } from '../src/pipeline/sources';
import { loadSqlModels } from '../src/pipeline/sqlFilesNode';
import type { SqlModel } from '../src/pipeline/sqlModel';
import { TableLoader } from '../src/pipeline/tableLoader';

/**
 * `npm run bench:export [-- --preset demo --seed 42]`: export time, file size and memory of
 * the largest tables (events, stg_events, fct_events) through the browser's export code
 * (typed slices from DuckDB-WASM, Arrow IPC, the export job), run in Node on one thread;
 * the browser adds the transfer to its export worker. Excel is tried too: these tables are
 * longer than an Excel sheet, so the point is that it is refused, quickly and clearly.
 */
const TABLES = ['events', 'stg_events', 'fct_events'];
const FORMATS: ExportFormat[] = ['parquet', 'csv', 'xlsx'];

const RUNTIME: ExportRuntime = {
  parquet: parquetWasm as unknown as ParquetWasm,
  loadExcel: async () => ExcelJS as unknown as ExcelJsModule,
};

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

/** The models `target` is built from, and itself: enough of the pipeline to export it. */
function upstreamOf(models: readonly SqlModel[], targets: readonly string[]): SqlModel[] {
  const byName = new Map(models.filter((m) => m.layer !== 'checks').map((m) => [m.name, m]));
  const needed = new Set<string>();
  const visit = (name: string) => {
    const model = byName.get(name);
    if (!model || needed.has(name)) return;
    needed.add(name);
    model.references.forEach(visit);
  };
  targets.forEach(visit);
  return models.filter((m) => needed.has(m.name));
}

/** JavaScript heap plus memory outside it (Arrow buffers, the wasm heaps of DuckDB and parquet-wasm). */
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Measure {
  table: string;
  rows: number;
  arrowBytes: number;
  format: ExportFormat;
  ms: number;
  bytes: number | null;
  peakExtraBytes: number;
  refused: string | null;
}

async function main(): Promise<void> {
  const params = resolveParams({ preset: option('preset', 'demo') as PresetName, seed: Number(option('seed', '42')) });
  const db = await createNodeWasmConnector(); // the app's settings: BIGINT and DECIMAL arrive as doubles
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let started = performance.now();
  const loader = new TableLoader(db);
  for (const chunk of generateDataset(params)) await loader.load(chunk.table, chunk.ipc, chunk.rows);
  await finishRawLoad(db, params);
  const models = upstreamOf(loadSqlModels(), TABLES);
  await runPipeline(db, models, { sources: PIPELINE_SOURCES });
  log(`${params.preset} seed ${params.seed}: generated, loaded and built ${models.length} models in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const options = { dictionary: [], readme: readmeInfo(params, new Date()) };
  const measures: Measure[] = [];
  for (const table of TABLES) {
    // The table's in-memory size: its exact-typed Arrow slices, as the export worker receives them.
    const { job, prepared } = await prepareExport(db, [{ table }], { format: 'parquet', container: 'file', name: table }, [], options.readme);
    let arrowBytes = 0;
    for await (const slice of prepared[0]!.slices(job.tables[0]!.specs, DEFAULT_BATCH_ROWS)) arrowBytes += tableToIPC(slice, 'stream').byteLength;
    await prepared[0]!.release();
    for (const format of FORMATS) {
      collect();
      const baseline = memory();
      let peak = baseline;
      started = performance.now();
      const measure: Measure = { table, rows: job.tables[0]!.rows, arrowBytes, format, ms: 0, bytes: null, peakExtraBytes: 0, refused: null };
      try {
        const files = await exportInProcess(db, [{ table }], { format, container: 'file', name: table }, RUNTIME, {
          ...options,
          onProgress: () => (peak = Math.max(peak, memory())),
          onSlice: () => (peak = Math.max(peak, memory())),
        });
        measure.bytes = files[0]!.blob.size;
      } catch (error) {
        measure.refused = error instanceof Error ? error.message : String(error);
      }
      measure.ms = performance.now() - started;
      measure.peakExtraBytes = Math.max(peak, memory()) - baseline;
      measures.push(measure);
      log(
        `${table.padEnd(11)} ${String(measure.rows).padStart(9)} rows  ${format.padEnd(7)} ${(measure.ms / 1000).toFixed(2).padStart(6)} s  ` +
          (measure.refused ? `refused: ${measure.refused}` : `${mb(measure.bytes!).padStart(9)}  peak +${mb(measure.peakExtraBytes)} (table ${mb(arrowBytes)} in Arrow)`),
      );
    }
  }
  const counts = await db.query(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${quoteIdent(t)}) AS ${t}`).join(', ')}`);
  log(`row counts: ${JSON.stringify(counts.toArray()[0])}`);
  db.close();
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `export-${params.preset}-${new Date().toISOString().slice(0, 10)}.json`);
  // The load average says how busy the (shared) machine was: the times move with it, the sizes do not.
  writeFileSync(file, `${JSON.stringify({ preset: params.preset, seed: params.seed, node: process.version, loadAverage: loadavg(), measures }, null, 2)}\n`);
  log(`wrote ${file}`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

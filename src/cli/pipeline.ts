import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as parquetWasm from 'parquet-wasm';
import { quoteIdent } from '../engine/connector';
import { createNativeConnector } from '../engine/nativeConnector';
import { createNodeWasmConnector } from '../engine/nodeWasmConnector';
import { csvChunks, selectAsText } from '../export/csv';
import { arrowToParquet, type ParquetWasm } from '../export/parquet';
import { generateDataset } from '../generator/dataset';
import { RAW_TABLES } from '../generator/rawTables';
import { CHECK_RESULTS_TABLE, runPipeline } from '../pipeline/runner';
import { PIPELINE_SOURCES, finishRawLoad } from '../pipeline/sources';
import { loadSqlModels } from '../pipeline/sqlFilesNode';
import { TableLoader } from '../pipeline/tableLoader';
import { IMPORT_USAGE, isImportArgs, parseImportArgs } from './importArgs';
import { runImportCommand } from './importCommand';
import { UsageError } from './flags';
import { type PipelineCommand, parsePipelineArgs, USAGE } from './pipelineArgs';

const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The headless runner: the app's generator and sql/ pipeline in Node, writing every table.
 * The wasm engine keeps the exact column types (no BIGINT/DECIMAL casts) and writes Parquet
 * with parquet-wasm; the native engine writes with DuckDB's own COPY.
 */
export async function runPipelineCommand(command: PipelineCommand): Promise<number> {
  const started = performance.now();
  const native = command.engine === 'native';
  const db = native ? await createNativeConnector() : await createNodeWasmConnector({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  try {
    const loader = new TableLoader(db);
    for (const chunk of generateDataset(command.params)) await loader.load(chunk.table, chunk.ipc, chunk.rows);
    await finishRawLoad(db, command.params);
    log(`generated and loaded ${[...loader.rowsLoaded.values()].reduce((a, b) => a + b, 0).toLocaleString('en-US')} rows in ${seconds(performance.now() - started)}`);

    const models = loadSqlModels();
    const result = await runPipeline(db, models, {
      sources: PIPELINE_SOURCES,
      onEvent: (e) => {
        if (e.type === 'model-done') log(`  ${e.result.layer.padEnd(6)} ${e.result.name.padEnd(42)} ${String(e.result.rows).padStart(10)} rows ${seconds(e.result.durationMs)}`);
      },
    });
    const tables: [string, string][] = [
      ...RAW_TABLES.map((t): [string, string] => ['raw', t]),
      ...result.models.map((m): [string, string] => [m.layer, m.name]),
      ['checks', CHECK_RESULTS_TABLE],
    ];
    for (const [layer, table] of tables) {
      mkdirSync(join(command.out, layer), { recursive: true });
      const path = join(command.out, layer, `${table}.${command.format}`);
      if (native) {
        const options = command.format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER';
        await db.exec(`COPY ${quoteIdent(table)} TO '${path.replaceAll("'", "''")}' (${options})`);
      } else if (command.format === 'parquet') {
        writeFileSync(path, arrowToParquet(parquetWasm as unknown as ParquetWasm, await db.query(`SELECT * FROM ${quoteIdent(table)}`)));
      } else {
        writeFileSync(path, [...csvChunks(await db.query(selectAsText(`SELECT * FROM ${quoteIdent(table)}`)))].join(''));
      }
    }
    const failed = result.checks.filter((c) => c.status === 'fail');
    const warned = result.checks.filter((c) => c.status === 'warn');
    log(`pipeline ${seconds(result.durationMs)}; ${result.checks.length} checks: ${result.checks.length - failed.length - warned.length} passed, ${warned.length} warned, ${failed.length} failed`);
    for (const c of [...failed, ...warned]) log(`  ${c.status.toUpperCase()} ${c.name}: ${c.failingRows} rows, e.g. ${c.sample[0] ?? ''}`);
    log(`wrote ${tables.length} tables to ${command.out} in ${seconds(performance.now() - started)}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let run: () => Promise<number>;
  try {
    if (isImportArgs(argv)) {
      const command = parseImportArgs(argv);
      run = () => runImportCommand(command);
    } else {
      const command: PipelineCommand = parsePipelineArgs(argv);
      run = () => runPipelineCommand(command);
    }
  } catch (error) {
    log(error instanceof UsageError ? `${error.message}\n\n${USAGE}\n${IMPORT_USAGE}` : String(error));
    process.exit(2);
  }
  try {
    process.exit(await run());
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) void main();

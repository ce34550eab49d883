import { availableParallelism } from 'node:os';
import { createNativeConnector } from '../src/engine/nativeConnector';
import { generateDataset } from '../src/generator/dataset';
import { type PresetName, resolveParams } from '../src/generator/params';
import { type PipelineResult, runPipeline } from '../src/pipeline/runner';
import { PIPELINE_SOURCES, finishRawLoad } from '../src/pipeline/sources';
import { loadSqlModels } from '../src/pipeline/sqlFilesNode';
import { TableLoader } from '../src/pipeline/tableLoader';
import type { Figures } from './figures';
import { type Summary, summarizeRecords } from './stats';

export interface NativeMode {
  threads: number;
  summary: Record<string, Summary>;
  runs: Figures[];
}

export interface NativeResult {
  version: string;
  /** Generating the same dataset in Node, on the main thread (the browser does it in a worker). */
  generate: { ms: number; rows: number; events: number; eventsPerSec: number };
  /** Decoding the Arrow IPC chunks and appending them to native tables (nativeConnector.insertArrowIpc). */
  loadMs: number;
  oneThread: NativeMode;
  allThreads: NativeMode;
}

/** The same keys as the browser's figures for the pipeline part, so the report can line them up. */
export function pipelineFigures(result: PipelineResult): Figures {
  const figures: Figures = {};
  let modelSum = 0;
  for (const m of result.models) {
    figures[`model:${m.name}.ms`] = m.durationMs;
    figures[`model:${m.name}.rows`] = m.rows;
    modelSum += m.durationMs;
  }
  figures['models.ms'] = modelSum;
  // Like the browser's checks stage: the checks plus writing dq_results.
  figures['checks.ms'] = result.durationMs - modelSum;
  figures['checks.notPassed'] = result.checks.filter((c) => c.status !== 'pass').length;
  figures['pipeline.ms'] = result.durationMs;
  return figures;
}

/**
 * The browser's data through native DuckDB: the same seed and preset give byte-identical
 * Arrow IPC, loaded once, then the real sql/ pipeline run with one thread and with all
 * threads, one warm-up run each before the measured ones.
 */
export async function runNative(preset: PresetName, seed: number, runs: number, log: (line: string) => void): Promise<NativeResult> {
  const params = resolveParams({ preset, seed });
  const db = await createNativeConnector();
  try {
    const loader = new TableLoader(db);
    let generateMs = 0;
    let loadMs = 0;
    const generator = generateDataset(params);
    // Chunk by chunk, timing each side, so a large preset never holds all its IPC at once.
    for (;;) {
      let started = performance.now();
      const next = generator.next();
      generateMs += performance.now() - started;
      if (next.done) break;
      started = performance.now();
      await loader.load(next.value.table, next.value.ipc, next.value.rows);
      loadMs += performance.now() - started;
    }
    await finishRawLoad(db, params);
    const rows = [...loader.rowsLoaded.values()].reduce((a, b) => a + b, 0);
    const events = loader.rowsLoaded.get('events') ?? 0;
    log(`  native: generated ${rows.toLocaleString('en-US')} rows in ${(generateMs / 1000).toFixed(1)} s, loaded in ${(loadMs / 1000).toFixed(1)} s`);

    const version = String((await db.query('SELECT version() AS v')).getChild('v')?.get(0) ?? '?');
    const models = loadSqlModels();
    const mode = async (threads: number): Promise<NativeMode> => {
      await db.exec(`SET threads = ${threads}`);
      const measured: Figures[] = [];
      for (let i = 0; i <= runs; i++) {
        const figures = pipelineFigures(await runPipeline(db, models, { sources: PIPELINE_SOURCES }));
        if (i > 0) measured.push(figures);
        log(`  native ${threads} thread${threads > 1 ? 's' : ''} ${i === 0 ? 'warm-up' : `run ${i}/${runs}`}: pipeline ${Math.round(figures['pipeline.ms']!)} ms`);
      }
      return { threads, summary: summarizeRecords(measured), runs: measured };
    };
    const oneThread = await mode(1);
    const allThreads = await mode(availableParallelism());
    return {
      version,
      generate: { ms: generateMs, rows, events, eventsPerSec: events / (generateMs / 1000) },
      loadMs,
      oneThread,
      allThreads,
    };
  } finally {
    db.close();
  }
}

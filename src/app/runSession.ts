import { type BundleChoice, getEngine, resetEngine } from '../engine/browserDuckDb';
import { errorMessage } from '../engine/connector';
import { QueryService } from '../engine/queryService';
import { generateInWorker } from '../generator/generatorClient';
import type { GeneratorParams } from '../generator/params';
import { ModelFailedError, runPipeline } from '../pipeline/runner';
import { PIPELINE_SOURCES, finishRawLoad } from '../pipeline/sources';
import { SQL_MODELS } from '../pipeline/sqlFiles';
import { TableLoader } from '../pipeline/tableLoader';
import { useStore } from '../state/store';

/** Stage ids of the progress panel; pipeline models use `model:<name>`. */
export const STAGE = { engine: 'engine', generate: 'generate', load: 'load', checks: 'checks' } as const;

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/**
 * One full run: start the database, generate and load the data, run the SQL pipeline.
 * Progress and failures go to the store; nothing here touches React.
 */
export interface SessionOptions {
  bundle: BundleChoice;
  /** Record a SHA-256 of every generated chunk (to compare browser and Node byte for byte). */
  hashChunks?: boolean;
  /** Tables the first view reads: built first, so it opens before the rest is done. */
  priority?: readonly string[];
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function runSession(params: GeneratorParams, options: SessionOptions): Promise<void> {
  const { bundle } = options;
  const store = useStore.getState();
  const runId = store.beginRun(params);
  const controller = new AbortController();
  store.setAbort(runId, () => controller.abort());
  const setStage = (id: string, patch: Parameters<typeof store.setStage>[2]) => store.setStage(runId, id, patch);
  let current: string | null = null;
  const start = (id: string, label: string) => {
    current = id;
    setStage(id, { label, status: 'running', startedAt: performance.now() });
  };
  const done = (id: string, patch: Parameters<typeof store.setStage>[2] = {}) =>
    setStage(id, { status: 'done', endedAt: performance.now(), ...patch });

  try {
    // A fresh database worker per run: the wasm heap never shrinks, so this returns memory.
    await resetEngine();
    start(STAGE.engine, 'Starting DuckDB-WASM');
    const engine = await getEngine(bundle);
    store.setEngine(runId, { bundle: engine.bundle, version: engine.version });
    controller.signal.addEventListener('abort', () => void engine.connector.cancel());
    done(STAGE.engine, { detail: `${engine.version}, ${engine.bundle} bundle` });

    start(STAGE.generate, 'Generating the synthetic company');
    setStage(STAGE.load, { label: 'Loading into DuckDB', status: 'running', startedAt: performance.now() });
    const loader = new TableLoader(engine.connector);
    const generated = new Map<string, number>();
    const result = await generateInWorker(params, {
      signal: controller.signal,
      onChunk: async (chunk) => {
        // Hashed before loading: the load transfers the buffer away.
        if (options.hashChunks) store.addChunkHash(runId, chunk.table, await sha256Hex(chunk.ipc));
        generated.set(chunk.table, (generated.get(chunk.table) ?? 0) + chunk.rows);
        setStage(STAGE.generate, { count: sum(generated.values()), detail: describeCounts(generated) });
        await loader.load(chunk.table, chunk.ipc, chunk.rows);
        setStage(STAGE.load, { count: sum(loader.rowsLoaded.values()), detail: describeCounts(loader.rowsLoaded) });
      },
    });
    done(STAGE.generate, { detail: `${describeCounts(generated)} in the worker in ${Math.round(result.elapsedMs)} ms` });
    await finishRawLoad(engine.connector, params);
    done(STAGE.load);

    current = null;
    const pipeline = await runPipeline(engine.connector, SQL_MODELS, {
      sources: PIPELINE_SOURCES,
      signal: controller.signal,
      priority: options.priority ?? [],
      onEvent: (event) => {
        if (event.type === 'start') {
          for (const model of event.order.filter((m) => m.layer !== 'checks')) {
            setStage(`model:${model.name}`, { label: `${model.layer} · ${model.name}` });
          }
          setStage(STAGE.checks, { label: 'Data-quality checks' });
        } else if (event.type === 'model-start') {
          if (event.model.layer !== 'checks') start(`model:${event.model.name}`, `${event.model.layer} · ${event.model.name}`);
          else if (current !== STAGE.checks) start(STAGE.checks, 'Data-quality checks');
        } else if (event.type === 'model-done') {
          done(`model:${event.result.name}`, { count: event.result.rows });
        } else if (event.type === 'priority-done') {
          // The view opens as soon as its tables exist; the other models and the checks go on
          // behind it.
          store.completeRun(runId, new QueryService(engine.connector), []);
        }
      },
    });
    const failed = pipeline.checks.filter((c) => c.status !== 'pass').length;
    done(STAGE.checks, { count: pipeline.checks.length, detail: `${pipeline.checks.length - failed} of ${pipeline.checks.length} passed` });
    store.setChecks(runId, pipeline.checks);
  } catch (error) {
    if (controller.signal.aborted) {
      // Nothing half-loaded stays behind: the partial database goes with its worker.
      await resetEngine();
      store.markCancelled(runId);
      return;
    }
    const isModel = error instanceof ModelFailedError && SQL_MODELS.some((m) => m.name === error.model && m.layer !== 'checks');
    const stageId = isModel ? `model:${error.model}` : current;
    store.failRun(runId, stageId, errorMessage(error));
  }
}

function describeCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([table, rows]) => `${table} ${rows.toLocaleString('en-US')}`).join(', ');
}

import { type BundleChoice, type Engine, getEngine, resetEngine } from '../engine/browserDuckDb';
import { errorMessage } from '../engine/connector';
import { QueryService } from '../engine/queryService';
import { pageGeneratorPool } from '../generator/generatorClient';
import type { GeneratorParams } from '../generator/params';
import { ModelFailedError, runPipeline } from '../pipeline/runner';
import { PIPELINE_SOURCES, finishRawLoad } from '../pipeline/sources';
import { SQL_MODELS } from '../pipeline/sqlFiles';
import { TableLoader } from '../pipeline/tableLoader';
import { type Store, useStore } from '../state/store';
import { releasePrevious, restorePrevious, takePrevious } from './previousData';
import { classifyFault } from './runFaults';

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

/**
 * The store's session actions alone. A run's closures live as long as its engine's promises;
 * holding a whole state object there kept every earlier dataset's query service, connection and
 * worker reachable (found by tests/e2e/soak.spec.ts).
 */
function sessionActions() {
  const { cancelRun, beginRun, setAbort, setStage, setReleased, setEngine, addChunkHash, completeRun, setChecks, failRun, markCancelled } = useStore.getState();
  return { cancelRun, beginRun, setAbort, setStage, setReleased, setEngine, addChunkHash, completeRun, setChecks, failRun, markCancelled };
}

export async function runSession(params: GeneratorParams, options: SessionOptions): Promise<void> {
  const { bundle } = options;
  const store = sessionActions();
  // A run still going (or still checking behind ready views) stops: this one replaces it.
  store.cancelRun();
  // Dropped as soon as it is used: the run's closures share this scope, and a state object
  // held here would keep the previous data and its database worker alive.
  let before: Store | null = useStore.getState();
  const runId = store.beginRun(params);
  // The generator workers load while the database starts (only those the pool lacks: on the
  // first run, or after a cancelled or failed one).
  pageGeneratorPool().prestart(params);
  const controller = new AbortController();
  store.setAbort(runId, () => controller.abort());
  const setStage = (id: string, patch: Parameters<typeof store.setStage>[2]) => store.setStage(runId, id, patch);
  let current: string | null = null;
  let engine: Engine | null = null;
  let ready = false;
  const start = (id: string, label: string) => {
    current = id;
    setStage(id, { label, status: 'running', startedAt: performance.now() });
  };
  const done = (id: string, patch: Parameters<typeof store.setStage>[2] = {}) =>
    setStage(id, { status: 'done', endedAt: performance.now(), ...patch });

  try {
    // The data on screen stays readable while this run builds, when both fit in memory;
    // otherwise its worker goes first (the wasm heap never shrinks: only a fresh worker
    // returns memory) and the page offers to load it again if this run does not finish.
    const released = await takePrevious(before, params);
    before = null;
    if (released) store.setReleased(runId, released);
    await resetEngine();
    start(STAGE.engine, 'Starting DuckDB-WASM');
    engine = await getEngine(bundle);
    const started = engine;
    store.setEngine(runId, { bundle: started.bundle, version: started.version });
    controller.signal.addEventListener('abort', () => void started.connector.cancel().catch(() => false));
    // A crash after the views opened: the data is gone, so the page says so (the run's own
    // requests fail by themselves before that).
    started.watch.died.catch((error: unknown) => {
      if (ready) useStore.getState().failRun(runId, null, errorMessage(error), classifyFault(error));
    });
    done(STAGE.engine, { detail: `${started.version}, ${started.bundle} bundle${started.threads > 1 ? `, ${started.threads} threads` : ''}` });
    // The threaded build asked for where it cannot run: say so beside any link notice.
    if (started.notice) {
      const { notice, setNotice } = useStore.getState();
      if (!notice?.includes(started.notice)) setNotice([notice, started.notice].filter((n) => n).join(' '));
    }

    start(STAGE.generate, 'Generating the synthetic company');
    setStage(STAGE.load, { label: 'Loading into DuckDB', status: 'running', startedAt: performance.now() });
    const loader = new TableLoader(started.connector);
    const generated = new Map<string, number>();
    // The page's pool: a regeneration runs on the warm workers of the previous run.
    const result = await pageGeneratorPool().generate(params, {
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
    const side = result.workers === 1 ? 'the worker' : `the workers (${result.workers} side by side)`;
    done(STAGE.generate, { detail: `${describeCounts(generated)} in ${side} in ${Math.round(result.elapsedMs)} ms` });
    await finishRawLoad(started.connector, params);
    done(STAGE.load);

    current = null;
    const pipeline = await runPipeline(started.connector, SQL_MODELS, {
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
        } else if (event.type === 'priority-done' && useStore.getState().runId === runId) {
          // The view opens as soon as its tables exist; the other models and the checks go on
          // behind it. From here on the new data is the data: the previous goes.
          ready = true;
          void releasePrevious();
          store.completeRun(runId, new QueryService(started.connector), []);
        }
      },
    });
    const failed = pipeline.checks.filter((c) => c.status !== 'pass').length;
    done(STAGE.checks, { count: pipeline.checks.length, detail: `${pipeline.checks.length - failed} of ${pipeline.checks.length} passed` });
    store.setChecks(runId, pipeline.checks);
  } catch (error) {
    const superseded = useStore.getState().runId !== runId;
    if (ready) {
      // Stopped during the checks behind ready views (a newer run began): the data stays.
      if (!controller.signal.aborted && !superseded) store.failRun(runId, STAGE.checks, errorMessage(error), classifyFault(error));
      return;
    }
    // Never half of each: this run's partial database goes with its worker, whatever the
    // cause, and the previous data comes back when it was kept.
    if (engine) await engine.terminate().catch(() => undefined);
    if (superseded) return;
    const cancelled = controller.signal.aborted;
    const fault = cancelled ? null : classifyFault(error);
    const message = cancelled ? null : errorMessage(error);
    if (await restorePrevious(runId, { params, outcome: cancelled ? 'cancelled' : 'failed', message, fault }, bundle)) return;
    if (cancelled) {
      store.markCancelled(runId);
      return;
    }
    const isModel = error instanceof ModelFailedError && SQL_MODELS.some((m) => m.name === error.model && m.layer !== 'checks');
    const stageId = isModel ? `model:${error.model}` : current;
    store.failRun(runId, stageId, message ?? '', fault);
  }
}

function describeCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([table, rows]) => `${table} ${rows.toLocaleString('en-US')}`).join(', ');
}

import * as duckdb from '@duckdb/duckdb-wasm';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import coiPthreadWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { type BundleChoice, type BundleName, resolveBundle, threadCount } from './bundleChoice';
import type { FileConnector } from './connector';
import { DUCKDB_CONFIG } from './duckdbConfig';
import { createWasmConnector } from './wasmConnector';
import { BROWSER_MEMORY_LIMIT_GIB } from '../generator/estimate';
import { WorkerWatch } from './workerFaults';

/**
 * Self-hosted bundles: Vite copies them into dist/, nothing is fetched from a CDN. The coi
 * build's worker starts its DuckDB threads as pthread workers from the third file; it needs
 * SharedArrayBuffer, so it only runs on a cross-origin isolated page.
 */
const BUNDLES: Record<BundleName, duckdb.DuckDBBundle> = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker, pthreadWorker: null },
  eh: { mainModule: ehWasm, mainWorker: ehWorker, pthreadWorker: null },
  coi: { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthreadWorker },
};

export type { BundleChoice, BundleName } from './bundleChoice';

export interface Engine {
  db: duckdb.AsyncDuckDB;
  connector: FileConnector;
  bundle: BundleName;
  /** DuckDB's `threads` setting: 1 for mvp and eh, several for coi. */
  threads: number;
  /** Why the build asked for is not the one running (coi without isolation), or null. */
  notice: string | null;
  version: string;
  /** Watches the DuckDB worker: its crash or silence rejects every request (src/engine/workerFaults.ts). */
  watch: WorkerWatch;
  terminate(): Promise<void>;
}

/**
 * Longest silence of the DuckDB worker while a request waits for it. Statements run as
 * pending queries, polled step by step, so a busy but alive worker answers far more often.
 */
export const DATABASE_STALL_MS = 120_000;

/** Feature detection (DuckDB-WASM's own probes: wasm exceptions, threads, SIMD, isolation). */
async function chooseBundle(choice: BundleChoice): Promise<{ name: BundleName; bundle: duckdb.DuckDBBundle; notice: string | null }> {
  const features = await duckdb.getPlatformFeatures();
  const { name, notice } = resolveBundle(choice, {
    wasmExceptions: features.wasmExceptions,
    wasmThreads: features.wasmThreads,
    wasmSIMD: features.wasmSIMD,
    // Its own flag is true in Node; in a page only the global says whether SharedArrayBuffer works.
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  });
  return { name, bundle: BUNDLES[name], notice };
}

async function currentThreads(connector: FileConnector): Promise<number> {
  const table = await connector.query(`SELECT CAST(current_setting('threads') AS INTEGER) AS threads`);
  return Number(table.getChild('threads')?.get(0) ?? 1);
}

/**
 * duckdb-wasm 1.32's worker fetches the wasm through instantiateStreaming without a rejection
 * handler: when the file cannot be loaded, instantiate() stays pending forever. Checking the
 * file first turns that hang into a clear error.
 */
async function assertReachable(url: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
  } catch (error) {
    throw new Error(`Could not load the DuckDB engine (${url}): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(`Could not load the DuckDB engine (${url}): HTTP ${response.status}`);
}

/** Rejects when no instantiation progress is seen for this long (a stuck download or worker). */
const STALL_TIMEOUT_MS = 60_000;

function instantiate(db: duckdb.AsyncDuckDB, watch: WorkerWatch, bundle: duckdb.DuckDBBundle): Promise<void> {
  const started = new Promise<void>((resolve, reject) => {
    let timer = setTimeout(() => reject(new Error(`DuckDB did not start within ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
    const progress = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(`DuckDB stopped loading for ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
    };
    db.instantiate(bundle.mainModule, bundle.pthreadWorker, progress).then(() => resolve(), reject).finally(() => clearTimeout(timer));
  });
  // A worker that dies while loading rejects through the watch.
  return Promise.race([started, watch.died]);
}

export async function startEngine(choice: BundleChoice = 'auto'): Promise<Engine> {
  const { name, bundle, notice } = await chooseBundle(choice);
  await assertReachable(bundle.mainModule);
  const worker = new Worker(bundle.mainWorker!);
  const watch = new WorkerWatch('database', worker, { stallMs: DATABASE_STALL_MS });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await instantiate(db, watch, bundle);
    await watch.guard(db.open(DUCKDB_CONFIG));
    const connector = await createWasmConnector(db, (request) => watch.guard(request));
    // DuckDB gives queries 80 % of the 4 GiB wasm heap by default; what it does not track
    // (result buffers, Arrow IPC copies) needs far less than the other 0.8 GiB, and the
    // large preset's last checks need the extra room (estimate.ts uses the same figure).
    await connector.exec(`SET memory_limit = '${BROWSER_MEMORY_LIMIT_GIB}GiB'`);
    const current = await currentThreads(connector);
    const threads = threadCount(name, navigator.hardwareConcurrency, current);
    if (threads !== current) await connector.exec(`SET threads = ${threads}`);
    const version = await watch.guard(db.getVersion());
    const terminate = async () => {
      watch.dispose();
      // Detached first: the browser may hold a terminated Worker object for a while, and its
      // listeners would keep this AsyncDuckDB and everything it references with it.
      db.detach();
      worker.terminate();
      await Promise.resolve();
    };
    return { db, connector, bundle: name, threads, notice, version, watch, terminate };
  } catch (error) {
    watch.dispose();
    worker.terminate();
    throw error;
  }
}

let current: Promise<Engine> | null = null;

/** The engine, started once, lazily, behind one promise; a dead engine is started afresh. */
export function getEngine(choice: BundleChoice = 'auto'): Promise<Engine> {
  if (current) return current;
  const starting: Promise<Engine> = startEngine(choice).then(
    (engine) => {
      engine.watch.died.catch(() => {
        if (current === starting) current = null;
      });
      return engine;
    },
    (error: unknown) => {
      if (current === starting) current = null;
      throw error;
    },
  );
  current = starting;
  return starting;
}

/**
 * Terminates the database worker. The wasm heap never shrinks, so a fresh dataset gets a
 * fresh worker and the old memory goes back to the browser.
 */
export async function resetEngine(): Promise<void> {
  const previous = current;
  current = null;
  if (previous) await previous.then((e) => e.terminate()).catch(() => undefined);
}

/**
 * Takes the running engine out of its slot without stopping it, so a new run can start its
 * own while the old data stays readable; give it back with reinstateEngine or terminate it.
 */
export async function detachEngine(): Promise<Engine | null> {
  const previous = current;
  current = null;
  return previous ? previous.catch(() => null) : null;
}

/** Puts a detached engine back, terminating whatever engine took its place. */
export async function reinstateEngine(engine: Engine): Promise<void> {
  await resetEngine();
  const restored = Promise.resolve(engine);
  current = restored;
  engine.watch.died.catch(() => {
    if (current === restored) current = null;
  });
}

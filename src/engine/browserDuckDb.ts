import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Connector } from './connector';
import { DUCKDB_CONFIG } from './duckdbConfig';
import { createWasmConnector } from './wasmConnector';

/** Self-hosted bundles: Vite copies them into dist/, nothing is fetched from a CDN. */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export type BundleChoice = 'auto' | 'mvp' | 'eh';

export interface Engine {
  db: duckdb.AsyncDuckDB;
  connector: Connector;
  bundle: 'mvp' | 'eh';
  version: string;
  terminate(): Promise<void>;
}

async function chooseBundle(choice: BundleChoice): Promise<{ name: 'mvp' | 'eh'; bundle: duckdb.DuckDBBundle }> {
  if (choice === 'auto') {
    // Feature detection: the eh build needs wasm exceptions, mvp runs everywhere.
    const bundle = await duckdb.selectBundle(BUNDLES);
    return { name: bundle.mainModule === ehWasm ? 'eh' : 'mvp', bundle };
  }
  const picked = BUNDLES[choice]!;
  return { name: choice, bundle: { mainModule: picked.mainModule, mainWorker: picked.mainWorker ?? null, pthreadWorker: null } };
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

function instantiate(db: duckdb.AsyncDuckDB, worker: Worker, bundle: duckdb.DuckDBBundle): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer = setTimeout(() => reject(new Error(`DuckDB did not start within ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
    const progress = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(`DuckDB stopped loading for ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
    };
    worker.addEventListener('error', (event) => reject(new Error(`The DuckDB worker failed: ${event.message || 'unknown error'}`)));
    db.instantiate(bundle.mainModule, bundle.pthreadWorker, progress).then(() => resolve(), reject).finally(() => clearTimeout(timer));
  });
}

export async function startEngine(choice: BundleChoice = 'auto'): Promise<Engine> {
  const { name, bundle } = await chooseBundle(choice);
  await assertReachable(bundle.mainModule);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await instantiate(db, worker, bundle);
    await db.open(DUCKDB_CONFIG);
    const connector = await createWasmConnector(db);
    const version = await db.getVersion();
    return { db, connector, bundle: name, version, terminate: () => db.terminate() };
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

let current: Promise<Engine> | null = null;

/** The engine, started once, lazily, behind one promise. */
export function getEngine(choice: BundleChoice = 'auto'): Promise<Engine> {
  current ??= startEngine(choice).catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
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

/**
 * Which DuckDB-WASM build to start. Pure (the browser's features come in as data), so the
 * choice and its fallbacks are unit-tested without a browser.
 */

/** What a link or the settings may ask for. */
export type BundleChoice = 'auto' | 'mvp' | 'eh' | 'coi';
/** A build that actually runs: mvp (baseline wasm), eh (wasm exceptions), coi (eh + threads). */
export type BundleName = 'mvp' | 'eh' | 'coi';

export const BUNDLE_CHOICES: readonly BundleChoice[] = ['auto', 'eh', 'mvp', 'coi'];

export function isBundleChoice(value: string): value is BundleChoice {
  return (BUNDLE_CHOICES as readonly string[]).includes(value);
}

/** The browser features the choice depends on (DuckDB-WASM's getPlatformFeatures gives them). */
export interface BundleFeatures {
  wasmExceptions: boolean;
  wasmThreads: boolean;
  wasmSIMD: boolean;
  /** COOP same-origin + COEP require-corp/credentialless: SharedArrayBuffer is available. */
  crossOriginIsolated: boolean;
}

export interface ResolvedBundle {
  name: BundleName;
  /** Why the requested build is not the one used (shown to the user), or null. */
  notice: string | null;
}

/** Why the threaded build cannot run here, or null when it can. */
export function threadsUnavailable(features: BundleFeatures): string | null {
  if (!features.crossOriginIsolated) return 'the page is not cross-origin isolated (the host sends no COOP/COEP headers)';
  if (!features.wasmThreads) return 'this browser has no WebAssembly threads';
  if (!features.wasmExceptions || !features.wasmSIMD) return 'this browser lacks WebAssembly exceptions or SIMD';
  return null;
}

/**
 * `auto` takes eh where wasm exceptions exist and mvp otherwise. The threaded build is opt-in:
 * about 15 % faster at the demo preset, but DuckDB-WASM 1.32's coi build failed 3 of 27 runs
 * here (README, Reliability). Asking for it where it cannot run falls back to what auto
 * picks, with a notice saying why.
 */
export function resolveBundle(choice: BundleChoice, features: BundleFeatures): ResolvedBundle {
  const automatic: BundleName = features.wasmExceptions ? 'eh' : 'mvp';
  if (choice === 'auto') return { name: automatic, notice: null };
  if (choice !== 'coi') return { name: choice, notice: null };
  const missing = threadsUnavailable(features);
  if (missing === null) return { name: 'coi', notice: null };
  return { name: automatic, notice: `The threaded DuckDB build (coi) was asked for, but ${missing}; using the single-threaded ${automatic} build instead.` };
}

/** The coi build's pool of pthread workers, all started with the engine (DuckDB-WASM 1.32). */
export const COI_PTHREAD_POOL = 6;

/**
 * The `threads` setting to ask for, given DuckDB's own (`current`, 4 in the coi build). One per
 * logical core the browser reports, but: never fewer than DuckDB chose, because lowering it
 * in the coi build of 1.32 hangs its worker for good (measured: `SET threads = 2` never
 * returns); and never more than the pthread pool, because a thread beyond it needs a new
 * worker that can only start once the (then blocked) DuckDB worker yields. The
 * single-threaded builds run 1 whatever is asked.
 */
export function threadCount(name: BundleName, hardwareConcurrency: number | undefined, current: number): number {
  if (name !== 'coi') return 1;
  const cores = hardwareConcurrency !== undefined && Number.isInteger(hardwareConcurrency) && hardwareConcurrency > 0 ? hardwareConcurrency : 1;
  return Math.max(current, Math.min(cores, COI_PTHREAD_POOL));
}

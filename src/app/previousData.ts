import { detachEngine, type BundleChoice, type Engine, reinstateEngine } from '../engine/browserDuckDb';
import { type GeneratorParams, PRESETS } from '../generator/params';
import type { InterruptedRun, SavedSession } from '../state/sessionSlice';
import type { Store } from '../state/store';
import { useStore } from '../state/store';
import { writeUrlSettings } from '../state/urlParams';

/**
 * Either the old data or the new, never half of each. While a new run builds, the data on
 * screen keeps its DuckDB worker, so a run that is cancelled or fails before its views open
 * gives the screen back to the old data. Two databases at once cost two wasm heaps, so this
 * holds only while both datasets together stay within two demo sizes (about 1.3 GiB of heap
 * each at the demo size, measured by `npm run bench`); a larger run releases the old worker
 * first, and the page then offers to load the old data again instead.
 */
export const KEEP_PREVIOUS_MAX_USERS = 2 * PRESETS.demo.accounts * PRESETS.demo.usersPerAccount;

const users = (params: GeneratorParams) => params.accounts * params.usersPerAccount;

export function keepPreviousBeside(previous: GeneratorParams, next: GeneratorParams): boolean {
  return users(previous) + users(next) <= KEEP_PREVIOUS_MAX_USERS;
}

interface Previous {
  engine: Engine;
  session: SavedSession;
}

let previous: Previous | null = null;

function saveSession(state: Store): SavedSession {
  const { params, stages, engine, queries, checks, chartsDrawn, chartsRedrawn, chunkHashes } = state;
  return { params, stages, engine, queries, checks, chartsDrawn, chartsRedrawn, chunkHashes };
}

/**
 * Called as a run starts, with the state just before it. Keeps the data on screen aside when
 * it fits beside the new run, releases it otherwise; returns the parameters of data that had
 * to be released (to offer loading it again), or null.
 */
export async function takePrevious(before: Store, next: GeneratorParams): Promise<GeneratorParams | null> {
  if (before.status === 'ready' && before.params && before.queries) {
    const engine = await detachEngine();
    await releasePrevious();
    if (engine && !engine.watch.error && keepPreviousBeside(before.params, next)) {
      previous = { engine, session: saveSession(before) };
      return null;
    }
    await engine?.terminate().catch(() => undefined);
    return before.params;
  }
  // A run replaced before it was ready: the data it kept aside is still the data to go back to.
  if (previous?.session.params && !keepPreviousBeside(previous.session.params, next)) {
    const params = previous.session.params;
    await releasePrevious();
    return params;
  }
  return previous ? null : before.released;
}

/** The new data is ready: the kept worker goes, and its memory with it. */
export async function releasePrevious(): Promise<void> {
  const kept = previous;
  previous = null;
  await kept?.engine.terminate().catch(() => undefined);
}

/**
 * Run `runId` stopped before it was ready: the kept data comes back, with the URL that
 * reproduces it. False when nothing was kept (or its worker died meanwhile).
 */
export async function restorePrevious(runId: number, interrupted: InterruptedRun, bundle: BundleChoice): Promise<boolean> {
  const kept = previous;
  previous = null;
  if (!kept) return false;
  if (kept.engine.watch.error || !kept.session.params) {
    await kept.engine.terminate().catch(() => undefined);
    if (kept.session.params) useStore.getState().setReleased(runId, kept.session.params);
    return false;
  }
  await reinstateEngine(kept.engine);
  if (useStore.getState().runId !== runId) return true;
  const search = writeUrlSettings(kept.session.params, bundle, window.location.search);
  window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  useStore.getState().restoreRun(runId, kept.session, interrupted);
  return true;
}

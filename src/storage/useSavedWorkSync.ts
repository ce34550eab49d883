import { useEffect } from 'react';
import { getEngine } from '../engine/browserDuckDb';
import { useStore } from '../state/store';
import { checkSavedWork, restoreSavedTables, saveSearch, useSavedWork } from './savedWork';

/**
 * Keeps saved work in step with the app: the query string is saved whenever the screen's
 * state changes, and the saved tables go back into each freshly loaded database as soon as
 * its first view can open.
 */
export function useSavedWorkSync(): void {
  useEffect(() => {
    void checkSavedWork();
  }, []);
  useEffect(
    () =>
      useStore.subscribe((state, previous) => {
        if (state.view !== previous.view || state.filters !== previous.filters || state.grain !== previous.grain || state.bridge !== previous.bridge || state.params !== previous.params) {
          // After useUrlViewSync (subscribed first) has written the new state into the URL.
          queueMicrotask(() => saveSearch(window.location.search));
        }
        if (state.status === 'ready' && previous.status !== 'ready') void restoreInto(state.runId);
      }),
    [],
  );
}

async function restoreInto(runId: number): Promise<void> {
  if (useSavedWork.getState().tablesStorage?.available === false) return;
  const engine = await getEngine();
  if (useStore.getState().runId !== runId) return;
  const restored = await restoreSavedTables(engine.connector);
  // Views cached "no such table" or older results: they must see the restored tables.
  if (restored.length > 0) useStore.getState().queries?.invalidate();
}

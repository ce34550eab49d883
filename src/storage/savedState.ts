/**
 * The screen's state kept in localStorage so that it survives a reload and a bare visit:
 * the query string (generator settings, view, filters, grain: see src/state/urlParams.ts and
 * urlView.ts, which already read and check it) and the console's text and history. A link
 * with parameters always wins over what was saved; only a visit without any reopens the
 * saved state.
 */

/** The Web Storage methods used here (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SAVED_KEYS = {
  search: 'growthbench.saved.search',
  consoleText: 'growthbench.console.text',
  consoleHistory: 'growthbench.console.history',
} as const;

/** localStorage, or null where it is missing or refused (it throws on access in some private modes). */
export function browserStore(): KeyValueStore | null {
  try {
    const store = window.localStorage;
    const probe = 'growthbench.probe';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/** Stores a value; false when storage is missing or full (the caller keeps it in memory). */
export function saveValue(store: KeyValueStore | null, key: string, value: string): boolean {
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function readValue(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * The query string to open with: the page's own when it has one, else the saved one (with its
 * "?"), else "". `restored` says whether the saved one was used.
 */
export function initialSearch(current: string, store: KeyValueStore | null): { search: string; restored: boolean } {
  if (current !== '' && current !== '?') return { search: current, restored: false };
  const saved = readValue(store, SAVED_KEYS.search);
  if (saved && saved.startsWith('?') && saved.length > 1) return { search: saved, restored: true };
  return { search: current, restored: false };
}

/** Forgets every saved value (the theme choice is a preference, not work, and stays). */
export function clearSavedValues(store: KeyValueStore | null): void {
  for (const key of Object.values(SAVED_KEYS)) {
    try {
      store?.removeItem(key);
    } catch {
      // Storage refused: nothing was saved there either.
    }
  }
}

import { create } from 'zustand';
import type { Connector } from '../engine/connector';
import { errorMessage } from '../engine/connector';
import { browserStore, clearSavedValues, initialSearch, type KeyValueStore, SAVED_KEYS, saveValue } from './savedState';
import { type SaveResult, type SavedTables, savedTables } from './savedTables';

/**
 * What the page knows about saved work: whether it can be saved, which tables are saved,
 * what a reload brought back and the latest problem. Shown by SavedWorkBar; imports and the
 * console save through the functions below so every failure reaches the user.
 */
export interface SavedWorkState {
  /** null until checked at start-up. */
  tablesStorage: { available: boolean; reason: string | null } | null;
  stateStorage: boolean;
  tables: string[];
  /** The page opened on the saved state (no parameters in its link). */
  restoredState: boolean;
  /** Tables re-inserted into the database after the latest run. */
  restoredTables: string[];
  /** The latest failure to save or restore, as a sentence. */
  problem: string | null;
}

export const useSavedWork = create<SavedWorkState>()(() => ({
  tablesStorage: null,
  stateStorage: true,
  tables: [],
  restoredState: false,
  restoredTables: [],
  problem: null,
}));

/** Dependencies, swapped in tests. */
export interface SavedWorkDeps {
  tables: SavedTables;
  store: KeyValueStore | null;
}

const browserDeps = (): SavedWorkDeps => ({ tables: savedTables, store: browserStore() });

/** Checks both kinds of storage and lists the saved tables (at start-up). */
export async function checkSavedWork(deps: SavedWorkDeps = browserDeps()): Promise<void> {
  const state = await deps.tables.state();
  const tables = state.available ? await deps.tables.listTables() : [];
  useSavedWork.setState({
    tablesStorage: state.available ? { available: true, reason: null } : { available: false, reason: state.reason },
    stateStorage: deps.store !== null,
    tables,
  });
}

/**
 * Saves a table the user made (an import, a console result). The table is already in the
 * database, so a failure only means it will not come back after a reload, which is said.
 */
export async function saveUserTable(name: string, ipc: Uint8Array, deps: SavedWorkDeps = browserDeps()): Promise<SaveResult> {
  const result = await deps.tables.saveTable(name, ipc);
  if (result.saved) {
    useSavedWork.setState((s) => ({ tables: s.tables.includes(name) ? s.tables : [...s.tables, name].sort(), problem: null }));
  } else {
    useSavedWork.setState({ problem: `Table "${name}" is not saved for the next visit: ${result.reason}. It stays in memory for now.` });
  }
  return result;
}

export async function forgetUserTable(name: string, deps: SavedWorkDeps = browserDeps()): Promise<void> {
  await deps.tables.deleteTable(name);
  useSavedWork.setState((s) => ({ tables: s.tables.filter((t) => t !== name) }));
}

/**
 * Re-inserts every saved table into a freshly loaded database (after each run: a run starts a
 * new database). A table whose name is taken, or whose file is damaged, is skipped and named.
 */
export async function restoreSavedTables(connector: Connector, deps: SavedWorkDeps = browserDeps()): Promise<string[]> {
  const saved = await deps.tables.loadTables();
  const restored: string[] = [];
  const failed: string[] = [];
  for (const table of saved) {
    try {
      await connector.insertArrowIpc(table.name, table.ipc, { create: true });
      restored.push(table.name);
    } catch (error) {
      failed.push(`${table.name} (${errorMessage(error)})`);
    }
  }
  useSavedWork.setState((s) => ({
    restoredTables: restored,
    tables: saved.map((t) => t.name),
    problem: failed.length > 0 ? `Saved tables not restored: ${failed.join('; ')}` : s.problem,
  }));
  return restored;
}

/** Remembers the query string (settings, view, filters, grain) for the next bare visit. */
export function saveSearch(search: string, deps: Pick<SavedWorkDeps, 'store'> = { store: browserStore() }): void {
  // The default screen has no parameters: saving "" makes a bare visit open the defaults.
  const ok = saveValue(deps.store, SAVED_KEYS.search, search);
  if (!ok && useSavedWork.getState().stateStorage) useSavedWork.setState({ stateStorage: false });
}

/**
 * The query string the page opens with: its own, or the saved one on a bare visit, written
 * into the address bar so that the rest of the app (and a copied link) sees it.
 */
export function openingSearch(store: KeyValueStore | null = browserStore()): string {
  const { search, restored } = initialSearch(window.location.search, store);
  if (restored) {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    useSavedWork.setState({ restoredState: true });
  }
  return search;
}

/** Forgets the saved state and tables. What is on screen and in the database stays for this visit. */
export async function clearSavedWork(deps: SavedWorkDeps = browserDeps()): Promise<void> {
  clearSavedValues(deps.store);
  await deps.tables.clearSaved();
  useSavedWork.setState({ tables: [], restoredState: false, restoredTables: [], problem: null });
}

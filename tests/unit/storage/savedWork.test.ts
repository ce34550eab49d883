import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { KeyValueStore } from '../../../src/storage/savedState';
import { SAVED_KEYS } from '../../../src/storage/savedState';
import { SavedTables } from '../../../src/storage/savedTables';
import { checkSavedWork, clearSavedWork, restoreSavedTables, saveSearch, saveUserTable, useSavedWork } from '../../../src/storage/savedWork';
import { type NodeDb, openDb, rows } from '../../helpers/nodeDb';
import { MemoryFolder } from './memoryFolder';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const orders = tableFromArrays({ order_id: Int32Array.from([1, 2, 3]), amount: Float64Array.from([9.5, 20, 0.25]), city: ['Oslo', 'Lima', 'Pune'] });

let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
}, 60_000);
afterAll(() => db.close());
beforeEach(() => useSavedWork.setState({ tablesStorage: null, stateStorage: true, tables: [], restoredState: false, restoredTables: [], problem: null }));

describe('saved work', () => {
  test('a saved table is back in a fresh database with the same rows', async () => {
    const deps = { tables: new SavedTables(async () => new MemoryFolder()), store: memoryStore() };
    expect(await saveUserTable('my_orders', tableToIPC(orders, 'stream'), deps)).toEqual({ saved: true });
    expect(useSavedWork.getState().tables).toEqual(['my_orders']);

    expect(await restoreSavedTables(db, deps)).toEqual(['my_orders']);
    expect(await rows(db, 'SELECT order_id, amount, city FROM my_orders ORDER BY order_id')).toEqual([
      { order_id: 1, amount: 9.5, city: 'Oslo' },
      { order_id: 2, amount: 20, city: 'Lima' },
      { order_id: 3, amount: 0.25, city: 'Pune' },
    ]);
    expect(useSavedWork.getState().restoredTables).toEqual(['my_orders']);
    expect(useSavedWork.getState().problem).toBeNull();
  });

  test('a table that cannot be restored (its name is taken) is named; the others still come back', async () => {
    await db.exec('CREATE TABLE taken AS SELECT 1 AS x');
    const deps = { tables: new SavedTables(async () => new MemoryFolder()), store: memoryStore() };
    await saveUserTable('taken', tableToIPC(orders, 'stream'), deps);
    await saveUserTable('fine_table', tableToIPC(orders, 'stream'), deps);
    expect(await restoreSavedTables(db, deps)).toEqual(['fine_table']);
    expect(useSavedWork.getState().problem).toMatch(/^Saved tables not restored: taken \(/);
    expect((await rows(db, 'SELECT count(*)::INTEGER AS n FROM fine_table'))[0]!.n).toBe(3);
  });

  test('storage unavailable: saving says so and the work stays in memory', async () => {
    const deps = { tables: new SavedTables(null), store: null };
    await checkSavedWork(deps);
    expect(useSavedWork.getState()).toMatchObject({ tablesStorage: { available: false, reason: 'this browser has no origin-private file system' }, stateStorage: false });
    const result = await saveUserTable('my_orders', tableToIPC(orders, 'stream'), deps);
    expect(result.saved).toBe(false);
    expect(useSavedWork.getState().problem).toBe('Table "my_orders" is not saved for the next visit: this browser has no origin-private file system. It stays in memory for now.');
  });

  test('a full storage for the screen state turns the state flag off', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    saveSearch('?view=console', { store: full });
    expect(useSavedWork.getState().stateStorage).toBe(false);
  });

  test('clear saved work forgets the state and the tables', async () => {
    const store = memoryStore();
    const root = new MemoryFolder();
    const deps = { tables: new SavedTables(async () => root), store };
    saveSearch('?preset=tiny&view=console', deps);
    expect(store.data.get(SAVED_KEYS.search)).toBe('?preset=tiny&view=console');
    await saveUserTable('my_orders', tableToIPC(orders, 'stream'), deps);
    await clearSavedWork(deps);
    expect(store.data.size).toBe(0);
    expect(await deps.tables.listTables()).toEqual([]);
    expect(useSavedWork.getState().tables).toEqual([]);
  });
});

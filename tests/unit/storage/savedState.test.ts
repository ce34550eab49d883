import { describe, expect, test } from 'vitest';
import { clearSavedValues, initialSearch, type KeyValueStore, readValue, SAVED_KEYS, saveValue } from '../../../src/storage/savedState';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('saved screen state', () => {
  test('a bare visit opens the saved query string; a link with parameters wins', () => {
    const store = memoryStore({ [SAVED_KEYS.search]: '?preset=tiny&view=console&region=EU' });
    expect(initialSearch('', store)).toEqual({ search: '?preset=tiny&view=console&region=EU', restored: true });
    expect(initialSearch('?', store)).toEqual({ search: '?preset=tiny&view=console&region=EU', restored: true });
    expect(initialSearch('?view=revenue', store)).toEqual({ search: '?view=revenue', restored: false });
  });

  test('nothing saved, an empty save, or junk: the page opens as it is', () => {
    expect(initialSearch('', memoryStore())).toEqual({ search: '', restored: false });
    expect(initialSearch('', memoryStore({ [SAVED_KEYS.search]: '' }))).toEqual({ search: '', restored: false });
    expect(initialSearch('', memoryStore({ [SAVED_KEYS.search]: 'javascript:alert(1)' }))).toEqual({ search: '', restored: false });
    expect(initialSearch('', null)).toEqual({ search: '', restored: false });
  });

  test('clearing forgets the work but keeps the theme preference', () => {
    const store = memoryStore({ [SAVED_KEYS.search]: '?view=console', [SAVED_KEYS.consoleText]: 'SELECT 1', [SAVED_KEYS.consoleHistory]: '["SELECT 1"]', 'growthbench.theme': 'dark' });
    clearSavedValues(store);
    expect([...store.data.keys()]).toEqual(['growthbench.theme']);
  });

  test('a storage that throws (full, or refused) is reported by a false, never thrown', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(saveValue(throwing, SAVED_KEYS.consoleText, 'SELECT 1')).toBe(false);
    expect(saveValue(null, SAVED_KEYS.consoleText, 'SELECT 1')).toBe(false);
    expect(readValue(throwing, SAVED_KEYS.consoleText)).toBeNull();
    expect(() => clearSavedValues(throwing)).not.toThrow();
    expect(initialSearch('', throwing)).toEqual({ search: '', restored: false });
  });
});

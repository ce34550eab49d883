import { describe, expect, test } from 'vitest';
import { addToHistory, HISTORY_KEY, HISTORY_LIMIT, readHistory, stepHistory, writeHistory } from '../../../../src/views/console/history';
import type { KeyValueStore } from '../../../../src/storage/savedState';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('console history', () => {
  test('newest first, a repeated query moves up instead of repeating, blank text is ignored', () => {
    let history: string[] = [];
    for (const sql of ['SELECT 1', 'SELECT 2', '  SELECT 1 ', '   ']) history = addToHistory(history, sql);
    expect(history).toEqual(['SELECT 1', 'SELECT 2']);
  });

  test(`keeps the last ${HISTORY_LIMIT}`, () => {
    let history: string[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = addToHistory(history, `SELECT ${i}`);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toBe(`SELECT ${HISTORY_LIMIT + 4}`);
    expect(history.at(-1)).toBe('SELECT 5');
  });

  test('round-trips through storage; damaged or foreign values read as empty', () => {
    const store = memoryStore();
    expect(writeHistory(store, ['SELECT 2', 'SELECT 1'])).toBe(true);
    expect(readHistory(store)).toEqual(['SELECT 2', 'SELECT 1']);
    expect(readHistory(memoryStore({ [HISTORY_KEY]: '{broken' }))).toEqual([]);
    expect(readHistory(memoryStore({ [HISTORY_KEY]: '{"a":1}' }))).toEqual([]);
    expect(readHistory(memoryStore({ [HISTORY_KEY]: '["SELECT 1", 5, null]' }))).toEqual(['SELECT 1']);
    expect(readHistory(null)).toEqual([]);
  });

  test('a full or missing storage is reported, never thrown', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeHistory(full, ['SELECT 1'])).toBe(false);
    expect(writeHistory(null, ['SELECT 1'])).toBe(false);
  });

  test('stepping moves between the draft (-1) and the oldest entry, no further', () => {
    expect(stepHistory(-1, 'older', 3)).toBe(0);
    expect(stepHistory(2, 'older', 3)).toBe(2);
    expect(stepHistory(0, 'newer', 3)).toBe(-1);
    expect(stepHistory(-1, 'newer', 3)).toBe(-1);
    expect(stepHistory(-1, 'older', 0)).toBe(-1);
  });
});

import { type KeyValueStore, SAVED_KEYS } from '../../storage/savedState';

/**
 * The console's query history: the last HISTORY_LIMIT distinct queries, newest first, kept in
 * localStorage so it survives a reload. Storage can be missing or full (private windows,
 * quota): the history then lives in memory for the session and never throws.
 */
export const HISTORY_LIMIT = 50;
export const HISTORY_KEY = SAVED_KEYS.consoleHistory;

export function readHistory(store: KeyValueStore | null): string[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string').slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** The history with `sql` added as the newest entry (an earlier copy moves up, not duplicated). */
export function addToHistory(history: readonly string[], sql: string): string[] {
  const text = sql.trim();
  if (!text) return [...history];
  return [text, ...history.filter((q) => q !== text)].slice(0, HISTORY_LIMIT);
}

/** Writes the history; false when storage refused it (the caller keeps it in memory). */
export function writeHistory(store: KeyValueStore | null, history: readonly string[]): boolean {
  if (!store) return false;
  try {
    store.setItem(HISTORY_KEY, JSON.stringify(history));
    return true;
  } catch {
    return false;
  }
}

/**
 * Moving through the history like a shell: `index` -1 is the draft being typed, 0 the newest
 * query. Returns the new index, clamped to the history.
 */
export function stepHistory(index: number, direction: 'older' | 'newer', length: number): number {
  const next = direction === 'older' ? index + 1 : index - 1;
  return Math.max(-1, Math.min(next, length - 1));
}

import type { Stage } from './sessionSlice';

/**
 * Which of `tables` the run has not built yet. Views open once the first view's tables exist
 * while the pipeline goes on, so another view (or the filter bar) waits for its own. A name
 * without a model stage is a raw table, loaded before any view opens.
 */
export function pendingTables(stages: readonly Stage[], tables: readonly string[]): string[] {
  const status = new Map(stages.map((s) => [s.id, s.status]));
  return tables.filter((t) => status.has(`model:${t}`) && status.get(`model:${t}`) !== 'done');
}

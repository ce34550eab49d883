import { killWorker, setStallLimit, type WorkerKind } from '../engine/workerFaults';
import type { Store } from '../state/store';
import { generateOnly, generatorPoolState } from './generationProbe';

/**
 * A read-only window onto a run for `npm run bench` and the end-to-end tests: stage timings
 * (performance.now(), i.e. milliseconds since navigation), row counts and when each chart was
 * drawn. Plain data only, so it crosses the Playwright boundary as JSON.
 */
export interface RunSnapshot {
  status: Store['status'];
  /** TRUE while the checks still run behind ready views. */
  checking?: boolean;
  runId: number;
  params: Store['params'];
  engine: Store['engine'];
  error: Store['error'];
  /** The run that stopped while the previous data stayed on screen, if any. */
  interrupted?: Store['interrupted'];
  stages: { id: string; label: string; status: string; startedAt: number | null; endedAt: number | null; count: number | null; detail: string | null }[];
  checks: { name: string; status: string; failingRows: number; durationMs: number }[];
  chartsDrawn: Record<string, number>;
  /** The latest draw of each chart (a filter change redraws). */
  chartsRedrawn?: Record<string, number>;
  chunkHashes: Record<string, string[]>;
}

export function snapshot(state: Store): RunSnapshot {
  return {
    status: state.status,
    checking: state.checking,
    runId: state.runId,
    params: state.params,
    engine: state.engine,
    error: state.error,
    interrupted: state.interrupted,
    stages: state.stages.map((s) => ({ ...s })),
    checks: state.checks.map((c) => ({ name: c.name, status: c.status, failingRows: c.failingRows, durationMs: c.durationMs })),
    chartsDrawn: { ...state.chartsDrawn },
    chartsRedrawn: { ...state.chartsRedrawn },
    chunkHashes: { ...state.chunkHashes },
  };
}

/**
 * Test hook: the rows of a read-only query on the loaded database, through the app's query
 * service, as plain JSON (BIGINT as number, DATE and TIMESTAMP as epoch milliseconds; CAST a
 * DECIMAL to DOUBLE in the SQL, Arrow gives it scaled). The
 * end-to-end tests use it to recompute a chart's numbers independently of the view's own SQL.
 */
export async function queryRows(state: Store, sql: string): Promise<Record<string, unknown>[]> {
  if (!state.queries) throw new Error('No data loaded yet');
  const table = await state.queries.query(sql);
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) =>
    Object.fromEntries(Object.entries(row.toJSON()).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])),
  );
}

declare global {
  interface Window {
    growthbench?: {
      snapshot(): RunSnapshot;
      query(sql: string): Promise<Record<string, unknown>[]>;
      /**
       * Test hook: crashes the live generator or DuckDB worker the way a real crash looks to
       * the page (terminated, then its 'error' event); false when no such worker is running.
       */
      killWorker(kind: WorkerKind): boolean;
      /**
       * Test hook: the silence limit of the worker watches in ms (null: their own 120 s), so a
       * test can hang a real worker and see the page give up on it within seconds.
       */
      setStallLimit(ms: number | null): void;
      /** Bench hook: generation plus transfer alone (generationProbe.ts). */
      generateOnly: typeof generateOnly;
      /** Test hook: the page's generator workers, all and idle (kept warm between runs). */
      generatorPool: typeof generatorPoolState;
    };
  }
}

export function installProbe(getState: () => Store): void {
  window.growthbench = { snapshot: () => snapshot(getState()), query: (sql) => queryRows(getState(), sql), killWorker, setStallLimit, generateOnly, generatorPool: generatorPoolState };
}

import type { Store } from '../state/store';

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
    stages: state.stages.map((s) => ({ ...s })),
    checks: state.checks.map((c) => ({ name: c.name, status: c.status, failingRows: c.failingRows, durationMs: c.durationMs })),
    chartsDrawn: { ...state.chartsDrawn },
    chartsRedrawn: { ...state.chartsRedrawn },
    chunkHashes: { ...state.chunkHashes },
  };
}

declare global {
  interface Window {
    growthbench?: { snapshot(): RunSnapshot };
  }
}

export function installProbe(getState: () => Store): void {
  window.growthbench = { snapshot: () => snapshot(getState()) };
}

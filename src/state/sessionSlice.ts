import type { StateCreator } from 'zustand';
import type { RunFault } from '../app/runFaults';
import type { QueryService } from '../engine/queryService';
import type { GeneratorParams } from '../generator/params';
import type { CheckResult } from '../pipeline/runner';

export type StageStatus = 'pending' | 'running' | 'done' | 'error' | 'cancelled';

/** One line of the progress panel: a stage with its counts and timing. */
export interface Stage {
  id: string;
  label: string;
  status: StageStatus;
  /** performance.now() at start and end. */
  startedAt: number | null;
  endedAt: number | null;
  /** Rows generated, loaded or produced, when the stage counts any. */
  count: number | null;
  detail: string | null;
}

export type SessionStatus = 'idle' | 'running' | 'ready' | 'error' | 'cancelled';

/** The data on screen, kept aside while a newer run builds, to come back if that run stops. */
export type SavedSession = Pick<SessionSlice, 'params' | 'stages' | 'engine' | 'queries' | 'checks' | 'chartsDrawn' | 'chartsRedrawn' | 'chunkHashes'>;

/** A run that stopped before its data was ready while the previous data stayed on screen. */
export interface InterruptedRun {
  params: GeneratorParams;
  outcome: 'cancelled' | 'failed';
  message: string | null;
  fault: RunFault | null;
}

export interface SessionSlice {
  status: SessionStatus;
  runId: number;
  params: GeneratorParams | null;
  stages: Stage[];
  error: { stageId: string | null; message: string; fault?: RunFault | null } | null;
  /** Set when the latest run stopped and the data of the run before it came back. */
  interrupted: InterruptedRun | null;
  /** Params of the previous data when it was released to make room for this run. */
  released: GeneratorParams | null;
  engine: { bundle: string; version: string } | null;
  queries: QueryService | null;
  checks: CheckResult[];
  /** performance.now() when each chart of the run was first fully drawn, by chart id. */
  chartsDrawn: Record<string, number>;
  /** performance.now() of each chart's latest draw (every redraw, e.g. after a filter change). */
  chartsRedrawn: Record<string, number>;
  /** SHA-256 of each generated chunk, by table, when the run was asked to record them. */
  chunkHashes: Record<string, string[]>;
  beginRun(params: GeneratorParams): number;
  addChunkHash(runId: number, table: string, hash: string): void;
  markChartDrawn(chartId: string): void;
  setStage(runId: number, id: string, patch: Partial<Omit<Stage, 'id'>>): void;
  setEngine(runId: number, engine: { bundle: string; version: string }): void;
  completeRun(runId: number, queries: QueryService, checks: CheckResult[]): void;
  /** Check results, which arrive after the views opened. */
  setChecks(runId: number, checks: CheckResult[]): void;
  /** TRUE while the data-quality checks still run behind ready views. */
  checking: boolean;
  failRun(runId: number, stageId: string | null, message: string, fault?: RunFault | null): void;
  setReleased(runId: number, params: GeneratorParams): void;
  /** Puts the previous data back on screen after run `runId` stopped before it was ready. */
  restoreRun(runId: number, saved: SavedSession, interrupted: InterruptedRun): void;
  /** Cancels the run in progress, if any. */
  cancelRun(): void;
  /** Set by the run in progress: aborts it. */
  abortRun: (() => void) | null;
  setAbort(runId: number, abort: (() => void) | null): void;
  markCancelled(runId: number): void;
}

const emptyStage = (id: string, label: string): Stage => ({ id, label, status: 'pending', startedAt: null, endedAt: null, count: null, detail: null });

/** Updates from a superseded run are ignored, so a retry never shows stale progress. */
export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set, get) => ({
  status: 'idle',
  runId: 0,
  params: null,
  stages: [],
  error: null,
  interrupted: null,
  released: null,
  engine: null,
  queries: null,
  checks: [],
  chartsDrawn: {},
  chartsRedrawn: {},
  chunkHashes: {},
  beginRun(params) {
    const runId = get().runId + 1;
    set({ status: 'running', runId, params, stages: [], error: null, interrupted: null, released: null, queries: null, checks: [], checking: false, chartsDrawn: {}, chartsRedrawn: {}, chunkHashes: {} });
    return runId;
  },
  addChunkHash(runId, table, hash) {
    if (get().runId !== runId) return;
    set((state) => ({ chunkHashes: { ...state.chunkHashes, [table]: [...(state.chunkHashes[table] ?? []), hash] } }));
  },
  markChartDrawn(chartId) {
    if (get().status !== 'ready') return;
    const now = performance.now();
    set((state) => ({
      chartsRedrawn: { ...state.chartsRedrawn, [chartId]: now },
      ...(chartId in state.chartsDrawn ? {} : { chartsDrawn: { ...state.chartsDrawn, [chartId]: now } }),
    }));
  },
  setStage(runId, id, patch) {
    if (get().runId !== runId) return;
    set((state) => {
      const index = state.stages.findIndex((s) => s.id === id);
      const base = index >= 0 ? state.stages[index]! : emptyStage(id, patch.label ?? id);
      const next = { ...base, ...patch };
      const stages = index >= 0 ? state.stages.map((s, i) => (i === index ? next : s)) : [...state.stages, next];
      return { stages };
    });
  },
  setEngine(runId, engine) {
    if (get().runId === runId) set({ engine });
  },
  checking: false,
  completeRun(runId, queries, checks) {
    if (get().runId === runId) set({ status: 'ready', queries, checks, checking: true });
  },
  setChecks(runId, checks) {
    if (get().runId === runId) set({ checks, checking: false, abortRun: null });
  },
  abortRun: null,
  setAbort(runId, abort) {
    if (get().runId === runId) set({ abortRun: abort });
  },
  cancelRun() {
    get().abortRun?.();
  },
  markCancelled(runId) {
    if (get().runId !== runId) return;
    set((state) => ({
      status: 'cancelled',
      abortRun: null,
      stages: state.stages.map((s) => (s.status === 'running' ? { ...s, status: 'cancelled', endedAt: performance.now() } : s)),
    }));
  },
  setReleased(runId, params) {
    if (get().runId === runId) set({ released: params });
  },
  restoreRun(runId, saved, interrupted) {
    if (get().runId !== runId) return;
    set({ ...saved, status: 'ready', checking: false, abortRun: null, error: null, interrupted, released: null });
  },
  failRun(runId, stageId, message, fault = null) {
    if (get().runId !== runId) return;
    set((state) => ({
      status: 'error',
      checking: false,
      abortRun: null,
      queries: null,
      error: { stageId, message, fault },
      stages: state.stages.map((s) => (s.status === 'running' ? { ...s, status: 'error', endedAt: performance.now() } : s)),
    }));
  },
});

import { create } from 'zustand';
import { DEFAULT_RETENTION_OPTIONS, readRetentionParams, type RetentionOptions, withChange } from './retentionOptions';
import type { CellSelection } from './retentionQueries';
import type { CurveMode } from './retentionCurves';

/**
 * The Retention view's own state, kept while other views are open. The controls start from
 * the link (readUrlView reports a bad value in the page's notice); the view writes them back
 * to the URL while it is open.
 */
interface RetentionState {
  options: RetentionOptions;
  curveMode: CurveMode;
  /** The heatmap cell whose users or accounts are listed, if any. */
  cell: CellSelection | null;
  change(change: Partial<RetentionOptions>): void;
  setCurveMode(mode: CurveMode): void;
  selectCell(cell: CellSelection | null): void;
}

const initialOptions = typeof window === 'undefined' ? DEFAULT_RETENTION_OPTIONS : readRetentionParams(window.location.search).options;

export const useRetentionStore = create<RetentionState>()((set) => ({
  options: initialOptions,
  curveMode: 'cohorts',
  cell: null,
  // Another cohort definition has other cells: the drill-down closes.
  change: (change) => set((s) => ({ options: withChange(s.options, change), cell: null })),
  setCurveMode: (curveMode) => set({ curveMode }),
  selectCell: (cell) => set({ cell }),
}));

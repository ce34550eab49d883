import type { StateCreator } from 'zustand';
import { initialTheme, type Theme } from './theme';

/** The bars of the MRR bridge, which the Revenue view drills down into. */
export const BRIDGE_STEPS = ['start', 'new', 'reactivation', 'expansion', 'contraction', 'churn', 'end'] as const;
export type BridgeStep = (typeof BRIDGE_STEPS)[number];

/** The Revenue view's bridge: the month shown (null: the latest complete) and the bar drilled into. */
export interface BridgeSelection {
  /** First day of the month, ISO. */
  month: string | null;
  step: BridgeStep | null;
}

export interface UiSlice {
  /** Id of the open view (see src/views/registry.ts; DEFAULT_VIEW there is the same). */
  view: string;
  /** Shown once when the URL held settings that could not be used. */
  notice: string | null;
  theme: Theme;
  bridge: BridgeSelection;
  setView(view: string): void;
  setNotice(notice: string | null): void;
  setTheme(theme: Theme): void;
  setBridge(bridge: BridgeSelection): void;
}

export const NO_BRIDGE_SELECTION: BridgeSelection = { month: null, step: null };

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  view: 'overview',
  notice: null,
  theme: initialTheme(),
  bridge: NO_BRIDGE_SELECTION,
  setView: (view) => set({ view }),
  setNotice: (notice) => set({ notice }),
  setTheme: (theme) => set({ theme }),
  setBridge: (bridge) => set({ bridge }),
});

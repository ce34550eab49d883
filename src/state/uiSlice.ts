import type { StateCreator } from 'zustand';

export type ViewId = 'retention' | 'dictionary';

/** The views, and the gold tables each reads (built first when the view is the one open). */
export const VIEWS: readonly { id: ViewId; label: string; tables: readonly string[] }[] = [
  { id: 'retention', label: 'Retention', tables: ['retention_cohorts'] },
  { id: 'dictionary', label: 'Data dictionary', tables: [] },
];

export interface UiSlice {
  view: ViewId;
  /** Shown once when the URL held settings that could not be used. */
  notice: string | null;
  setView(view: ViewId): void;
  setNotice(notice: string | null): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  view: 'retention',
  notice: null,
  setView: (view) => set({ view }),
  setNotice: (notice) => set({ notice }),
});

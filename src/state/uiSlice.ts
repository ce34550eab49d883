import type { StateCreator } from 'zustand';

export type ViewId = 'retention' | 'dictionary';

export const VIEWS: readonly { id: ViewId; label: string }[] = [
  { id: 'retention', label: 'Retention' },
  { id: 'dictionary', label: 'Data dictionary' },
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

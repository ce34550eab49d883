import type { StateCreator } from 'zustand';

export interface UiSlice {
  /** Id of the open view (see src/views/registry.ts). */
  view: string;
  /** Shown once when the URL held settings that could not be used. */
  notice: string | null;
  setView(view: string): void;
  setNotice(notice: string | null): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  view: 'retention',
  notice: null,
  setView: (view) => set({ view }),
  setNotice: (notice) => set({ notice }),
});

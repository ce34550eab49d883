import type { StateCreator } from 'zustand';
import { initialTheme, type Theme } from './theme';

export interface UiSlice {
  /** Id of the open view (see src/views/registry.ts; DEFAULT_VIEW there is the same). */
  view: string;
  /** Shown once when the URL held settings that could not be used. */
  notice: string | null;
  theme: Theme;
  setView(view: string): void;
  setNotice(notice: string | null): void;
  setTheme(theme: Theme): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  view: 'overview',
  notice: null,
  theme: initialTheme(),
  setView: (view) => set({ view }),
  setNotice: (notice) => set({ notice }),
  setTheme: (theme) => set({ theme }),
});

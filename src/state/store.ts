import { create } from 'zustand';
import { createFiltersSlice, type FiltersSlice } from './filtersSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type Store = SessionSlice & UiSlice & FiltersSlice;

/** One store composed of typed slices; components select raw state and derive with useMemo. */
export const useStore = create<Store>()((...args) => ({
  ...createSessionSlice(...args),
  ...createUiSlice(...args),
  ...createFiltersSlice(...args),
}));

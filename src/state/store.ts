import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type Store = SessionSlice & UiSlice;

/** One store composed of typed slices; components select raw state and derive with useMemo. */
export const useStore = create<Store>()((...args) => ({
  ...createSessionSlice(...args),
  ...createUiSlice(...args),
}));

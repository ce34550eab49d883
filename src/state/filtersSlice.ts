import type { StateCreator } from 'zustand';
import { type Filters, NO_FILTERS } from '../pipeline/filters';

export type Grain = 'day' | 'week' | 'month';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month'];

/** The global filters and grain every view honours (applied at query time, see martQuery). */
export interface FiltersSlice {
  filters: Filters;
  grain: Grain;
  setFilters(patch: Partial<Filters>): void;
  clearFilters(): void;
  setGrain(grain: Grain): void;
}

export const createFiltersSlice: StateCreator<FiltersSlice, [], [], FiltersSlice> = (set) => ({
  filters: NO_FILTERS,
  grain: 'month',
  setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setGrain: (grain) => set({ grain }),
});

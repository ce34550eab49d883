import { create } from 'zustand';
import type { ImportSummary } from '../../import/buildImport';
import type { ImportErrorKind } from '../../import/importError';
import type { FileFormat } from '../../import/limits';
import type { Mapping, TableKind } from '../../import/roles';
import { type CleaningRules, NO_RULES } from '../../import/rules';
import type { CsvSniff } from '../../import/sniff';
import { useStore } from '../../state/store';

/** A file loaded into its own schema, waiting for its mapping. */
export interface StagedFile {
  name: string;
  size: number;
  format: FileFormat;
  schema: string;
  columns: string[];
  preview: (string | null)[][];
  rows: number;
  loadMs: number;
  sniff: CsvSniff | null;
  notes: string[];
}

/** The import the views read (see activation.ts). */
export interface ActiveImport {
  schema: string;
  fileName: string;
  summary: ImportSummary;
  commandLine: string;
}

export type ImportPhase = 'idle' | 'loading' | 'loaded' | 'building';

export interface ImportState {
  phase: ImportPhase;
  staged: StagedFile | null;
  error: { kind: ImportErrorKind | 'internal'; message: string } | null;
  kind: TableKind;
  mapping: Mapping;
  dateFormat: string;
  rules: CleaningRules;
  active: ActiveImport | null;
  /** The generator run the staged and active schemas belong to (a new run starts a new database). */
  runId: number;
  set(patch: Partial<Omit<ImportState, 'set' | 'reset'>>): void;
  reset(): void;
}

const EMPTY = { phase: 'idle' as const, staged: null, error: null, kind: 'transactions' as const, mapping: {}, dateFormat: 'iso', rules: NO_RULES, active: null };

/** The Import view's state, kept apart from the app's store: only this feature reads it. */
export const useImportStore = create<ImportState>()((set) => ({
  ...EMPTY,
  runId: 0,
  set: (patch) => set(patch),
  reset: () => set({ ...EMPTY, runId: useStore.getState().runId }),
}));

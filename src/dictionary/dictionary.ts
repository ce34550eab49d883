import { RAW_TABLES } from '../generator/rawTables';
import { RUN_PARAMS_TABLE } from '../pipeline/sources';
import type { SqlModel } from '../pipeline/sqlModel';
import { RAW_TABLE_DOCS } from './rawDocs';

export type DictionaryLayer = 'raw' | 'bronze' | 'silver' | 'gold' | 'checks';

export interface DictionaryEntry {
  name: string;
  layer: DictionaryLayer;
  description: string;
  columns: { name: string; description: string }[];
  /** Tables it is built from (empty for raw tables). */
  upstream: string[];
  /** Where it comes from: the generator, or its SQL file. */
  source: string;
}

const RUN_PARAMS_DOC: DictionaryEntry = {
  name: RUN_PARAMS_TABLE,
  layer: 'raw',
  description: 'The run parameters the SQL reads: window, as-of date, seed and preset.',
  columns: [
    { name: 'window_start', description: 'First simulated day.' },
    { name: 'window_end', description: 'Last simulated day.' },
    { name: 'as_of_date', description: 'Nothing after it is observed; later periods are censored.' },
    { name: 'seed', description: 'Generator seed.' },
    { name: 'preset', description: 'Size preset.' },
  ],
  upstream: [],
  source: 'generator settings',
};

/** One entry per raw table, model and check: the data dictionary the app shows and exports use. */
export function buildDictionary(models: readonly SqlModel[]): DictionaryEntry[] {
  const raw = RAW_TABLES.map((name) => ({
    name,
    layer: 'raw' as const,
    description: RAW_TABLE_DOCS[name].description,
    columns: [...RAW_TABLE_DOCS[name].columns],
    upstream: [],
    source: 'generator',
  }));
  const built = models.map((m) => ({
    name: m.name,
    layer: m.layer,
    description: m.description,
    columns: Object.entries(m.columns).map(([name, description]) => ({ name, description })),
    upstream: m.references,
    source: m.path,
  }));
  return [...raw, RUN_PARAMS_DOC, ...built];
}

/** Entries whose table, description or any column matches every word of the query. */
export function searchDictionary(entries: readonly DictionaryEntry[], query: string): DictionaryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const text = [e.name, e.layer, e.description, ...e.columns.flatMap((c) => [c.name, c.description])].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

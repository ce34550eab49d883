import { quoteIdent } from '../engine/connector';
import { qualified } from './importSql';
import { BROWSER_LIMITS, type FileFormat } from './limits';
import { TABLE_KINDS } from './roles';
import type { ImportSpec } from './rules';
import type { CsvSniff } from './sniff';

/**
 * An analysed import kept for the next visit, as two saved tables (src/storage/savedWork.ts):
 * the file's rows as loaded (every column text, plus __row) and one row of JSON with what the
 * analyst chose. Saved tables come back into every fresh database; from these two the same
 * build runs again. Saving the loaded rows rather than the file keeps one path for CSV,
 * Parquet and Excel, and needs no re-sniffing.
 */
export const SAVED_IMPORT_ROWS = 'saved_import_rows';
export const SAVED_IMPORT_SETTINGS = 'saved_import_settings';

export interface SavedImportSettings {
  fileName: string;
  size: number;
  format: FileFormat;
  columns: string[];
  spec: ImportSpec;
  sniff: CsvSniff | null;
}

/** The version written with the settings: a later change of shape reads older ones as absent. */
const VERSION = 1;

export function settingsJson(settings: SavedImportSettings): string {
  return JSON.stringify({ version: VERSION, ...settings });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * The settings read back, or null when the text is not settings this version wrote (damaged,
 * or from another version): the import then simply does not come back.
 */
export function parseSettings(json: string): SavedImportSettings | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== VERSION) return null;
  const { fileName, size, format, columns, spec, sniff } = value;
  if (typeof fileName !== 'string' || typeof size !== 'number' || typeof format !== 'string' || !(format in BROWSER_LIMITS) || !isStrings(columns)) return null;
  if (!isRecord(spec) || !(TABLE_KINDS as readonly unknown[]).includes(spec.kind) || !isRecord(spec.mapping) || typeof spec.dateFormat !== 'string' || !isRecord(spec.rules)) return null;
  if (!Object.values(spec.mapping).every((c) => typeof c === 'string' && columns.includes(c))) return null;
  const rules = spec.rules;
  if (!(rules.excludeOrderPattern === null || typeof rules.excludeOrderPattern === 'string') || typeof rules.excludeNegative !== 'boolean' || typeof rules.dedupe !== 'boolean') return null;
  if (sniff !== null && !(isRecord(sniff) && typeof sniff.delimiter === 'string' && typeof sniff.encoding === 'string' && isStrings(sniff.header) && isStrings(sniff.notes))) return null;
  return {
    fileName,
    size,
    format: format as FileFormat,
    columns,
    spec: {
      kind: spec.kind as ImportSpec['kind'],
      mapping: spec.mapping as ImportSpec['mapping'],
      dateFormat: spec.dateFormat,
      rules: { excludeOrderPattern: rules.excludeOrderPattern, excludeNegative: rules.excludeNegative, dedupe: rules.dedupe },
    },
    sniff: sniff as CsvSniff | null,
  };
}

/** The loaded rows in file order, as saved (__row comes back as DOUBLE in the browser: see restore). */
export function savedRowsSql(schema: string, columns: readonly string[]): string {
  return `SELECT __row, ${columns.map(quoteIdent).join(', ')} FROM ${qualified(schema, 'source')} ORDER BY __row`;
}

/**
 * `schema`.source rebuilt from the restored rows: the same row numbers (BIGINT again) and every
 * column as text, exactly what loadSource.ts loads from a file.
 */
export function restoreSourceSql(schema: string, columns: readonly string[], rowsTable: string = SAVED_IMPORT_ROWS): string {
  const text = columns.map((c) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(c)}`).join(', ');
  return `CREATE TABLE ${qualified(schema, 'source')} AS SELECT CAST(__row AS BIGINT) AS __row, ${text} FROM main.${quoteIdent(rowsTable)} ORDER BY __row`;
}

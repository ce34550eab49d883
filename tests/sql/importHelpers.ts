import { buildImport, type ImportSummary } from '../../src/import/buildImport';
import { loadCsv, sourceColumns } from '../../src/import/loadSource';
import type { ImportSpec } from '../../src/import/rules';
import { sniffCsv, SNIFF_BYTES } from '../../src/import/sniff';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import type { NodeDb } from '../helpers/nodeDb';

/** Loads CSV text or bytes into `schema`.source as the app does (sniff, register, read_csv). */
export async function loadCsvText(db: NodeDb, schema: string, content: string | Uint8Array, name = 'data.csv'): Promise<string[]> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const sniff = sniffCsv(bytes.subarray(0, SNIFF_BYTES), { truncated: bytes.length > SNIFF_BYTES });
  const path = await db.registerFile(name, bytes);
  await loadCsv(db, schema, path, sniff);
  return sourceColumns(db, schema);
}

export async function importCsv(db: NodeDb, schema: string, content: string | Uint8Array, spec: ImportSpec): Promise<ImportSummary> {
  const columns = await loadCsvText(db, schema, content, `${schema}.csv`);
  return buildImport(db, schema, SQL_MODELS, spec, columns);
}

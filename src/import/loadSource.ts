import { type Connector, errorMessage, type FileConnector, quoteIdent, quoteLiteral } from '../engine/connector';
import type { ColumnSample } from './guess';
import { ImportError } from './importError';
import { qualified } from './importSql';
import type { CsvSniff } from './sniff';

/**
 * Loads a user's file into `schema`.source: every column as text (the import parses and
 * checks the mapped ones itself, so a bad value is reported by row, not lost to a guess),
 * plus __row, the row's number as a spreadsheet shows it (the header is row 1).
 */
export async function createImportSchema(connector: Connector, schema: string): Promise<void> {
  await connector.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await connector.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
}

/** DuckDB's CSV error, cut to what a person needs: the row, the reason and the line. */
export function csvErrorMessage(message: string): string {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const original = /Original Line: ([^\n]*)/.exec(message)?.[1];
  const reason = message.split('\n').find((l) => /Expected Number of Columns|Value with unterminated quote|Invalid unicode|maximum line size/i.test(l));
  if (line === undefined) return message.split('\n')[0] ?? message;
  return `Row ${line} could not be read${reason ? `: ${reason.trim()}` : ''}${original !== undefined ? ` (${original.slice(0, 120)})` : ''}.`;
}

export async function loadCsv(connector: FileConnector, schema: string, path: string, sniff: CsvSniff): Promise<void> {
  await createImportSchema(connector, schema);
  const columns = sniff.header.map((h) => `${quoteLiteral(h)}: 'VARCHAR'`).join(', ');
  const options = [
    'header = true',
    `delim = ${quoteLiteral(sniff.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `encoding = ${quoteLiteral(sniff.encoding)}`,
    'auto_detect = false',
    `columns = {${columns}}`,
  ].join(', ');
  try {
    // row_number() OVER () numbers rows in file order: the scan preserves insertion order.
    await connector.exec(`CREATE TABLE ${qualified(schema, 'source')} AS SELECT CAST(row_number() OVER () + 1 AS BIGINT) AS __row, * FROM read_csv(${quoteLiteral(path)}, ${options})`);
  } catch (error) {
    throw new ImportError('parse', csvErrorMessage(errorMessage(error)));
  }
  await assertRows(connector, schema, sniff.header);
}

/** Loads an Arrow IPC stream (from Parquet or Excel), every column cast to text. */
export async function loadArrowIpc(connector: Connector, schema: string, ipc: Uint8Array, firstRowNumber: number): Promise<void> {
  await createImportSchema(connector, schema);
  const staging = qualified(schema, 'arrow_staging');
  // insertArrowIpc names a table in the default schema: stage there under a unique name, then move.
  const temp = `__import_arrow_${schema}`;
  await connector.exec(`DROP TABLE IF EXISTS ${quoteIdent(temp)}`);
  await connector.insertArrowIpc(temp, ipc, { create: true });
  const names = (await connector.query(`SELECT column_name FROM (DESCRIBE ${quoteIdent(temp)})`)).toArray().map((r: { column_name: string }) => r.column_name);
  const text = names.map((n) => `CAST(${quoteIdent(n)} AS VARCHAR) AS ${quoteIdent(n)}`).join(', ');
  await connector.exec(`CREATE TABLE ${staging} AS SELECT CAST(row_number() OVER () + ${firstRowNumber - 1} AS BIGINT) AS __row, ${text} FROM ${quoteIdent(temp)}`);
  await connector.exec(`DROP TABLE ${quoteIdent(temp)}`);
  await connector.exec(`ALTER TABLE ${staging} RENAME TO source`);
  await assertRows(connector, schema, names);
}

async function assertRows(connector: Connector, schema: string, header: readonly string[]): Promise<void> {
  const rows = Number((await connector.query(`SELECT count(*) AS n FROM ${qualified(schema, 'source')}`)).toArray()[0]!.n);
  if (rows === 0) throw new ImportError('empty', `The file has columns (${header.slice(0, 6).join(', ')}) but no rows.`);
}

/** The file's column names, in order. */
export async function sourceColumns(connector: Connector, schema: string): Promise<string[]> {
  const described = await connector.query(`SELECT column_name FROM (DESCRIBE ${qualified(schema, 'source')})`);
  return described
    .toArray()
    .map((r: { column_name: string }) => r.column_name)
    .filter((n) => n !== '__row');
}

/** The first rows, as text, for the preview and the guesses. */
export async function previewRows(connector: Connector, schema: string, limit: number): Promise<{ columns: string[]; rows: (string | null)[][] }> {
  const columns = await sourceColumns(connector, schema);
  const table = await connector.query(`SELECT ${columns.map(quoteIdent).join(', ')} FROM ${qualified(schema, 'source')} ORDER BY __row LIMIT ${limit}`);
  const rows = table.toArray().map((r: Record<string, unknown>) => columns.map((c) => (r[c] === null || r[c] === undefined ? null : String(r[c]))));
  return { columns, rows };
}

export function samplesOf(preview: { columns: string[]; rows: (string | null)[][] }): ColumnSample[] {
  return preview.columns.map((name, i) => ({ name, values: preview.rows.map((r) => r[i] ?? null) }));
}

export async function sourceRowCount(connector: Connector, schema: string): Promise<number> {
  return Number((await connector.query(`SELECT count(*) AS n FROM ${qualified(schema, 'source')}`)).toArray()[0]!.n);
}

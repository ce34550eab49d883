import { tableToIPC, tableFromArrays } from 'apache-arrow';
import type { CellValue, Workbook } from 'exceljs';
import { ImportError } from './importError';
import { checkHeader } from './sniff';

/** The part of parquet-wasm the import uses (the browser passes its ESM build, Node its Node build). */
export interface ParquetReader {
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
}

/**
 * Parquet to Arrow IPC. DuckDB-WASM has no parquet extension offline, so parquet-wasm (arrow-rs)
 * decodes the file and DuckDB receives Arrow.
 */
export function parquetToIpc(reader: ParquetReader, bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty.');
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== 'PAR1') throw new ImportError('format', 'This is not a Parquet file (it does not start with PAR1). Pick the file with its real extension.');
  try {
    return reader.readParquet(bytes).intoIPCStream();
  } catch (error) {
    throw new ImportError('format', `The Parquet file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface ExcelModule {
  Workbook: new () => Workbook;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a CSV of the sheet would hold: dates in ISO (Excel dates carry no zone; exceljs reads them as UTC). */
export function cellText(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0 ? '' : ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    return date + time;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return null;
  }
  return String(value);
}

/**
 * The first worksheet of an .xlsx file as Arrow IPC, every column text: row 1 names the
 * columns (checked like a CSV header), the other rows are the data.
 */
export async function excelToIpc(module: ExcelModule, bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty.');
  const workbook = new module.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError('format', `The Excel file could not be read (only .xlsx workbooks are supported): ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ImportError('empty', 'The workbook\'s first sheet is empty.');
  const width = sheet.columnCount;
  const header: string[] = [];
  const headerRow = sheet.getRow(1);
  for (let c = 1; c <= width; c++) header.push(cellText(headerRow.getCell(c).value as CellValue) ?? '');
  checkHeader(header);
  const columns: (string | null)[][] = header.map(() => []);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) columns[c - 1]!.push(cellText(row.getCell(c).value as CellValue));
  }
  if ((columns[0]?.length ?? 0) === 0) throw new ImportError('empty', `The sheet "${sheet.name}" has a header (${header.join(', ')}) but no rows.`);
  return tableToIPC(tableFromArrays(Object.fromEntries(header.map((h, i) => [h, columns[i]!]))), 'stream');
}

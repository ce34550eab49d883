import type { ColumnSpec } from './columnTransfer';
import type { ReadmeInfo } from './excelWorkbook';

/**
 * The typed protocol between the page and the export worker. The worker drives: it asks
 * for the next batch of a table only when it has written the previous one, so at most one
 * batch is in flight and a large table is never held whole on either side. Batches travel
 * as Arrow IPC buffers that are transferred, never copied.
 */
export type ExportFormat = 'parquet' | 'csv' | 'xlsx';

/** `file`: one file (one table, or one workbook); `zip`: every file in one zip; `files`: each file separately (written to a folder). */
export type ExportContainer = 'file' | 'zip' | 'files';

export interface ExportTable {
  /** The table, or the name given to a query. */
  table: string;
  description: string;
  /** Columns as transferred (CSV asks DuckDB for text, so its specs are all `text`). */
  specs: ColumnSpec[];
  /** Column names as written in the file. */
  headers: string[];
  columnDescriptions: string[];
  rows: number;
}

export interface ExportJob {
  format: ExportFormat;
  container: ExportContainer;
  tables: ExportTable[];
  /** Base name of the file written: the table's name, the workbook's or the zip's. */
  name: string;
  readme: ReadmeInfo;
}

export interface ExportedFile {
  name: string;
  mimeType: string;
  blob: Blob;
}

export type ToExportWorker =
  | { type: 'start'; jobId: number; job: ExportJob }
  /** The batch asked for by `pull`; `ipc` is null after the table's last batch. */
  | { type: 'batch'; jobId: number; table: number; ipc: Uint8Array | null }
  | { type: 'cancel'; jobId: number };

export type FromExportWorker =
  | { type: 'pull'; jobId: number; table: number }
  | { type: 'progress'; jobId: number; table: number; rowsWritten: number; bytesWritten: number }
  | { type: 'done'; jobId: number; files: ExportedFile[] }
  | { type: 'error'; jobId: number; message: string }
  | { type: 'cancelled'; jobId: number };

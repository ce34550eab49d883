/**
 * The largest files the browser imports, checked before a byte is read. The wasm heap stops
 * near 3 to 4 GiB and never shrinks (architecture.md): a CSV is held once as the registered
 * file and again as text columns (about 2.5x its size in all, measured on online_retail.csv),
 * a Parquet file expands several times when decoded to Arrow, and exceljs needs about 2.7 kB
 * per row. Larger files go through the command line (`npm run pipeline -- --import`), whose
 * native engine reads them from disk.
 */
export const BROWSER_LIMITS = {
  csv: 1024 * 1024 * 1024,
  parquet: 256 * 1024 * 1024,
  xlsx: 64 * 1024 * 1024,
} as const;

export type FileFormat = keyof typeof BROWSER_LIMITS;

/** The format a file name says, or null for one the import does not read. */
export function formatOf(fileName: string): FileFormat | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'parquet' || extension === 'pq') return 'parquet';
  if (extension === 'xlsx') return 'xlsx';
  return null;
}

export const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: bytes < 10 * 1024 * 1024 ? 1 : 0 })} MB`;

/** Why the browser will not load this file, or null when it will. */
export function tooLargeMessage(fileName: string, size: number, format: FileFormat): string | null {
  const limit = BROWSER_LIMITS[format];
  if (size <= limit) return null;
  return `${fileName} is ${megabytes(size)}: the browser imports ${format === 'xlsx' ? 'Excel' : format === 'csv' ? 'CSV' : 'Parquet'} files up to ${megabytes(limit)} (its memory stops near 4 GB). Nothing was loaded. Import it with the command line instead: npm run pipeline -- --import ${fileName} ...`;
}

import type { Table } from 'apache-arrow';

/** One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A table as RFC 4180 CSV (CRLF line ends, header row), yielded in pieces so a large table
 * never becomes one giant string. Values are written as JavaScript stringifies them; callers
 * wanting ISO dates and exact decimals pass a table whose columns DuckDB already cast to text.
 */
export function* csvChunks(table: Table, rowsPerChunk = 10_000): Generator<string, void, void> {
  const names = table.schema.fields.map((f) => f.name);
  yield `${names.map(csvField).join(',')}\r\n`;
  const columns = names.map((_, i) => table.getChildAt(i)!);
  let piece: string[] = [];
  for (let row = 0; row < table.numRows; row++) {
    piece.push(`${columns.map((c) => csvField(c.get(row))).join(',')}\r\n`);
    if (piece.length === rowsPerChunk) {
      yield piece.join('');
      piece = [];
    }
  }
  if (piece.length > 0) yield piece.join('');
}

/** SELECT that casts every column of a table or query to text the way DuckDB prints it (ISO dates, exact decimals). */
export function selectAsText(source: string): string {
  return `SELECT COLUMNS(*)::VARCHAR FROM (${source})`;
}

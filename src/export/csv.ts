import { DataType, type RecordBatch, type Table } from 'apache-arrow';

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

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

function needsQuotes(bytes: Uint8Array, start: number, end: number): boolean {
  // An empty string is quoted so that it reads back as '' rather than NULL (DuckDB's convention).
  if (start === end) return true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === QUOTE || b === COMMA || b === CR || b === LF) return true;
  }
  return false;
}

/**
 * The rows of one batch whose columns DuckDB already printed as text (Utf8), as RFC 4180
 * lines in UTF-8. Works on the column bytes directly: the values are never decoded into
 * JavaScript strings and encoded again, which made a large table several times slower.
 * NULL is an empty field; a field holding a comma, quote or line break is quoted.
 */
export function csvBatchBytes(batch: RecordBatch): Uint8Array {
  const columns = batch.schema.fields.map((field, i) => {
    const data = batch.getChildAt(i)!.data[0]!;
    if (!DataType.isUtf8(field.type)) throw new Error(`CSV column ${field.name} must arrive as text, not ${String(field.type)}`);
    return { data, offsets: data.valueOffsets as Int32Array, bytes: data.values as Uint8Array };
  });
  let capacity = batch.numRows * (2 + columns.length);
  for (const c of columns) capacity += 2 * c.bytes.byteLength + 2 * batch.numRows;
  const out = new Uint8Array(capacity);
  let at = 0;
  for (let row = 0; row < batch.numRows; row++) {
    for (let col = 0; col < columns.length; col++) {
      if (col > 0) out[at++] = COMMA;
      const { data, offsets, bytes } = columns[col]!;
      if (!data.getValid(row)) continue;
      const start = offsets[data.offset + row]!;
      const end = offsets[data.offset + row + 1]!;
      if (!needsQuotes(bytes, start, end)) {
        out.set(bytes.subarray(start, end), at);
        at += end - start;
        continue;
      }
      out[at++] = QUOTE;
      for (let i = start; i < end; i++) {
        const b = bytes[i]!;
        if (b === QUOTE) out[at++] = QUOTE;
        out[at++] = b;
      }
      out[at++] = QUOTE;
    }
    out[at++] = CR;
    out[at++] = LF;
  }
  // A copy of the used part, so the worst-case buffer is not kept alive by the file being built.
  return out.slice(0, at);
}

export function csvHeader(names: readonly string[]): string {
  return `${names.map(csvField).join(',')}\r\n`;
}

/** SELECT that casts every column of a table or query to text the way DuckDB prints it (ISO dates, exact decimals). */
export function selectAsText(source: string): string {
  return `SELECT COLUMNS(*)::VARCHAR FROM (${source})`;
}

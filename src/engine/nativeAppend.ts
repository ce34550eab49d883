import duckdb from '@duckdb/node-bindings';
import { type DuckDBAppender, DuckDBDataChunk, type DuckDBEnumType, type DuckDBType, DuckDBTypeId, ENUM } from '@duckdb/node-api';
import { type Data, type DataType, type RecordBatch, Type } from 'apache-arrow';

/**
 * Arrow record batches into native DuckDB (@duckdb/node-api) without a JavaScript value per
 * cell. The Node bindings do not expose DuckDB's Arrow scan, so batches are copied into DuckDB
 * data chunks and appended: fixed-width columns as raw bytes (Arrow and DuckDB share the
 * little-endian layouts of ints, floats, DATE days and TIMESTAMP microseconds), dictionary
 * strings as ENUM indices, plain strings per row from their UTF-8 bytes.
 */

/** The SQL column type a native table gets for an Arrow field: the types DuckDB-WASM picks on insert. */
export function duckdbTypeOfArrow(type: DataType): string {
  switch (type.typeId) {
    case Type.Bool:
      return 'BOOLEAN';
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      const names: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
      return `${isSigned ? '' : 'U'}${names[bitWidth]}`;
    }
    case Type.Float: {
      const { precision } = type as unknown as { precision: number };
      if (precision === 0) break; // half floats have no DuckDB type
      return precision === 1 ? 'FLOAT' : 'DOUBLE';
    }
    case Type.Utf8:
      return 'VARCHAR';
    case Type.Dictionary: {
      const { dictionary } = type as unknown as { dictionary: DataType };
      if (dictionary.typeId === Type.Utf8) return 'VARCHAR';
      break;
    }
    case Type.Date: {
      const { unit } = type as unknown as { unit: number };
      if (unit === 0) return 'DATE';
      break;
    }
    case Type.Timestamp: {
      const { unit, timezone } = type as unknown as { unit: number; timezone: string | null };
      if (timezone) return 'TIMESTAMPTZ';
      return ['TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP', 'TIMESTAMP_NS'][unit]!;
    }
  }
  throw new Error(`native load: Arrow type ${String(type)} is not supported`);
}

/** Bytes per value of the fixed-width DuckDB types that share Arrow's layout. */
const FIXED_WIDTH: Partial<Record<DuckDBTypeId, number>> = {
  [DuckDBTypeId.TINYINT]: 1,
  [DuckDBTypeId.UTINYINT]: 1,
  [DuckDBTypeId.SMALLINT]: 2,
  [DuckDBTypeId.USMALLINT]: 2,
  [DuckDBTypeId.INTEGER]: 4,
  [DuckDBTypeId.UINTEGER]: 4,
  [DuckDBTypeId.BIGINT]: 8,
  [DuckDBTypeId.UBIGINT]: 8,
  [DuckDBTypeId.FLOAT]: 4,
  [DuckDBTypeId.DOUBLE]: 8,
  [DuckDBTypeId.DATE]: 4,
  [DuckDBTypeId.TIMESTAMP]: 8,
  [DuckDBTypeId.TIMESTAMP_S]: 8,
  [DuckDBTypeId.TIMESTAMP_MS]: 8,
  [DuckDBTypeId.TIMESTAMP_NS]: 8,
  [DuckDBTypeId.TIMESTAMP_TZ]: 8,
};

function isValid(data: Data, row: number): boolean {
  if (data.nullCount === 0 || !data.nullBitmap) return true;
  const bit = data.offset + row;
  return ((data.nullBitmap[bit >> 3]! >> (bit & 7)) & 1) === 1;
}

/** Copies an Arrow validity range into DuckDB's mask (also LSB-first bits, in 64-bit words). */
function copyValidity(vector: duckdb.Vector, data: Data, start: number, count: number): void {
  if (data.nullCount === 0) return;
  duckdb.vector_ensure_validity_writable(vector);
  const mask = new Uint8Array(Math.ceil(count / 64) * 8);
  for (let row = 0; row < count; row++) if (isValid(data, start + row)) mask[row >> 3]! |= 1 << (row & 7);
  duckdb.copy_data_to_vector_validity(vector, 0, mask.buffer, 0, mask.byteLength);
}

/** UTF-8 bytes of each entry of a string vector, sliced without decoding to JavaScript strings. */
function utf8Slices(data: Data): (Uint8Array | null)[] {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const out: (Uint8Array | null)[] = [];
  for (let i = 0; i < data.length; i++) {
    out.push(isValid(data, i) ? bytes.subarray(offsets[data.offset + i]!, offsets[data.offset + i + 1]!) : null);
  }
  return out;
}

/** A column of one record batch, prepared once and then copied chunk by chunk. */
type ColumnWriter = (vector: duckdb.Vector, start: number, count: number) => void;

/**
 * A dictionary-encoded string column travels as a DuckDB ENUM of the batch's dictionary: its
 * indices are copied as bytes and the appender casts ENUM to the table's VARCHAR inside
 * DuckDB. Assigning each string from JavaScript instead costs one native call per row and
 * made loading the demo preset several times slower.
 */
function dictionaryEnum(data: Data): { type: DuckDBEnumType; writer: ColumnWriter } | null {
  const dictionary = data.dictionary;
  if (!dictionary || dictionary.type.typeId !== Type.Utf8 || dictionary.nullCount > 0) return null;
  const labels = dictionary.toArray() as string[];
  if (new Set(labels).size !== labels.length) return null; // an ENUM needs unique labels
  const type = ENUM(labels);
  const Target = labels.length <= 0xff ? Uint8Array : labels.length <= 0xffff ? Uint16Array : Uint32Array;
  const indices = data.values as ArrayLike<number | bigint>;
  return {
    type,
    writer: (vector, start, count) => {
      const out = new Target(count);
      const from = data.offset + start;
      for (let row = 0; row < count; row++) out[row] = Number(indices[from + row]);
      duckdb.copy_data_to_vector(vector, 0, out.buffer, 0, out.byteLength);
      copyValidity(vector, data, start, count);
    },
  };
}

function columnWriter(data: Data, target: DuckDBType): ColumnWriter {
  const width = FIXED_WIDTH[target.typeId];
  if (width !== undefined) {
    const values = data.values as ArrayBufferView;
    return (vector, start, count) => {
      duckdb.copy_data_to_vector(vector, 0, values.buffer as ArrayBuffer, values.byteOffset + (data.offset + start) * width, count * width);
      copyValidity(vector, data, start, count);
    };
  }
  if (target.typeId === DuckDBTypeId.BOOLEAN) {
    return (vector, start, count) => {
      const bytes = new Uint8Array(count);
      const bits = data.values as Uint8Array;
      for (let row = 0; row < count; row++) {
        const bit = data.offset + start + row;
        bytes[row] = (bits[bit >> 3]! >> (bit & 7)) & 1;
      }
      duckdb.copy_data_to_vector(vector, 0, bytes.buffer, 0, count);
      copyValidity(vector, data, start, count);
    };
  }
  if (target.typeId === DuckDBTypeId.VARCHAR) {
    // Plain strings, or a dictionary an ENUM cannot carry (repeated or null labels).
    const dictionary = data.dictionary;
    const entries = dictionary ? dictionary.data.flatMap(utf8Slices) : utf8Slices(data);
    const indices = dictionary ? (data.values as ArrayLike<number | bigint>) : null;
    return (vector, start, count) => {
      copyValidity(vector, data, start, count);
      for (let row = 0; row < count; row++) {
        if (!isValid(data, start + row)) continue;
        const entry = indices ? entries[Number(indices[data.offset + start + row])] : entries[start + row];
        if (entry) duckdb.vector_assign_string_element_len(vector, row, entry);
      }
    };
  }
  throw new Error(`native load: DuckDB type ${target.toString()} is not supported`);
}

/** Appends every row of the batches through the appender, one DuckDB vector (2048 rows) at a time. */
export function appendBatches(appender: DuckDBAppender, batches: readonly RecordBatch[]): void {
  const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
  const vectorSize = duckdb.vector_size();
  for (const batch of batches) {
    if (batch.numCols !== types.length) throw new Error(`native load: ${batch.numCols} Arrow columns for ${types.length} table columns`);
    const columns = types.map((type, i) => {
      const data = batch.data.children[i]!;
      const asEnum = type.typeId === DuckDBTypeId.VARCHAR ? dictionaryEnum(data) : null;
      return asEnum ?? { type, writer: columnWriter(data, type) };
    });
    // One chunk per batch, reused: creating an ENUM type of a large dictionary per chunk is slow.
    const chunk = new DuckDBDataChunk(duckdb.create_data_chunk(columns.map((c) => c.type.toLogicalType().logical_type)));
    const writers = columns.map((c) => c.writer);
    for (let start = 0; start < batch.numRows; start += vectorSize) {
      const count = Math.min(vectorSize, batch.numRows - start);
      chunk.reset();
      chunk.rowCount = count;
      writers.forEach((write, i) => write(duckdb.data_chunk_get_vector(chunk.chunk, i), start, count));
      appender.appendDataChunk(chunk);
    }
  }
}

import {
  type Data,
  type DataType,
  Decimal,
  Field,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Uint64,
  Utf8,
  type Vector,
} from 'apache-arrow';
import { quoteIdent } from '../engine/connector';

/**
 * How one column travels from DuckDB-WASM to the export worker with its exact type.
 *
 * The app opens DuckDB-WASM with castBigIntToDouble and castDecimalToDouble (the views want
 * numbers), and that setting is global to the database: reopening with other settings drops
 * every table. So 64-bit integers and decimals are sent as 32-bit words that no cast touches,
 * and the worker puts the exact Int64 / Uint64 / Decimal128 columns back together.
 *
 * - `plain`: sent as is (strings, booleans, small integers, doubles, dates, timestamps).
 * - `int64` / `uint64`: BIGINT / UBIGINT as a high word (INTEGER or UINTEGER) and a low word (UINTEGER).
 * - `decimal64`: DECIMAL(p ≤ 18, s) as its unscaled BIGINT value, split the same way.
 * - `decimalText`: DECIMAL(p > 18, s) and HUGEINT (as DECIMAL(38, 0)) as exact text, parsed to 128-bit words.
 * - `text`: any other type (ENUM, INTERVAL, UHUGEINT, nested types, ...) as DuckDB prints it.
 */
export type TransferKind = 'plain' | 'int64' | 'uint64' | 'decimal64' | 'decimalText' | 'text';

export interface ColumnSpec {
  name: string;
  /** DuckDB's type name, as DESCRIBE prints it. */
  duckdbType: string;
  kind: TransferKind;
  /** Decimal precision and scale (decimal kinds only). */
  precision: number;
  scale: number;
}

const PLAIN_TYPES = new Set([
  'BOOLEAN',
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'FLOAT',
  'DOUBLE',
  'VARCHAR',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMP_S',
  'TIMESTAMP_MS',
  'TIMESTAMP_NS',
  'TIMESTAMP WITH TIME ZONE',
  'BLOB',
  'UUID',
]);

/** The transfer plan of a column from its DuckDB type. */
export function columnSpec(name: string, duckdbType: string): ColumnSpec {
  const type = duckdbType.toUpperCase();
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) {
    const precision = Number(decimal[1]);
    const scale = Number(decimal[2]);
    return { name, duckdbType, kind: precision <= 18 ? 'decimal64' : 'decimalText', precision, scale };
  }
  const base = { name, duckdbType, precision: 0, scale: 0 };
  if (type === 'BIGINT') return { ...base, kind: 'int64' };
  if (type === 'UBIGINT') return { ...base, kind: 'uint64' };
  if (type === 'HUGEINT') return { ...base, kind: 'decimalText', precision: 38, scale: 0 };
  // ENUM goes as text: as an Arrow dictionary it reached Node's parquet-wasm fine but made the
  // browser build fail ("Dyn casting error"), and its values are strings in every format anyway.
  return { ...base, kind: PLAIN_TYPES.has(type) ? 'plain' : 'text' };
}

/** DESCRIBE of a table or query, whose rows (column_name, column_type) give the specs. */
export function describeSql(source: string): string {
  return `DESCRIBE SELECT * FROM (${source})`;
}

export function specsFromDescribe(rows: readonly { column_name: unknown; column_type: unknown }[]): ColumnSpec[] {
  return rows.map((r) => columnSpec(String(r.column_name), String(r.column_type)));
}

const WORD = 4294967295;

/**
 * The SELECT list that sends each column as its transfer kind needs, with positional aliases
 * (`w<column>_<part>`) so that no column name can collide or break the SQL.
 */
export function transferSelectList(specs: readonly ColumnSpec[]): string {
  return specs
    .map((spec, i) => {
      const c = quoteIdent(spec.name);
      switch (spec.kind) {
        case 'plain':
          return `${c} AS w${i}_0`;
        case 'int64':
          return `(${c} >> 32)::INTEGER AS w${i}_0, (${c} & ${WORD})::UINTEGER AS w${i}_1`;
        case 'uint64':
          return `(${c} >> 32)::UINTEGER AS w${i}_0, (${c} & ${WORD})::UINTEGER AS w${i}_1`;
        case 'decimal64': {
          // Widening to 38 digits first: p + s <= 36, so the scaled value can never overflow.
          const unscaled = `CAST(CAST(${c} AS DECIMAL(38, ${spec.scale})) * ${10 ** spec.scale} AS BIGINT)`;
          return `(${unscaled} >> 32)::INTEGER AS w${i}_0, (${unscaled} & ${WORD})::UINTEGER AS w${i}_1`;
        }
        case 'decimalText':
        case 'text':
          return `${c}::VARCHAR AS w${i}_0`;
      }
    })
    .join(', ');
}

/** The Arrow type a column has once restored (plain columns keep the type DuckDB sent). */
function restoredType(spec: ColumnSpec, sent: DataType): DataType {
  switch (spec.kind) {
    case 'int64':
      return new Int64();
    case 'uint64':
      return new Uint64();
    case 'decimal64':
    case 'decimalText':
      return new Decimal(spec.scale, spec.precision, 128);
    case 'text':
      return new Utf8();
    case 'plain':
      return sent;
  }
}

/** Two 32-bit words per row (high word signed or not, low word unsigned) as little-endian 64-bit integers. */
function joinWords(high: Int32Array | Uint32Array, low: Uint32Array, length: number): Uint32Array {
  const out = new Uint32Array(length * 2);
  for (let row = 0; row < length; row++) {
    out[row * 2] = low[row]!;
    out[row * 2 + 1] = high[row]!;
  }
  return out;
}

/** 64-bit two's complement values widened to 128 bits (four little-endian words), as Arrow's Decimal128 stores them. */
function widenTo128(words64: Uint32Array, length: number): Uint32Array {
  const out = new Uint32Array(length * 4);
  for (let row = 0; row < length; row++) {
    const high = words64[row * 2 + 1]!;
    out[row * 4] = words64[row * 2]!;
    out[row * 4 + 1] = high;
    const sign = high & 0x80000000 ? WORD : 0;
    out[row * 4 + 2] = sign;
    out[row * 4 + 3] = sign;
  }
  return out;
}

/** Exact decimal text ("-12.5") to the unscaled integer at `scale` (-1250n at scale 3). */
export function unscaledDecimal(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.');
  if (fraction.length > scale) throw new Error(`${text} has more than ${scale} decimal places`);
  const digits = BigInt(`${whole}${fraction.padEnd(scale, '0')}`);
  return negative ? -digits : digits;
}

const MASK_32 = 0xffffffffn;

/** Decimal texts to Decimal128 words (nulls stay zero; the validity bitmap carries them). */
function decimalWordsFromText(vector: Vector, scale: number): Uint32Array {
  const out = new Uint32Array(vector.length * 4);
  for (let row = 0; row < vector.length; row++) {
    const text = vector.get(row) as string | null;
    if (text === null) continue;
    let value = BigInt.asUintN(128, unscaledDecimal(text, scale));
    for (let word = 0; word < 4; word++) {
      out[row * 4 + word] = Number(value & MASK_32);
      value >>= 32n;
    }
  }
  return out;
}

function column(batch: RecordBatch, name: string): Vector {
  const vector = batch.getChild(name);
  if (!vector) throw new Error(`Transfer column ${name} is missing`);
  return vector;
}

function restoreColumn(batch: RecordBatch, spec: ColumnSpec, index: number): Data {
  const first = column(batch, `w${index}_0`);
  const firstData = first.data[0]!;
  // Batches decoded from IPC start at offset 0; the word arrays below are indexed from there.
  if (firstData.offset !== 0 || first.data.length !== 1) throw new Error(`Transfer column w${index}_0 is not one unsliced chunk`);
  const length = batch.numRows;
  const validity = { nullCount: firstData.nullCount, nullBitmap: firstData.nullBitmap };
  const type = restoredType(spec, first.type as DataType);
  if (spec.kind === 'plain' || spec.kind === 'text') return firstData;
  if (spec.kind === 'decimalText') return makeData({ type: type as Decimal, length, ...validity, data: decimalWordsFromText(first, spec.scale) });
  const high = firstData.values as Int32Array | Uint32Array;
  const low = column(batch, `w${index}_1`).data[0]!.values as Uint32Array;
  const words = joinWords(high, low, length);
  if (spec.kind === 'decimal64') return makeData({ type: type as Decimal, length, ...validity, data: widenTo128(words, length) });
  if (spec.kind === 'int64') return makeData({ type: type as Int64, length, ...validity, data: new BigInt64Array(words.buffer) });
  return makeData({ type: type as Uint64, length, ...validity, data: new BigUint64Array(words.buffer) });
}

/**
 * One transferred batch back in the source's exact types and column names. Works on one
 * record batch at a time, so a large table is never held whole.
 */
export function restoreBatch(batch: RecordBatch, specs: readonly ColumnSpec[]): RecordBatch {
  const children = specs.map((spec, i) => restoreColumn(batch, spec, i));
  const fields = specs.map((spec, i) => new Field(spec.name, children[i]!.type, true));
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

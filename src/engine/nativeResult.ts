import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  Bool,
  type Data,
  type DataType,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  makeData,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  Vector,
  vectorFromArray,
} from 'apache-arrow';

/**
 * Native DuckDB results as Arrow tables, so code written against the Connector interface
 * (the pipeline runner, the query service, tests) reads native and DuckDB-WASM results alike.
 * Results here are small (counts, marts), so going through DuckDB values per cell is fine.
 */

function numberOf(value: DuckDBValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return Number(value);
}

function fixedData<T extends DataType>(type: T, values: readonly DuckDBValue[], array: { [i: number]: number | bigint; length: number }, convert: (v: DuckDBValue) => number | bigint): Data<T> {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) nullCount++;
    else {
      array[i] = convert(value);
      nullBitmap[i >> 3]! |= 1 << (i & 7);
    }
  });
  return makeData({ type, length: values.length, nullCount, nullBitmap: nullCount > 0 ? nullBitmap : undefined, data: array } as never) as Data<T>;
}

const timestampMicros = (v: DuckDBValue): bigint => {
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return v.micros;
  if (v instanceof DuckDBTimestampSecondsValue) return v.seconds;
  if (v instanceof DuckDBTimestampMillisecondsValue) return v.millis;
  if (v instanceof DuckDBTimestampNanosecondsValue) return v.nanos;
  return BigInt(String(v));
};

/**
 * One result column as an Arrow vector with the JavaScript types DuckDB-WASM gives under
 * DUCKDB_CONFIG: BIGINT and DECIMAL as doubles, DATE as days, TIMESTAMP in its own unit.
 */
function columnVector(type: DuckDBType, values: readonly DuckDBValue[]): Vector {
  const n = values.length;
  const id = type.typeId;
  const ints: Partial<Record<DuckDBTypeId, [DataType, { new (n: number): { [i: number]: number; length: number } }]>> = {
    [DuckDBTypeId.TINYINT]: [new Int8(), Int8Array],
    [DuckDBTypeId.SMALLINT]: [new Int16(), Int16Array],
    [DuckDBTypeId.INTEGER]: [new Int32(), Int32Array],
    [DuckDBTypeId.UTINYINT]: [new Uint8(), Uint8Array],
    [DuckDBTypeId.USMALLINT]: [new Uint16(), Uint16Array],
    [DuckDBTypeId.UINTEGER]: [new Uint32(), Uint32Array],
    [DuckDBTypeId.FLOAT]: [new Float32(), Float32Array],
  };
  const small = ints[id];
  if (small) return new Vector([fixedData(small[0], values, new small[1](n), numberOf)]);
  switch (id) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.DOUBLE:
      return new Vector([fixedData(new Float64(), values, new Float64Array(n), numberOf)]);
    case DuckDBTypeId.BOOLEAN:
      return vectorFromArray(values.map((v) => (v === null ? null : Boolean(v))), new Bool());
    case DuckDBTypeId.DATE:
      return new Vector([fixedData(new DateDay(), values, new Int32Array(n), (v) => (v as DuckDBDateValue).days)]);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new Vector([fixedData(new TimestampMicrosecond(id === DuckDBTypeId.TIMESTAMP_TZ ? 'UTC' : null), values, new BigInt64Array(n), timestampMicros)]);
    case DuckDBTypeId.TIMESTAMP_S:
      return new Vector([fixedData(new TimestampSecond(), values, new BigInt64Array(n), timestampMicros)]);
    case DuckDBTypeId.TIMESTAMP_MS:
      return new Vector([fixedData(new TimestampMillisecond(), values, new BigInt64Array(n), timestampMicros)]);
    case DuckDBTypeId.TIMESTAMP_NS:
      return new Vector([fixedData(new TimestampNanosecond(), values, new BigInt64Array(n), timestampMicros)]);
    default:
      // VARCHAR, and anything rarer (intervals, lists, enums) as its text form.
      return vectorFromArray(values.map((v) => (v === null ? null : String(v))), new Utf8());
  }
}

/** A native result (names, types, columns) as an Arrow table. */
export function resultToArrow(names: readonly string[], types: readonly DuckDBType[], columns: readonly (readonly DuckDBValue[])[]): Table {
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    vectors[name] = columnVector(types[i]!, columns[i] ?? []);
  });
  return new Table(vectors);
}

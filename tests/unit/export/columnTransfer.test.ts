import { Int32, makeData, RecordBatch, Schema, Field, Struct, Uint32, Utf8, vectorFromArray, type Data } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnSpec, restoreBatch, transferSelectList, unscaledDecimal } from '../../../src/export/columnTransfer';

function batchOf(columns: Record<string, Data>): RecordBatch {
  const fields = Object.entries(columns).map(([name, data]) => new Field(name, data.type, true));
  const length = Object.values(columns)[0]!.length;
  return new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length, nullCount: 0, children: Object.values(columns) }));
}

const int32 = (values: number[]) => makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values) });
const uint32 = (values: number[]) => makeData({ type: new Uint32(), length: values.length, data: Uint32Array.from(values) });

describe('column transfer plans', () => {
  it('sends 64-bit integers and decimals as words, odd types as text, the rest as is', () => {
    expect(columnSpec('a', 'BIGINT').kind).toBe('int64');
    expect(columnSpec('a', 'UBIGINT').kind).toBe('uint64');
    expect(columnSpec('a', 'DECIMAL(12,2)')).toMatchObject({ kind: 'decimal64', precision: 12, scale: 2 });
    expect(columnSpec('a', 'DECIMAL(38,2)')).toMatchObject({ kind: 'decimalText', precision: 38, scale: 2 });
    expect(columnSpec('a', 'HUGEINT')).toMatchObject({ kind: 'decimalText', precision: 38, scale: 0 });
    for (const type of ['DATE', 'TIMESTAMP', 'BOOLEAN', 'INTEGER', 'DOUBLE', 'VARCHAR']) expect(columnSpec('a', type).kind).toBe('plain');
    expect(columnSpec('a', "ENUM('iOS', 'Web')").kind).toBe('text');
    expect(columnSpec('a', 'INTERVAL').kind).toBe('text');
    expect(columnSpec('a', 'STRUCT(x INTEGER)').kind).toBe('text');
  });

  it('quotes column names in the transfer SELECT and aliases them by position', () => {
    const sql = transferSelectList([columnSpec('we"ird', 'BIGINT'), columnSpec('d', 'DECIMAL(12,2)')]);
    expect(sql).toBe(
      '("we""ird" >> 32)::INTEGER AS w0_0, ("we""ird" & 4294967295)::UINTEGER AS w0_1, ' +
        '(CAST(CAST("d" AS DECIMAL(38, 2)) * 100 AS BIGINT) >> 32)::INTEGER AS w1_0, (CAST(CAST("d" AS DECIMAL(38, 2)) * 100 AS BIGINT) & 4294967295)::UINTEGER AS w1_1',
    );
  });

  it('reads exact decimal text as its unscaled integer', () => {
    expect(unscaledDecimal('-12.5', 3)).toBe(-12500n);
    expect(unscaledDecimal('0.07', 2)).toBe(7n);
    expect(unscaledDecimal('123456789012345678901234567890123456.78', 2)).toBe(12345678901234567890123456789012345678n);
    expect(() => unscaledDecimal('1.234', 2)).toThrow(/more than 2 decimal places/);
  });
});

describe('restoring a transferred batch', () => {
  it('puts BIGINT words back together, negative and beyond 2^53 included, with nulls', () => {
    // -5 = 0xFFFFFFFF_FFFFFFFB; 2^53 + 1 = 0x00200000_00000001; the third row is NULL.
    const high = makeData({ type: new Int32(), length: 3, nullCount: 1, nullBitmap: Uint8Array.from([0b011]), data: Int32Array.from([-1, 0x200000, 0]) });
    const batch = batchOf({ w0_0: high, w0_1: uint32([0xfffffffb, 1, 0]) });
    const restored = restoreBatch(batch, [columnSpec('big', 'BIGINT')]);
    expect(String(restored.schema.fields[0]!.type)).toBe('Int64');
    expect(restored.schema.fields[0]!.name).toBe('big');
    const column = restored.getChildAt(0)!;
    expect([column.get(0), column.get(1), column.get(2)]).toEqual([-5n, 2n ** 53n + 1n, null]);
  });

  it('rebuilds DECIMAL(12,2) as Decimal128 words, sign-extended', () => {
    // -1.25 is -125 unscaled: high word -1, low word 2^32 - 125.
    const batch = batchOf({ w0_0: int32([-1, 0]), w0_1: uint32([2 ** 32 - 125, 1999]) });
    const restored = restoreBatch(batch, [columnSpec('amount', 'DECIMAL(12,2)')]);
    const data = restored.getChildAt(0)!.data[0]!;
    expect(data.type).toMatchObject({ precision: 12, scale: 2, bitWidth: 128 });
    expect(Array.from(data.values as Uint32Array)).toEqual([2 ** 32 - 125, 0xffffffff, 0xffffffff, 0xffffffff, 1999, 0, 0, 0]);
  });

  it('parses wide decimals from text into four words', () => {
    const text = vectorFromArray(['-0.01', null, '1267650600228229401496703205376.00'], new Utf8()).data[0]!;
    const restored = restoreBatch(batchOf({ w0_0: text }), [columnSpec('total', 'DECIMAL(38,2)')]);
    const data = restored.getChildAt(0)!.data[0]!;
    // 2^100 * 100 = 2^102 * 25: word 3 holds 25 << 6.
    expect(Array.from((data.values as Uint32Array).slice(0, 4))).toEqual([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(Array.from((data.values as Uint32Array).slice(8, 12))).toEqual([0, 0, 0, 25 * 64]);
    expect(data.getValid(1)).toBe(false);
  });
});

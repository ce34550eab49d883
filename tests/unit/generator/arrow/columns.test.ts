import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { int8Column, toIpcStream, utf8Column } from '../../../../src/generator/arrow/columns';

const roundTrip = (column: ReturnType<typeof utf8Column>) => tableFromIPC(toIpcStream([column])).getChild(column.name)!.toArray() as unknown[];

describe('hand-built Arrow columns read back with apache-arrow', () => {
  it('writes UTF-8 strings with NULLs, empty strings and characters beyond ASCII', () => {
    const values = ['C000001', null, '', 'Müller & Söhne GmbH', 'Ōsaka 株式会社', '🚀 launch', 'plain'];
    expect(roundTrip(utf8Column('name', values))).toEqual(values);
  });

  it('grows its byte buffer for long values without losing earlier ones', () => {
    const values = Array.from({ length: 50 }, (_, i) => `${'é'.repeat(i * 7)}#${i}`);
    values.push('x'.repeat(5000));
    expect(roundTrip(utf8Column('long', values))).toEqual(values);
  });

  it('writes one-byte codes with a validity bitmap', () => {
    const validity = { bitmap: Uint8Array.of(0b101), nullCount: 1 };
    const table = tableFromIPC(toIpcStream([int8Column('code', Int8Array.of(3, 0, -2), validity)]));
    expect([...table.getChild('code')!]).toEqual([3, null, -2]);
  });
});

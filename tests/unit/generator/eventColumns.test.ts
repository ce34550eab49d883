import { describe, expect, it } from 'vitest';
import { Int16, makeData, tableFromIPC } from 'apache-arrow';
import { int32Column, int8Column, timestampColumn, toIpcStream } from '../../../src/generator/arrow/columns';
import { EventChunkBuilder } from '../../../src/generator/eventColumns';

/** The same chunk through apache-arrow's own writer (tableToIPC), the independent reference. */
function referenceIpc(b: EventChunkBuilder): Uint8Array {
  const n = b.length;
  const validity = (codes: Int8Array) => {
    const bitmap = new Uint8Array((n + 7) >> 3);
    let nullCount = 0;
    codes.forEach((c, i) => (c < 0 ? nullCount++ : (bitmap[i >> 3]! |= 1 << (i & 7))));
    return { bitmap, nullCount };
  };
  const country = b.country.slice(0, n);
  const category = b.category.slice(0, n);
  const countryValidity = validity(country);
  const categoryValidity = validity(category);
  const zeroNulls = (codes: Int8Array) => codes.map((c) => (c < 0 ? 0 : c));
  return toIpcStream([
    int32Column('event_id', b.eventId.slice(0, n)),
    int32Column('user_number', b.user.slice(0, n)),
    int32Column('customer_number', b.account.slice(0, n)),
    timestampColumn('event_time', b.timeMs.slice(0, n)),
    int8Column('event_type_code', b.eventType.slice(0, n)),
    int8Column('platform_code', b.platform.slice(0, n)),
    int8Column('utm_source_code', b.utmSource.slice(0, n)),
    int8Column('country_code', zeroNulls(country), countryValidity),
    int32Column('miles_amount', b.miles.slice(0, n), categoryValidity),
    int8Column('transaction_category_code', zeroNulls(category), categoryValidity),
    { name: 'adoption_milli', data: makeData({ type: new Int16(), length: n, nullCount: 0, data: b.adoptionMilli.slice(0, n) }) },
    int32Column('received_lag_ms', b.receivedLagMs.slice(0, n)),
  ]);
}

/** Rows with a few patterns: NULL codes where asked, times before and long after 1970. */
function chunk(rows: number, nulls: { country: boolean; category: boolean }): EventChunkBuilder {
  const b = new EventChunkBuilder(4);
  b.reserve(rows);
  for (let i = 0; i < rows; i++) {
    const k = b.n++;
    b.eventId[k] = i + 1;
    b.user[k] = 1000 + (i % 7);
    b.account[k] = i % 3;
    b.timeMs[k] = (i % 2 === 0 ? 1_735_689_600_123 : -86_400_000) + i * 1_001;
    b.receivedLagMs[k] = i % 2 === 0 ? 1000 + i : -2000;
    b.eventType[k] = i % 17;
    b.platform[k] = i % 3;
    b.utmSource[k] = i % 5;
    b.country[k] = nulls.country && i % 4 === 1 ? -1 : i % 9;
    const redeemed = !nulls.category || i % 3 === 0;
    b.category[k] = redeemed ? i % 5 : -1;
    b.miles[k] = redeemed ? 100 * (i % 4) : 0;
    b.adoptionMilli[k] = (i * 97) % 1001;
  }
  return b;
}

describe('events chunk IPC, written in one pass', () => {
  it.each([
    ['NULLs in both nullable codes, rows not a multiple of 8', 13, { country: true, category: true }],
    ['no NULLs at all', 16, { country: false, category: false }],
    ['NULL categories only, one row', 1, { country: false, category: true }],
    ['no rows', 0, { country: true, category: true }],
  ] as const)('gives the bytes of apache-arrow’s writer: %s', (_name, rows, nulls) => {
    const b = chunk(rows, nulls);
    expect(Buffer.from(b.toIpc()).equals(Buffer.from(referenceIpc(b)))).toBe(true);
  });

  it('reads back as the rows written, NULLs where the code was -1', () => {
    const table = tableFromIPC(chunk(9, { country: true, category: true }).toIpc());
    expect(table.numRows).toBe(9);
    expect([...table.getChild('country_code')!]).toEqual([0, null, 2, 3, 4, null, 6, 7, 8]);
    expect([...table.getChild('miles_amount')!]).toEqual([0, null, null, 300, null, null, 200, null, null]);
    expect(table.getChild('event_time')!.get(1)).toBe(-86_400_000 + 1_001);
    expect(table.getChild('received_lag_ms')!.get(8)).toBe(1008);
    expect(table.getChild('adoption_milli')!.get(8)).toBe(776);
  });
});

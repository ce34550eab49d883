import { Field, makeData, RecordBatch, Schema, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { csvBatchBytes, csvField, csvHeader } from '../../../src/export/csv';

function textBatch(columns: Record<string, (string | null)[]>): RecordBatch {
  const children = Object.values(columns).map((values) => vectorFromArray(values, new Utf8()).data[0]!);
  const fields = Object.keys(columns).map((name) => new Field(name, new Utf8(), true));
  return new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: children[0]!.length, nullCount: 0, children }));
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('RFC 4180 CSV', () => {
  it('quotes exactly the fields holding a comma, a quote or a line break, doubling quotes', () => {
    const batch = textBatch({
      plain: ['abc', 'a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly'],
      other: ['1', '2', '3', '4', '5'],
    });
    expect(text(csvBatchBytes(batch))).toBe('abc,1\r\n"a,b",2\r\n"say ""hi""",3\r\n"two\r\nlines",4\r\n"lf\nonly",5\r\n');
  });

  it('writes NULL as an empty field and an empty string as "" so the two read back apart', () => {
    const batch = textBatch({ a: [null, ''], b: ['x', null] });
    expect(text(csvBatchBytes(batch))).toBe(',x\r\n"",\r\n');
  });

  it('keeps UTF-8 bytes as they are (accents, CJK, emoji)', () => {
    const batch = textBatch({ name: ['Société Générale', '東京', 'a😀,b'] });
    const bytes = csvBatchBytes(batch);
    expect(text(bytes)).toBe('Société Générale\r\n東京\r\n"a😀,b"\r\n');
    expect(bytes.byteLength).toBe(new TextEncoder().encode('Société Générale\r\n東京\r\n"a😀,b"\r\n').byteLength);
  });

  it('refuses a column that did not arrive as text', () => {
    const numbers = vectorFromArray([1, 2]);
    const fields = [new Field('n', numbers.type, true)];
    const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: 2, nullCount: 0, children: [numbers.data[0]!] }));
    expect(() => csvBatchBytes(batch)).toThrow(/must arrive as text/);
  });

  it('writes the header with the same quoting', () => {
    expect(csvHeader(['id', 'Signup, Paid', 'x"y'])).toBe('id,"Signup, Paid","x""y"\r\n');
    expect(csvField(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02T00:00:00.000Z');
  });
});

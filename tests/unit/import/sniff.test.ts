import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/import/importError';
import { checkHeader, detectEncoding, firstInvalidUtf8, parseCsvRecords, sniffCsv } from '../../../src/import/sniff';

const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (run: () => unknown): ImportError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
};

describe('parseCsvRecords', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and CRLF', () => {
    expect(parseCsvRecords('a,b\r\n"x, y","say ""hi"""\n"two\nlines",3\n', ',')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
  });
  it('drops the last record of a truncated prefix and skips blank lines', () => {
    expect(parseCsvRecords('a,b\n\n1,2\n3,', ',', Infinity, true)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('sniffCsv', () => {
  it('detects the delimiter and the header', () => {
    expect(sniffCsv(bytes('id;date;amount\n1;2024-01-01;2,5\n'), { truncated: false })).toEqual({ encoding: 'utf-8', delimiter: ';', header: ['id', 'date', 'amount'], notes: [] });
    expect(sniffCsv(bytes('id\tdate\n1\t2024-01-01\n'), { truncated: false }).delimiter).toBe('\t');
  });
  it('names a delimiter that gives one column when another gives several', () => {
    expect(refusal(() => sniffCsv(bytes('a,b,c\n1,2,3\n'), { truncated: false, delimiter: ';' })).message).toBe(
      'With the semicolon delimiter the file has a single column; it seems to be separated by commas (3 columns).',
    );
  });
  it('refuses a file with one column, ragged rows, no rows or nothing', () => {
    expect(refusal(() => sniffCsv(bytes('just text\nmore text\n'), { truncated: false })).kind).toBe('delimiter');
    expect(refusal(() => sniffCsv(bytes('a,b,c\n1,2,3\n4,5\n'), { truncated: false })).message).toBe('Row 3 has 2 fields but the header has 3 (delimiter: comma).');
    expect(refusal(() => sniffCsv(bytes('a,b\n'), { truncated: false })).message).toBe('The file has a header (a, b) but no rows.');
    expect(refusal(() => sniffCsv(new Uint8Array(), { truncated: false })).kind).toBe('empty');
    expect(refusal(() => sniffCsv(bytes('\n\n'), { truncated: false })).kind).toBe('empty');
  });
});

describe('detectEncoding', () => {
  it('reads BOMs, valid UTF-8, and falls back to Latin-1 naming the first bad byte and its row', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), false)).toEqual({ encoding: 'utf-8', note: null });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), false).encoding).toBe('utf-16');
    expect(detectEncoding(bytes('a,b\n1,é\n'), false)).toEqual({ encoding: 'utf-8', note: null });
    const latin = new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x0a]);
    expect(detectEncoding(latin, false)).toEqual({ encoding: 'latin-1', note: expect.stringContaining('byte 4, row 2, is 0xE9') });
  });
  it('ignores a multi-byte character cut by the end of a prefix', () => {
    const cut = bytes('a,b\n1,é').subarray(0, 7);
    expect(detectEncoding(cut, true).encoding).toBe('utf-8');
  });
  it('refuses binary content', () => {
    expect(refusal(() => detectEncoding(new Uint8Array([0x50, 0x4b, 0x00]), false)).message).toContain('byte 3 is a NUL byte');
  });
  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0xa9, 0xc3, 0x28]))).toBe(3);
    expect(firstInvalidUtf8(new Uint8Array([0xf8]))).toBe(0);
  });
});

describe('checkHeader', () => {
  it('refuses blank, duplicate (case-insensitive) and data-like headers', () => {
    expect(refusal(() => checkHeader(['a', ' ', 'c'])).message).toBe('Column 2 has no name in the header row. Every column needs a name.');
    expect(refusal(() => checkHeader(['Id', 'date', 'id'])).message).toBe('The header names "id" twice (columns 1 and 3). Rename one of them.');
    expect(refusal(() => checkHeader(['17850', '2010-12-01 08:26:00', '2.55'])).kind).toBe('header');
    expect(() => checkHeader(['customer_id', '2024', 'amount'])).not.toThrow();
  });
});

import { ImportError } from './importError';

/** Encodings DuckDB's read_csv decodes itself (no extension needed, in wasm too). */
export type CsvEncoding = 'utf-8' | 'utf-16' | 'latin-1';
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvSniff {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** Column names as written in the header row. */
  header: string[];
  /** Things the analyst should know that do not stop the import (e.g. the encoding chosen). */
  notes: string[];
}

/** How many bytes of a file are read to sniff it: enough for the header and ~50 rows. */
export const SNIFF_BYTES = 64 * 1024;

export const delimiterName = (d: string): string => ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' })[d] ?? JSON.stringify(d);

/**
 * Splits CSV text into records (RFC 4180 quotes, CR/LF line ends). The last record is dropped
 * when `truncated` (the text is a prefix of the file and may end mid-record).
 */
export function parseCsvRecords(text: string, delimiter: string, maxRecords = Infinity, truncated = false): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length && records.length < maxRecords) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (records.length < maxRecords && !truncated && (field !== '' || record.length > 0)) {
    record.push(field);
    records.push(record);
  }
  // A blank line is not a record.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The encoding of a file from its first bytes: a BOM, else UTF-8 when valid, else Latin-1. */
export function detectEncoding(prefix: Uint8Array, truncated: boolean): { encoding: CsvEncoding; note: string | null } {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return { encoding: 'utf-8', note: null };
  if ((prefix[0] === 0xff && prefix[1] === 0xfe) || (prefix[0] === 0xfe && prefix[1] === 0xff)) return { encoding: 'utf-16', note: 'The file is UTF-16 (it starts with a byte-order mark).' };
  const nul = prefix.indexOf(0);
  if (nul >= 0) {
    throw new ImportError('encoding', `This is not a text (CSV) file: byte ${nul + 1} is a NUL byte. Is it an Excel or Parquet file with a .csv name? Pick the file with its real extension.`);
  }
  // A prefix may end inside a multi-byte character: leave its last 3 bytes out of the check.
  const checked = truncated ? prefix.subarray(0, Math.max(0, prefix.length - 3)) : prefix;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(checked);
    return { encoding: 'utf-8', note: null };
  } catch {
    const offset = firstInvalidUtf8(checked);
    const row = countLines(prefix.subarray(0, offset)) + 1;
    return {
      encoding: 'latin-1',
      note: `The file is not valid UTF-8 (byte ${offset + 1}, row ${row}, is 0x${prefix[offset]!.toString(16).toUpperCase()}): it is read as Latin-1 (ISO-8859-1). Pick another encoding if the text looks wrong.`,
    };
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

/** Offset of the first byte that breaks UTF-8 (the file is known not to be valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

function decode(prefix: Uint8Array, encoding: CsvEncoding): string {
  const label = encoding === 'latin-1' ? 'iso-8859-1' : encoding === 'utf-16' ? (prefix[0] === 0xfe ? 'utf-16be' : 'utf-16le') : 'utf-8';
  return new TextDecoder(label).decode(prefix).replace(/^\uFEFF/, '');
}

const LOOKS_LIKE_VALUE = /^\s*(-?[\d.,]+([eE][-+]?\d+)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T][\d:.]+)?)\s*$/;

/** Delimiter candidates that give more than one column, widest consistent first. */
function rankDelimiters(text: string, truncated: boolean): { delimiter: Delimiter; columns: number; consistent: boolean }[] {
  return DELIMITERS.map((delimiter) => {
    const records = parseCsvRecords(text, delimiter, 50, truncated);
    const columns = records[0]?.length ?? 0;
    return { delimiter, columns, consistent: records.every((r) => r.length === columns) };
  })
    .filter((c) => c.columns > 1)
    .sort((a, b) => Number(b.consistent) - Number(a.consistent) || b.columns - a.columns);
}

/**
 * Reads the start of a CSV file: its encoding, delimiter (detected unless given) and header,
 * refusing what the import cannot read with a message naming the problem and where it is.
 */
export function sniffCsv(prefix: Uint8Array, options: { truncated: boolean; delimiter?: Delimiter; encoding?: CsvEncoding }): CsvSniff {
  if (prefix.length === 0) throw new ImportError('empty', 'The file is empty.');
  const detected = detectEncoding(prefix, options.truncated);
  const encoding = options.encoding ?? detected.encoding;
  const notes = options.encoding === undefined && detected.note !== null ? [detected.note] : [];
  const text = decode(prefix, encoding);
  if (text.trim() === '') throw new ImportError('empty', 'The file holds only blank lines.');
  const ranked = rankDelimiters(text, options.truncated);
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const best = ranked[0];
    if (!best) {
      throw new ImportError('delimiter', 'Only one column found: the file is not separated by commas, semicolons, tabs or pipes. Save it as CSV with one of those delimiters.');
    }
    delimiter = best.delimiter;
  }
  const records = parseCsvRecords(text, delimiter, 51, options.truncated);
  const header = records[0] ?? [];
  const better = ranked.find((c) => c.delimiter !== delimiter && c.consistent && c.columns > header.length);
  if (header.length <= 1 && better) {
    throw new ImportError('delimiter', `With the ${delimiterName(delimiter)} delimiter the file has a single column; it seems to be separated by ${delimiterName(better.delimiter)}s (${better.columns} columns).`);
  }
  const ragged = records.findIndex((r) => r.length !== header.length);
  if (ragged > 0) {
    const hint = better ? ` It seems to be separated by ${delimiterName(better.delimiter)}s.` : '';
    throw new ImportError('delimiter', `Row ${ragged + 1} has ${records[ragged]!.length} fields but the header has ${header.length} (delimiter: ${delimiterName(delimiter)}).${hint}`);
  }
  checkHeader(header);
  if (records.length < 2) throw new ImportError('empty', `The file has a header (${header.join(', ')}) but no rows.`);
  return { encoding, delimiter, header, notes };
}

/** Column names must exist, differ, and not be data. */
export function checkHeader(header: readonly string[]): void {
  const blank = header.findIndex((h) => h.trim() === '');
  if (blank >= 0) throw new ImportError('header', `Column ${blank + 1} has no name in the header row. Every column needs a name.`);
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const first = seen.get(name.trim().toLowerCase());
    if (first !== undefined) throw new ImportError('header', `The header names "${name}" twice (columns ${first + 1} and ${i + 1}). Rename one of them.`);
    seen.set(name.trim().toLowerCase(), i);
  });
  if (header.length > 0 && header.every((h) => LOOKS_LIKE_VALUE.test(h))) {
    throw new ImportError('header', `The first row looks like data, not column names (${header.slice(0, 4).join(', ')}). Add a header row naming the columns.`);
  }
}

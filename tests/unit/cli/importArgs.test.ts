import { describe, expect, it } from 'vitest';
import { isImportArgs, parseImportArgs } from '../../../src/cli/importArgs';

const base = ['--import', 'f.csv', '--role', 'transactions', '--map', 'customer_id=c,occurred_at=d', '--out', 'o'];

describe('parseImportArgs', () => {
  it('reads the file, role, mapping and rules; every rule but the id is off by default', () => {
    expect(isImportArgs(base)).toBe(true);
    expect(isImportArgs(['--out', 'o'])).toBe(false);
    expect(parseImportArgs(base)).toEqual({
      file: 'f.csv',
      spec: { kind: 'transactions', mapping: { customer_id: 'c', occurred_at: 'd' }, dateFormat: null, rules: { excludeOrderPattern: null, excludeNegative: false, dedupe: false } },
      delimiter: undefined,
      encoding: undefined,
      out: 'o',
      format: 'parquet',
      engine: 'wasm',
    });
    const full = parseImportArgs([...base, '--exclude-orders=^C', '--exclude-negative', '--dedupe', '--delimiter', 'tab', '--encoding', 'latin-1', '--date-format', '%d/%m/%Y', '--format', 'csv', '--engine', 'native']);
    expect(full.spec.rules).toEqual({ excludeOrderPattern: '^C', excludeNegative: true, dedupe: true });
    expect([full.delimiter, full.encoding, full.spec.dateFormat, full.format, full.engine]).toEqual(['\t', 'latin-1', '%d/%m/%Y', 'csv', 'native']);
  });
  it('names what is wrong', () => {
    expect(() => parseImportArgs(base.map((a) => (a === 'transactions' ? 'orders' : a)))).toThrow('--role must be transactions, subscriptions or customers, not "orders"');
    expect(() => parseImportArgs([...base.slice(0, 4), '--map', 'customer_id=c', '--out', 'o'])).toThrow('--map: map a column to occurred_at (timestamp)');
    expect(() => parseImportArgs([...base, '--seed', '3'])).toThrow('unknown option --seed for an import');
    expect(() => parseImportArgs([...base, '--delimiter', 'x'])).toThrow('--delimiter must be one of');
    expect(() => parseImportArgs([...base, '--dedupe=yes'])).toThrow('--dedupe takes no value');
    expect(() => parseImportArgs(base.slice(2))).toThrow('--import is required');
  });
});

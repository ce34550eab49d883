import { describe, expect, it } from 'vitest';
import { parseSettings, type SavedImportSettings, settingsJson } from '../../../src/import/savedImport';

const settings: SavedImportSettings = {
  fileName: 'shop.csv',
  size: 1234,
  format: 'csv',
  columns: ['Customer', 'When', 'Order', 'Amount'],
  spec: { kind: 'transactions', mapping: { customer_id: 'Customer', occurred_at: 'When', order_id: 'Order', amount: 'Amount' }, dateFormat: '%d/%m/%Y', rules: { excludeOrderPattern: '^C', excludeNegative: true, dedupe: false } },
  sniff: { encoding: 'utf-8', delimiter: ';', header: ['Customer', 'When', 'Order', 'Amount'], notes: [] },
};

describe('saved import settings', () => {
  it('read back exactly what was written', () => {
    expect(parseSettings(settingsJson(settings))).toEqual(settings);
    const parquet = { ...settings, format: 'parquet' as const, sniff: null };
    expect(parseSettings(settingsJson(parquet))).toEqual(parquet);
  });

  it('are absent when damaged, from another version or inconsistent', () => {
    const written = JSON.parse(settingsJson(settings)) as Record<string, unknown>;
    const variant = (patch: Record<string, unknown>) => JSON.stringify({ ...written, ...patch });
    expect(parseSettings('{"version":1,')).toBeNull();
    expect(parseSettings(variant({ version: 2 }))).toBeNull();
    expect(parseSettings(variant({ format: 'json' }))).toBeNull();
    expect(parseSettings(variant({ spec: { ...settings.spec, kind: 'invoices' } }))).toBeNull();
    // A mapping naming a column the saved rows do not have could not be rebuilt.
    expect(parseSettings(variant({ spec: { ...settings.spec, mapping: { customer_id: 'Client', occurred_at: 'When' } } }))).toBeNull();
    expect(parseSettings(variant({ spec: { ...settings.spec, rules: { excludeOrderPattern: 1, excludeNegative: true, dedupe: false } } }))).toBeNull();
    expect(parseSettings(variant({ sniff: { delimiter: ';' } }))).toBeNull();
    expect(parseSettings('[]')).toBeNull();
  });
});

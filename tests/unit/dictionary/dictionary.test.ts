import { describe, expect, it } from 'vitest';
import { buildDictionary, searchDictionary } from '../../../src/dictionary/dictionary';
import { RAW_TABLES } from '../../../src/generator/rawTables';
import { SQL_MODELS } from '../../../src/pipeline/sqlFiles';

describe('data dictionary', () => {
  const entries = buildDictionary(SQL_MODELS);

  it('holds every raw table, every model and every check once', () => {
    const names = entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of RAW_TABLES) expect(names).toContain(t);
    for (const m of SQL_MODELS) expect(names).toContain(m.name);
  });

  it('finds tables by every word of the query, in names, descriptions and columns', () => {
    const miles = searchDictionary(entries, 'miles').map((e) => e.name);
    expect(miles).toContain('events');
    expect(miles).toContain('dim_users');
    expect(miles).not.toContain('plans');
    expect(searchDictionary(entries, 'miles balance').map((e) => e.name)).toContain('dim_users');
    expect(searchDictionary(entries, 'MILES   REDEEMED').length).toBeGreaterThan(0);
    expect(searchDictionary(entries, 'no-such-word')).toEqual([]);
    expect(searchDictionary(entries, '  ')).toHaveLength(entries.length);
  });
});

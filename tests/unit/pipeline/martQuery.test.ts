import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/pipeline/filters';
import { isFilterableMart, martQuery } from '../../../src/pipeline/martQuery';
import { modelsFromSources } from '../../../src/pipeline/genericTests';

const MODELS = modelsFromSources([
  { path: 'sql/bronze/stg_users.sql', text: 'SELECT * FROM users' },
  { path: 'sql/silver/grains.sql', text: 'SELECT * FROM stg_users AS u WHERE TRUE /*users:u.user_id*/' },
  { path: 'sql/gold/projection.sql', text: 'WITH g AS (SELECT * FROM grains) SELECT * FROM g' },
  { path: 'sql/gold/plain.sql', text: 'SELECT * FROM stg_users' },
]);
const IOS = { ...NO_FILTERS, platforms: ['iOS'] };

describe('martQuery', () => {
  it('reads the materialised table when no filter is set', () => {
    expect(martQuery(MODELS, 'projection', NO_FILTERS)).toBe('SELECT * FROM projection');
  });

  it('re-runs a projection over its filtered source, shadowing the table with a CTE', () => {
    const sql = martQuery(MODELS, 'projection', IOS);
    expect(sql.startsWith('WITH grains AS (\nSELECT * FROM stg_users AS u WHERE (u.user_id IN')).toBe(true);
    expect(sql).toContain("u.platform IN ('iOS')");
    expect(sql.endsWith('SELECT * FROM (\nWITH g AS (SELECT * FROM grains) SELECT * FROM g\n)')).toBe(true);
  });

  it('leaves marts no filter reaches as they are, and rejects unknown names', () => {
    expect(isFilterableMart(MODELS, 'plain')).toBe(false);
    expect(isFilterableMart(MODELS, 'projection')).toBe(true);
    expect(martQuery(MODELS, 'plain', IOS)).toBe('SELECT * FROM plain');
    expect(() => martQuery(MODELS, 'nope', IOS)).toThrow(/Unknown model/);
  });
});

import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/pipeline/filters';
import { isFilterableMart, martQuery } from '../../../src/pipeline/martQuery';
import { modelsFromSources } from '../../../src/pipeline/genericTests';

const MODELS = modelsFromSources([
  { path: 'sql/bronze/stg_users.sql', text: 'SELECT * FROM users' },
  { path: 'sql/silver/grains.sql', text: 'SELECT * FROM stg_users AS u WHERE TRUE /*users:u.user_id*/' },
  { path: 'sql/gold/projection.sql', text: 'WITH g AS (SELECT * FROM grains) SELECT * FROM g' },
  { path: 'sql/gold/plain.sql', text: 'SELECT * FROM stg_users' },
  { path: 'sql/gold/months.sql', text: 'SELECT * FROM grains AS g WHERE TRUE /*period:g.month*/' },
  { path: 'sql/gold/trend.sql', text: 'SELECT * FROM months AS m WHERE TRUE /*period:m.month*/' },
  { path: 'sql/gold/accounts.sql', text: 'SELECT * FROM stg_users AS a WHERE TRUE /*accounts:a.customer_id*/' },
  { path: 'sql/gold/dated.sql', text: 'SELECT * FROM stg_users AS d WHERE TRUE /*period:d.created*/' },
  { path: 'sql/gold/over_dated.sql', text: 'SELECT * FROM dated' },
  { path: 'sql/gold/monthly.sql', text: 'SELECT g.month AS activity_month FROM grains AS g WHERE TRUE /*period:g.month as activity_month*/' },
  { path: 'sql/gold/user_flags.sql', text: 'SELECT * FROM stg_users AS u LEFT JOIN accounts AS a USING (customer_id) WHERE TRUE /*users:u.user_id*/' },
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

  it('applies a date range to the queried mart only, so upstream rows stay whole', () => {
    const range = { ...NO_FILTERS, dateFrom: '2024-03-01' };
    expect(martQuery(MODELS, 'projection', range)).toBe('SELECT * FROM projection');
    expect(martQuery(MODELS, 'months', range)).toBe("SELECT * FROM grains AS g WHERE (g.month >= DATE '2024-03-01')");
    const both = martQuery(MODELS, 'trend', { ...range, platforms: ['iOS'] });
    expect(both).toContain('months AS (\nSELECT * FROM grains AS g WHERE TRUE\n)');
    expect(both).toContain("u.platform IN ('iOS')");
    expect(both.endsWith("SELECT * FROM months AS m WHERE (m.month >= DATE '2024-03-01')\n)")).toBe(true);
  });

  it('counts a mart as filterable by its own points or a population-restricting upstream, not an upstream date', () => {
    expect(isFilterableMart(MODELS, 'dated')).toBe(true);
    expect(isFilterableMart(MODELS, 'over_dated')).toBe(false);
    expect(martQuery(MODELS, 'over_dated', { ...NO_FILTERS, dateFrom: '2024-03-01', regions: ['EU'] })).toBe('SELECT * FROM over_dated');
  });

  it('keeps the platform for users but not for the accounts a mart of users reads', () => {
    const sql = martQuery(MODELS, 'user_flags', IOS);
    expect(sql).toContain('accounts AS (\nSELECT * FROM stg_users AS a WHERE TRUE\n)');
    expect(sql).toContain("WHERE (u.user_id IN (SELECT u.user_id FROM stg_users AS u JOIN dim_customers AS c ON c.customer_id = u.customer_id WHERE u.platform IN ('iOS')))");
    expect(martQuery(MODELS, 'accounts', IOS)).toContain("c.signup_platform IN ('iOS')");
  });

  it('cuts the materialised table when only the date range applies and it keeps whole output rows', () => {
    const range = { ...NO_FILTERS, dateFrom: '2024-03-01', dateTo: '2024-05-31' };
    expect(martQuery(MODELS, 'monthly', range)).toBe(`SELECT * FROM monthly WHERE "activity_month" >= DATE '2024-03-01' AND "activity_month" <= DATE '2024-05-31'`);
    // With users filtered the mart is re-run over its filtered source, the range inside it.
    const both = martQuery(MODELS, 'monthly', { ...range, platforms: ['iOS'] });
    expect(both.startsWith('WITH grains AS (')).toBe(true);
    expect(both).toContain("WHERE (g.month >= DATE '2024-03-01' AND g.month <= DATE '2024-05-31')");
  });
});

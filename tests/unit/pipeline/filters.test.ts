import { describe, expect, it } from 'vitest';
import { applyFilters, hasFilters, isFilterable, NO_FILTERS } from '../../../src/pipeline/filters';

const SQL = 'SELECT * FROM t AS m WHERE TRUE /*accounts:m.customer_id*/ AND TRUE /*period:m.month*/ AND x IN (SELECT id FROM u AS d WHERE TRUE /*users:d.user_id*/)';

describe('query-time filters', () => {
  it('leaves every filter point TRUE without filters', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(isFilterable(SQL)).toBe(true);
    expect(isFilterable('SELECT 1')).toBe(false);
    expect(applyFilters(SQL, NO_FILTERS)).toBe('SELECT * FROM t AS m WHERE TRUE AND TRUE AND x IN (SELECT id FROM u AS d WHERE TRUE)');
  });

  it('restricts accounts, users and the period, quoting every value', () => {
    const sql = applyFilters(SQL, { ...NO_FILTERS, regions: ['EU', "O'Hare"], platforms: ['iOS'], dateFrom: '2024-03-01' });
    expect(sql).toContain(`(m.customer_id IN (SELECT c.customer_id FROM dim_customers AS c WHERE c.region IN ('EU', 'O''Hare') AND c.signup_platform IN ('iOS')))`);
    expect(sql).toContain(`(d.user_id IN (SELECT u.user_id FROM stg_users AS u JOIN dim_customers AS c ON c.customer_id = u.customer_id WHERE c.region IN ('EU', 'O''Hare') AND u.platform IN ('iOS')))`);
    expect(sql).toContain(`(m.month >= DATE '2024-03-01')`);
  });

  it('refuses a date that is not an ISO date rather than pasting it into SQL', () => {
    expect(() => applyFilters(SQL, { ...NO_FILTERS, dateTo: "2024-01-01'; DROP TABLE x; --" })).toThrow(/ISO date/);
  });
});

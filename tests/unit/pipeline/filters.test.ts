import { describe, expect, it } from 'vitest';
import { applyFilters, hasFilters, isFilterable, NO_FILTERS, outputPeriodColumn, populationOnly, restrictsPopulation, restrictsUsers } from '../../../src/pipeline/filters';

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

  it('tells population points (accounts, users) from period points', () => {
    expect(restrictsPopulation(SQL)).toBe(true);
    expect(restrictsUsers(SQL)).toBe(true);
    expect(restrictsPopulation('SELECT * FROM t AS m WHERE TRUE /*period:m.month*/')).toBe(false);
    expect(restrictsUsers('SELECT * FROM t AS m WHERE TRUE /*accounts:m.customer_id*/')).toBe(false);
    expect(populationOnly({ ...NO_FILTERS, dateFrom: '2024-01-01', dateTo: '2024-02-01', regions: ['EU'] })).toEqual({ ...NO_FILTERS, regions: ['EU'] });
  });

  it('can leave accounts unrestricted by platform while users keep theirs', () => {
    const sql = applyFilters(SQL, { ...NO_FILTERS, platforms: ['iOS'] }, { platformRestrictsAccounts: false });
    expect(sql).toContain('WHERE TRUE AND TRUE AND x IN');
    expect(sql).toContain("u.platform IN ('iOS')");
    const withRegion = applyFilters(SQL, { ...NO_FILTERS, platforms: ['iOS'], regions: ['EU'] }, { platformRestrictsAccounts: false });
    expect(withRegion).toContain(`(m.customer_id IN (SELECT c.customer_id FROM dim_customers AS c WHERE c.region IN ('EU')))`);
  });

  it('reads the output column a period point keeps rows by', () => {
    const cut = 'SELECT m.month AS month FROM t AS m WHERE TRUE /*period:m.month as month*/';
    expect(applyFilters(cut, { ...NO_FILTERS, dateTo: '2024-12-31' })).toBe("SELECT m.month AS month FROM t AS m WHERE (m.month <= DATE '2024-12-31')");
    expect(applyFilters(cut, NO_FILTERS)).toBe('SELECT m.month AS month FROM t AS m WHERE TRUE');
    expect(outputPeriodColumn(cut)).toBe('month');
    expect(outputPeriodColumn(SQL)).toBeNull();
    expect(outputPeriodColumn('SELECT 1')).toBeNull();
    expect(outputPeriodColumn(`${cut} AND TRUE /*period:m.other*/`)).toBeNull();
  });
});

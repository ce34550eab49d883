import { describe, expect, it } from 'vitest';
import { NO_FILTERS, outputPeriodColumn } from '../../src/pipeline/filters';
import { isFilterableMart, martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { ACCOUNT_MARTS, UNFILTERED_GOLD, USER_MARTS } from '../helpers/filteredMarts';

const GOLD = SQL_MODELS.filter((m) => m.layer === 'gold').map((m) => m.name);
const DATES_ONLY = { ...NO_FILTERS, dateFrom: '2024-06-01', dateTo: '2024-09-30' };
/** Its date range restricts the invoices it aggregates, not its output rows (filtersDates.test.ts). */
const DATED_AT_SOURCE = ['cube_customer_transaction_behavior'];

describe('every gold mart honours the global filters', () => {
  it('is filterable unless it is on the commented allow-list', () => {
    for (const name of GOLD) expect(isFilterableMart(SQL_MODELS, name), name).toBe(!(name in UNFILTERED_GOLD));
  });

  it('is listed as a mart of accounts or of users, so that the filter tests compare it with a restricted run', () => {
    const listed = new Set([...Object.keys(ACCOUNT_MARTS), ...Object.keys(USER_MARTS), ...Object.keys(UNFILTERED_GOLD)]);
    expect(GOLD.filter((name) => !listed.has(name))).toEqual([]);
    for (const name of [...Object.keys(ACCOUNT_MARTS), ...Object.keys(USER_MARTS)]) expect(SQL_MODELS.some((m) => m.name === name), name).toBe(true);
  });

  it('applies a date range exactly to the marts with a period, and reads the table unchanged otherwise', () => {
    for (const [name, period] of [...Object.entries(ACCOUNT_MARTS), ...Object.entries(USER_MARTS)]) {
      const unchanged = martQuery(SQL_MODELS, name, DATES_ONLY) === `SELECT * FROM ${name}`;
      expect(unchanged, name).toBe(period === null && !DATED_AT_SOURCE.includes(name));
    }
  });

  it("declares the output column its period points keep rows by, the one the tests cut the restricted runs by", () => {
    for (const [name, period] of [...Object.entries(ACCOUNT_MARTS), ...Object.entries(USER_MARTS)]) {
      expect(outputPeriodColumn(SQL_MODELS.find((m) => m.name === name)!.sql), name).toBe(period);
    }
  });
});

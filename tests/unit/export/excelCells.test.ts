import { DateDay, Decimal, makeData, makeVector, TimestampMicrosecond, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnSpec } from '../../../src/export/columnTransfer';
import {
  assertFitsExcel,
  cellReader,
  cellStyle,
  columnWidth,
  EXCEL_MAX_CELLS,
  EXCEL_MAX_DATA_ROWS,
  ExcelCellBudgetError,
  ExcelRowLimitError,
  sheetNames,
} from '../../../src/export/excelCells';

const style = (name: string, type: string, description = '') => cellStyle(columnSpec(name, type), description);

describe('Excel cell styles', () => {
  it('shows dates, timestamps, booleans and integers as such', () => {
    expect(style('first_paid_date', 'DATE')).toBe('date');
    expect(style('signup_at', 'TIMESTAMP')).toBe('timestamp');
    expect(style('is_churned', 'BOOLEAN')).toBe('boolean');
    expect(style('tenure_days', 'BIGINT')).toBe('integer');
    expect(style('plan', 'VARCHAR')).toBe('text');
  });

  it('formats money from the dictionary (USD), DECIMAL amounts and revenue names', () => {
    expect(style('current_mrr', 'DECIMAL(12,2)', 'MRR at the as-of date, USD.')).toBe('money');
    expect(style('arpa', 'DOUBLE', 'Average month-end MRR over the paying months, USD (NULL when tenure_months is 0).')).toBe('money');
    expect(style('gross_amount', 'DECIMAL(12,2)', 'List value billed.')).toBe('money');
    expect(style('ltv', 'DOUBLE', 'arpa / logo_churn_rate (NULL when no account churned).')).toBe('money');
  });

  it('tells fractions from values already multiplied by 100', () => {
    expect(style('signup_to_paid_rate', 'DOUBLE', 'signups_paid / signups.')).toBe('percent');
    expect(style('nrr', 'DOUBLE', '(start + expansion - contraction - churn) / start.')).toBe('percent');
    expect(style('failed_share', 'DOUBLE', 'failed_invoices / invoices; NULL without invoices.')).toBe('percent');
    expect(style('retention_rate', 'DOUBLE', 'Logo retention, active_accounts / cohort_accounts x 100.')).toBe('percentPoints');
    expect(style('android_user_pct', 'DOUBLE', 'android_users / daily_active_users x 100.')).toBe('percentPoints');
    expect(style('discount_percent', 'DECIMAL(12,2)', 'Percent off while the discount lasts (0 without one).')).toBe('percentPoints');
    expect(style('quick_ratio', 'DOUBLE', '(new + resurrected) / churned (NULL without churn).')).toBe('number');
  });

  it('reads decimals exactly, dates and timestamps as UTC instants, BIGINT as numbers', () => {
    const decimal = makeData({ type: new Decimal(2, 12, 128), length: 2, nullCount: 1, nullBitmap: Uint8Array.from([0b01]), data: Uint32Array.from([2 ** 32 - 125, ~0 >>> 0, ~0 >>> 0, ~0 >>> 0, 0, 0, 0, 0]) });
    // -1.25 is -125 unscaled, in four little-endian two's complement words; the second row is NULL.
    const readDecimal = cellReader(makeVector(decimal));
    expect([readDecimal(0), readDecimal(1)]).toEqual([-1.25, null]);
    const days = cellReader(vectorFromArray([new Date(Date.UTC(2024, 1, 29))], new DateDay()));
    expect(days(0)).toEqual(new Date(Date.UTC(2024, 1, 29)));
    const stamps = cellReader(vectorFromArray([Date.UTC(2025, 11, 31, 23, 59, 58)], new TimestampMicrosecond()));
    expect(stamps(0)).toEqual(new Date(Date.UTC(2025, 11, 31, 23, 59, 58)));
    expect(cellReader(vectorFromArray([12n, null]))(0)).toBe(12);
  });

  it('fits column widths to the header, the type and the longest text, within bounds', () => {
    expect(columnWidth('id', 'integer', 0)).toBe(10);
    expect(columnWidth('first_paid_date', 'date', 0)).toBe(17);
    expect(columnWidth('plan', 'text', 200)).toBe(60);
  });
});

describe('Excel sheet names', () => {
  it('cuts names to 31 characters, replaces forbidden characters and keeps them unique', () => {
    const names = sheetNames(['social_capital_growth_accounting_weekly', 'social_capital_growth_accounting_daily', 'a/b:c', 'README', 'Readme']);
    expect(names).toEqual(['social_capital_growth_accountin', 'social_capital_growth_account~2', 'a_b_c', 'README~2', 'Readme~3']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('Excel size limits', () => {
  it('accepts a sheet of exactly 1,048,575 rows under the header and refuses one more', () => {
    expect(EXCEL_MAX_DATA_ROWS).toBe(1_048_575);
    // A full sheet passes the row limit (it only meets the in-memory cell budget) ...
    expect(() => assertFitsExcel([{ table: 'events', rows: EXCEL_MAX_DATA_ROWS, columns: 1 }])).toThrow(ExcelCellBudgetError);
    // ... one more row does not.
    expect(() => assertFitsExcel([{ table: 'events', rows: EXCEL_MAX_DATA_ROWS + 1, columns: 1 }])).toThrow(ExcelRowLimitError);
    const refuse = () => assertFitsExcel([{ table: 'events', rows: 2_012_345, columns: 1 }]);
    expect(refuse).toThrow(ExcelRowLimitError);
    expect(refuse).toThrow('events has 2,012,345 rows, more than the 1,048,575 an Excel sheet holds under its header. Nothing was written');
  });

  it('refuses a workbook whose cells exceed the in-memory budget, summed over its sheets', () => {
    const half = EXCEL_MAX_CELLS / 2;
    expect(() => assertFitsExcel([{ table: 'a', rows: half, columns: 1 }, { table: 'b', rows: half, columns: 1 }])).not.toThrow();
    expect(() => assertFitsExcel([{ table: 'a', rows: half, columns: 1 }, { table: 'b', rows: half + 1, columns: 1 }])).toThrow(ExcelCellBudgetError);
  });
});

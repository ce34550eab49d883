import { type Data, Type, type Vector } from 'apache-arrow';
import type { ColumnSpec } from './columnTransfer';

/** Excel's sheet size: 1,048,576 rows, the first of which holds the header. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_DATA_ROWS = EXCEL_MAX_ROWS - 1;

export class ExcelRowLimitError extends Error {
  override name = 'ExcelRowLimitError';
  constructor(
    readonly table: string,
    readonly rows: number,
  ) {
    super(
      `${table} has ${rows.toLocaleString('en-US')} rows, more than the ${EXCEL_MAX_DATA_ROWS.toLocaleString('en-US')} an Excel sheet holds under its header. ` +
        'Nothing was written: export it as Parquet or CSV, or filter it first.',
    );
  }
}

/**
 * exceljs builds the whole workbook in memory (its streaming writer is Node-only). Measured
 * in Node (bench/exportTimings.ts): 600 k cells took 8-10 s and 0.35-0.9 GB at the peak of
 * writing the file. A million cells keeps one export within about a gigabyte and 15 s.
 */
export const EXCEL_MAX_CELLS = 1_000_000;

export class ExcelCellBudgetError extends Error {
  override name = 'ExcelCellBudgetError';
  constructor(readonly cells: number) {
    super(
      `This workbook would hold ${cells.toLocaleString('en-US')} cells; Excel exports are built in memory and stop at ${EXCEL_MAX_CELLS.toLocaleString('en-US')}. ` +
        'Nothing was written: export fewer tables, filter first, or use Parquet or CSV.',
    );
  }
}

/** Refuses, before anything is written, a table Excel would have to truncate or a workbook too large to build. */
export function assertFitsExcel(tables: readonly { table: string; rows: number; columns: number }[]): void {
  for (const t of tables) if (t.rows > EXCEL_MAX_DATA_ROWS) throw new ExcelRowLimitError(t.table, t.rows);
  const cells = tables.reduce((sum, t) => sum + t.rows * t.columns, 0);
  if (cells > EXCEL_MAX_CELLS) throw new ExcelCellBudgetError(cells);
}

/**
 * How a column is shown in Excel. `percent` holds fractions (0.25 shows as 25.0 %);
 * `percentPoints` holds values already multiplied by 100 (the SQL's "x 100" columns), shown
 * with a % sign without changing the value.
 */
export type CellStyle = 'date' | 'timestamp' | 'money' | 'percent' | 'percentPoints' | 'integer' | 'number' | 'boolean' | 'text';

export const NUMBER_FORMATS: Readonly<Record<CellStyle, string | undefined>> = {
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
  money: '"$"#,##0.00',
  percent: '0.0%',
  percentPoints: '0.00"%"',
  integer: '0',
  number: undefined,
  boolean: undefined,
  text: undefined,
};

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;
const NUMERIC_TYPES = /^(FLOAT|DOUBLE|DECIMAL\(.*\))$/;
const PERCENT_POINTS_NAME = /(_pct$|percent|stickiness)/;
const PERCENT_POINTS_TEXT = /(x|\*) ?100\b/;
const FRACTION_NAME = /(_rate|_share)$|^(nrr|grr)(_12m)?$|^logo_retention_12m$|^survival$|^(lower|upper)_95$/;
const MONEY_NAME = /(^|_)(mrr|arr|arpa|ltv|amount|price|gross|net|refund|chargeback|discount|discounts|reversals|revenue)(_|$)/;

/**
 * The display of a column from its DuckDB type, name and dictionary description. Money is
 * what the dictionary says is in USD, a DECIMAL that is not a percentage, or a revenue-named
 * number; shares and rates are fractions unless the description says "x 100".
 */
export function cellStyle(spec: ColumnSpec, description: string): CellStyle {
  const type = spec.duckdbType.toUpperCase();
  const name = spec.name.toLowerCase();
  if (type === 'DATE') return 'date';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  if (type === 'BOOLEAN') return 'boolean';
  if (INTEGER_TYPES.test(type)) return 'integer';
  if (!NUMERIC_TYPES.test(type)) return 'text';
  if (PERCENT_POINTS_TEXT.test(description) || PERCENT_POINTS_NAME.test(name)) return 'percentPoints';
  if (FRACTION_NAME.test(name)) return 'percent';
  if (/\bUSD\b/.test(description) || type.startsWith('DECIMAL') || MONEY_NAME.test(name)) return 'money';
  return 'number';
}

export type ExcelValue = number | string | boolean | Date | null;

/** Decimal128 words (little-endian, two's complement) of one row as a number. */
function decimalAt(values: Uint32Array, row: number, scale: number): number {
  let unscaled = 0n;
  for (let word = 3; word >= 0; word--) unscaled = (unscaled << 32n) | BigInt(values[row * 4 + word]!);
  return Number(BigInt.asIntN(128, unscaled)) / 10 ** scale;
}

function isValid(data: Data, row: number): boolean {
  if (data.nullCount === 0 || !data.nullBitmap) return true;
  const bit = data.offset + row;
  return (data.nullBitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/**
 * A reader of one exported column's cells: JavaScript values that exceljs writes as typed
 * cells (Date for dates and timestamps, numbers, booleans, strings; null for an empty cell).
 */
export function cellReader(vector: Vector): (row: number) => ExcelValue {
  const data = vector.data[0]!;
  const typeId = vector.type.typeId as Type;
  if (typeId === Type.Decimal) {
    const scale = (vector.type as { scale: number }).scale;
    const values = data.values as Uint32Array;
    return (row) => (isValid(data, row) ? decimalAt(values, row + data.offset, scale) : null);
  }
  if (typeId === Type.Date || typeId === Type.Timestamp) {
    // Arrow gives epoch milliseconds; Excel's serial date is written from the UTC instant.
    return (row) => {
      const value = vector.get(row) as number | Date | null;
      return value === null ? null : new Date(Number(value));
    };
  }
  return (row) => {
    const value = vector.get(row) as unknown;
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
    return String(value);
  };
}

const STYLE_WIDTHS: Readonly<Record<CellStyle, number>> = {
  date: 12,
  timestamp: 20,
  money: 14,
  percent: 9,
  percentPoints: 10,
  integer: 10,
  number: 12,
  boolean: 8,
  text: 10,
};

/** Column width in characters: fits the header and the longest text seen, within 8 to 60. */
export function columnWidth(header: string, style: CellStyle, longestText: number): number {
  return Math.min(60, Math.max(8, header.length + 2, STYLE_WIDTHS[style], longestText + 2));
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * Excel sheet names for tables: at most 31 characters, none of []:*?/\, unique regardless of
 * case, and never "README" (the dictionary sheet). A name cut short or clashing ends in "~2", "~3", ...
 */
export function sheetNames(tables: readonly string[]): string[] {
  const used = new Set(['readme']);
  return tables.map((table) => {
    const base = table.replace(INVALID_SHEET_CHARS, '_').slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - `~${n}`.length)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

import { DataType, type Field, type Table } from 'apache-arrow';

/**
 * The text of one result cell, read straight from its Arrow column: the grid calls this only
 * for the rows on screen, so a million-row result is never turned into JavaScript objects.
 */
export function cellText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  if (DataType.isDate(type) && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type) && typeof value === 'number') return timestampText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Uint8Array) return `\\x${[...value.subarray(0, 64)].map((b) => b.toString(16).padStart(2, '0')).join('')}${value.length > 64 ? '…' : ''}`;
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') return JSON.stringify(value.toJSON(), jsonValue);
  return String(value);
}

/** "2024-01-31 12:00:00" (milliseconds only when there are any), in UTC as DuckDB stores it. */
function timestampText(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return iso.slice(20, 23) === '000' ? text : `${text}.${iso.slice(20, 23)}`;
}

function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Numbers are right-aligned in the grid. */
export function isNumericType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
}

/** The text of cell (row, column) of an Arrow table. */
export function tableCell(table: Table, row: number, column: number): string {
  const vector = table.getChildAt(column);
  const field: Field | undefined = table.schema.fields[column];
  if (!vector || !field) return '';
  return cellText(vector.get(row), field.type);
}

import type { Table } from 'apache-arrow';

/** Epoch milliseconds (how Arrow returns DATE and TIMESTAMP values) as an ISO date. */
export function isoDate(value: unknown): string {
  return new Date(Number(value)).toISOString().slice(0, 10);
}

export function num(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : Number(value);
}

/** Maps each row of an Arrow table to a plain object with `map`. */
export function mapRows<T>(table: Table, map: (row: Record<string, unknown>) => T): T[] {
  const out: T[] = new Array(table.numRows);
  let i = 0;
  for (const row of table) out[i++] = map(row as unknown as Record<string, unknown>);
  return out;
}

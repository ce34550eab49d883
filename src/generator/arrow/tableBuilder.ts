import { type Column, dateColumn, dictColumn, float64Column, int32Column, timestampColumn, toIpcStream, utf8Column } from './columns';

/** Column kinds of the smaller raw tables (accounts, invoices, tickets...). */
export type ColumnSpec =
  | { name: string; kind: 'utf8' }
  | { name: string; kind: 'dict'; labels: readonly string[] }
  | { name: string; kind: 'int32' }
  | { name: string; kind: 'float64' }
  /** Epoch milliseconds. */
  | { name: string; kind: 'timestamp' }
  /** Days since epoch. */
  | { name: string; kind: 'date' };

type Value = string | number | null;

/**
 * Row-wise builder for the small tables (one row per account, invoice or ticket, never per
 * event). Nulls are allowed everywhere; dictionary columns take the label's index.
 */
export class TableBuilder {
  private readonly values: Value[][];
  length = 0;

  constructor(private readonly specs: readonly ColumnSpec[]) {
    this.values = specs.map(() => []);
  }

  push(row: readonly Value[]): void {
    if (row.length !== this.specs.length) throw new Error(`expected ${this.specs.length} values, got ${row.length}`);
    row.forEach((v, i) => this.values[i]!.push(v));
    this.length++;
  }

  toIpc(): Uint8Array {
    return toIpcStream(this.specs.map((spec, i) => toColumn(spec, this.values[i]!, i)));
  }
}

function validity(values: readonly Value[]): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nullCount };
}

function toColumn(spec: ColumnSpec, values: readonly Value[], position: number): Column {
  const numbers = () => values.map((v) => (v === null ? 0 : Number(v)));
  switch (spec.kind) {
    case 'utf8':
      return utf8Column(spec.name, values as (string | null)[]);
    case 'dict':
      return dictColumn(spec.name, position, spec.labels, Int16Array.from(numbers()), validity(values));
    case 'int32':
      return int32Column(spec.name, Int32Array.from(numbers()), validity(values));
    case 'float64':
      return float64Column(spec.name, Float64Array.from(numbers()), validity(values));
    case 'timestamp':
      return timestampColumn(spec.name, Float64Array.from(numbers()), validity(values));
    case 'date':
      return dateColumn(spec.name, Int32Array.from(numbers()), validity(values));
  }
}

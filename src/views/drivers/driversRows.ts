import type { Table } from 'apache-arrow';
import { mapRows, num } from '../../engine/arrowRows';
import { numOrNull } from '../common/rows';
import type { MartColumn } from './driversQueries';
import type { SortValue } from './tableSort';

export interface CorrelationRow {
  feature: string;
  r: number | null;
  direction: string | null;
  n: number;
  churnedMean: number | null;
  activeMean: number | null;
  tStatistic: number | null;
  pValue: number | null;
}

export function correlationRowsFromTable(table: Table): CorrelationRow[] {
  return mapRows(table, (r) => ({
    feature: String(r.feature),
    r: numOrNull(r.r),
    direction: (r.direction as string | null) ?? null,
    n: num(r.n),
    churnedMean: numOrNull(r.churned_mean),
    activeMean: numOrNull(r.active_mean),
    tStatistic: numOrNull(r.t_statistic),
    pValue: numOrNull(r.p_value),
  }));
}

export interface BinRow {
  bin: number;
  start: number;
  end: number;
  /** One whole value per bin (start), rather than a range. */
  singleValue: boolean;
  churned: number;
  retained: number;
}

export function binRowsFromTable(table: Table): BinRow[] {
  return mapRows(table, (r) => ({
    bin: num(r.bin),
    start: num(r.bin_start),
    end: num(r.bin_end),
    singleValue: Boolean(r.single_value),
    churned: num(r.churned),
    retained: num(r.retained),
  }));
}

export interface FeatureSummary {
  group: 'churned' | 'retained';
  n: number;
  mean: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

export function featureSummaryFromTable(table: Table): FeatureSummary[] {
  return mapRows(table, (r) => ({
    group: r.churned ? 'churned' : 'retained',
    n: num(r.n),
    mean: numOrNull(r.mean),
    min: numOrNull(r.min),
    q1: numOrNull(r.q1),
    median: numOrNull(r.median),
    q3: numOrNull(r.q3),
    max: numOrNull(r.max),
  }));
}

export type MartRow = Record<string, SortValue>;

/** A feature mart's rows as plain values (the SQL already cast numbers to DOUBLE). */
export function martRowsFromTable(columns: readonly MartColumn[]) {
  return (table: Table): MartRow[] =>
    mapRows(table, (r) => {
      const out: MartRow = {};
      for (const c of columns) {
        const v = r[c.key];
        out[c.key] = v === null || v === undefined ? null : c.kind === 'text' ? String(v) : c.kind === 'bool' ? Boolean(v) : num(v);
      }
      return out;
    });
}

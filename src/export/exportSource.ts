import type { Table } from 'apache-arrow';
import { quoteIdent, quoteLiteral } from '../engine/connector';
import { type ColumnSpec, describeSql, specsFromDescribe, transferSelectList } from './columnTransfer';

/** Runs SQL without keeping the result: the query service's uncached path, or a connector in Node. */
export interface SqlRunner {
  query(sql: string): Promise<Table>;
}

/** A table of the database, or any query result under a name. */
export type ExportSource = { table: string } | { sql: string; name: string };

export interface PreparedSource {
  name: string;
  specs: ColumnSpec[];
  rows: number;
  /** The rows in order, `batchRows` at a time, as the specs transfer them (at least one slice, maybe empty). */
  slices(specs: readonly ColumnSpec[], batchRows: number): AsyncGenerator<Table, void, void>;
  /** Drops what preparing made (the temporary copy of a query's result). */
  release(): Promise<void>;
}

/** 100 k rows: a few MB per slice, so the page and the worker stay light while a 2 M-row table streams. */
export const DEFAULT_BATCH_ROWS = 100_000;

let temporaryCounter = 0;

function rowsOf(table: Table, column: string): number {
  const value = table.getChild(column)?.get(0) as unknown;
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * Reads a source's column types and row count, and slices it by rowid, which follows the
 * table's order and lets DuckDB jump straight to each slice. A query, a view or a table whose
 * rowids have gaps is first copied into a temporary table, so every slice comes from one snapshot.
 */
export async function prepareSource(runner: SqlRunner, source: ExportSource): Promise<PreparedSource> {
  let relation: string;
  let release = async () => undefined;
  const name = 'table' in source ? source.table : source.name;
  const materialise = async (select: string) => {
    const temporary = `growthbench_export_${++temporaryCounter}`;
    await runner.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(temporary)} AS ${select}`);
    release = async () => {
      await runner.query(`DROP TABLE IF EXISTS ${quoteIdent(temporary)}`);
    };
    return quoteIdent(temporary);
  };
  if ('table' in source) {
    relation = quoteIdent(source.table);
    const isTable = (await runner.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${quoteLiteral(source.table)}`)).getChild('n')?.get(0);
    const shape = Number(isTable) > 0 ? await runner.query(`SELECT count(*) AS n, coalesce(max(rowid) + 1, 0) AS next_rowid FROM ${relation}`) : null;
    // A view (a raw table decoded from its stored form) has no rowid: it is copied once.
    if (!shape || rowsOf(shape, 'n') !== rowsOf(shape, 'next_rowid')) relation = await materialise(`SELECT * FROM ${relation}`);
  } else {
    relation = await materialise(source.sql);
  }
  try {
    const specs = specsFromDescribe(
      (await runner.query(describeSql(`SELECT * FROM ${relation}`))).toArray() as { column_name: unknown; column_type: unknown }[],
    );
    const rows = rowsOf(await runner.query(`SELECT count(*) AS n FROM ${relation}`), 'n');
    return {
      name,
      specs,
      rows,
      async *slices(transfer, batchRows) {
        const list = transferSelectList(transfer);
        let sent = 0;
        for (let start = 0; start === 0 || start < rows; start += batchRows) {
          const slice = await runner.query(`SELECT ${list} FROM ${relation} WHERE rowid >= ${start} AND rowid < ${start + batchRows}`);
          sent += slice.numRows;
          yield slice;
        }
        if (sent !== rows) throw new Error(`${name}: read ${sent} rows, expected ${rows} (did the data change during the export?)`);
      },
      release: () => release(),
    };
  } catch (error) {
    await release();
    throw error;
  }
}

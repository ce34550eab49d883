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

/** Called with a source's size before anything is copied; throws to refuse the export (Excel's limits). */
export type SourceCheck = (name: string, rows: number, specs: readonly ColumnSpec[]) => void;

const countOf = async (runner: SqlRunner, select: string) => rowsOf(await runner.query(`SELECT count(*) AS n FROM (${select})`), 'n');

/**
 * Reads a source's column types and row count, and slices it by rowid, which follows the
 * table's order and lets DuckDB jump straight to each slice. A query, a view or a table whose
 * rowids have gaps is first copied into a temporary table, so every slice comes from one
 * snapshot; `check` sees the size before that copy, so a refusal costs no copy.
 */
export async function prepareSource(runner: SqlRunner, source: ExportSource, check?: SourceCheck): Promise<PreparedSource> {
  const name = 'table' in source ? source.table : source.name;
  const select = 'table' in source ? `SELECT * FROM ${quoteIdent(source.table)}` : source.sql;
  const specs = specsFromDescribe((await runner.query(describeSql(select))).toArray() as { column_name: unknown; column_type: unknown }[]);
  let relation: string | null = null;
  let rows: number;
  const isTable = 'table' in source && Number((await runner.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${quoteLiteral(source.table)}`)).getChild('n')?.get(0)) > 0;
  if ('table' in source && isTable) {
    const shape = await runner.query(`SELECT count(*) AS n, coalesce(max(rowid) + 1, 0) AS next_rowid FROM ${quoteIdent(source.table)}`);
    rows = rowsOf(shape, 'n');
    if (rows === rowsOf(shape, 'next_rowid')) relation = quoteIdent(source.table);
  } else {
    // A view (a raw table decoded from its stored form, say) or a query has no rowid.
    rows = await countOf(runner, select);
  }
  check?.(name, rows, specs);
  let release = async () => undefined;
  if (relation === null) {
    const temporary = quoteIdent(`growthbench_export_${++temporaryCounter}`);
    await runner.query(`CREATE OR REPLACE TEMP TABLE ${temporary} AS ${select}`);
    release = async () => {
      await runner.query(`DROP TABLE IF EXISTS ${temporary}`);
    };
    relation = temporary;
  }
  const sliced = relation;
  try {
    // Counted again on what is sliced: the copy is the snapshot the file is written from.
    rows = await countOf(runner, `SELECT * FROM ${sliced}`);
    return {
      name,
      specs,
      rows,
      async *slices(transfer, batchRows) {
        const list = transferSelectList(transfer);
        let sent = 0;
        for (let start = 0; start === 0 || start < rows; start += batchRows) {
          const slice = await runner.query(`SELECT ${list} FROM ${sliced} WHERE rowid >= ${start} AND rowid < ${start + batchRows}`);
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

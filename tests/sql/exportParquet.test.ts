import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../../src/engine/connector';
import { exportInProcess } from '../../src/export/exportInProcess';
import { databaseRelations, NODE_EXPORT_RUNTIME } from '../helpers/exportFixtures';
import { checksumSql, nativeReader, sqlString, tempDir, writeFiles } from '../helpers/exportReaders';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/**
 * Every table of a generated dataset (tiny preset, seed 21, after the whole pipeline) goes
 * through the browser's export path (typed slices from DuckDB-WASM opened as the app opens
 * it, Arrow IPC, the export job) and is read back by native DuckDB, an independent reader:
 * same columns and types, same row count, same values in the same order.
 */
describe('Parquet and CSV exports read back by native DuckDB', () => {
  let db: NodeDb;
  let relations: { name: string; isView: boolean }[];
  const reader = nativeReader();

  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 21 });
    await runAll(db);
    // Values a CSV writer gets wrong: separators, quotes, line breaks, non-ASCII, '' next to NULL,
    // extreme integers and decimals that do not fit a double.
    await db.exec(`CREATE TABLE export_edge_cases AS SELECT * FROM (VALUES
      (1, 'a,b', 'say "hi"', (-9223372036854775807 - 1)::BIGINT, 18446744073709551615::UBIGINT, 12345678901234567.89::DECIMAL(38,2), -0.01::DECIMAL(12,2), DATE '1970-01-01', TIMESTAMP '2024-02-29 23:59:59.999999', true),
      (2, 'two' || chr(13) || chr(10) || 'lines', 'Société 東京 😀', 9007199254740993::BIGINT, 0::UBIGINT, -1::DECIMAL(38,2), 0.07::DECIMAL(12,2), DATE '2025-12-31', TIMESTAMP '1969-12-31 23:59:59', false),
      (3, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
    ) AS v(id, text_a, text_b, big, ubig, wide, amount, day, stamp, flag)`);
    relations = await databaseRelations(db);
  }, 240_000);

  afterAll(async () => {
    (await reader).close();
    db?.close();
  });

  it('keeps every table whole in Parquet: columns, types, counts and values', async () => {
    const dir = tempDir('growthbench-parquet-');
    // Small slices, so every larger table crosses several of them.
    const files = await exportInProcess(db, relations.map((r) => ({ table: r.name })), { format: 'parquet', container: 'files', name: 'all' }, NODE_EXPORT_RUNTIME, {
      dictionary: [],
      readme: { title: 't', exportedAt: 'now', parameters: [] },
      batchRows: 7_000,
    });
    const paths = await writeFiles(dir, files);
    const native = await reader;
    expect(relations.length).toBeGreaterThan(70);
    expect([...paths.keys()].sort()).toEqual(['README.md', ...relations.map((r) => `${r.name}.parquet`)].sort());
    for (const { name, isView } of relations) {
      const file = `read_parquet(${sqlString(paths.get(`${name}.parquet`)!)}, file_row_number = true)`;
      const sourceTypes = await rows(db, `DESCRIBE ${quoteIdent(name)}`);
      const fileTypes = await native.rows(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${file}`);
      expect(fileTypes.map((r) => `${String(r.column_name)} ${String(r.column_type)}`), name).toEqual(
        // Parquet has no HUGEINT or ENUM: they are written as DECIMAL(38,0) and as strings, as DuckDB's own COPY does.
        sourceTypes.map((r) => `${String(r.column_name)} ${String(r.column_type).replace('HUGEINT', 'DECIMAL(38,0)').replace(/^ENUM\(.*\)$/, 'VARCHAR')}`),
      );
      // Tables are exported in rowid order; a view in its scan order, so it is compared sorted.
      const source = await rows(db, checksumSql(quoteIdent(name), isView ? 'NULL' : 'rowid'));
      const exported = await native.rows(checksumSql(file, isView ? 'NULL' : 'file_row_number', 'file_row_number'));
      expect(exported[0], name).toEqual({ n: String(source[0]!.n), md5: source[0]!.md5 });
    }
  }, 300_000);

  it('exports a query result (as the ExportMenu does for a drill-down) in its row order, leaving no temporary table', async () => {
    const sql = `SELECT customer_id, plan, sum(total_net_revenue) AS revenue, min(first_paid_date) AS since
      FROM clv_inputs GROUP BY ALL ORDER BY revenue DESC, customer_id`;
    const tablesBefore = await rows(db, 'SELECT count(*) AS n FROM duckdb_tables()');
    const files = await exportInProcess(db, [{ sql, name: 'top_customers' }], { format: 'parquet', container: 'file', name: 'top_customers' }, NODE_EXPORT_RUNTIME, {
      dictionary: [],
      readme: { title: 't', exportedAt: 'now', parameters: [] },
      batchRows: 50,
    });
    expect(files.map((f) => f.name)).toEqual(['top_customers.parquet']);
    const paths = await writeFiles(tempDir('growthbench-query-'), files);
    const native = await reader;
    const file = `read_parquet(${sqlString(paths.get('top_customers.parquet')!)}, file_row_number = true)`;
    // The query's own order, recomputed: revenue descending, ties by the row text (which starts with customer_id).
    const expected = await rows(db, checksumSql(`(${sql})`, '-revenue'));
    expect(await native.rows(checksumSql(file, 'file_row_number', 'file_row_number'))).toEqual([{ n: String(expected[0]!.n), md5: expected[0]!.md5 }]);
    expect(await rows(db, 'SELECT count(*) AS n FROM duckdb_tables()')).toEqual(tablesBefore);
  });

  it('writes CSV that native DuckDB parses back to the same typed values', async () => {
    const dir = tempDir('growthbench-csv-');
    const files = await exportInProcess(db, relations.map((r) => ({ table: r.name })), { format: 'csv', container: 'files', name: 'all' }, NODE_EXPORT_RUNTIME, {
      dictionary: [],
      readme: { title: 't', exportedAt: 'now', parameters: [] },
      batchRows: 7_000,
    });
    const paths = await writeFiles(dir, files);
    const native = await reader;
    // allow_quoted_nulls = false: the writer quotes '' ("") to tell it from NULL (an empty field).
    for (const { name } of relations) {
      const types = await rows(db, `DESCRIBE ${quoteIdent(name)}`);
      const columns = `{${types.map((t) => `${sqlString(String(t.column_name))}: ${sqlString(String(t.column_type))}`).join(', ')}}`;
      const file = `read_csv(${sqlString(paths.get(`${name}.csv`)!)}, header = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = ${columns})`;
      const source = await rows(db, checksumSql(quoteIdent(name), 'NULL'));
      const exported = await native.rows(checksumSql(file, 'NULL'));
      expect(exported[0], name).toEqual({ n: String(source[0]!.n), md5: source[0]!.md5 });
    }
  }, 300_000);
});

import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDictionary } from '../../src/dictionary/dictionary';
import { quoteIdent } from '../../src/engine/connector';
import { ExcelRowLimitError } from '../../src/export/excelCells';
import { exportInProcess } from '../../src/export/exportInProcess';
import { readmeInfo } from '../../src/export/exportPlan';
import { TABLEAU_MARTS, tableauColumnNames } from '../../src/export/tableau';
import type { GeneratorParams } from '../../src/generator/params';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { NODE_EXPORT_RUNTIME } from '../helpers/exportFixtures';
import { nativeReader, sqlString, tempDir, writeFiles } from '../helpers/exportReaders';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

const DICTIONARY = buildDictionary(SQL_MODELS);
const WORKBOOK_TABLES = ['clv_inputs', 'monthly_revenue', 'cohort_retention', 'monthly_funnel', 'fct_invoices'];

type Cell = string | number | boolean | Date | null;

/**
 * The expected cell for a source value as read here: BIGINT as a double, DECIMAL as exact
 * text, DATE and TIMESTAMP as epoch milliseconds.
 */
function expectedCell(value: unknown, type: string): Cell {
  if (value === null || value === undefined) return null;
  if (type === 'DATE' || type.startsWith('TIMESTAMP')) return new Date(Number(value));
  if (type.startsWith('DECIMAL')) return Number(value);
  return value as Cell;
}

function expectSameCell(actual: unknown, expected: Cell, where: string): void {
  if (expected instanceof Date) {
    expect(actual, where).toBeInstanceOf(Date);
    // Excel keeps a date-time as a fraction of a day: exact to the millisecond, not the microsecond.
    expect(Math.abs((actual as Date).getTime() - expected.getTime()), where).toBeLessThan(1);
  } else if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expect(actual, where).toBe(expected);
  } else {
    expect(actual ?? null, where).toBe(expected);
  }
}

/**
 * The Excel workbook (seed 000's clv_inputs style) written by the export job is read back by
 * exceljs and by an independent reader (read-excel-file), and every sheet, header, format
 * and cell is compared with the source tables.
 */
describe('Excel exports read back by two readers', () => {
  let db: NodeDb;
  let params: GeneratorParams;
  let workbook: Uint8Array;
  const source = new Map<string, { types: string[]; names: string[]; rows: Record<string, unknown>[] }>();

  beforeAll(async () => {
    db = await openDb();
    params = await loadGenerated(db, { preset: 'tiny', seed: 21 });
    await runAll(db);
    for (const table of WORKBOOK_TABLES) {
      const described = await rows(db, `DESCRIBE ${quoteIdent(table)}`);
      source.set(table, {
        names: described.map((r) => String(r.column_name)),
        types: described.map((r) => String(r.column_type)),
        // Decimals as exact text: the cell must hold the double nearest to the decimal (the app's
        // castDecimalToDouble can be one unit off in the last place, e.g. 163.20000000000002).
        rows: await rows(
          db,
          `SELECT ${described.map((r) => (String(r.column_type).startsWith('DECIMAL') ? `${quoteIdent(String(r.column_name))}::VARCHAR AS ${quoteIdent(String(r.column_name))}` : quoteIdent(String(r.column_name)))).join(', ')} FROM ${quoteIdent(table)} ORDER BY rowid`,
        ),
      });
    }
    const files = await exportInProcess(db, WORKBOOK_TABLES.map((table) => ({ table })), { format: 'xlsx', container: 'file', name: 'clv_inputs' }, NODE_EXPORT_RUNTIME, {
      dictionary: DICTIONARY,
      readme: readmeInfo(params, new Date('2026-01-02T03:04:05Z')),
      batchRows: 500,
    });
    expect(files.map((f) => f.name)).toEqual(['clv_inputs.xlsx']);
    workbook = new Uint8Array(await files[0]!.blob.arrayBuffer());
  }, 240_000);

  afterAll(() => db?.close());

  it('exceljs sees a README and one typed, formatted sheet per table with every value', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['README', ...WORKBOOK_TABLES]);
    for (const table of WORKBOOK_TABLES) {
      const sheet = book.getWorksheet(table)!;
      const { names, types, rows: expected } = source.get(table)!;
      expect(sheet.rowCount, table).toBe(expected.length + 1);
      const header = sheet.getRow(1);
      expect(names.map((_, c) => header.getCell(c + 1).value)).toEqual(names);
      expect(header.font?.bold, table).toBe(true);
      expect(sheet.views[0], table).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, table).toBeTruthy();
      expected.forEach((row, r) => {
        const cells = sheet.getRow(r + 2);
        names.forEach((name, c) => expectSameCell(cells.getCell(c + 1).value, expectedCell(row[name], types[c]!), `${table} row ${r + 2} ${name}`));
      });
    }
    const clv = book.getWorksheet('clv_inputs')!;
    const column = (name: string) => clv.getColumn(source.get('clv_inputs')!.names.indexOf(name) + 1);
    expect(column('current_mrr').numFmt).toBe('"$"#,##0.00');
    expect(column('first_paid_date').numFmt).toBe('yyyy-mm-dd');
    expect(column('customer_id').width).toBeGreaterThanOrEqual('customer_id'.length);
    const funnel = book.getWorksheet('monthly_funnel')!;
    expect(funnel.getColumn(source.get('monthly_funnel')!.names.indexOf('signup_to_paid_rate') + 1).numFmt).toBe('0.0%');
    const cohorts = book.getWorksheet('cohort_retention')!;
    expect(cohorts.getColumn(source.get('cohort_retention')!.names.indexOf('retention_rate') + 1).numFmt).toBe('0.00"%"');
  });

  it('read-excel-file, an independent reader, finds the same sheets, types and values', async () => {
    const sheets = await readXlsxFile(Buffer.from(workbook));
    expect(sheets.map((s) => s.sheet)).toEqual(['README', ...WORKBOOK_TABLES]);
    for (const table of WORKBOOK_TABLES) {
      const { names, types, rows: expected } = source.get(table)!;
      const data = sheets.find((s) => s.sheet === table)!.data;
      expect(data[0]).toEqual(names);
      expect(data.length - 1, table).toBe(expected.length);
      expected.forEach((row, r) => names.forEach((name, c) => expectSameCell(data[r + 1]![c] ?? null, expectedCell(row[name], types[c]!), `${table} row ${r + 2} ${name}`)));
    }
    const readme = sheets[0]!.data;
    expect(readme.find((r) => r[0] === 'seed')?.[1]).toBe(21);
    expect(readme.find((r) => r[0] === 'preset')?.[1]).toBe('tiny');
    const currentMrr = DICTIONARY.find((e) => e.name === 'clv_inputs')!.columns.find((c) => c.name === 'current_mrr')!.description;
    expect(readme).toContainEqual(['clv_inputs', 'clv_inputs', 'current_mrr', 'DECIMAL(12,2)', currentMrr]);
    expect(readme.filter((r) => r[1] === 'fct_invoices' && r[2])).toHaveLength(source.get('fct_invoices')!.names.length);
  });

  it('refuses a table longer than an Excel sheet instead of truncating it', async () => {
    await db.exec('CREATE OR REPLACE TABLE too_long_for_excel AS SELECT range AS i FROM range(1048576)');
    const attempt = exportInProcess(db, [{ table: 'too_long_for_excel' }], { format: 'xlsx', container: 'file', name: 'x' }, NODE_EXPORT_RUNTIME, {
      dictionary: [],
      readme: readmeInfo(params, new Date()),
    });
    await expect(attempt).rejects.toThrow(ExcelRowLimitError);
    await expect(attempt).rejects.toThrow('too_long_for_excel has 1,048,576 rows, more than the 1,048,575 an Excel sheet holds');
    await db.exec('DROP TABLE too_long_for_excel');
    // A view is refused from its count, before it would be copied for slicing.
    await db.exec('CREATE OR REPLACE VIEW too_long_view AS SELECT range AS i FROM range(1048576)');
    const viaView = exportInProcess(db, [{ table: 'too_long_view' }], { format: 'xlsx', container: 'file', name: 'x' }, NODE_EXPORT_RUNTIME, {
      dictionary: [],
      readme: readmeInfo(params, new Date()),
    });
    await expect(viaView).rejects.toThrow('too_long_view has 1,048,576 rows');
    expect(await rows(db, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'growthbench_export_%'")).toEqual([{ n: 0 }]);
    await db.exec('DROP VIEW too_long_view');
  });

  it('writes seed 000 Tableau-ready marts as CSV with clean names, each readable with all its rows', async () => {
    const files = await exportInProcess(db, TABLEAU_MARTS.map((table) => ({ table })), { format: 'csv', container: 'zip', name: 'tableau_ready', cleanNames: true }, NODE_EXPORT_RUNTIME, {
      dictionary: DICTIONARY,
      readme: readmeInfo(params, new Date()),
    });
    expect(files.map((f) => f.name)).toEqual(['tableau_ready.zip']);
    const entries = unzipSync(new Uint8Array(await files[0]!.blob.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(['README.md', ...TABLEAU_MARTS.map((t) => `${t}.csv`)].sort());
    const dir = tempDir('growthbench-tableau-');
    const paths = await writeFiles(
      dir,
      Object.entries(entries).map(([name, bytes]) => ({ name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) })),
    );
    const native = await nativeReader();
    try {
      for (const table of TABLEAU_MARTS) {
        const names = (await rows(db, `DESCRIBE ${quoteIdent(table)}`)).map((r) => String(r.column_name));
        const header = new TextDecoder().decode(entries[`${table}.csv`]!).split('\r\n')[0]!;
        expect(header, table).toBe(tableauColumnNames(names).map((n) => (/[",]/.test(n) ? `"${n}"` : n)).join(','));
        const count = await native.rows(`SELECT count(*)::INTEGER AS n FROM read_csv(${sqlString(paths.get(`${table}.csv`)!)}, header = true)`);
        const expected = await rows(db, `SELECT count(*) AS n FROM ${quoteIdent(table)}`);
        expect(count[0]!.n, table).toBe(expected[0]!.n);
      }
      const readme = new TextDecoder().decode(entries['README.md']!);
      expect(readme).toContain('| Customer ID | VARCHAR | Account. |');
    } finally {
      native.close();
    }
  });
});

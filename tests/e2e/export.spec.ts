import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { checksumSql, nativeReader, sqlString, tempDir, writeFiles } from '../helpers/exportReaders';
import { AppPage } from './support/appPage';

/** Runs `click` and returns the file the browser downloads, saved under `dir`. */
async function download(page: Page, dir: string, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

const typesOf = (rows: Record<string, unknown>[]) => rows.map((r) => `${String(r.column_name)} ${String(r.column_type)}`);

/**
 * Exports are clicked in the built app and the downloaded files are read back in the test
 * process by native DuckDB (@duckdb/node-api), exceljs and read-excel-file, then compared with
 * the app's own database: same types, row counts and value checksums.
 */
test('tables leave the app as Parquet, CSV and Excel that real readers open', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const dir = tempDir('growthbench-e2e-export-');
  const native = await nativeReader();
  try {
    await app.open('./?preset=tiny');
    await app.waitUntilReady();
    await app.openView('Data dictionary');
    const view = app.view('Data dictionary');

    // Parquet of one mart: same columns and types, same values in the same order.
    const clvMenu = view.locator('article[data-table="clv_inputs"]').getByRole('group', { name: 'Export clv_inputs' });
    const parquet = await download(page, dir, () => clvMenu.getByRole('button', { name: 'Parquet' }).click());
    expect(parquet.name).toBe('clv_inputs.parquet');
    await expect(clvMenu.getByRole('status')).toContainText('clv_inputs.parquet');
    const parquetFile = `read_parquet(${sqlString(parquet.path)}, file_row_number = true)`;
    expect(typesOf(await native.rows(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${parquetFile}`))).toEqual(typesOf(await app.query('DESCRIBE clv_inputs')));
    expect(await native.rows(checksumSql(parquetFile, 'file_row_number', 'file_row_number'))).toEqual(await app.query(checksumSql('clv_inputs', 'rowid')));

    // A silver table with ENUM columns (written as strings, as DuckDB's own COPY does).
    const usersMenu = view.locator('article[data-table="dim_users"]').getByRole('group', { name: 'Export dim_users' });
    const users = await download(page, dir, () => usersMenu.getByRole('button', { name: 'Parquet' }).click());
    const usersFile = `read_parquet(${sqlString(users.path)}, file_row_number = true)`;
    const usersTypes = typesOf(await app.query('DESCRIBE dim_users')).map((t) => t.replace(/ ENUM\(.*\)$/, ' VARCHAR'));
    expect(typesOf(await native.rows(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${usersFile}`))).toEqual(usersTypes);
    expect(await native.rows(checksumSql(usersFile, 'file_row_number', 'file_row_number'))).toEqual(await app.query(checksumSql('dim_users', 'rowid')));

    // CSV of another: parsed back with the source's types, the same values.
    const revenueMenu = view.locator('article[data-table="monthly_revenue"]').getByRole('group', { name: 'Export monthly_revenue' });
    const csv = await download(page, dir, () => revenueMenu.getByRole('button', { name: 'CSV' }).click());
    expect(csv.name).toBe('monthly_revenue.csv');
    const revenueTypes = await app.query('DESCRIBE monthly_revenue');
    const columns = `{${revenueTypes.map((t) => `${sqlString(String(t.column_name))}: ${sqlString(String(t.column_type))}`).join(', ')}}`;
    const csvFile = `read_csv(${sqlString(csv.path)}, header = true, allow_quoted_nulls = false, columns = ${columns})`;
    expect(await native.rows(checksumSql(csvFile, 'NULL'))).toEqual(await app.query(checksumSql('monthly_revenue', 'NULL')));

    // The seed 000 CLV workbook: README first, one sheet per mart, every row, typed cells.
    const exportAll = view.getByRole('region', { name: 'Export all gold marts' });
    const xlsx = await download(page, dir, () => exportAll.getByRole('button', { name: /CLV inputs workbook/ }).click());
    expect(xlsx.name).toBe('clv_inputs.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const marts = ['clv_inputs', 'monthly_revenue', 'cohort_retention', 'monthly_funnel'];
    expect(book.worksheets.map((s) => s.name)).toEqual(['README', ...marts]);
    const independent = await readXlsxFile(xlsx.path);
    expect(independent.map((s) => s.sheet)).toEqual(['README', ...marts]);
    for (const mart of marts) {
      const [count] = await app.query(`SELECT count(*) AS n FROM ${mart}`);
      expect(book.getWorksheet(mart)!.rowCount, mart).toBe(Number(count!.n) + 1);
      expect(independent.find((s) => s.sheet === mart)!.data.length, mart).toBe(Number(count!.n) + 1);
    }
    const clvSheet = independent.find((s) => s.sheet === 'clv_inputs')!.data;
    const header = clvSheet[0]!.map(String);
    const [totals] = await app.query('SELECT sum(current_mrr)::VARCHAR AS mrr, count(*) FILTER (WHERE is_churned) AS churned, min(first_paid_date)::VARCHAR AS first FROM clv_inputs');
    const cells = (name: string) => clvSheet.slice(1).map((r) => r[header.indexOf(name)]);
    const cents = cells('current_mrr').reduce<number>((sum, v) => sum + Math.round(Number(v ?? 0) * 100), 0);
    expect(cents).toBe(Math.round(Number(totals!.mrr) * 100));
    expect(cells('is_churned').filter((v) => v === true)).toHaveLength(Number(totals!.churned));
    const firstPaid = cells('first_paid_date') as unknown[] as Date[];
    expect(firstPaid.every((d) => d instanceof Date)).toBe(true);
    expect(new Date(Math.min(...firstPaid.map((d) => d.getTime()))).toISOString().slice(0, 10)).toBe(totals!.first);

    // Every gold mart at once, in one zip of Parquet files.
    const zip = await download(page, dir, () => exportAll.getByRole('button', { name: 'All gold marts · Parquet zip' }).click());
    expect(zip.name).toBe('gold_marts_parquet.zip');
    const entries = unzipSync(new Uint8Array(readFileSync(zip.path)));
    const goldTables = await page.evaluate(() =>
      [...document.querySelectorAll('article.dictionary-entry')].filter((a) => a.querySelector('.layer.gold')).map((a) => a.getAttribute('data-table')!),
    );
    expect(goldTables.length).toBeGreaterThan(30);
    expect(Object.keys(entries).sort()).toEqual(['README.md', ...goldTables.map((t) => `${t}.parquet`)].sort());
    const paths = await writeFiles(
      dir,
      goldTables.map((t) => ({ name: `gold_${t}.parquet`, blob: new Blob([entries[`${t}.parquet`]! as Uint8Array<ArrayBuffer>]) })),
    );
    for (const table of goldTables) {
      const file = `read_parquet(${sqlString(paths.get(`gold_${table}.parquet`)!)}, file_row_number = true)`;
      expect(await native.rows(checksumSql(file, 'file_row_number', 'file_row_number')), table).toEqual(await app.query(checksumSql(table, 'rowid')));
    }
    expect(app.consoleErrors).toEqual([]);
  } finally {
    native.close();
  }
});

test('an export runs off the page thread, shows progress, and Cancel saves nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  await app.openView('Data dictionary');
  const exportAll = app.view('Data dictionary').getByRole('region', { name: 'Export all gold marts' });
  let downloads = 0;
  page.on('download', () => downloads++);

  // Long tasks on the page's thread while every gold mart is written: the encoding happens in
  // the export worker, so the page keeps answering.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  await exportAll.getByRole('button', { name: 'All gold marts · CSV zip' }).click();
  await expect(exportAll.getByRole('progressbar', { name: 'Export of all gold marts (CSV)' })).toBeVisible();
  await exportAll.getByRole('button', { name: 'Cancel' }).click();
  await expect(exportAll.getByRole('status')).toHaveText('Export of all gold marts (CSV) cancelled; nothing was saved.');
  expect(downloads).toBe(0);

  // The next export runs to the end.
  const [file] = await Promise.all([page.waitForEvent('download'), exportAll.getByRole('button', { name: 'All gold marts · CSV zip' }).click()]);
  expect(file.suggestedFilename()).toBe('gold_marts_csv.zip');
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  expect(longest).toBeLessThan(500);
  expect(app.consoleErrors).toEqual([]);
});

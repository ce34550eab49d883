import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, cellValue } from './support/appPage';

/**
 * An analysed import survives a reload (saved-work tables, then the same build), is gone
 * after "Clear saved work", and without storage still works for the visit.
 */
const CSV = [
  'customer,day,order,amount',
  'a,2024-01-05,o1,10',
  'b,2024-01-20,o2,5',
  'a,2024-02-10,o3,12',
  'c,2024-02-11,o4,8',
  'b,2024-03-01,o5,3',
  'a,2024-03-15,o6,4',
  'c,2024-03-20,o7,6',
  'd,2024-03-21,o8,9',
].join('\n');
// Worked by hand from CSV: January's cohort {a, b} is active in January (2), February (a: 1)
// and March (a, b: 2); February's {c} in February and March; March's {d} in March.
const EXPECTED = [
  { cohort: '2024-01', size: 2, active: [2, 1, 2] },
  { cohort: '2024-02', size: 1, active: [1, 1] },
  { cohort: '2024-03', size: 1, active: [1] },
];

async function importShopFile(app: AppPage, path: string): Promise<void> {
  const page = app.page;
  await app.open('./?preset=tiny&view=import');
  await expect(app.progress).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await page.waitForFunction(() => window.growthbench?.snapshot().checking === false, undefined, { timeout: 90_000 });
  await app.importFile.setInputFiles(path);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Table kind').selectOption('transactions');
  await page.locator('#import-role-customer_id').selectOption('customer');
  await page.locator('#import-role-occurred_at').selectOption('day');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(app.importSummary).toBeVisible({ timeout: 60_000 });
}

async function retentionRows(app: AppPage) {
  const table = app.retentionTable;
  await expect.poll(() => table.locator('tbody th').allTextContents(), { timeout: 60_000 }).toEqual(EXPECTED.map((e) => e.cohort));
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      size: tr.querySelector('[data-col="size"]')!.textContent!,
      active: [...tr.querySelectorAll('td[data-state]')].filter((td) => td.getAttribute('data-state') !== 'censored').map((td) => Number(td.getAttribute('data-active'))),
    })),
  );
}

async function expectShopRetention(app: AppPage): Promise<void> {
  const rows = await retentionRows(app);
  expect(rows.map((r) => ({ size: cellValue(r.size), active: r.active }))).toEqual(EXPECTED.map(({ size, active }) => ({ size, active })));
}

let dir = '';
let shopCsv = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'growthbench-import-saved-'));
  shopCsv = join(dir, 'shop.csv');
  writeFileSync(shopCsv, CSV);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an import comes back after a reload; Clear saved work returns to the generated data', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await importShopFile(app, shopCsv);
  const savedWork = page.getByTestId('saved-work');
  await expect(savedWork).toContainText('saved_import_rows', { timeout: 30_000 });
  await expect(savedWork).toContainText('saved_import_settings');
  await app.openView('Retention');
  await expect(app.activeDataset).toContainText('shop.csv');
  await expectShopRetention(app);

  await page.reload();
  await expect(app.activeDataset).toContainText('shop.csv (transactions, 8 rows kept of 8)', { timeout: 90_000 });
  await expectShopRetention(app);
  await expect(savedWork).toContainText('Restored: saved_import_rows, saved_import_settings.');
  // The Import view shows the restored file with the mapping chosen then.
  await app.openView('Import data');
  await expect(page.getByTestId('import-note').first()).toContainText('Restored from the copy saved in this browser');
  await expect(page.locator('#import-role-occurred_at')).toHaveValue('day');
  await expect(page.getByRole('heading', { name: 'Analysed: shop.csv' })).toBeVisible();
  expect(cellValue((await app.importSummary.locator('tr[data-reason="kept"] td').textContent()) ?? undefined)).toBe(8);

  await savedWork.getByRole('button', { name: 'Clear saved work' }).click();
  await expect(savedWork).toContainText('Saved work cleared');
  await page.goto('./?preset=tiny&view=retention');
  await app.waitUntilReady();
  await expect(app.activeDataset).toHaveCount(0);
  // Back on the generated data: the tiny preset's cohorts, not the file's three.
  const generated = Number((await app.query('SELECT count(DISTINCT cohort_month) AS n FROM retention_cohorts'))[0]!.n);
  expect(generated).toBeGreaterThan(EXPECTED.length);
  await expect.poll(() => app.retentionTable.locator('tbody th').count(), { timeout: 60_000 }).toBeGreaterThan(EXPECTED.length);
  await expect(page.getByTestId('saved-work')).not.toContainText('saved_import');
  expect(app.consoleErrors).toEqual([]);
});

test('without file storage the import still works for the visit, and says it is not saved', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'getDirectory', { value: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) });
  });
  const app = new AppPage(page);
  await importShopFile(app, shopCsv);
  await expect(page.getByTestId('storage-unavailable')).toContainText('the browser storage for this site is full');
  await expect(page.getByTestId('storage-problem')).toContainText('is not saved for the next visit');
  await app.openView('Retention');
  await expect(app.activeDataset).toContainText('shop.csv');
  await expectShopRetention(app);
});

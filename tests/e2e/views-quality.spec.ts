import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

// The generator's planted dirt at the default dirt rate, each a warn-level finding.
const PLANTED = ['dim_users_no_negative_miles_balance', 'not_null_stg_customers_country', 'not_null_stg_events_country', 'stg_rejects_no_rejected_rows'];

test('quality: check counts and statuses against dq_results, the planted findings as warnings with their samples, no failure', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=quality');
  const view = app.view('Data quality');
  await expect(view).toBeVisible();
  await app.waitUntilReady(undefined, 'quality-summary');
  await expect(page.getByTestId('quality-running')).toHaveCount(0);

  // Summary: the tiles and the table count the rows of dq_results by status.
  const byStatus = new Map((await app.query(`SELECT status, count(*) AS n FROM dq_results GROUP BY status`)).map((r) => [String(r.status), Number(r.n)]));
  const summary = await app.tableRows('quality-summary-table');
  expect(summary.map((r) => r.status)).toEqual(['fail', 'warn', 'pass']);
  for (const r of summary) expect(Number(r.checks), r.status).toBe(byStatus.get(r.status!) ?? 0);
  for (const status of ['fail', 'warn', 'pass']) {
    await expect(page.getByTestId('quality-tiles').locator(`[data-status="${status}"] .kpi-value`)).toHaveText(String(byStatus.get(status) ?? 0));
  }
  expect(byStatus.get('fail') ?? 0).toBe(0);
  const [total] = await app.query(`SELECT count(*) AS n FROM dq_results`);
  const table = page.getByTestId('quality-checks-table');
  await expect(table.locator('tbody tr[data-check]')).toHaveCount(Number(total!.n));

  // The planted findings are exactly the warnings.
  const warned = (await app.query(`SELECT check_name, failing_rows FROM dq_results WHERE status = 'warn' ORDER BY check_name`)).map((r) => String(r.check_name));
  expect(warned).toEqual(PLANTED);
  await page.getByTestId('quality-status-filter').selectOption('warn');
  await expect(page.getByTestId('quality-shown')).toHaveText(`4 of ${Number(total!.n)} checks`);
  const rows = await table.locator('tbody tr[data-check]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-check'), tr.getAttribute('data-status')]));
  expect(rows.map(([name]) => name).sort()).toEqual(PLANTED);
  expect(rows.every(([, status]) => status === 'warn')).toBe(true);

  // Each warning's sample is open, a table of its failing rows; the failing counts are the data's.
  const expectedFailing: Record<string, string> = {
    dim_users_no_negative_miles_balance: 'SELECT count(*) AS n FROM dim_users WHERE current_miles_balance < 0',
    not_null_stg_customers_country: 'SELECT count(*) AS n FROM stg_customers WHERE country IS NULL',
    not_null_stg_events_country: 'SELECT count(*) AS n FROM stg_events WHERE country IS NULL',
    stg_rejects_no_rejected_rows: 'SELECT count(*) AS n FROM stg_rejects',
  };
  for (const name of PLANTED) {
    const [count] = await app.query(expectedFailing[name]!);
    const failing = Number(count!.n);
    expect(failing, name).toBeGreaterThan(0);
    await expect(table.locator(`tr[data-check="${name}"] [data-col="failing"]`)).toHaveText(failing.toLocaleString('en-US'));
    const sample = page.getByTestId(`quality-sample-${name}`);
    await expect(sample.locator('tbody tr')).toHaveCount(Math.min(5, failing));
  }
  const countries = await page.getByTestId('quality-sample-not_null_stg_customers_country').locator('[data-col="country"]').allTextContents();
  expect(countries.length).toBeGreaterThan(0);
  expect(countries.every((c) => c === 'NULL')).toBe(true);
  const balances = await page.getByTestId('quality-sample-dim_users_no_negative_miles_balance').locator('[data-col="current_miles_balance"]').allTextContents();
  expect(balances.every((b) => Number(b) < 0)).toBe(true);
  // Each check's description comes from the dictionary.
  await expect(table.locator('tr[data-check="not_null_stg_customers_country"] [data-col="description"]')).toHaveText('country is never NULL in stg_customers.');
  // A sample closes and opens again.
  const toggle = table.locator('tr[data-check="stg_rejects_no_rejected_rows"]').getByRole('button', { name: /sample/ });
  await toggle.click();
  await expect(page.getByTestId('quality-sample-stg_rejects_no_rejected_rows')).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(page.getByTestId('quality-sample-stg_rejects_no_rejected_rows')).toBeVisible();

  // Search by model and sort by failing rows, largest first.
  await page.getByTestId('quality-status-filter').selectOption('all');
  await page.getByTestId('quality-search').fill('stg_customers');
  const found = await table.locator('tbody tr[data-check]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-check')} ${tr.querySelector('[data-col="model"]')?.textContent ?? ''}`));
  const [expectedFound] = await app.query(`SELECT count(*) AS n FROM dq_results WHERE check_name LIKE '%stg_customers%' OR model LIKE '%stg_customers%'`);
  expect(found.length).toBe(Number(expectedFound!.n));
  expect(found.every((f) => f.includes('stg_customers'))).toBe(true);
  await page.getByTestId('quality-search').fill('');
  await table.getByRole('button', { name: 'Failing rows' }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('Failing rows');
  const [largest] = await app.query(`SELECT check_name FROM dq_results ORDER BY failing_rows DESC, check_name LIMIT 1`);
  await expect(table.locator('tbody tr[data-check]').first()).toHaveAttribute('data-check', String(largest!.check_name));

  // The screenshot shows the findings (the whole list of passing checks would be a very long picture).
  await page.getByTestId('quality-status-filter').selectOption('warn');
  await app.screenshotView('Data quality', 'tests/e2e/screenshots/views-quality.png');

  // A link opens the same view.
  expect(new URL(page.url()).searchParams.get('view')).toBe('quality');
  const other = new AppPage(await context.newPage());
  await other.open(page.url());
  await other.waitUntilReady(undefined, 'quality-summary');
  expect(await other.tableRows('quality-summary-table')).toEqual(summary);
  expect([...app.consoleErrors, ...other.consoleErrors]).toEqual([]);
});

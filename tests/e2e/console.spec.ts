import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';
import { ConsolePage } from './support/consolePage';

async function openConsole(page: import('@playwright/test').Page): Promise<{ app: AppPage; console: ConsolePage }> {
  const app = new AppPage(page);
  const console = new ConsolePage(page);
  // Nothing saved from another test: the console opens on its default text.
  await page.addInitScript(() => window.localStorage.clear());
  await app.open('./?preset=tiny&view=console');
  await console.waitForData();
  await expect(console.editor).toBeVisible();
  return { app, console };
}

test('Ctrl+Enter runs the text, or only the selection; the result matches the data', async ({ page }) => {
  const { app, console } = await openConsole(page);
  await console.typeSql('SELECT current_tier, count(*) AS accounts FROM dim_customers GROUP BY current_tier ORDER BY current_tier');
  await console.run();
  await expect(console.status).toHaveAttribute('data-status', 'done');
  const expected = await app.query('SELECT current_tier, count(*) AS accounts FROM dim_customers GROUP BY current_tier ORDER BY current_tier');
  const shown = await console.gridRows();
  expect(shown.map((r) => [r.current_tier, Number(r.accounts)])).toEqual(expected.map((r) => [r.current_tier, r.accounts]));
  await expect(console.status).toHaveAttribute('data-rows', String(expected.length));

  // Two statements; the second line selected with the keyboard runs alone.
  await console.typeSql('SELECT 1 AS first_statement;\nSELECT 41 + 1 AS answer');
  await page.keyboard.press('Shift+Home');
  await expect(console.view.getByRole('button', { name: 'Run selection' })).toBeVisible();
  await console.run();
  expect(await console.gridRows()).toEqual([{ '#': '1', answer: '42' }]);

  // The history holds both runs, newest first; choosing one puts it back in the editor.
  const history = console.view.getByRole('combobox', { name: 'History' });
  await expect(history.locator('option')).toHaveText(['2 recent queries', 'SELECT 41 + 1 AS answer', /^SELECT current_tier/]);
  await history.selectOption({ index: 2 });
  await expect(console.editor).toContainText('GROUP BY current_tier');
  expect(app.consoleErrors).toEqual([]);
});

test('an error shows DuckDB message and marks its position in the editor', async ({ page }) => {
  const { console } = await openConsole(page);
  await console.typeSql('SELECT customer_id,\n  no_such_column\nFROM dim_customers');
  await console.run();
  await expect(console.status).toHaveAttribute('data-status', 'error');
  await expect(console.status).toContainText('Binder Error: Referenced column "no_such_column" not found');
  await expect(page.getByTestId('sql-error-mark')).toHaveText('no_such_column');

  // A parser error points at its token too.
  await console.typeSql('SELECT * FORM dim_customers');
  await console.run();
  await expect(console.status).toContainText('Parser Error: syntax error at or near');
  await expect(page.getByTestId('sql-error-mark')).toHaveText('dim_customers');
  // Editing clears the mark.
  await page.keyboard.type(' ');
  await expect(page.getByTestId('sql-error-mark')).toHaveCount(0);
});

test('a long query is cancelled, and the console runs the next one', async ({ page }) => {
  const { console } = await openConsole(page);
  // A cross join of 10^11 pairs: minutes of work, far longer than the test waits. DuckDB stops
  // between chunks, so the small side is what each chunk is crossed with.
  await console.typeSql('SELECT count(*) AS n FROM range(1000000000) a CROSS JOIN range(100) b WHERE a.range + b.range < 0');
  const run = await console.started(() => console.editor.press('ControlOrMeta+Enter'));
  await expect(console.status).toHaveAttribute('data-status', 'running');
  await page.waitForTimeout(1000);
  const clicked = Date.now();
  await console.view.getByRole('button', { name: 'Cancel' }).click();
  await console.settled(run, 15_000);
  await expect(console.status).toHaveAttribute('data-status', 'cancelled');
  expect(Date.now() - clicked).toBeLessThan(15_000);

  await console.typeSql('SELECT 7 * 6 AS answer');
  await console.run();
  expect(await console.gridRows()).toEqual([{ '#': '1', answer: '42' }]);
});

test('a result is exported as CSV with the same rows', async ({ page }) => {
  const { app, console } = await openConsole(page);
  const sql = 'SELECT month, end_mrr FROM monthly_revenue ORDER BY month';
  await console.typeSql(sql);
  await console.run();
  const menu = page.getByRole('group', { name: 'Export query_result' });
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu.getByRole('button', { name: 'CSV' }).click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'console-export-')), file.suggestedFilename());
  await file.saveAs(path);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
  const expected = await app.query(`SELECT strftime(month, '%Y-%m-%d') AS month, CAST(end_mrr AS DOUBLE) AS end_mrr FROM monthly_revenue ORDER BY month`);
  expect(lines[0]).toBe('month,end_mrr');
  expect(lines.slice(1).map((l) => l.split(','))).toEqual(expected.map((r) => [r.month, expect.any(String)]));
  const amounts = lines.slice(1).map((l) => Number(l.split(',')[1]));
  amounts.forEach((amount, i) => expect(amount).toBeCloseTo(Number(expected[i]!.end_mrr), 2));
});

test('a million-row result scrolls without freezing the page', async ({ page }) => {
  const { console } = await openConsole(page);
  await console.typeSql('SELECT range AS i, range * 2 AS twice, CAST(range AS VARCHAR) AS label FROM range(1000000)');
  await console.run();
  await expect(console.status).toHaveAttribute('data-rows', '1000000');
  await expect(console.status).toContainText('1,000,000 rows');
  // Only the rows in view are in the page.
  expect((await console.gridRows()).length).toBeLessThan(60);

  // Long tasks while scrolling through the whole result, top to bottom in 40 steps.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  for (let step = 1; step <= 40; step++) {
    await console.grid.evaluate((el, s) => {
      el.scrollTop = ((el.scrollHeight - el.clientHeight) * s) / 40;
    }, step);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  const rows = await console.gridRows();
  const last = rows.at(-1)!;
  expect(last).toEqual({ '#': '1000000', i: '999999', twice: '1999998', label: '999999' });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);

  // The middle: row n holds n - 1 wherever the scroll lands.
  await console.grid.evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  for (const row of await console.gridRows()) expect(Number(row.i)).toBe(Number(row['#']) - 1);
});

test('a quick chart draws the result as bars, lines or a heatmap', async ({ page }) => {
  const { app, console } = await openConsole(page);
  const sql = 'SELECT region, current_tier, count(*) AS accounts FROM dim_customers GROUP BY ALL ORDER BY region, current_tier';
  await console.typeSql(sql);
  await console.run();
  await page.getByText('Quick chart', { exact: true }).click();
  const chart = page.getByTestId('quick-chart');
  await chart.getByRole('radio', { name: 'Heatmap' }).check();
  await page.waitForFunction(() => window.growthbench?.snapshot().chartsDrawn['console-chart'] !== undefined);
  await chart.locator('details.data-table summary').click();
  const points = await app.tableRows('console-chart-table');
  const expected = await app.query(sql);
  expect(points.map((p) => [p.x, p.y, Number(p.value)])).toEqual(expected.map((r) => [r.region, r.current_tier, r.accounts]));

  // Bars of accounts by region: the tiers of a region are summed into its bar.
  await chart.getByRole('radio', { name: 'Bar' }).check();
  await expect(chart.getByRole('combobox', { name: 'x' })).toHaveValue('region');
  await expect(chart.getByRole('combobox', { name: 'y' })).toHaveValue('accounts');
  const byRegion = await app.query('SELECT region, count(*) AS accounts FROM dim_customers GROUP BY region ORDER BY region');
  await expect.poll(async () => (await app.tableRows('console-chart-table')).map((p) => [p.x, Number(p.value)])).toEqual(byRegion.map((r) => [r.region, r.accounts]));
  await chart.getByRole('radio', { name: 'Line' }).check();
  await expect(page.getByTestId('console-chart')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/console.png', fullPage: true });
  expect(app.consoleErrors).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';
import { accountCount } from './support/dataState';

/**
 * Worker faults and consistency: a crashed worker (window.growthbench.killWorker, which
 * terminates it and delivers the 'error' event a crash delivers) rejects every request at
 * once, the page says which worker and offers a smaller size; a run that stops before its data
 * is ready leaves the previous data on screen, or offers it again when it had to be released.
 */

test('a generator crash mid-run names the worker and offers a smaller size, which then runs', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?seed=5');
  await expect.poll(async () => (await app.snapshot()).stages.find((s) => s.id === 'generate')?.count ?? 0).toBeGreaterThan(0);
  await app.killWorker('generator');

  const alert = app.progress.getByRole('alert');
  await expect(alert).toContainText('The generator worker crashed: killed by the test hook', { timeout: 5_000 });
  await expect(alert).toContainText('A worker of the page crashed');
  await expect(alert).toHaveAttribute('data-fault', 'crash');
  await expect(app.stage('generate')).toHaveAttribute('data-status', 'error');
  // The partial database went with the failed run.
  await expect.poll(() => app.workerCounts()).toEqual({ duckdb: 0, generator: 0 });

  await alert.getByRole('button', { name: 'Restart with a smaller size (300 accounts (tiny))' }).click();
  await app.waitUntilReady();
  await expect(app.dataset).toContainText('Seed 5 · tiny');
  expect(new URL(page.url()).searchParams.get('preset')).toBe('tiny');
  expect(await accountCount(app)).toBe(300);
});

test('a DuckDB crash mid-pipeline fails the run at once instead of hanging, and a smaller size recovers', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&accounts=3000&seed=8');
  await app.waitForRunningStage('model:');
  const killedAt = Date.now();
  await app.killWorker('database');

  const alert = app.progress.getByRole('alert');
  // Without the watch, DuckDB-WASM forgets its pending requests and the run waits forever.
  await expect(alert).toContainText('The database (DuckDB) worker crashed: killed by the test hook', { timeout: 5_000 });
  expect(Date.now() - killedAt).toBeLessThan(5_000);
  await expect(alert).toHaveAttribute('data-fault', 'crash');
  expect(await page.locator('tr[data-stage^="model:"][data-status="error"]').count()).toBe(1);
  await expect(page.locator('tr[data-status="running"]')).toHaveCount(0);

  await alert.getByRole('button', { name: 'Restart with a smaller size (1,500 accounts)' }).click();
  await app.waitUntilReady();
  expect(new URL(page.url()).searchParams.get('accounts')).toBe('1500');
  expect(await accountCount(app)).toBe(1500);
});

test('a DuckDB crash after the data is ready says the data is gone, and Retry rebuilds it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=3');
  await app.waitUntilReady();
  await app.killWorker('database');

  const alert = app.progress.getByRole('alert');
  await expect(alert).toContainText('The database (DuckDB) worker crashed');
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  await expect(page.evaluate(() => window.growthbench!.query('SELECT 1'))).rejects.toThrow('No data loaded yet');

  await alert.getByRole('button', { name: 'Retry' }).click();
  await app.waitUntilReady();
  expect(await accountCount(app)).toBe(300);
  expect(await app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
});

test('cancelling a new run brings the previous data back, whole, with its link', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=1');
  await app.waitUntilReady();
  const before = await app.query('SELECT count(*) AS n, sum(hash(customer_id))::DOUBLE AS h FROM customers');

  await app.generate({ Seed: '2', Accounts: '4000' });
  await expect.poll(async () => (await app.snapshot()).stages.find((s) => s.id === 'generate')?.count ?? 0).toBeGreaterThan(0);
  // Both databases live while the new one builds (both fit beside each other).
  expect((await app.workerCounts()).duckdb).toBe(2);
  await app.progress.getByRole('button', { name: 'Cancel' }).click();

  const notice = page.getByTestId('run-interrupted');
  await expect(notice).toContainText('The run with seed 2, 4,000 accounts was cancelled before its data was ready; the previous data is still loaded');
  await expect(app.progress).toHaveAttribute('data-status', 'ready');
  await expect(app.dataset).toContainText('Seed 1 · tiny');
  expect(new URL(page.url()).searchParams.get('seed')).toBe('1');
  expect(new URL(page.url()).searchParams.get('accounts')).toBeNull();
  // The same rows, not a mix: the new run's partial database is gone with its worker.
  expect(await app.query('SELECT count(*) AS n, sum(hash(customer_id))::DOUBLE AS h FROM customers')).toEqual(before);
  await expect.poll(() => app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
  await app.openView('Revenue');
  await expect(app.view('Revenue')).toBeVisible();

  await notice.getByRole('button', { name: 'Run it again' }).click();
  await app.waitUntilReady();
  await expect(app.dataset).toContainText('Seed 2');
  expect(await accountCount(app)).toBe(4000);
  await expect(page.getByTestId('run-interrupted')).toHaveCount(0);
  expect(await app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
});

test('a new run whose database crashes brings the previous data back and offers a smaller size', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=1');
  await app.waitUntilReady();
  await app.generate({ Seed: '2', Accounts: '4000' });
  await app.waitForRunningStage('model:');
  await app.killWorker('database');

  const notice = page.getByTestId('run-interrupted');
  await expect(notice).toContainText('failed before its data was ready', { timeout: 5_000 });
  await expect(notice).toContainText('The database (DuckDB) worker crashed: killed by the test hook');
  await expect(notice).toHaveAttribute('data-fault', 'crash');
  await expect(app.dataset).toContainText('Seed 1 · tiny');
  expect(await accountCount(app)).toBe(300);
  await expect(notice.getByRole('button', { name: 'Restart with a smaller size (2,000 accounts)' })).toBeVisible();
  await expect.poll(() => app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
});

test('when the previous data had to make room, a cancelled run offers to load it again', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=1');
  await app.waitUntilReady();
  // 20,000 accounts beside the tiny data is more than two demo datasets: the old worker goes first.
  await app.generate({ Seed: '2', Accounts: '20000' });
  await expect.poll(async () => (await app.snapshot()).stages.find((s) => s.id === 'generate')?.count ?? 0).toBeGreaterThan(0);
  expect((await app.workerCounts()).duckdb).toBe(1);
  await app.progress.getByRole('button', { name: 'Cancel' }).click();

  await expect(app.progress).toHaveAttribute('data-status', 'cancelled');
  await app.progress.getByRole('button', { name: 'Load the previous data again (seed 1, 300 accounts (tiny))' }).click();
  await app.waitUntilReady();
  await expect(app.dataset).toContainText('Seed 1 · tiny');
  expect(new URL(page.url()).searchParams.get('seed')).toBe('1');
  expect(await accountCount(app)).toBe(300);
});

test('a DuckDB worker that stops answering mid-run is given up after the silence limit; the previous data stays, a smaller size is offered', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=1');
  await app.waitUntilReady();
  const hashOfCustomers = 'SELECT count(*) AS n, sum(hash(customer_id))::DOUBLE AS h FROM customers';
  const before = await app.query(hashOfCustomers);
  const oldWorkers = new Set(page.workers());

  await app.generate({ Seed: '2', Accounts: '4000' });
  await app.waitForRunningStage('model:');
  // The new run's own database worker (the previous data's stays beside it).
  const building = page.workers().filter((w) => w.url().includes('duckdb') && !oldWorkers.has(w));
  expect(building).toHaveLength(1);
  // 4 s instead of 120 s, set only now: loading the raw data sends no message for a while.
  await app.setStallLimit(4_000);
  const hungAt = Date.now();
  await app.hangWorker(building[0]!);

  const notice = page.getByTestId('run-interrupted');
  // Without the watch's silence limit the pipeline's request would wait forever.
  await expect(notice).toContainText('The run with seed 2, 4,000 accounts failed before its data was ready; the previous data is still loaded', { timeout: 30_000 });
  await expect(notice).toContainText(/The database \(DuckDB\) worker stopped responding: no answer for \d+ s/);
  expect(Date.now() - hungAt).toBeLessThan(30_000);
  await expect(notice).toHaveAttribute('data-fault', 'stall');
  await expect(notice.getByRole('button', { name: 'Restart with a smaller size (2,000 accounts)' })).toBeVisible();
  // The previous data, whole, with its link; the hung worker is gone.
  await expect(app.progress).toHaveAttribute('data-status', 'ready');
  await expect(app.dataset).toContainText('Seed 1 · tiny');
  expect(new URL(page.url()).searchParams.get('seed')).toBe('1');
  expect(await app.query(hashOfCustomers)).toEqual(before);
  await expect.poll(() => app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
  await app.openView('Revenue');
  await expect(app.view('Revenue')).toBeVisible();

  await app.setStallLimit(null);
  await notice.getByRole('button', { name: 'Restart with a smaller size (2,000 accounts)' }).click();
  await app.waitUntilReady();
  expect(new URL(page.url()).searchParams.get('accounts')).toBe('2000');
  expect(await accountCount(app)).toBe(2000);
});

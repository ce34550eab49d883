import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';
import { ConsolePage } from './support/consolePage';
import { accountCount, dataState } from './support/dataState';

test('a run can be cancelled while generating; nothing half-loaded stays, and it can be started again', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?seed=5');
  await expect(app.stage('generate')).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => (await app.snapshot()).stages.find((s) => s.id === 'generate')?.count ?? 0).toBeGreaterThan(0);
  await app.progress.getByRole('button', { name: 'Cancel' }).click();

  await expect(app.progress).toHaveAttribute('data-status', 'cancelled');
  await expect(app.stage('generate')).toHaveAttribute('data-status', 'cancelled');
  await expect(app.progress.getByRole('status')).toContainText('nothing was kept');
  await expect(page.getByTestId('retention-heatmap')).toHaveCount(0);
  // Both the generator and the partial database are gone.
  await expect.poll(() => page.workers().length).toBe(0);

  await app.progress.getByRole('button', { name: 'Generate again' }).click();
  await app.waitUntilReady();
  expect(app.consoleErrors).toEqual([]);
});

test('cancelling generation, the pipeline, a long console query and an export in one page leaves the same data each time; then a run succeeds', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=1');
  await app.waitUntilReady();
  const before = await dataState(app);
  expect(before.params?.seed).toBe(1);
  const interrupted = page.getByTestId('run-interrupted');
  const unchanged = async (what: string) => {
    await expect(app.progress, `after cancelling ${what}`).toHaveAttribute('data-status', 'ready');
    await expect(app.dataset).toContainText('Seed 1 · tiny');
    expect(await dataState(app), `after cancelling ${what}`).toEqual(before);
    // The cancelled run's worker and partial database are gone; the data's own stays.
    await expect.poll(() => app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
  };

  // 1. Generation.
  await app.generate({ Seed: '2', Accounts: '4000' });
  await expect.poll(async () => (await app.snapshot()).stages.find((s) => s.id === 'generate')?.count ?? 0).toBeGreaterThan(0);
  await app.progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(interrupted).toContainText('The run with seed 2, 4,000 accounts was cancelled before its data was ready; the previous data is still loaded');
  await unchanged('generation');

  // 2. The pipeline, with its first models built.
  await app.generate({ Seed: '3', Accounts: '4000' });
  await page.waitForFunction(() => window.growthbench!.snapshot().stages.some((s) => s.id.startsWith('model:') && s.status === 'done'), undefined, { polling: 50 });
  await app.progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(interrupted).toContainText('The run with seed 3, 4,000 accounts was cancelled before its data was ready; the previous data is still loaded');
  await unchanged('the pipeline');

  // 3. A long console query (the one console.spec.ts cancels: minutes of work).
  await app.openView('SQL console');
  const console = new ConsolePage(page);
  await console.typeSql('SELECT count(*) AS n FROM range(1000000000) a CROSS JOIN range(100) b WHERE a.range + b.range < 0');
  const query = await console.started(() => console.editor.press('ControlOrMeta+Enter'));
  await expect(console.status).toHaveAttribute('data-status', 'running');
  await console.view.getByRole('button', { name: 'Cancel' }).click();
  await console.settled(query, 15_000);
  await expect(console.status).toHaveAttribute('data-status', 'cancelled');
  await unchanged('a console query');

  // 4. An export of every gold mart.
  await app.openView('Data dictionary');
  const exportAll = app.view('Data dictionary').getByRole('region', { name: 'Export all gold marts' });
  let downloads = 0;
  page.on('download', () => downloads++);
  await exportAll.getByRole('button', { name: 'All gold marts · CSV zip' }).click();
  await expect(exportAll.getByRole('progressbar', { name: 'Export of all gold marts (CSV)' })).toBeVisible();
  await exportAll.getByRole('button', { name: 'Cancel' }).click();
  await expect(exportAll.getByRole('status')).toHaveText('Export of all gold marts (CSV) cancelled; nothing was saved.');
  expect(downloads).toBe(0);
  await unchanged('an export');

  // After all that, a new run goes through and replaces the data (on the Overview: its charts say when).
  await app.openView('Overview');
  await app.generate({ Seed: '4' });
  await app.waitUntilReady();
  await expect(app.dataset).toContainText('Seed 4 · tiny');
  await expect(interrupted).toHaveCount(0);
  const after = await dataState(app);
  expect(after.params?.seed).toBe(4);
  expect(after.link.seed).toBe('4');
  expect(after.layers.customers_hash).not.toEqual(before.layers.customers_hash);
  expect(await accountCount(app)).toBe(300);
  expect(await app.workerCounts()).toEqual({ duckdb: 1, generator: 0 });
  expect(app.consoleErrors).toEqual([]);
});

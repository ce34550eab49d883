import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { generateDataset } from '../../src/generator/dataset';
import { AppPage } from './support/appPage';

test('the browser workers generate byte-identical tables to Node for the same seed, several side by side', async ({ page }) => {
  // Three groups of accounts (a short window keeps it small), so that every generator the
  // browser starts gets a share; their chunks must merge into exactly Node's sequence.
  const params = { accounts: 6000, usersPerAccount: 1, windowStart: '2024-01-01', windowEnd: '2024-02-29', asOf: '2024-02-29', seed: 11 };
  const app = new AppPage(page);
  await app.open(`./?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}&verify=hashes`);
  await app.waitUntilReady();
  const snapshot = await app.snapshot();
  const node: Record<string, string[]> = {};
  for (const chunk of generateDataset(params)) {
    (node[chunk.table] ??= []).push(createHash('sha256').update(chunk.ipc).digest('hex'));
  }
  expect(Object.keys(snapshot.chunkHashes).sort()).toEqual(Object.keys(node).sort());
  expect(snapshot.chunkHashes).toEqual(node);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const generate = snapshot.stages.find((s) => s.id === 'generate')!;
  if (cores >= 2) expect(generate.detail).toContain(`(${Math.min(3, cores)} side by side)`);
});

test('the settings panel validates by field, regenerates in a fresh database worker and updates the link', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  const firstRun = (await app.snapshot()).runId;
  // The pool's workers of the first run, kept warm for the next.
  const generators = app.generatorWorkers();
  expect(generators.length).toBeGreaterThan(0);

  await page.getByText('Generator settings').click();
  const form = page.getByRole('form', { name: 'Generator settings' });
  await form.getByRole('textbox', { name: 'Seed' }).fill('abc');
  await form.getByRole('textbox', { name: 'Dirt rate' }).fill('0.5');
  await form.getByRole('button', { name: 'Generate' }).click();
  await expect(form.getByRole('alert')).toContainText('the 2 highlighted settings; nothing was generated');
  await expect(form.getByText('Seed must be a number')).toBeVisible();
  await expect(form.getByText('dirtRate (share of duplicated events) must be between 0 and 0.1')).toBeVisible();
  expect((await app.snapshot()).runId).toBe(firstRun);

  // The size is estimated before anything runs: near the limit a warning, beyond it a refusal.
  await form.getByRole('textbox', { name: 'Seed' }).fill('7');
  await form.getByRole('textbox', { name: 'Dirt rate' }).fill('0');
  await form.getByRole('textbox', { name: 'Accounts' }).fill('50000');
  await expect(page.getByTestId('run-estimate')).toContainText('It may run out of memory');
  await form.getByRole('textbox', { name: 'Accounts' }).fill('400000');
  await expect(page.getByTestId('run-estimate')).toContainText('Too large for the browser');
  await form.getByRole('button', { name: 'Generate' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'nothing was generated' })).toBeVisible();
  expect((await app.snapshot()).runId).toBe(firstRun);
  await form.getByRole('textbox', { name: 'Accounts' }).fill('300');
  await expect(page.getByTestId('run-estimate')).toContainText('M events');


  await form.getByRole('textbox', { name: 'Dirt rate' }).fill('0');
  await form.getByRole('textbox', { name: 'Dirt rate' }).press('Enter');
  await expect.poll(async () => (await app.snapshot()).runId).toBeGreaterThan(firstRun);
  await app.waitUntilReady();
  await expect(page.getByTestId('dataset')).toContainText('Seed 7 · tiny');
  expect(new URL(page.url()).searchParams.get('seed')).toBe('7');
  expect(new URL(page.url()).searchParams.get('dirtRate')).toBe('0');
  // The old database worker was terminated: one DuckDB worker lives. The regeneration ran on
  // the first run's generator workers (the same two tiny units), which stay idle and warm.
  const workers = page.workers().map((w) => w.url());
  expect(workers.filter((url) => url.includes('duckdb'))).toHaveLength(1);
  expect(app.generatorWorkers()).toEqual(generators);
  expect(await page.evaluate(() => window.growthbench!.generatorPool())).toEqual({ workers: generators.length, idle: generators.length });
  expect(app.consoleErrors).toEqual([]);
});

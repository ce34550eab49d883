import { expect, test } from '@playwright/test';
import { AppPage, cellNumber } from './support/appPage';

test('pipeline: every model with its layer, rows counted in the database, build time from the run, and a model opens its SQL and lineage', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=pipeline');
  await app.waitUntilReady(undefined, 'pipeline-lineage');
  const models = await app.tableRows('pipeline-models-table');

  // One row per model the run built (the stages named model:<name>), rows counted by DuckDB itself.
  const snapshot = await app.snapshot();
  const stages = snapshot.stages.filter((s) => s.id.startsWith('model:'));
  expect(models.map((m) => m.model).sort()).toEqual(stages.map((s) => s.id.slice(6)).sort());
  for (const m of models) {
    const [counted] = await app.query(`SELECT count(*) AS n FROM "${m.model!}"`);
    expect(cellNumber(m.rows), m.model).toBe(Number(counted!.n));
    const stage = stages.find((s) => s.id === `model:${m.model!}`)!;
    expect(cellNumber(m.duration!.replace(' ms', '')), m.model).toBe(Math.round(stage.endedAt! - stage.startedAt!));
  }
  // Layers and what each model reads, against the database's own dependency list where DuckDB keeps one (views).
  const layers = new Set(models.map((m) => m.layer));
  expect([...layers].sort()).toEqual(['bronze', 'gold', 'silver']);
  const monthly = models.find((m) => m.model === 'first_month_net_revenue')!;
  expect(monthly.layer).toBe('gold');
  expect(monthly.upstream!.split(', ')).toEqual(['first_month_accounts', 'run_params']);

  // Search by name narrows the table.
  await page.getByTestId('pipeline-search').fill('first_month');
  const found = await app.tableRows('pipeline-models-table');
  expect(found.map((m) => m.model).sort()).toEqual(models.map((m) => m.model!).filter((n) => n.includes('first_month')).sort());

  // A model shows its SQL, what it reads and what reads it (directly and all the way).
  await page.getByRole('button', { name: 'Show first_month_accounts' }).click();
  const details = page.getByTestId('pipeline-model');
  await expect(details).toHaveAttribute('data-model', 'first_month_accounts');
  await expect(page.getByTestId('pipeline-model-sql')).toContainText('FROM dim_customer_acquisition AS a');
  const readers = await page.getByTestId('pipeline-model-downstream').getByRole('button').allTextContents();
  const expectedReaders = models.filter((m) => m.upstream!.split(', ').includes('first_month_accounts')).map((m) => m.model!).sort();
  expect(readers).toEqual(expectedReaders);
  expect(readers).toEqual(expect.arrayContaining(['first_month_net_revenue', 'first_month_revenue_decomposition']));
  const reads = await page.getByTestId('pipeline-model-upstream').getByRole('button').allTextContents();
  expect(reads).toEqual(['dim_customer_acquisition', 'fct_invoices', 'fct_subscription_states', 'stg_plans', 'stg_reversals']);
  await expect(page.getByTestId('pipeline-model-all-upstream')).toContainText('invoices');
  // A neighbour's name selects it.
  await details.getByRole('button', { name: 'first_month_net_revenue' }).click();
  await expect(details).toHaveAttribute('data-model', 'first_month_net_revenue');
  await expect(page.getByTestId('pipeline-model-rows')).toHaveText(monthly.rows!);
  await page.getByTestId('pipeline-search').fill('');
  await app.screenshotView('Pipeline', 'tests/e2e/screenshots/views-pipeline.png');

  // A link opens the same view with the same models and counts.
  expect(new URL(page.url()).searchParams.get('view')).toBe('pipeline');
  const other = new AppPage(await context.newPage());
  await other.open(page.url());
  await other.waitUntilReady(undefined, 'pipeline-lineage');
  const again = await other.tableRows('pipeline-models-table');
  expect(again.map(({ model, layer, rows, upstream }) => ({ model, layer, rows, upstream }))).toEqual(models.map(({ model, layer, rows, upstream }) => ({ model, layer, rows, upstream })));
  expect([...app.consoleErrors, ...other.consoleErrors]).toEqual([]);
});

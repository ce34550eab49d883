import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

test('a failed start shows the stage, the message and a retry that recovers', async ({ page }) => {
  const app = new AppPage(page);
  // Context-level routing also reaches the DuckDB worker's fetch of its wasm.
  await page.context().route(/duckdb-.*\.wasm$/, (route) => route.abort('failed'));
  await app.open('./?preset=tiny');
  const alert = app.progress.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(app.stage('engine')).toHaveAttribute('data-status', 'error');

  await page.context().unroute(/duckdb-.*\.wasm$/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await app.waitUntilReady();
  await expect(app.progress.getByRole('alert')).toHaveCount(0);
});

test('a malformed link opens with the defaults it could keep and a clear notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=not-a-number&bundle=quantum');
  await expect(page.getByRole('status')).toContainText('seed "not-a-number" is not a whole number');
  await expect(page.getByRole('status')).toContainText('unknown bundle "quantum"');
  await app.waitUntilReady();
  await expect(page.getByTestId('dataset')).toContainText('Seed 42 · tiny');
});

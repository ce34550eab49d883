import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

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

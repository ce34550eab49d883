import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

test('the data dictionary lists every table with live types and row counts, and is searchable', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Data dictionary' }).click();
  const view = page.getByRole('region', { name: 'Data dictionary' });
  await expect(view.getByText(/^\d+ of \d+ tables$/)).toBeVisible();
  const events = view.locator('article[data-table="events"]');
  await expect(events.getByRole('row', { name: /event_time TIMESTAMP/ })).toBeVisible();
  const stagedRows = await app.snapshot().then((s) => s.stages.find((x) => x.id === 'model:stg_events')!.count!);
  await expect(view.locator('article[data-table="stg_events"] h3')).toContainText(`${stagedRows.toLocaleString('en-US')} rows`);

  await view.getByRole('searchbox', { name: 'Search tables and columns' }).fill('miles balance');
  await expect(view.locator('article[data-table="dim_users"]')).toBeVisible();
  await expect(view.locator('article[data-table="plans"]')).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/dictionary.png', fullPage: true });
  expect(app.consoleErrors).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';
import { ConsolePage } from './support/consolePage';

const EU_SQL = "SELECT customer_id, current_tier FROM dim_customers WHERE region = 'EU' ORDER BY customer_id";

test('a reload restores the screen, the console and a saved table; Clear saved work forgets them', async ({ page }) => {
  const app = new AppPage(page);
  const console = new ConsolePage(page);
  await app.open('./?preset=tiny&view=console&region=EU&grain=week');
  await console.waitForData();
  await console.typeSql(EU_SQL);
  await console.run();
  const euCount = (await app.query("SELECT count(*) AS n FROM dim_customers WHERE region = 'EU'"))[0]!.n as number;
  await expect(console.status).toHaveAttribute('data-rows', String(euCount));
  await console.view.getByRole('textbox', { name: 'New table name' }).fill('eu_accounts');
  await console.view.getByRole('button', { name: 'Save as table' }).click();
  await expect(page.getByTestId('save-as-table-status')).toHaveText('Table eu_accounts created and saved in this browser.');
  await expect(console.savedWork).toContainText('1 table (eu_accounts)');

  await page.reload();
  await console.waitForData();
  await expect(console.savedWork).toContainText('Restored: eu_accounts.');
  // The restored table holds the rows it was saved with.
  const restored = await app.query('SELECT customer_id, current_tier FROM eu_accounts ORDER BY customer_id');
  expect(restored).toEqual(await app.query(EU_SQL));
  // The console text and history, the filter and the grain are back.
  await expect(console.editor).toContainText("WHERE region = 'EU'");
  await expect(console.view.getByRole('combobox', { name: 'History' }).locator('option').nth(1)).toHaveAttribute('title', EU_SQL);
  await expect(page.getByTestId('grain').getByRole('radio', { name: 'Week' })).toBeChecked();

  // A bare visit (no parameters) reopens the saved state.
  await app.open('./');
  await console.waitForData();
  await expect(console.savedWork).toContainText('Reopened where you left off.');
  expect(new URL(page.url()).searchParams.get('preset')).toBe('tiny');
  expect(new URL(page.url()).searchParams.getAll('region')).toEqual(['EU']);
  await expect(console.view).toBeVisible();

  await console.savedWork.getByRole('button', { name: 'Clear saved work' }).click();
  await expect(console.savedWork).toContainText('Saved work cleared');
  // This visit keeps its table; the next one starts without it and without the saved text.
  expect((await app.query('SELECT count(*) AS n FROM eu_accounts'))[0]!.n).toBe(euCount);
  await app.open('./?preset=tiny&view=console');
  await console.waitForData();
  await expect(console.savedWork).not.toContainText('eu_accounts');
  await expect(app.query('SELECT count(*) AS n FROM eu_accounts')).rejects.toThrow(/eu_accounts/);
  await expect(console.editor).not.toContainText("WHERE region = 'EU'");
  expect(app.consoleErrors).toEqual([]);
});

test('without browser storage the app says so and keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    // A private window with storage refused, and a full localStorage.
    Object.defineProperty(navigator.storage, 'getDirectory', { value: () => Promise.reject(new DOMException('denied', 'SecurityError')) });
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const app = new AppPage(page);
  const console = new ConsolePage(page);
  await app.open('./?preset=tiny&view=console');
  await console.waitForData();
  const warning = page.getByTestId('storage-unavailable');
  await expect(warning).toContainText('Saving is off');
  await expect(warning).toContainText('the browser does not allow this site to store files');
  await expect(warning).toContainText('the screen state and console history cannot be saved');

  await console.typeSql('SELECT range AS n FROM range(5)');
  await console.run();
  await expect(console.status).toHaveAttribute('data-rows', '5');
  await console.view.getByRole('textbox', { name: 'New table name' }).fill('five');
  await console.view.getByRole('button', { name: 'Save as table' }).click();
  await expect(page.getByTestId('save-as-table-status')).toContainText('Table five created for this visit; not saved');
  await expect(page.getByTestId('storage-problem')).toContainText('It stays in memory for now.');
  expect((await app.query('SELECT sum(n) AS total FROM five'))[0]!.total).toBe(10);
  // The history still works for this visit.
  await expect(console.view.getByRole('combobox', { name: 'History' }).locator('option').nth(1)).toHaveText('SELECT range AS n FROM range(5)');
});

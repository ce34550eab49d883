import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

/**
 * Hostile input: links and settings made of script tags, SQL fragments, huge numbers, NaN.
 * The page opens with the defaults for what it could not use, names each ignored value in a
 * notice (as text: nothing in it runs), and the data stays whole.
 */

const customerCount = async (app: AppPage) => Number((await app.query('SELECT count(DISTINCT customer_id) AS n FROM customers'))[0]!.n);

/** Set by any injected markup or script; must stay undefined. */
const pwned = (app: AppPage) => app.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test('a link of script tags, SQL fragments, huge numbers and NaN opens with the defaults and a notice naming each', async ({ page }) => {
  const app = new AppPage(page);
  const hostile = new URLSearchParams([
    ['preset', 'tiny'],
    ['seed', '<script>window.__pwned=1</script>'],
    ['accounts', '1e308'],
    ['usersPerAccount', 'NaN'],
    ['trialConversion', 'Infinity'],
    ['baseChurn', "0.03'; DROP TABLE customers; --"],
    ['dirtRate', '-1'],
    ['windowStart', '2024-13-45'],
    ['asOf', "' OR 1=1 --"],
    ['view', '<img src=x onerror="window.__pwned=2">'],
    ['grain', 'hour'],
    ['region', "EU' OR '1'='1"],
    ['plan', '";DROP TABLE customers;--'],
    ['from', '2024-02-30'],
    ['to', '<svg onload="window.__pwned=3">'],
  ]);
  await app.open(`./?${hostile.toString()}`);
  const notice = page.getByRole('status').filter({ hasText: 'Some link settings were ignored' });
  await expect(notice).toBeVisible();
  for (const text of [
    'seed "<script>window.__pwned=1</script>" is not a whole number',
    'accounts must be a whole number from 1 to',
    'usersPerAccount "NaN" is not a number',
    'trialConversion "Infinity" is not a number',
    `baseChurn "0.03'; DROP TABLE customers; --" is not a number`,
    'dirtRate (share of duplicated events) must be between 0 and 0.1',
    'windowStart must be a date like 2024-01-01',
    'asOf must be a date like 2025-12-31',
    'unknown view "<img src=x onerror="window.__pwned=2">"',
    'unknown grain "hour"',
    `region "EU' OR '1'='1" is not a valid value`,
    'plan "";DROP TABLE customers;--" is not a valid value',
    'from "2024-02-30" is not a date (YYYY-MM-DD)',
    'to "<svg onload="window.__pwned=3">" is not a date (YYYY-MM-DD)',
  ]) {
    await expect(notice).toContainText(text);
  }
  await app.waitUntilReady();
  // Everything ignored fell back to its default; the link now says what is on screen.
  await expect(app.dataset).toContainText('Seed 42 · tiny · 2024-01-01 to 2025-12-31 · as of 2025-12-31');
  const params = (await app.snapshot()).params!;
  expect([params.accounts, params.usersPerAccount, params.trialConversion, params.baseChurn, params.dirtRate]).toEqual([300, 3, 0.45, 0.03, 0.005]);
  expect(new URL(page.url()).searchParams.get('seed')).toBeNull();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview', exact: true })).toHaveAttribute('aria-current', 'page');
  // Nothing was injected: the markup is text, no filter chip was made of it, the data is whole.
  expect(await pwned(app)).toBeUndefined();
  expect(await page.locator('main img[src="x"], main svg[onload]').count()).toBe(0);
  await expect(page.getByTestId('filter-chips')).toContainText('No filters: all accounts, the whole window.');
  expect(await customerCount(app)).toBe(300);
});

test('values shaped like data but not in it are dropped by name, and the views still draw', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&region=Atlantis&plan=DROP TABLE customers&seed=99999999999999999999&accounts=2000001&windowEnd=2099-12-31');
  const notice = page.getByRole('status').filter({ hasText: 'Some link settings were ignored' });
  await expect(notice).toContainText('seed must be a whole number from 0 to 4294967295');
  await expect(notice).toContainText('accounts must be a whole number from 1 to 2000000');
  await expect(notice).toContainText('the window may span at most 10 years');
  await app.waitUntilReady();
  await expect(page.getByRole('status').filter({ hasText: 'is not in the data' })).toContainText('region "Atlantis" is not in the data');
  await expect(page.getByRole('status').filter({ hasText: 'is not in the data' })).toContainText('plan "DROP TABLE customers" is not in the data');
  await expect(app.dataset).toContainText('Seed 42 · tiny · 2024-01-01 to 2025-12-31');
  await expect(page.getByTestId('filter-chips')).toContainText('No filters');
  expect(await customerCount(app)).toBe(300);
});

test('the settings form refuses hostile values field by field and generates nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  const before = (await app.snapshot()).runId;
  await page.locator('details.settings summary').click();
  const form = page.getByRole('form', { name: 'Generator settings' });
  const fill = (label: string, value: string) => form.getByRole('textbox', { name: new RegExp(`^${label} `) }).fill(value);
  await fill('Seed', '1; DROP TABLE customers');
  await fill('Accounts', '1e400');
  await fill('Users per account', 'NaN');
  await fill('Trial conversion', '<img src=x onerror="window.__pwned=4">');
  await fill('Base churn', 'Infinity');
  await form.getByRole('button', { name: 'Generate' }).click();

  await expect(form.getByRole('alert')).toContainText('the 5 highlighted settings; nothing was generated');
  for (const label of ['Seed', 'Accounts', 'Users per account', 'Trial conversion', 'Base churn']) {
    await expect(form.getByText(`${label} must be a number`)).toBeVisible();
  }
  await expect(form.locator('[aria-invalid="true"]')).toHaveCount(5);
  expect((await app.snapshot()).runId).toBe(before);
  expect(await pwned(app)).toBeUndefined();
  expect(await customerCount(app)).toBe(300);
});

import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

test('shell: keyboard navigation between views, filter chips and Clear, all kept in the URL', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady(undefined, 'overview-kpis');
  const nav = page.getByRole('navigation', { name: 'Views' });
  const overview = nav.getByRole('button', { name: 'Overview' });
  await expect(overview).toHaveAttribute('aria-current', 'page');
  // Each view has a title and a line on its convention.
  await expect(app.view('Overview').locator('p.convention').first()).toContainText('latest complete month');

  await overview.focus();
  await page.keyboard.press('ArrowRight');
  await expect(nav.getByRole('button', { name: 'Revenue', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('button', { name: 'Revenue', exact: true })).toBeFocused();
  await expect(app.view('Revenue').locator('p.convention').first()).toContainText('MRR is month-end');
  expect(new URL(page.url()).searchParams.get('view')).toBe('revenue');
  await page.keyboard.press('End');
  await expect(nav.getByRole('button').last()).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Home');
  await expect(overview).toHaveAttribute('aria-current', 'page');
  expect(new URL(page.url()).searchParams.get('view')).toBeNull();

  // Filters show as chips; each chip removes itself; Clear removes all. The URL follows.
  const chips = page.getByTestId('filter-chips');
  await app.chooseFilterValue('Region', 'EU');
  await app.chooseFilterValue('Plan', 'Pro');
  await app.redrawn(['overview-kpis'], () => app.setDateRange('2025-01-01', '2025-09-30'));
  await expect(chips.getByRole('button')).toHaveText(['From 2025-01-01 ×', 'To 2025-09-30 ×', 'Plan: Pro ×', 'Region: EU ×', 'Clear']);
  const query = new URL(page.url()).searchParams;
  expect([query.get('from'), query.get('to'), query.getAll('plan'), query.getAll('region'), query.get('preset')]).toEqual(['2025-01-01', '2025-09-30', ['Pro'], ['EU'], 'tiny']);
  // The date range limits the KPIs' months.
  expect((await app.kpi('MRR')).month).toBe('2025-09');

  await chips.getByRole('button', { name: 'Remove filter Plan: Pro' }).click();
  await expect(chips.getByRole('button', { name: /Plan: Pro/ })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.getAll('plan')).toEqual([]);

  // A range that ends before it starts is refused, with the reason.
  await page.getByTestId('filter-to').fill('2024-06-30');
  await expect(page.getByRole('alert').filter({ hasText: 'ends before it starts' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('to')).toBe('2025-09-30');

  await chips.getByRole('button', { name: 'Clear' }).click();
  await expect(chips).toContainText('No filters');
  await expect(chips.getByRole('button', { name: 'Clear' })).toBeDisabled();
  expect(new URL(page.url()).search).toBe('?preset=tiny');
  expect(app.consoleErrors).toEqual([]);
});

test('shell: a malformed link opens with what could be kept and names the rest', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=nope&grain=year&region=EU&plan=Platinum&from=2025-02-30&seed=x');
  await app.waitUntilReady(undefined, 'overview-kpis');
  const notice = page.getByRole('status').filter({ hasText: 'Some link settings were ignored' });
  await expect(notice).toContainText('unknown view "nope"');
  await expect(notice).toContainText('unknown grain "year"');
  await expect(notice).toContainText('from "2025-02-30" is not a date');
  await expect(notice).toContainText('seed "x" is not a whole number');
  await expect(notice).toContainText('plan "Platinum" is not in the data');
  await expect(page.getByTestId('filter-chips').getByRole('button', { name: 'Remove filter Region: EU' })).toBeVisible();
  await expect(page.getByTestId('filter-chips').getByRole('button', { name: /Platinum/ })).toHaveCount(0);
  await expect(app.view('Overview').locator('.kpi')).toHaveCount(12);
  const query = new URL(page.url()).searchParams;
  expect([...query.keys()].sort()).toEqual(['preset', 'region']);
  expect(app.consoleErrors).toEqual([]);
});

test('shell: dark theme for the page and the charts, a 1280 px laptop without horizontal scrolling, charts that resize', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady(undefined, 'overview-kpis');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

  const panel = () => page.locator('section.view').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await panel();
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await panel()).not.toBe(light);
  // The chart's axis labels turn light: sample the canvas for bright text pixels on a transparent background.
  await page.waitForTimeout(300);
  const bright = await page.getByTestId('overview-mrr').evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, 80, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 200 && data[i]! > 130 && data[i + 1]! > 130 && data[i + 2]! > 140) n++;
    return n;
  });
  expect(bright).toBeGreaterThan(20);
  // The filter bar is sticky: from the top, it sits above the view instead of over it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'tests/e2e/screenshots/overview-dark.png', fullPage: true });
  // The choice is remembered.
  await page.reload();
  await app.waitUntilReady(undefined, 'overview-kpis');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const width = () => page.getByTestId('overview-mrr').locator('canvas').first().evaluate((c) => c.getBoundingClientRect().width);
  const narrow = await width();
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect.poll(width).toBeGreaterThan(narrow + 100);
  expect(app.consoleErrors).toEqual([]);
});

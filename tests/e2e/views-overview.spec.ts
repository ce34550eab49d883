import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

const OVERVIEW_CHARTS = ['overview-kpis', 'overview-mrr', 'overview-active'];

/** Month-end MRR and paying accounts straight from the silver month-end snapshots: independent of monthly_revenue. */
const MRR_SQL = (month: string, where = 'TRUE') => `
  SELECT CAST(sum(s.mrr) AS DOUBLE) AS mrr, count(*) FILTER (WHERE s.mrr > 0) AS paying
  FROM fct_subscription_months AS s JOIN stg_customers AS c ON c.customer_id = s.customer_id
  WHERE s.month = DATE '${month}-01' AND ${where}`;

/** Distinct users with an event in the month, from the cleaned events: independent of the growth marts. */
const MAU_SQL = (month: string) => `
  SELECT count(DISTINCT user_id) AS mau FROM stg_events
  WHERE strftime(event_date, '%Y-%m') = '${month}' AND event_date <= (SELECT as_of_date FROM run_params)`;

test('overview: KPI tiles hold the figures of the latest complete month, consistent with each other and with the data', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady(undefined, 'overview-kpis');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  const view = app.view('Overview');
  await expect(view.locator('.kpi')).toHaveCount(12);
  await expect(view.locator('.kpi .sparkline polyline').first()).toBeAttached();

  // The as-of date of the tiny preset is 2025-12-31: December is complete.
  const mrr = await app.kpi('MRR');
  expect(mrr.month).toBe('2025-12');
  const [truth] = await app.query(MRR_SQL('2025-12'));
  expect(mrr.value!).toBeCloseTo(Number(truth!.mrr), 2);
  expect((await app.kpi('Paying accounts')).value).toBe(Number(truth!.paying));
  const [before] = await app.query(MRR_SQL('2025-11'));
  expect(mrr.previous!).toBeCloseTo(Number(before!.mrr), 2);

  // Definitions tie the tiles together: ARR = 12 MRR, ARPA = MRR / paying, LTV = ARPA / logo churn.
  expect((await app.kpi('ARR')).value!).toBeCloseTo(12 * mrr.value!, 2);
  const arpa = (await app.kpi('ARPA')).value!;
  expect(arpa).toBeCloseTo(mrr.value! / Number(truth!.paying), 4);
  const churn = (await app.kpi('Logo churn (month)')).value;
  const ltv = (await app.kpi('LTV')).value;
  if (churn) expect(ltv!).toBeCloseTo(arpa / churn, 0);
  else expect(ltv).toBeNull();
  const [mau] = await app.query(MAU_SQL('2025-12'));
  expect((await app.kpi('MAU')).value).toBe(Number(mau!.mau));

  // The tile shows the same number, formatted.
  await expect(view.locator('[data-kpi="mrr"] [data-value]')).toHaveText(`$${Math.round(mrr.value!).toLocaleString('en-US')}`);
  // The MRR chart's table ends with the same month-end MRR.
  const months = await app.tableRows('overview-mrr-table');
  expect(Number(months.find((r) => r.month === '2025-12')!.mrr)).toBeCloseTo(mrr.value!, 2);

  // The Revenue view's bridge for that month ends at the same MRR.
  await app.openView('Revenue');
  await expect(page.getByTestId('revenue-bridge-table')).toBeVisible();
  const end = await page.locator('[data-testid="revenue-bridge-table"] tr[data-step="end"] [data-col="amount"]').textContent();
  expect(Number(end)).toBeCloseTo(mrr.value!, 2);
  await app.openView('Overview');
  await expect(view.locator('.kpi')).toHaveCount(12);
  // The filter bar is sticky: from the top, it sits above the view instead of over it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'tests/e2e/screenshots/overview.png', fullPage: true });
  expect(app.consoleErrors).toEqual([]);
});

test('overview: a filter changes the figures to those of the filtered accounts, and a link reproduces them', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady(undefined, 'overview-kpis');
  const all = await app.kpi('MRR');

  await app.redrawn(OVERVIEW_CHARTS, () => app.chooseFilterValue('Region', 'EU'));
  await expect(page.getByTestId('filter-chips').getByRole('button', { name: 'Remove filter Region: EU' })).toBeVisible();
  expect(new URL(page.url()).searchParams.getAll('region')).toEqual(['EU']);
  const eu = await app.kpi('MRR');
  const [truth] = await app.query(MRR_SQL('2025-12', `c.region = 'EU'`));
  expect(eu.value!).toBeCloseTo(Number(truth!.mrr), 2);
  expect(eu.value!).toBeLessThan(all.value!);
  expect((await app.kpi('Paying accounts')).value).toBe(Number(truth!.paying));

  // The link holds the view, the filter and the grain: another tab shows the same figures.
  await app.redrawn(['overview-active'], () => app.chooseGrain('Week'));
  const figures = await app.tableRows('overview-kpi-table');
  const weeks = await app.tableRows('overview-active-table');
  const link = page.url();
  expect(link).toContain('grain=week');
  const other = new AppPage(await context.newPage());
  await other.open(link);
  await other.waitUntilReady(undefined, 'overview-kpis');
  await expect(other.page.getByTestId('filter-chips').getByRole('button', { name: 'Remove filter Region: EU' })).toBeVisible();
  await expect(other.page.getByTestId('grain').getByRole('radio', { name: 'Week' })).toBeChecked();
  await other.page.waitForFunction(() => window.growthbench?.snapshot().chartsDrawn['overview-active'] !== undefined);
  expect(await other.tableRows('overview-kpi-table')).toEqual(figures);
  expect(await other.tableRows('overview-active-table')).toEqual(weeks);
  expect(other.page.url()).toBe(link);
  expect([...app.consoleErrors, ...other.consoleErrors]).toEqual([]);
});

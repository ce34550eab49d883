import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppPage } from './support/appPage';

const REVENUE_CHARTS = ['revenue-bridge', 'revenue-movements'];
const money = (t: string | undefined) => Number(t);

test('revenue: every month of the bridge closes, months chain, and a bar drills down to accounts that add up to it', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=revenue');
  await app.waitUntilReady(undefined, 'revenue-bridge');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Revenue', exact: true })).toHaveAttribute('aria-current', 'page');

  // End = Start + New + Reactivation + Expansion - Contraction - Churn, to the cent; a month starts where the last ended.
  const months = await app.tableRows('revenue-movements-table');
  expect(months).toHaveLength(24);
  months.forEach((m, i) => {
    const end = money(m.start) + money(m.new) + money(m.reactivation) + money(m.expansion) - money(m.contraction) - money(m.churn);
    expect(money(m.end), m.month).toBeCloseTo(end, 2);
    if (i > 0) expect(money(m.start), m.month).toBeCloseTo(money(months[i - 1]!.end), 2);
  });
  // Against the silver month-end snapshots, independently of the bridge mart.
  const ends = await app.query(`SELECT strftime(month, '%Y-%m') AS m, CAST(sum(mrr) AS DOUBLE) AS mrr FROM fct_subscription_months GROUP BY 1`);
  for (const row of ends) expect(money(months.find((m) => m.month === row.m)?.end), String(row.m)).toBeCloseTo(Number(row.mrr), 2);

  // The waterfall shows the latest complete month; its table closes too.
  const bridge = page.getByTestId('revenue-bridge-table');
  await expect(page.getByTestId('bridge-month')).toHaveValue('2025-12-01');
  const amount = async (step: string) => Number(await bridge.locator(`tr[data-step="${step}"] [data-col="amount"]`).textContent());
  const steps = await Promise.all(['start', 'new', 'reactivation', 'expansion', 'contraction', 'churn'].map(amount));
  expect(steps.reduce((a, b) => a + b, 0)).toBeCloseTo(await amount('end'), 2);

  // Clicking the End bar on the canvas lists the paying accounts; their MRR adds up to the bar.
  const chart = page.getByTestId('revenue-bridge');
  const box = (await chart.boundingBox())!;
  // Grid: 72 px left, 16 px right, 32 px bottom; seven bars, End is the last; click low in it.
  await chart.click({ position: { x: 72 + ((box.width - 88) * 6.5) / 7, y: box.height - 40 } });
  const drill = page.getByTestId('revenue-drilldown');
  await expect(drill).toHaveAttribute('data-step', 'end');
  const endAccounts = await app.tableRows('revenue-drilldown-table');
  expect(endAccounts.reduce((s, r) => s + money(r.amount), 0)).toBeCloseTo(await amount('end'), 2);
  expect(endAccounts.length).toBe(Number(months.at(-1)!.paying));

  // The table's List buttons do the same from the keyboard, for a movement.
  await bridge.getByRole('button', { name: /List the accounts of Churn/ }).click();
  await expect(drill).toHaveAttribute('data-step', 'churn');
  const churned = await app.tableRows('revenue-drilldown-table');
  expect(churned.reduce((s, r) => s + money(r.amount), 0)).toBeCloseTo(-(await amount('churn')), 2);

  // The CSV holds the same rows.
  const [download] = await Promise.all([page.waitForEvent('download'), drill.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('mrr_churn_2025-12.csv');
  const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('customer_id,company_name,plan,region,channel,start_mrr,end_mrr,amount');
  expect(lines.length - 1).toBe(churned.length);

  // The month and the drill-down are in the link: another tab opens on the same accounts.
  expect(new URL(page.url()).searchParams.get('month')).toBe('2025-12');
  expect(new URL(page.url()).searchParams.get('drill')).toBe('churn');
  const other = new AppPage(await context.newPage());
  await other.open(page.url());
  await other.waitUntilReady(undefined, 'revenue-bridge');
  await expect(other.page.getByTestId('revenue-drilldown')).toHaveAttribute('data-step', 'churn');
  expect(await other.tableRows('revenue-drilldown-table')).toEqual(churned);
  await other.page.close();

  // Another month: the waterfall shows its bridge (as in the monthly table) and the drill-down closes.
  await page.getByTestId('bridge-month').selectOption('2025-06-01');
  await expect(bridge.locator('caption')).toContainText('Jun 2025');
  const june = months.find((m) => m.month === '2025-06')!;
  for (const step of ['start', 'new', 'reactivation', 'expansion', 'end'] as const) expect(await amount(step), step).toBeCloseTo(money(june[step]), 2);
  expect(await amount('churn')).toBeCloseTo(-money(june.churn), 2);
  await expect(drill).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('month')).toBe('2025-06');
  expect(new URL(page.url()).searchParams.get('drill')).toBeNull();
  await bridge.getByRole('button', { name: /List the accounts of New/ }).click();
  await expect(drill).toHaveAttribute('data-month', '2025-06-01');
  // The filter bar is sticky: from the top, it sits above the view instead of over it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'tests/e2e/screenshots/revenue.png', fullPage: true });
  expect(app.consoleErrors).toEqual([]);
});

test('revenue: the plans partition the MRR, each plan filter redraws the bridge, and a link reproduces it', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=revenue');
  await app.waitUntilReady(undefined, 'revenue-bridge');
  const all = await app.tableRows('revenue-movements-table');
  const plans = await page.locator('details[data-filter="plan"] input[type="checkbox"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(plans.length).toBeGreaterThan(2);

  // Each account has one current plan, so the plans' month-end MRR adds up to the total, every month.
  const sums = new Map<string, number>();
  let previous: string | null = null;
  for (const plan of plans) {
    await app.redrawn(REVENUE_CHARTS, async () => {
      if (previous) await page.getByRole('button', { name: `Remove filter Plan: ${previous}` }).click();
      await app.chooseFilterValue('Plan', plan);
    });
    previous = plan;
    expect(new URL(page.url()).searchParams.getAll('plan')).toEqual([plan]);
    for (const m of await app.tableRows('revenue-movements-table')) sums.set(m.month!, (sums.get(m.month!) ?? 0) + money(m.end));
  }
  for (const m of all) expect(sums.get(m.month!) ?? 0, m.month).toBeCloseTo(money(m.end), 2);

  // The last plan's figures, from a link in another tab.
  const figures = await app.tableRows('revenue-movements-table');
  const other = new AppPage(await context.newPage());
  await other.open(page.url());
  await other.waitUntilReady(undefined, 'revenue-bridge');
  await expect(other.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Revenue', exact: true })).toHaveAttribute('aria-current', 'page');
  expect(await other.tableRows('revenue-movements-table')).toEqual(figures);
  expect([...app.consoleErrors, ...other.consoleErrors]).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppPage } from './support/appPage';

const CHARTS = ['investigation-quarters', 'investigation-true-up', 'investigation-decomposition'];
const money = (t: string | undefined) => Number(t);

/**
 * Average first-month net revenue per account by acquisition quarter and type, recomputed
 * from the staged invoices and reversals (not the marts): each account's earliest invoice,
 * its amounts and reversals divided by the months it covers.
 */
const firstMonthSql = (regionCondition: string) => `WITH firsts AS (
  SELECT i.*, row_number() OVER (PARTITION BY i.customer_id ORDER BY i.issued_at, i.invoice_id) AS n
  FROM stg_invoices AS i JOIN stg_customers AS c ON c.customer_id = i.customer_id WHERE ${regionCondition}
),
reversed AS (SELECT invoice_id, sum(amount) AS amount FROM stg_reversals GROUP BY invoice_id)
SELECT strftime(f.issued_at, '%Y') || '-Q' || CAST(quarter(f.issued_at) AS VARCHAR) AS quarter, f.transaction_type AS type, count(*) AS accounts,
  avg(CAST(f.gross_amount - f.discount_amount - coalesce(r.amount, 0) AS DOUBLE) / f.months_covered) AS net
FROM firsts AS f LEFT JOIN reversed AS r ON r.invoice_id = f.invoice_id
WHERE f.n = 1 GROUP BY ALL`;

async function expectQuartersMatch(app: AppPage, regionCondition: string) {
  const table = await app.tableRows('investigation-quarters-table');
  const expected = await app.query(firstMonthSql(regionCondition));
  expect(expected.length).toBeGreaterThan(5);
  for (const e of expected) {
    const row = table.find((r) => r.quarter!.startsWith(String(e.quarter)) && r.type === e.type);
    expect(row, `${String(e.quarter)} ${String(e.type)}`).toBeDefined();
    expect(Number(row!.accounts)).toBe(Number(e.accounts));
    expect(money(row!.net)).toBeCloseTo(Number(e.net), 2);
  }
  // Quarters with no account of a type read n/a, never 0.
  for (const r of table.filter((r) => r.accounts === '0')) expect(r.net).toBe('n/a');
  return table;
}

test('investigation: first-month revenue by quarter against the invoices, a bar drills down to its accounts, the true-up and the split of the change close', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=investigation');
  await app.waitUntilReady(undefined, 'investigation-quarters');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Revenue investigation' })).toHaveAttribute('aria-current', 'page');
  const quarters = await expectQuartersMatch(app, 'TRUE');
  expect(quarters).toHaveLength(8 * 3);

  // Clicking the first subscription bar (2024-Q1) on the canvas lists its accounts; their average is the bar.
  const chart = page.getByTestId('investigation-quarters');
  const box = (await chart.boundingBox())!;
  // Grid: 64 px left, 16 px right, 32 px bottom; 8 quarters of three bars, subscription the first of each.
  const category = (box.width - 80) / 8;
  await chart.click({ position: { x: 64 + category * 0.21, y: box.height - 40 } });
  const drill = page.getByTestId('investigation-drilldown');
  await expect(drill).toHaveAttribute('data-quarter', '2024-Q1');
  await expect(drill).toHaveAttribute('data-type', 'subscription');
  const bar = quarters.find((r) => r.quarter === '2024-Q1' && r.type === 'subscription')!;
  const accounts = await app.tableRows('investigation-drilldown-table');
  expect(accounts.length).toBe(Number(bar.accounts));
  expect(accounts.reduce((s, r) => s + money(r.net), 0) / accounts.length).toBeCloseTo(money(bar.net), 2);
  for (const a of accounts) expect(money(a.gross) - money(a.discounts) - money(a.reversals)).toBeCloseTo(money(a.net), 1);

  // The List buttons do the same from the keyboard; the CSV holds the same accounts.
  await app.openDataTable('investigation-quarters-table');
  await page.getByRole('button', { name: 'List the accounts of Subscription, 2025-Q1' }).click();
  await expect(drill).toHaveAttribute('data-quarter', '2025-Q1');
  const later = await app.tableRows('investigation-drilldown-table');
  const [download] = await Promise.all([page.waitForEvent('download'), drill.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('first_month_subscription_2025-Q1.csv');
  const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(lines[0]!.split(',').slice(0, 2)).toEqual(['customer_id', 'company_name']);
  expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(later.map((a) => a.account).sort());

  // The true-up follows the bar: 2025-Q1, subscription. Gross minus each step is net, and the
  // first invoices' gross is the staged invoices' own.
  await expect(page.getByTestId('true-up-quarter')).toHaveValue('2025-Q1');
  const steps = await app.tableRows('investigation-true-up-table');
  const step = (key: string) => money(steps.find((s) => s.step === key)?.amount);
  const byKey = await page.getByTestId('investigation-true-up-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-step'), tr.querySelector('[data-col="amount"]')?.textContent ?? '']),
  );
  const amounts = new Map(byKey.map(([k, v]) => [k!, Number(v)]));
  const deductions = [...amounts].filter(([k]) => !['gross', 'net', 'price_book_gross', 'true_up_difference'].includes(k)).reduce((s, [, v]) => s + v, 0);
  expect(amounts.get('gross')! + deductions).toBeCloseTo(amounts.get('net')!, 2);
  expect(amounts.get('true_up_difference')).toBe(0);
  expect(step('Gross')).toBe(amounts.get('gross'));
  const [staged] = await app.query(`WITH firsts AS (
      SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY issued_at, invoice_id) AS n FROM stg_invoices)
    SELECT CAST(sum(gross_amount) AS DOUBLE) AS gross, CAST(sum(net_amount) AS DOUBLE) AS net_before
    FROM firsts WHERE n = 1 AND transaction_type = 'subscription' AND issued_at >= DATE '2025-01-01' AND issued_at < DATE '2025-04-01'`);
  expect(amounts.get('gross')).toBeCloseTo(Number(staged!.gross), 2);

  // The split of the change runs from the 2024-Q1 bar to the 2025-Q1 bar; its effects add up to the change.
  const split = await app.tableRows('investigation-decomposition-groups');
  expect(split.map((s) => s.step)).toEqual(['2024-Q1', 'Price per seat', 'Seats', 'Plan mix', 'Discounts', 'Reversals', '2025-Q1']);
  expect(money(split[0]!.amount)).toBeCloseTo(money(bar.net), 2);
  const compare = quarters.find((r) => r.quarter === '2025-Q1' && r.type === 'subscription')!;
  expect(money(split.at(-1)!.amount)).toBeCloseTo(money(compare.net), 2);
  const effects = split.slice(1, -1).reduce((s, r) => s + money(r.amount), 0);
  expect(effects).toBeCloseTo(money(compare.net) - money(bar.net), 1);
  // The 21 components add up to their groups.
  const components = await app.tableRows('investigation-decomposition-table');
  expect(components).toHaveLength(21);
  for (const group of ['discount', 'reversal']) {
    const sum = components.filter((c) => c.group === group).reduce((s, c) => s + money(c.effect), 0);
    expect(sum, group).toBeCloseTo(money(split.find((s) => s.step === (group === 'discount' ? 'Discounts' : 'Reversals'))!.amount), 1);
  }
  await app.screenshotView('Revenue investigation', 'tests/e2e/screenshots/views-investigation.png');
  expect(app.consoleErrors).toEqual([]);
});

test('investigation: a region filter changes the figures to the recomputation for that region, and a link reproduces them', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=investigation');
  await app.waitUntilReady(undefined, 'investigation-quarters');
  const all = await app.tableRows('investigation-quarters-table');
  await app.redrawn(CHARTS, () => app.chooseFilterValue('Region', 'EU'));
  const eu = await expectQuartersMatch(app, `c.region = 'EU'`);
  expect(eu).not.toEqual(all);
  expect(eu.reduce((s, r) => s + Number(r.accounts), 0)).toBeLessThan(all.reduce((s, r) => s + Number(r.accounts), 0));

  // A date range keeps the acquisition quarters starting inside it.
  await app.redrawn(['investigation-quarters'], () => app.setDateRange('2024-07-01', '2025-06-30'));
  const ranged = await app.tableRows('investigation-quarters-table');
  expect([...new Set(ranged.map((r) => r.quarter))]).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
  expect(new URL(page.url()).searchParams.get('view')).toBe('investigation');

  const other = new AppPage(await context.newPage());
  await other.open(page.url());
  await other.waitUntilReady(undefined, 'investigation-quarters');
  await expect(other.view('Revenue investigation')).toBeVisible();
  expect(await other.tableRows('investigation-quarters-table')).toEqual(ranged);
  expect(await other.tableRows('investigation-decomposition-groups')).toEqual(await app.tableRows('investigation-decomposition-groups'));
  expect([...app.consoleErrors, ...other.consoleErrors]).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { AppPage, cellNumber, cellValue } from './support/appPage';

/**
 * The Churn & expansion drivers view against figures recomputed here from eda_customer_features
 * and the feature marts (window.growthbench.query, with the test's own SQL and JavaScript):
 * correlations, histogram counts, the sortable tables, a region filter and a link.
 */

const FEATURES = ['events_last_30d', 'avg_adoption_score', 'retention_signal_count', 'high_priority_tickets', 'integration_connects_first_30d'];

/** Pearson r of each feature with the churn label over the accounts with a value, in JavaScript. */
async function correlations(app: AppPage, where: string): Promise<Map<string, { r: number; n: number }>> {
  const accounts = await app.query(`SELECT ${FEATURES.map((f) => `CAST(${f} AS DOUBLE) AS ${f}`).join(', ')}, churned FROM eda_customer_features AS e WHERE ${where}`);
  const out = new Map<string, { r: number; n: number }>();
  for (const f of FEATURES) {
    const pairs = accounts.filter((a) => a[f] !== null).map((a) => [Number(a[f]), a.churned ? 1 : 0] as const);
    const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length;
    const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length;
    const cov = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
    const vx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
    const vy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
    out.set(f, { r: cov / Math.sqrt(vx * vy), n: pairs.length });
  }
  return out;
}

async function expectCorrelations(app: AppPage, where: string) {
  const expected = await correlations(app, where);
  const shown = await app.tableRows('drivers-correlation-table');
  expect(shown.map((r) => r.feature).sort()).toEqual([...FEATURES].sort());
  // Strongest first, as the bars.
  const strengths = shown.map((r) => Math.abs(cellValue(r.r)));
  expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  for (const row of shown) {
    const want = expected.get(row.feature!)!;
    expect(cellValue(row.n), row.feature).toBe(want.n);
    expect(Math.abs(cellValue(row.r) - want.r), row.feature).toBeLessThanOrEqual(0.00005 + 1e-12);
  }
  return shown;
}

test('drivers: correlations, distributions and the feature marts against the data; a region filter and a link', async ({ page, context }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=drivers');
  await app.waitUntilReady(undefined, 'drivers-correlations');
  const all = await expectCorrelations(app, 'TRUE');

  // The histogram of events in the last 30 days: counts per group add up to the accounts with a value.
  const bins = await app.tableRows('drivers-distribution-table');
  const [groups] = (await app.query(`SELECT count(*) FILTER (WHERE churned) AS churned, count(*) FILTER (WHERE NOT churned) AS retained FROM eda_customer_features`)) as { churned: number; retained: number }[];
  expect(bins.reduce((s, b) => s + cellValue(b.churned), 0)).toBe(groups!.churned);
  expect(bins.reduce((s, b) => s + cellValue(b.retained), 0)).toBe(groups!.retained);
  const summary = await app.tableRows('drivers-summary-table');
  const [medians] = (await app.query(`SELECT median(events_last_30d) FILTER (WHERE churned) AS churned, median(events_last_30d) FILTER (WHERE NOT churned) AS retained FROM eda_customer_features`)) as { churned: number; retained: number }[];
  expect(cellNumber(summary.find((r) => r.group === 'churned')!.median)).toBeCloseTo(medians!.churned, 3);
  expect(cellNumber(summary.find((r) => r.group === 'retained')!.median)).toBeCloseTo(medians!.retained, 3);

  // Another feature from the select: its histogram against a binning done here (one bin per value when
  // the whole numbers span fewer than 20 values, else 20 equal widths; the last bin keeps the maximum).
  await app.redrawn(['drivers-distribution'], async () => {
    await page.getByTestId('drivers-feature').selectOption('integration_connects_first_30d');
  });
  const shownBins = await app.tableRows('drivers-distribution-table');
  const values = (await app.query(`SELECT integration_connects_first_30d AS v, churned FROM eda_customer_features`)) as { v: number; churned: boolean }[];
  const lo = Math.min(...values.map((x) => x.v));
  const hi = Math.max(...values.map((x) => x.v));
  const [count, width] = hi - lo < 20 ? [hi - lo + 1, 1] : [20, (hi - lo) / 20];
  const tally = new Map<number, [number, number]>();
  for (const { v, churned } of values) {
    const bin = Math.min(Math.floor((v - lo) / width), count - 1);
    const t = tally.get(bin) ?? [0, 0];
    t[churned ? 0 : 1] += 1;
    tally.set(bin, t);
  }
  const expected = [...tally.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  expect(shownBins.map((b) => [cellValue(b.churned), cellValue(b.retained)])).toEqual(expected);

  // The churn feature mart: every row is there (paged by 50), and a header sorts by its column, both ways, from the keyboard.
  const [counts] = (await app.query(`SELECT count(*) AS n, CAST(max(mrr) AS DOUBLE) AS hi, CAST(min(mrr) AS DOUBLE) AS lo FROM mart_customer_churn_features`)) as { n: number; hi: number; lo: number }[];
  await expect(page.getByTestId('drivers-churn-features-table-range')).toHaveText(`Rows 1–${Math.min(50, counts!.n)} of ${counts!.n.toLocaleString('en-US')}`);
  const mrrHeader = page.getByTestId('drivers-churn-features-table').getByRole('button', { name: 'MRR', exact: true });
  await mrrHeader.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drivers-churn-features-table').locator('th[data-col="mrr"]')).toHaveAttribute('aria-sort', 'descending');
  expect(Number((await app.tableRows('drivers-churn-features-table'))[0]!.mrr)).toBeCloseTo(counts!.hi, 2);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drivers-churn-features-table').locator('th[data-col="mrr"]')).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await app.tableRows('drivers-churn-features-table');
  expect(Number(ascending[0]!.mrr)).toBeCloseTo(counts!.lo, 2);
  const mrrs = ascending.map((r) => Number(r.mrr));
  expect(mrrs).toEqual([...mrrs].sort((a, b) => a - b));
  if (counts!.n > 50) {
    await page.getByRole('navigation', { name: 'Pages of drivers-churn-features-table' }).getByRole('button', { name: 'Next' }).click();
    await expect(page.getByTestId('drivers-churn-features-table-range')).toContainText('Rows 51–');
  }
  const [expansion] = (await app.query(`SELECT count(*) AS n FROM mart_customer_expansion_features`)) as { n: number }[];
  await expect(page.getByTestId('drivers-expansion-features-table-range')).toContainText(`of ${expansion!.n.toLocaleString('en-US')}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshotView('Churn & expansion drivers', 'tests/e2e/screenshots/drivers.png');

  // A region filter recomputes everything on the accounts of that region.
  await app.redrawn(['drivers-correlations'], () => app.chooseFilterValue('Region', 'EU'));
  const inEu = `e.customer_id IN (SELECT customer_id FROM dim_customers WHERE region = 'EU')`;
  const eu = await expectCorrelations(app, inEu);
  expect(eu.map((r) => r.n)).not.toEqual(all.map((r) => r.n));
  const [euCount] = (await app.query(`SELECT count(*) AS n FROM mart_customer_churn_features AS e WHERE ${inEu}`)) as { n: number }[];
  await expect(page.getByTestId('drivers-churn-features-table-range')).toContainText(`of ${euCount!.n.toLocaleString('en-US')}`);

  // The link reopens the view with the filter and the same figures.
  const other = new AppPage(await context.newPage());
  await other.open(page.url());
  await other.waitUntilReady(undefined, 'drivers-correlations');
  expect(await other.tableRows('drivers-correlation-table')).toEqual(eu);
  await other.page.close();
});

import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';
import { ConsolePage } from './support/consolePage';

test('the dictionary says where a table comes from and where it goes, and counts the rows of views', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=dictionary');
  await new ConsolePage(page).waitForData();
  const view = app.view('Data dictionary');
  const names = (testId: string, kind: string) => view.getByTestId(testId).locator(`[data-lineage="${kind}"] code`).allTextContents();

  // monthly_revenue reads fct_mrr_movements (its SQL says so); the upstream list goes back to
  // the raw subscription events that MRR is built from.
  const mart = view.getByTestId('lineage-monthly_revenue');
  expect(await names('lineage-monthly_revenue', 'reads')).toContain('fct_mrr_movements');
  await mart.getByText(/Built from \d+ tables upstream/).click();
  const upstream = await names('lineage-monthly_revenue', 'upstream');
  expect(upstream).toEqual(expect.arrayContaining(['fct_mrr_movements', 'fct_subscription_months', 'stg_subscription_events', 'subscription_events']));
  // And the other way: fct_mrr_movements is read by monthly_revenue.
  expect(await names('lineage-fct_mrr_movements', 'read-by')).toContain('monthly_revenue');

  // Raw events is a view (over its stored encoding), and so may fct_events be: a view's rows
  // are counted when its entry is in sight; a table's come from DuckDB's own count.
  const views = (await app.query("SELECT view_name FROM duckdb_views() WHERE view_name IN ('events', 'fct_events')")).map((r) => r.view_name);
  expect(views).toContain('events');
  for (const name of ['events', 'fct_events']) {
    const entry = view.locator(`article[data-table="${name}"]`);
    await entry.scrollIntoViewIfNeeded();
    const n = ((await app.query(`SELECT count(*) AS n FROM ${name}`))[0]!.n as number).toLocaleString('en-US');
    if (views.includes(name)) await expect(entry.locator(`[data-view-count="${name}"]`)).toHaveText(` · view, ${n} rows`);
    else await expect(entry.locator('h3')).toContainText(`${n} rows`);
  }
  expect(app.consoleErrors).toEqual([]);
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, cellNumber, cellValue } from './support/appPage';

/** Miles per month straight from the cleaned events (independent of miles_analytics). */
const MILES_SQL = (where = 'TRUE') => `
  SELECT strftime(event_date, '%Y-%m') AS p,
    CAST(coalesce(sum(miles_amount) FILTER (WHERE event_type = 'miles_earned'), 0) AS DOUBLE) AS earned,
    CAST(coalesce(sum(miles_amount) FILTER (WHERE event_type = 'miles_redeemed'), 0) AS DOUBLE) AS redeemed
  FROM stg_events WHERE event_type IN ('miles_earned', 'miles_redeemed') AND ${where}
  GROUP BY 1 ORDER BY 1`;

/** Seed 002's miles economy health, written again from its table. */
function health(earned: number, redeemed: number): string {
  if (earned > redeemed * 1.2) return 'Healthy Growth';
  if (earned > redeemed) return 'Stable';
  if (redeemed > earned * 1.2) return 'High Redemption';
  return 'Balanced';
}

test('miles economy: flows and liability match the events, health follows the seed, negative balances drill down to a CSV', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  await app.openView('Miles economy');
  const view = app.view('Miles economy');
  await expect(view.getByTestId('miles-flows-chart')).toBeVisible();

  const byMonth = new Map((await app.query(MILES_SQL())).map((r) => [r.p as string, r]));
  const flows = await app.tableRows('miles-flows-table');
  expect(flows.length).toBe(24);
  for (const row of flows) {
    const month = row.period!.replace(' (partial)', '');
    const events = byMonth.get(month) ?? { earned: 0, redeemed: 0 };
    expect([cellValue(row.earned), cellValue(row.redeemed)], month).toEqual([events.earned, events.redeemed]);
    expect(cellValue(row.net)).toBe(cellValue(row.earned) - cellValue(row.redeemed));
  }

  // The liability grows by each month's net change and ends at what the users hold.
  const liability = await app.tableRows('miles-liability-table');
  liability.forEach((row, i) => {
    const previous = i === 0 ? 0 : cellValue(liability[i - 1]!.liability);
    expect(cellValue(row.liability), row.period).toBe(previous + cellValue(row.net));
  });
  const [held] = await app.query(`SELECT CAST(sum(CASE event_type WHEN 'miles_earned' THEN miles_amount ELSE -miles_amount END) AS DOUBLE) AS n FROM stg_events WHERE event_type IN ('miles_earned', 'miles_redeemed')`);
  expect(cellValue(liability[liability.length - 1]!.liability)).toBe(held!.n);

  for (const row of await app.tableRows('miles-ratio-table')) {
    const [earned, redeemed] = [cellValue(row.earned), cellValue(row.redeemed)];
    expect(row.health, row.period).toBe(health(earned, redeemed));
    if (redeemed === 0) expect(cellNumber(row.ratio)).toBeNull();
    else expect(cellNumber(row.ratio)).toBeCloseTo(earned / redeemed, 2);
  }

  // Negative balances: the users whose redemptions exceed their earnings, counted from the events.
  const negatives = await app.query(`
    SELECT user_id, CAST(sum(CASE event_type WHEN 'miles_earned' THEN miles_amount ELSE -miles_amount END) AS DOUBLE) AS balance
    FROM stg_events WHERE event_type IN ('miles_earned', 'miles_redeemed') GROUP BY user_id HAVING balance < 0 ORDER BY balance, user_id`);
  expect(negatives.length).toBeGreaterThan(0);
  const over = negatives.reduce((sum, r) => sum - (r.balance as number), 0);
  await expect(view.getByTestId('miles-negative-summary')).toHaveText(`${negatives.length} ${negatives.length === 1 ? 'user has' : 'users have'} a negative balance, ${over.toLocaleString('en-US')} miles over-redeemed together.`);
  await view.getByRole('button', { name: `Show the ${negatives.length} users` }).click();
  const drilled = await app.tableRows('miles-negative-table');
  expect(drilled.map((r) => [r.user, cellValue(r.balance)])).toEqual(negatives.map((r) => [r.user_id, r.balance]));
  for (const r of drilled) expect(cellValue(r.earned) - cellValue(r.redeemed)).toBe(cellValue(r.balance));

  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('users_with_negative_miles.csv');
  const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
  expect(csv[0]).toBe('user_id,first_seen_at,last_seen_at,total_miles_earned,total_miles_redeemed,current_miles_balance,negative_amount');
  expect(csv.slice(1).map((line) => line.split(',')).map((f) => [f[0], Number(f[5]), Number(f[6])])).toEqual(negatives.map((r) => [r.user_id, r.balance, -(r.balance as number)]));
  await app.screenshotView('Miles economy', 'tests/e2e/screenshots/views-miles.png');

  // A date range keeps the days inside it: March and May are cut, the liability still counts every earlier day.
  await app.setDateRange('2024-03-13', '2024-05-20');
  const ranged = new Map((await app.query(MILES_SQL("event_date BETWEEN DATE '2024-03-13' AND DATE '2024-05-20'"))).map((r) => [r.p as string, r]));
  const expected = ['2024-03', '2024-04', '2024-05'].map((m) => [m, ranged.get(m)?.earned ?? 0, ranged.get(m)?.redeemed ?? 0]);
  await expect
    .poll(async () => (await app.tableRows('miles-flows-table')).map((r) => [r.period!.replace(' (partial)', ''), cellValue(r.earned), cellValue(r.redeemed)]), { timeout: 60_000 })
    .toEqual(expected);
  const rangedRows = await app.tableRows('miles-liability-table');
  expect(rangedRows.map((r) => r.period)).toEqual(['2024-03 (partial)', '2024-04', '2024-05 (partial)']);
  const [heldOnMay20] = await app.query(`SELECT CAST(sum(CASE event_type WHEN 'miles_earned' THEN miles_amount ELSE -miles_amount END) AS DOUBLE) AS n FROM stg_events WHERE event_type IN ('miles_earned', 'miles_redeemed') AND event_date <= DATE '2024-05-20'`);
  expect(cellValue(rangedRows[2]!.liability)).toBe(heldOnMay20!.n);
  expect(app.consoleErrors).toEqual([]);
});

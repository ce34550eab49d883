import { expect, test } from '@playwright/test';
import { AppPage, cellNumber, cellValue } from './support/appPage';

const period = (text: string | undefined) => (text ?? '').replace(' (partial)', '');

/** Distinct active users per period straight from the cleaned events: independent of the growth marts. */
const ACTIVE_SQL = (trunc: 'month' | 'week', where = 'TRUE') => `
  SELECT strftime(date_trunc('${trunc}', e.event_date), '${trunc === 'month' ? '%Y-%m' : '%Y-%m-%d'}') AS p, count(DISTINCT e.user_id) AS n
  FROM stg_events AS e JOIN stg_users AS u ON u.user_id = e.user_id
  WHERE e.event_date <= (SELECT as_of_date FROM run_params) AND ${where}
  GROUP BY 1 ORDER BY 1`;

test('growth accounting: flows add up to the active users counted from the events, at every grain and under a filter', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  await app.openView('Growth accounting');
  const view = app.view('Growth accounting');
  await expect(view.getByTestId('growth-accounting-chart')).toBeVisible();

  // Month grain: new + retained + resurrected = active, and active = distinct users with an event that month.
  const monthly = await app.tableRows('growth-accounting-table');
  const activeByMonth = new Map((await app.query(ACTIVE_SQL('month'))).map((r) => [r.p as string, r.n as number]));
  expect(monthly.length).toBe(24);
  monthly.forEach((row, i) => {
    const active = cellValue(row.active);
    expect(cellValue(row.new) + cellValue(row.retained) + cellValue(row.resurrected), row.period).toBe(active);
    expect(active, row.period).toBe(activeByMonth.get(period(row.period)) ?? 0);
    // Flow identity: retained = last period's active - churned.
    if (i > 0) expect(cellValue(row.retained), row.period).toBe(cellValue(monthly[i - 1]!.active) - cellValue(row.churned));
  });

  // Quick ratio = (new + resurrected) / churned, n/a without churn, classed by seed 002's benchmarks.
  const ratios = await app.tableRows('growth-quick-ratio-table');
  expect(ratios.length).toBe(24);
  for (const row of ratios) {
    const churned = cellValue(row.churned);
    const quickRatio = cellNumber(row.quickRatio);
    if (churned === 0) expect(quickRatio).toBeNull();
    else expect(quickRatio).toBeCloseTo((cellValue(row.new) + cellValue(row.resurrected)) / churned, 2);
    if (quickRatio !== null && quickRatio >= 2.005) expect(row.benchmark).toBe('Top Tier (2.0+)');
    if (quickRatio !== null && quickRatio < 0.795) expect(row.benchmark).toBe('Critical (<0.8)');
    expect(row.alert).toMatch(/^(OK|WARNING: .+|CRITICAL: .+)$/);
  }

  // The lifecycle (user_lifecycle) tells the same months under PostHog's names.
  const lifecycle = await app.tableRows('growth-lifecycle-table');
  expect(lifecycle.map((r) => [r.period, ...[r.new, r.returning, r.resurrecting, r.dormant, r.active].map(cellValue)])).toEqual(
    monthly.map((r) => [r.period, ...[r.new, r.retained, r.resurrected].map(cellValue), -cellValue(r.churned) || 0, cellValue(r.active)]),
  );

  // Stickiness: DAU <= WAU <= MAU on every day, so DAU/WAU >= DAU/MAU and every ratio is a percentage.
  for (const row of await app.tableRows('growth-stickiness-table')) {
    const [dauWau, dauMau, wauMau] = [cellValue(row.dauWau), cellValue(row.dauMau), cellValue(row.wauMau)];
    expect(dauWau).toBeGreaterThanOrEqual(dauMau - 0.1);
    for (const v of [dauWau, dauMau, wauMau]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(100);
    }
  }

  // L28: every user ever active once; those active on 1+ of the last 28 days match a count from the events.
  const l28 = await app.tableRows('growth-power-users-table');
  expect(l28.map((r) => r.days)).toEqual(Array.from({ length: 29 }, (_, i) => String(i)));
  const [users] = await app.query('SELECT count(DISTINCT user_id) AS n FROM stg_events WHERE event_date <= (SELECT as_of_date FROM run_params)');
  const [recent] = await app.query(`SELECT count(DISTINCT user_id) AS n FROM stg_events WHERE event_date BETWEEN (SELECT as_of_date - 27 FROM run_params) AND (SELECT as_of_date FROM run_params)`);
  expect(l28.reduce((sum, r) => sum + cellValue(r.users), 0)).toBe(users!.n);
  expect(l28.slice(1).reduce((sum, r) => sum + cellValue(r.users), 0)).toBe(recent!.n);

  // Resurrections: the dormancy lengths add up to the total.
  for (const row of await app.tableRows('growth-resurrection-table')) {
    expect(cellValue(row.short) + cellValue(row.medium) + cellValue(row.long) + cellValue(row.veryLong), row.period).toBe(cellValue(row.total));
  }
  await app.screenshotView('Growth accounting', 'tests/e2e/screenshots/views-growth.png');

  // Week grain: one row per ISO week, active = distinct users of the week.
  await app.chooseGrain('Week');
  await expect(view.getByRole('heading', { name: 'Growth accounting by week' })).toBeVisible();
  const activeByWeek = new Map((await app.query(ACTIVE_SQL('week'))).map((r) => [r.p as string, r.n as number]));
  await expect.poll(async () => (await app.tableRows('growth-accounting-table')).length).toBeGreaterThan(100);
  for (const row of await app.tableRows('growth-accounting-table')) {
    expect(cellValue(row.active), row.period).toBe(activeByWeek.get(period(row.period)) ?? 0);
  }

  // Day grain: daily active users from the events; each day's resurrections by dormancy length
  // (user_resurrection_analysis) are that day's resurrected users of the daily accounting.
  await app.chooseGrain('Day');
  await expect(view.getByRole('heading', { name: 'Growth accounting by day' })).toBeVisible();
  await expect.poll(async () => (await app.tableRows('growth-resurrection-table')).length, { timeout: 60_000 }).toBeGreaterThan(600);
  const daily = await app.tableRows('growth-accounting-table');
  const activeByDay = new Map(
    (await app.query(`SELECT strftime(event_date, '%Y-%m-%d') AS p, count(DISTINCT user_id) AS n FROM stg_events WHERE event_date <= (SELECT as_of_date FROM run_params) GROUP BY 1`)).map((r) => [r.p as string, r.n as number]),
  );
  for (const row of daily) expect(cellValue(row.active), row.period).toBe(activeByDay.get(period(row.period)) ?? 0);
  const resurrectedByDay = new Map(daily.map((r) => [period(r.period), cellValue(r.resurrected)]));
  const dailyReturns = await app.tableRows('growth-resurrection-table');
  expect(dailyReturns.length).toBe(daily.length);
  for (const row of dailyReturns) expect(cellValue(row.total), row.period).toBe(resurrectedByDay.get(period(row.period)));

  // A platform filter: the monthly flows are those of the iOS users alone.
  await app.chooseGrain('Month');
  await app.chooseFilterValue('Platform', 'iOS');
  const iosByMonth = new Map((await app.query(ACTIVE_SQL('month', "u.platform = 'iOS'"))).map((r) => [r.p as string, r.n as number]));
  const expectedIos = monthly.map((r) => iosByMonth.get(period(r.period)) ?? 0);
  expect(expectedIos).not.toEqual(monthly.map((r) => cellValue(r.active)));
  await expect.poll(async () => (await app.tableRows('growth-accounting-table')).map((r) => cellValue(r.active)), { timeout: 60_000 }).toEqual(expectedIos);
  expect(app.consoleErrors).toEqual([]);
});

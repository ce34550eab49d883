import { expect, test } from '@playwright/test';
import { AppPage, cellNumber, cellValue } from './support/appPage';

const SIGNUPS_SQL = (where = 'TRUE') => `
  SELECT strftime(signup_date, '%Y-%m') AS p, count(*) AS n FROM stg_customers
  WHERE signup_date <= (SELECT as_of_date FROM run_params) AND ${where} GROUP BY 1 ORDER BY 1`;
const TRIALS_SQL = (where = 'TRUE') => `
  SELECT count(*) AS n FROM stg_subscription_events AS s JOIN stg_customers AS c USING (customer_id)
  WHERE s.change_type = 'trial_started' AND ${where}`;

test('funnel: sign-ups and trials match the raw counts, channels add up, conversion rates follow the counts, a channel filter narrows them', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  await app.openView('Funnel & conversion');
  const view = app.view('Funnel & conversion');
  await expect(view.getByTestId('funnel-stages-chart')).toBeVisible();

  const signups = await app.query(SIGNUPS_SQL());
  const totalSignups = signups.reduce((sum, r) => sum + (r.n as number), 0);
  const [trials] = await app.query(TRIALS_SQL());
  const stages = await app.tableRows('funnel-stages-table');
  expect(stages.map((s) => s.stage)).toEqual(['Sign-ups', 'Trials started', 'Converted within 14 days']);
  expect(stages.slice(0, 2).map((s) => cellValue(s.value))).toEqual([totalSignups, trials!.n]);
  expect(cellNumber(stages[1]!.ofPrevious)).toBeCloseTo((100 * (trials!.n as number)) / totalSignups, 1);

  // By month: sign-ups per sign-up month; the months add up to the funnel.
  const months = await app.tableRows('funnel-monthly-table');
  const signupsByMonth = new Map(signups.map((r) => [r.p as string, r.n as number]));
  expect(months.length).toBe(24);
  for (const m of months) expect(cellValue(m.signups), m.period).toBe(signupsByMonth.get(m.period!.replace(' (partial)', '')) ?? 0);
  expect(months.reduce((sum, m) => sum + cellValue(m.trialConversions), 0)).toBe(cellValue(stages[2]!.value));

  // By channel (trial_conversion_cohorts): the channels add up to 'all', which agrees with the monthly funnel.
  const channels = await app.tableRows('funnel-channels-table');
  const all = channels.find((c) => c.channel === 'all')!;
  const others = channels.filter((c) => c.channel !== 'all');
  expect(others.map((c) => c.channel)).toEqual(['organic', 'paid', 'referral', 'social']);
  for (const column of ['trialsStarted', 'converted', 'trialsOpen'] as const) {
    expect(others.reduce((sum, c) => sum + cellValue(c[column]), 0), column).toBe(cellValue(all[column]));
  }
  expect([cellValue(all.trialsStarted), cellValue(all.converted)]).toEqual([trials!.n, cellValue(stages[2]!.value)]);

  // Rates by month: trial to paid (all channels) = that month's conversions / trials.
  const rates = await app.tableRows('funnel-rates-table');
  rates.forEach((r, i) => {
    const m = months[i]!;
    const rate = cellNumber(r['trialToPaid-all']);
    if (cellValue(m.trials) === 0) expect(rate).toBeNull();
    else expect(rate, r.period).toBeCloseTo((100 * cellValue(m.trialConversions)) / cellValue(m.trials), 1);
  });
  await app.screenshotView('Funnel & conversion', 'tests/e2e/screenshots/views-funnel.png');

  // The channel filter: only the paid channel's accounts.
  await app.chooseFilterValue('Channel', 'paid');
  const paidSignups = (await app.query(SIGNUPS_SQL("acquisition_channel = 'paid'"))).reduce((sum, r) => sum + (r.n as number), 0);
  const [paidTrials] = await app.query(TRIALS_SQL("c.acquisition_channel = 'paid'"));
  expect(paidSignups).toBeLessThan(totalSignups);
  await expect
    .poll(async () => (await app.tableRows('funnel-stages-table')).slice(0, 2).map((s) => cellValue(s.value)), { timeout: 60_000 })
    .toEqual([paidSignups, paidTrials!.n]);
  await expect.poll(async () => (await app.tableRows('funnel-channels-table')).map((c) => c.channel)).toEqual(['paid', 'all']);
  expect(app.consoleErrors).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppPage, cellNumber, cellValue } from './support/appPage';

/**
 * The Retention view against figures recomputed here from the silver tables (window.growthbench.query,
 * with SQL and JavaScript written for the test, not the view's): monthly and weekly cohorts, "on"
 * and "on or after", accounts' revenue retention, a plan filter, a link with the settings, the
 * drill-down with its CSV, and Kaplan-Meier medians from the survival table.
 */

type Triangle = Map<string, { size: number; active: number[] }>;

const DAY = 86_400_000;
/** Monday of the week holding an ISO date. */
const monday = (iso: string) => {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};
const monthsBetween = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
const weeksBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / (7 * DAY));

/**
 * Cohort triangles from (subject, first, last, periods) rows: "on" counts subjects active in the
 * period, "on or after" those whose last active period is at or after it.
 */
function triangle(subjects: { first: string; last: string; periods: string[] }[], grain: 'month' | 'week', convention: 'on' | 'onOrAfter', asOf: string): Triangle {
  const start = (iso: string) => (grain === 'month' ? `${iso.slice(0, 7)}-01` : monday(iso));
  const between = grain === 'month' ? monthsBetween : weeksBetween;
  const out: Triangle = new Map();
  for (const s of subjects) {
    const cohort = start(s.first);
    const length = between(cohort, start(asOf)) + 1;
    const entry = out.get(cohort) ?? { size: 0, active: new Array<number>(length).fill(0) };
    entry.size += 1;
    const active = new Set(s.periods.map((p) => between(cohort, start(p))));
    const last = between(cohort, start(s.last));
    for (let k = 0; k < length; k++) if (convention === 'on' ? active.has(k) : last >= k) entry.active[k]! += 1;
    out.set(cohort, entry);
  }
  return out;
}

/** Every non-censored cell of the view's table against the triangle: sizes, counts (data-active) and rates. */
async function expectTable(app: AppPage, expected: Triangle, label: (cohort: string) => string) {
  const table = app.page.getByTestId('retention-table');
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      cohort: tr.querySelector('th')!.textContent!,
      size: tr.querySelector('[data-col="size"]')!.textContent!,
      cells: [...tr.querySelectorAll('td[data-state]')].map((td) => ({ state: td.getAttribute('data-state')!, active: td.getAttribute('data-active'), text: td.textContent! })),
    })),
  );
  expect(rows.map((r) => r.cohort)).toEqual([...expected.keys()].sort().map(label));
  // Gathered and compared at once: a Playwright expect per cell (thousands at the week grain) is slow.
  const actual: string[] = [];
  const wanted: string[] = [];
  let worstRate = 0;
  for (const row of rows) {
    const want = [...expected.entries()].find(([c]) => label(c) === row.cohort)![1];
    const observed = row.cells.filter((c) => c.state !== 'censored');
    actual.push(`${row.cohort} size ${cellValue(row.size)} active ${observed.map((c) => c.active).join(' ')}`);
    wanted.push(`${row.cohort} size ${want.size} active ${want.active.join(' ')}`);
    // Shown to one decimal.
    observed.forEach((c, k) => (worstRate = Math.max(worstRate, Math.abs(cellNumber(c.text)! - (100 * want.active[k]!) / want.size))));
    // Everything after the as-of period is censored: grey and empty, never 0 %.
    if (!row.cells.slice(want.active.length).every((c) => c.state === 'censored' && c.text === '')) actual.push(`${row.cohort} has a value after the as-of period`);
  }
  expect(actual).toEqual(wanted);
  expect(worstRate).toBeLessThanOrEqual(0.05 + 1e-9);
}

const month = (c: string) => c.slice(0, 7);
const CHARTS = ['retention-heatmap', 'retention-curves'];

test('retention: users by month and week, "on" and "on or after", against the activity; a plan filter and a link', async ({ page, context }) => {
  // Two runs of the pipeline (the page and the link) on a shared machine.
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=retention');
  await app.waitUntilReady(undefined, 'retention-heatmap');
  const [params] = (await app.query('SELECT as_of_date AS as_of FROM run_params')) as { as_of: number }[];
  const asOf = new Date(params!.as_of).toISOString().slice(0, 10);
  const userSql = (where: string) => `SELECT strftime(min(d.event_date), '%Y-%m-%d') AS first, strftime(max(d.event_date), '%Y-%m-%d') AS last,
      string_agg(DISTINCT strftime(d.event_date, '%Y-%m-%d'), ',') AS periods
    FROM fct_user_days AS d JOIN stg_users AS u ON u.user_id = d.user_id JOIN dim_customers AS c ON c.customer_id = u.customer_id
    WHERE ${where} GROUP BY d.user_id`;
  const activity = async (where: string) =>
    ((await app.query(userSql(where))) as { first: string; last: string; periods: string }[]).map((u) => ({ ...u, periods: u.periods.split(',') }));
  const users = await activity('TRUE');
  expect(users.length).toBeGreaterThan(300);

  // Monthly "on" (the gold mart) is the default.
  await expectTable(app, triangle(users, 'month', 'on', asOf), month);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshotView('Retention', 'tests/e2e/screenshots/retention-view.png');

  // Weekly cohorts, "on or after" (computed by the view from fct_user_days).
  await app.redrawn(CHARTS, () => page.getByTestId('retention-grain').getByRole('radio', { name: 'Week' }).check());
  await app.redrawn(CHARTS, () => page.getByTestId('retention-convention').getByRole('radio', { name: 'On or after' }).check());
  const weekly = triangle(users, 'week', 'onOrAfter', asOf);
  await expectTable(app, weekly, (c) => c);
  expect(new URL(page.url()).searchParams.get('cohort')).toBe('week');
  expect(new URL(page.url()).searchParams.get('convention')).toBe('on-or-after');
  // "On or after" never falls as the periods go on.
  expect([...weekly.values()].every(({ active }) => active.every((n, k) => k === 0 || n <= active[k - 1]!))).toBe(true);

  // A plan filter keeps the users of Starter accounts only.
  await app.redrawn(CHARTS, () => app.chooseFilterValue('Plan', 'Starter'));
  const starters = await activity(`c.current_tier = 'Starter'`);
  const filtered = triangle(starters, 'week', 'onOrAfter', asOf);
  expect([...filtered.values()].reduce((s, c) => s + c.size, 0)).toBeLessThan(users.length);
  await expectTable(app, filtered, (c) => c);

  // The link reopens the same settings and figures.
  const link = page.url();
  expect(new URL(link).searchParams.getAll('plan')).toEqual(['Starter']);
  const other = new AppPage(await context.newPage());
  await other.open(link);
  await other.waitUntilReady(undefined, 'retention-heatmap');
  await expect(other.page.getByTestId('retention-convention').getByRole('radio', { name: 'On or after' })).toBeChecked();
  await expectTable(other, filtered, (c) => c);
  await other.page.close();

  // Another view drops the retention settings from the link; coming back restores them.
  await app.openView('Overview');
  await expect.poll(() => new URL(page.url()).searchParams.get('cohort')).toBeNull();
  await app.openView('Retention');
  await expect.poll(() => new URL(page.url()).searchParams.get('cohort')).toBe('week');
});

test('retention: accounts, logo and revenue, drill-down with CSV, and Kaplan-Meier medians from the survival table', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=retention&subject=accounts&measure=revenue');
  await app.waitUntilReady(undefined, 'retention-heatmap');
  await expect(page.getByTestId('retention-measure').getByRole('radio', { name: 'Revenue (MRR)' })).toBeChecked();

  // Revenue retention: the cohort's month-end MRR over its first month's, from fct_subscription_months.
  const mrr = (await app.query(`WITH f AS (SELECT customer_id, min(month) AS cohort FROM fct_subscription_months WHERE mrr > 0 GROUP BY 1)
    SELECT strftime(f.cohort, '%Y-%m') AS cohort, datediff('month', f.cohort, m.month) AS k, CAST(sum(m.mrr) AS DOUBLE) AS mrr
    FROM fct_subscription_months AS m JOIN f USING (customer_id) WHERE m.month >= f.cohort GROUP BY ALL ORDER BY 1, 2`)) as { cohort: string; k: number; mrr: number }[];
  const table = page.getByTestId('retention-table');
  for (const cohort of ['2024-03', '2024-09', '2025-02']) {
    const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${cohort}")`) });
    const base = mrr.find((r) => r.cohort === cohort && r.k === 0)!.mrr;
    for (const k of [0, 1, 3, 6]) {
      const want = mrr.find((r) => r.cohort === cohort && r.k === k)!.mrr;
      const cell = row.locator(`[data-col="p${k}"]`);
      expect(Number(await cell.getAttribute('data-active')), `${cohort} ${k}`).toBeCloseTo(want, 2);
      expect(Math.abs(cellNumber((await cell.textContent()) ?? undefined)! - (100 * want) / base), `${cohort} ${k}`).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  }

  // Logo "on or after": the drill-down of a cell lists the cohort, its active accounts are the cell's count, and the CSV holds them.
  await app.redrawn(['retention-heatmap'], () => page.getByTestId('retention-convention').getByRole('radio', { name: 'On or after' }).check());
  await expect(page.getByTestId('retention-measure').getByRole('radio', { name: 'Logos (count)' })).toBeChecked();
  // The largest cohort observed for at least five months; its month 4.
  const cohorts = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ cohort: tr.querySelector('th')!.textContent!, size: Number(tr.querySelector('[data-col="size"]')!.textContent!.replace(/,/g, '')), observed: tr.querySelectorAll('td[data-state="observed"]').length })),
  );
  const chosen = cohorts.filter((c) => c.observed >= 5).sort((a, b) => b.size - a.size)[0]!;
  const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${chosen.cohort}")`) });
  const cell = row.locator('[data-col="p4"]');
  const active = Number(await cell.getAttribute('data-active'));
  const size = chosen.size;
  const fourth = new Date(Date.UTC(Number(chosen.cohort.slice(0, 4)), Number(chosen.cohort.slice(5, 7)) - 1 + 4, 1)).toISOString().slice(0, 10);
  const lasts = (await app.query(`SELECT count(*) AS n FROM (SELECT customer_id, min(month) AS first, max(month) AS last FROM fct_subscription_months WHERE mrr > 0 GROUP BY 1)
    WHERE first = DATE '${chosen.cohort}-01' AND last >= DATE '${fourth}'`)) as { n: number }[];
  expect(active).toBe(lasts[0]!.n);
  expect(active).toBeGreaterThan(0);
  // From the keyboard: the data table's cells are buttons.
  await page.getByTestId('retention-cohorts-section').locator('summary').click();
  await cell.getByRole('button').focus();
  await page.keyboard.press('Enter');
  const drill = page.getByTestId('retention-drilldown');
  await expect(drill).toHaveAttribute('data-cohort', `${chosen.cohort}-01`);
  await expect(page.getByTestId('retention-drilldown-count')).toHaveText(String(active));
  const listed = await app.tableRows('retention-drilldown-table');
  expect(listed.length).toBe(Math.min(active, 50));
  expect(listed.every((r) => r.last! >= fourth.slice(0, 7))).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), drill.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`retention_accounts_${chosen.cohort}-01_month4_active.csv`);
  const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('customer_id,company_name,current_tier,region,first_paid,last_paid,mrr,active');
  expect(lines.length - 1).toBe(active);
  await drill.getByRole('radio', { name: 'Not active' }).check();
  await expect(page.getByTestId('retention-drilldown-count')).toHaveText(String(size - active));

  // Kaplan-Meier medians recomputed from survival_table in JavaScript.
  const survival = (await app.query('SELECT plan_tier, duration_days AS t, event FROM survival_table')) as { plan_tier: string; t: number; event: number }[];
  const summary = await app.tableRows('retention-survival-table');
  expect(summary.map((r) => r.tier)).toEqual(['starter', 'growth', 'pro', 'enterprise'].filter((t) => survival.some((s) => s.plan_tier === t)));
  for (const r of summary) {
    const tier = survival.filter((s) => s.plan_tier === r.tier);
    let s = 1;
    let median: number | null = null;
    for (const t of [...new Set(tier.map((x) => x.t))].sort((a, b) => a - b)) {
      const atRisk = tier.filter((x) => x.t >= t).length;
      const deaths = tier.filter((x) => x.t === t && x.event === 1).length;
      s *= 1 - deaths / atRisk;
      if (median === null && s <= 0.5 + 1e-9) median = t;
    }
    expect(cellValue(r.accounts), r.tier).toBe(tier.length);
    expect(cellValue(r.churned), r.tier).toBe(tier.filter((x) => x.event === 1).length);
    expect(cellNumber(r.median), r.tier).toBe(median);
  }
  await expect(page.getByTestId('retention-logrank')).toContainText(/Log-rank test: χ² = [\d.]+ with \d degrees of freedom, p [=<] /);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshotView('Retention', 'tests/e2e/screenshots/retention-accounts.png');
});

import { type Browser, expect, test } from '@playwright/test';
import { SUBPATH_URL } from '../../playwright.config';
import { AppPage } from './support/appPage';

/**
 * The DuckDB bundle: chosen by feature detection (eh where wasm exceptions exist, mvp
 * otherwise) or forced with ?bundle= or the settings. All give the same figures. The threaded
 * build (coi) runs where the page is cross-origin isolated (vite preview sends COOP/COEP), and
 * falls back with a notice where it is not (the plain static server on :4174). (Forcing mvp
 * alone is in hosting.spec.ts.)
 */

async function overviewFigures(app: AppPage): Promise<Record<string, string>[]> {
  await app.waitUntilReady();
  return app.tableRows('overview-kpi-table');
}

/**
 * Row counts from each layer and every check's outcome: the same data, not only the same
 * tiles. (Counts, not float sums: a parallel sum may differ from a serial one in its last bit.)
 */
async function dataFingerprint(app: AppPage): Promise<unknown> {
  const counts = await app.query(
    `SELECT (SELECT count(*) FROM events) AS raw_events, (SELECT count(*) FROM stg_events) AS staged_events,
            (SELECT count(*) FROM fct_subscription_months) AS subscription_months,
            (SELECT count(*) FROM fct_user_days) AS user_days, (SELECT count(*) FROM retention_cohorts) AS retention_cohorts`,
  );
  const checks = (await app.snapshot()).checks.map((c) => `${c.name}:${c.status}:${c.failingRows}`).sort();
  return { counts, checks };
}

async function openInNewContext(browser: Browser, url: string): Promise<AppPage> {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage());
  await app.open(url);
  return app;
}

test('feature detection picks mvp in a browser without wasm exceptions, eh can be forced, and both show the same figures', async ({ browser }) => {
  // A browser whose WebAssembly validates no extension (no exceptions, SIMD or threads).
  const oldContext = await browser.newContext();
  await oldContext.addInitScript(() => {
    WebAssembly.validate = () => false;
  });
  const old = new AppPage(await oldContext.newPage());
  await old.open('./?preset=tiny&seed=21');
  const mvpFigures = await overviewFigures(old);
  await expect(old.dataset).toContainText('(mvp)');
  expect(old.requests.some((url) => /duckdb-mvp-.*\.wasm$/.test(url))).toBe(true);
  expect(old.requests.some((url) => /duckdb-eh-.*\.wasm$/.test(url))).toBe(false);
  // The link keeps "auto": the same link picks the right bundle in each browser.
  expect(new URL(old.page.url()).searchParams.get('bundle')).toBeNull();
  await oldContext.close();

  const eh = await openInNewContext(browser, './?preset=tiny&seed=21&bundle=eh');
  const ehFigures = await overviewFigures(eh);
  await expect(eh.dataset).toContainText('(eh)');
  expect(eh.requests.some((url) => /duckdb-eh-.*\.wasm$/.test(url))).toBe(true);
  expect(eh.requests.some((url) => /duckdb-mvp-.*\.wasm$/.test(url))).toBe(false);
  expect(new URL(eh.page.url()).searchParams.get('bundle')).toBe('eh');
  await eh.page.context().close();

  expect(ehFigures.length).toBeGreaterThan(5);
  expect(ehFigures).toEqual(mvpFigures);
});

test('on a cross-origin isolated page the threaded build runs with several threads and gives the same data as eh', async ({ browser }) => {
  const eh = await openInNewContext(browser, './?preset=tiny&seed=21');
  const ehFigures = await overviewFigures(eh);
  await expect(eh.dataset).toContainText('(eh)');
  const ehData = await dataFingerprint(eh);
  // vite preview sends COOP/COEP, so the settings offer threads; auto still picks eh.
  expect(await eh.page.evaluate(() => crossOriginIsolated)).toBe(true);
  const select = await eh.bundleSelect();
  await expect(select.locator('option[value="coi"]')).toBeEnabled();
  await expect(select).toHaveValue('auto');
  await eh.page.context().close();

  const coi = await openInNewContext(browser, './?preset=tiny&seed=21&bundle=coi');
  const coiFigures = await overviewFigures(coi);
  await expect(coi.dataset).toContainText('(coi)');
  expect(coi.requests.some((url) => /duckdb-coi-.*\.wasm$/.test(url))).toBe(true);
  expect(coi.requests.some((url) => /duckdb-browser-coi\.pthread\.worker-.*\.js$/.test(url))).toBe(true);
  expect(coi.requests.some((url) => /duckdb-eh-.*\.wasm$/.test(url))).toBe(false);
  const [{ threads }] = (await coi.query(`SELECT CAST(current_setting('threads') AS INTEGER) AS threads`)) as [{ threads: number }];
  expect(threads).toBeGreaterThan(1);
  await expect(coi.stage('engine')).toContainText(`coi bundle, ${threads} threads`);
  expect(coiFigures.length).toBeGreaterThan(5);
  expect(coiFigures).toEqual(ehFigures);
  expect(await dataFingerprint(coi)).toEqual(ehData);
  await expect(coi.page.getByRole('status').filter({ hasText: 'threaded DuckDB build' })).toHaveCount(0);
  expect(coi.consoleErrors).toEqual([]);
  await coi.page.context().close();
});

test('the settings switch a running page to the threaded build and back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&seed=21');
  await app.waitUntilReady();
  await (await app.bundleSelect()).selectOption('coi');
  await (await app.openSettings()).getByRole('button', { name: 'Generate' }).click();
  await expect(app.dataset).toContainText('(coi)');
  await app.waitUntilReady();
  expect(new URL(page.url()).searchParams.get('bundle')).toBe('coi');
  expect(Number((await app.query(`SELECT current_setting('threads') AS t`))[0]!.t)).toBeGreaterThan(1);

  await expect(await app.bundleSelect()).toHaveValue('coi');
  await (await app.bundleSelect()).selectOption('auto');
  await (await app.openSettings()).getByRole('button', { name: 'Generate' }).click();
  await expect(app.dataset).toContainText('(eh)');
  await app.waitUntilReady();
  expect(new URL(page.url()).searchParams.get('bundle')).toBeNull();
  expect(Number((await app.query(`SELECT current_setting('threads') AS t`))[0]!.t)).toBe(1);
});

test('without cross-origin isolation (a plain static host) asking for threads falls back to eh with a notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`${SUBPATH_URL}?preset=tiny&seed=21&bundle=coi`);
  await app.waitUntilReady();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByRole('status').filter({ hasText: 'threaded DuckDB build' })).toContainText(
    'The threaded DuckDB build (coi) was asked for, but the page is not cross-origin isolated (the host sends no COOP/COEP headers); using the single-threaded eh build instead.',
  );
  await expect(app.dataset).toContainText('(eh)');
  expect(app.requests.some((url) => /duckdb-coi-.*\.wasm$/.test(url))).toBe(false);
  expect(Number((await app.query(`SELECT current_setting('threads') AS t`))[0]!.t)).toBe(1);
  expect((await app.tableRows('overview-kpi-table')).length).toBeGreaterThan(5);
  // The settings do not offer what cannot run here, and say why.
  await expect((await app.bundleSelect()).locator('option[value="coi"]')).toBeDisabled();
  await expect(page.locator('#hint-bundle')).toContainText('need a cross-origin isolated page');
});

import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

/**
 * The DuckDB bundle: chosen by feature detection (eh where wasm exceptions exist, mvp
 * otherwise) or forced with ?bundle=. Both give the same figures. (Forcing mvp alone is in
 * hosting.spec.ts.)
 */

async function overviewFigures(app: AppPage): Promise<Record<string, string>[]> {
  await app.waitUntilReady();
  return app.tableRows('overview-kpi-table');
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

  const context = await browser.newContext();
  const eh = new AppPage(await context.newPage());
  await eh.open('./?preset=tiny&seed=21&bundle=eh');
  const ehFigures = await overviewFigures(eh);
  await expect(eh.dataset).toContainText('(eh)');
  expect(eh.requests.some((url) => /duckdb-eh-.*\.wasm$/.test(url))).toBe(true);
  expect(eh.requests.some((url) => /duckdb-mvp-.*\.wasm$/.test(url))).toBe(false);
  expect(new URL(eh.page.url()).searchParams.get('bundle')).toBe('eh');
  await context.close();

  expect(ehFigures.length).toBeGreaterThan(5);
  expect(ehFigures).toEqual(mvpFigures);
});

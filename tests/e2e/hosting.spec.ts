import { expect, test } from '@playwright/test';
import { SUBPATH_URL } from '../../playwright.config';
import { AppPage } from './support/appPage';

test('works from a plain static host under a sub-path, with the wasm served as application/wasm', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`${SUBPATH_URL}?preset=tiny`);
  await app.waitUntilReady();
  // One file (fetched after a HEAD check), under the sub-path.
  const wasm = [...new Set(app.requests.filter((url) => url.endsWith('.wasm')))];
  expect(wasm).toHaveLength(1);
  expect(new URL(wasm[0]!).pathname).toMatch(/^\/nested\/app\/assets\/duckdb-eh-.*\.wasm$/);
  expect(app.consoleErrors).toEqual([]);
  expect(app.externalRequests()).toEqual([]);
});

test('vite preview serves the DuckDB wasm bundles with the wasm MIME type', async ({ page, request }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny');
  await app.waitUntilReady();
  const wasm = app.requests.find((url) => url.endsWith('.wasm'))!;
  expect(wasm).toBeDefined();
  const response = await request.get(wasm);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/wasm');
});

test('forcing the mvp bundle (browsers without wasm exceptions) works too', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&bundle=mvp');
  await app.waitUntilReady();
  await expect(page.getByTestId('dataset')).toContainText('(mvp)');
  expect(app.requests.some((url) => /duckdb-mvp-.*\.wasm$/.test(url))).toBe(true);
  expect(app.consoleErrors).toEqual([]);
});

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/chromium';

export const PREVIEW_URL = 'http://localhost:4173/';
export const SUBPATH_URL = 'http://127.0.0.1:4174/nested/app/';

// The tests run against the built site (npm run build first), served two ways: by
// `vite preview`, and by a plain static server under a sub-path.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: PREVIEW_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    viewport: { width: 1366, height: 900 },
    trace: 'off',
  },
  webServer: [
    { command: 'npx vite preview --port 4173 --strictPort', url: PREVIEW_URL, reuseExistingServer: !process.env.CI, timeout: 60_000 },
    { command: 'node tests/e2e/support/serve-dist.mjs dist 4174 /nested/app/', url: SUBPATH_URL, reuseExistingServer: !process.env.CI, timeout: 30_000 },
  ],
});

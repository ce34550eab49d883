import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation for `vite dev` and `vite preview`: with these two headers the page
 * gets SharedArrayBuffer, which the threaded DuckDB build (?bundle=coi) needs. Every asset is
 * same-origin, so require-corp blocks nothing. A static host without them (the tests' :4174
 * server, GitHub Pages) still runs the single-threaded builds.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// A relative base lets dist/ be served from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The DuckDB wasm files (~35 MB) must stay separate files, never inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  preview: { port: 4173, strictPort: true, headers: ISOLATION_HEADERS },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sql/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

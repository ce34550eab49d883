import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

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
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sql/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

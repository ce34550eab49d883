import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../bench/args';
import { workerName } from '../../../bench/memory';
import { assetKind, loadedTotal, measureSite } from '../../../bench/siteSize';

describe('bench command line', () => {
  it('defaults to the demo preset, seed 42, three runs', () => {
    expect(parseArgs([])).toMatchObject({ presets: ['demo'], seed: 42, runs: 3, build: true, native: true, outDir: 'bench/results' });
  });

  it('takes presets repeated or comma separated, once each', () => {
    expect(parseArgs(['--preset', 'tiny,demo', '--preset', 'large', '--preset=tiny']).presets).toEqual(['tiny', 'demo', 'large']);
  });

  it('reads numbers and switches', () => {
    expect(parseArgs(['--seed', '7', '--runs=5', '--port', '5000', '--no-build', '--no-native', '--brotli-quality', '11'])).toMatchObject({
      seed: 7,
      runs: 5,
      port: 5000,
      build: false,
      native: false,
      brotliQuality: 11,
    });
  });

  it('names the bad flag', () => {
    expect(() => parseArgs(['--preset', 'huge'])).toThrow('--preset must be one of tiny, demo, large');
    expect(() => parseArgs(['--runs', '0'])).toThrow('--runs needs a whole number');
    expect(() => parseArgs(['--seed'])).toThrow('--seed needs a whole number');
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
  });
});

describe('site size', () => {
  it('keeps DuckDB’s files apart from the app’s', () => {
    expect(assetKind('assets/duckdb-eh-9ubY-jlA.wasm')).toBe('duckdb-wasm');
    expect(assetKind('assets/duckdb-browser-eh.worker-hQa-dcAV.js')).toBe('duckdb-worker');
    expect(assetKind('assets/generator.worker-uz_MF3Ia.js')).toBe('app-js');
    expect(assetKind('assets/index-BdgMDasW.css')).toBe('app-css');
    expect(assetKind('index.html')).toBe('html');
    expect(assetKind('favicon.svg')).toBe('other');
  });

  it('measures raw and compressed sizes and totals what a visit loaded', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-site-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html>'.repeat(100));
    writeFileSync(join(dist, 'assets', 'duckdb-eh-x.wasm'), Buffer.alloc(5000, 7));
    const site = await measureSite(dist, 5);
    expect(site.total).toMatchObject({ files: 2, bytes: 6500 });
    expect(site.byKind['duckdb-wasm'].bytes).toBe(5000);
    expect(site.byKind.html.gzip).toBeLessThan(1500);
    expect(site.assets.map((a) => a.path)).toEqual(['assets/duckdb-eh-x.wasm', 'index.html']);
    expect(loadedTotal(site, new Set(['index.html']))).toMatchObject({ files: 1, bytes: 1500 });
  });

  it('names workers without their content hash', () => {
    expect(workerName('http://127.0.0.1:4180/assets/duckdb-browser-eh.worker-hQa-dcAV.js')).toBe('duckdb-browser-eh.worker');
    expect(workerName('http://127.0.0.1:4180/assets/generator.worker-uz_MF3Ia.js')).toBe('generator.worker');
  });
});

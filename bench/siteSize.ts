import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type AssetKind = 'duckdb-wasm' | 'duckdb-worker' | 'app-js' | 'app-css' | 'html' | 'other';

export interface Asset {
  path: string;
  kind: AssetKind;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface SiteSize {
  assets: Asset[];
  byKind: Record<AssetKind, { files: number; bytes: number; gzip: number; brotli: number }>;
  total: { files: number; bytes: number; gzip: number; brotli: number };
  gzipLevel: number;
  brotliQuality: number;
}

/** DuckDB's own files are kept apart from the app's code: they dominate the size and are not ours to shrink. */
export function assetKind(path: string): AssetKind {
  const name = path.split('/').pop() ?? path;
  if (/^duckdb-.*\.wasm$/.test(name)) return 'duckdb-wasm';
  if (/^duckdb-.*worker.*\.js$/.test(name)) return 'duckdb-worker';
  if (name.endsWith('.js') || name.endsWith('.mjs')) return 'app-js';
  if (name.endsWith('.css')) return 'app-css';
  if (name.endsWith('.html')) return 'html';
  return 'other';
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
export const GZIP_LEVEL = 9;

/**
 * Sizes of every file of the built site, raw and compressed the way a static host would
 * serve them. The compressions run on libuv's thread pool, several files at once.
 */
export async function measureSite(dist: string, brotliQuality: number): Promise<SiteSize> {
  const assets = await Promise.all(
    files(dist).map(async (file): Promise<Asset> => {
      const bytes = readFileSync(file);
      const [gz, br] = await Promise.all([
        gzipAsync(bytes, { level: GZIP_LEVEL }),
        brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      ]);
      const path = relative(dist, file).split('\\').join('/');
      return { path, kind: assetKind(path), bytes: bytes.length, gzip: gz.length, brotli: br.length };
    }),
  );
  assets.sort((a, b) => b.bytes - a.bytes);
  const empty = () => ({ files: 0, bytes: 0, gzip: 0, brotli: 0 });
  const kinds: AssetKind[] = ['duckdb-wasm', 'duckdb-worker', 'app-js', 'app-css', 'html', 'other'];
  const byKind = Object.fromEntries(kinds.map((k) => [k, empty()])) as SiteSize['byKind'];
  const total = empty();
  for (const a of assets) {
    for (const sum of [byKind[a.kind], total]) {
      sum.files++;
      sum.bytes += a.bytes;
      sum.gzip += a.gzip;
      sum.brotli += a.brotli;
    }
  }
  return { assets, byKind, total, gzipLevel: GZIP_LEVEL, brotliQuality };
}

/** Totals over the assets a page actually requested (one DuckDB bundle of the two, for instance). */
export function loadedTotal(site: SiteSize, loadedPaths: ReadonlySet<string>): { files: number; bytes: number; gzip: number; brotli: number } {
  const sum = { files: 0, bytes: 0, gzip: 0, brotli: 0 };
  for (const a of site.assets) {
    if (!loadedPaths.has(a.path)) continue;
    sum.files++;
    sum.bytes += a.bytes;
    sum.gzip += a.gzip;
    sum.brotli += a.brotli;
  }
  return sum;
}

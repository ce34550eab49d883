// npm run bench -- [--preset demo] [--runs 3] [--seed 42] ...: see bench/args.ts and the README.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { resolveParams } from '../src/generator/params';
import { parseArgs, USAGE } from './args';
import { type BrowserRun, launchBrowser, runInBrowser } from './browserRun';
import { type BundleRuns, renderBundleComparison, summarizeBundle, threadsFromDetail } from './bundleComparison';
import { modelNames, pendingFigures } from './figures';
import { ms } from './format';
import { runNative } from './nativeRun';
import { type BenchResult, type BrowserResult, compareModels, type PresetResult, renderReport } from './report';
import { serveDist } from './server';
import { loadedTotal, measureSite } from './siteSize';
import { summarizeRecords } from './stats';

const DIST = 'dist';
/** Progress goes to stderr so that stdout holds only the report. */
const log = (line: string) => console.error(line);

function gitCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const sha = git('rev-parse', '--short', 'HEAD');
    // A node_modules link (a checkout sharing another's install) is not a change to the code.
    const changes = git('status', '--porcelain').split('\n').filter((l) => l !== '' && l !== '?? node_modules');
    const dirty = changes.length > 0;
    return dirty ? `${sha} (uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

function build(): void {
  log('building the site (vite build)...');
  const started = performance.now();
  const result = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('vite build failed');
  }
  log(`  built in ${ms(performance.now() - started)}`);
}

const runLine = (run: BrowserRun) =>
  `generate ${ms(run.figures['generate.ms'])}, pipeline ${ms(run.figures['pipeline.ms'])}, view drawn at ${ms(run.figures['chart.viewDrawnMs'])}`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  // Other work on the machine skews every figure; the load averages make that visible.
  const loadBefore = loadavg()[0]!;
  if (loadBefore > 1) log(`note: load average is ${loadBefore.toFixed(2)}; other work running now will skew the figures`);
  if (options.build) build();
  log(`measuring dist/ (gzip and brotli q${options.brotliQuality})...`);
  const site = await measureSite(DIST, options.brotliQuality);

  const browserResults = new Map<string, BrowserResult>();
  const requested = new Set<string>();
  let chromium = 'Chromium';
  // The threaded build needs a cross-origin isolated page; the others run the same either way.
  const server = await serveDist(DIST, options.port, { isolated: options.bundles.includes('coi') });
  const browser = await launchBrowser();
  const bundleComparison = new Map<string, BundleRuns[]>();
  try {
    chromium = `Chromium ${browser.version()} headless`;
    for (const preset of options.presets) {
      const builds: BundleRuns[] = [];
      let first: { warmup: BrowserRun; runs: BrowserRun[] } | null = null;
      for (const bundle of options.bundles) {
        const query = `?preset=${preset}&seed=${options.seed}${bundle === 'auto' ? '' : `&bundle=${bundle}`}`;
        log(`browser, preset ${preset}: 1 warm-up + ${options.runs} run(s) at ${server.url}${query}`);
        const warmup = await runInBrowser(browser, server.url, preset, options.seed, bundle);
        log(`  warm-up: ${runLine(warmup)}`);
        const runs: BrowserRun[] = [];
        for (let i = 1; i <= options.runs; i++) {
          runs.push(await runInBrowser(browser, server.url, preset, options.seed, bundle));
          log(`  run ${i}/${options.runs}: ${runLine(runs.at(-1)!)}`);
        }
        const engineStage = runs[0]!.snapshot.stages.find((stage) => stage.id === 'engine');
        builds.push(summarizeBundle(bundle, runs[0]!.snapshot.engine?.bundle ?? '?', threadsFromDetail(engineStage?.detail), runs.map((r) => r.figures)));
        first ??= { warmup, runs };
      }
      if (options.bundles.length > 1) bundleComparison.set(preset, builds);
      const { warmup, runs } = first!;
      for (const path of runs[0]!.requested) requested.add(path);
      browserResults.set(preset, {
        engine: runs[0]!.snapshot.engine,
        models: modelNames(runs[0]!.snapshot),
        warmup: warmup.figures,
        runs: runs.map((r) => r.figures),
        summary: summarizeRecords(runs.map((r) => r.figures)),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const presets: PresetResult[] = [];
  for (const preset of options.presets) {
    let native = null;
    if (options.native) {
      log(`native DuckDB, preset ${preset}: load once, then 1 warm-up + ${options.runs} pipeline run(s) per thread setting`);
      native = await runNative(preset, options.seed, options.runs, log);
    }
    const browserResult = browserResults.get(preset)!;
    presets.push({
      preset,
      params: resolveParams({ preset, seed: options.seed }),
      browser: browserResult,
      native,
      comparison: compareModels(browserResult, native),
      notImplemented: pendingFigures(),
    });
  }

  const now = new Date();
  const result: BenchResult = {
    meta: {
      date: now.toISOString(),
      commit: gitCommit(),
      seed: options.seed,
      runs: options.runs,
      warmupRuns: 1,
      node: process.version,
      chromium,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? '?',
      memoryBytes: totalmem(),
      loadAverage1m: { start: loadBefore, end: loadavg()[0]! },
    },
    site: { ...site, loadedByVisit: { paths: [...requested].sort(), ...loadedTotal(site, requested) } },
    presets,
  };
  mkdirSync(options.outDir, { recursive: true });
  const file = join(options.outDir, `${now.toISOString().slice(0, 10)}.json`);
  // Sub-0.1 precision is noise at these scales and would only bloat the file.
  const round = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v);
  const comparison = Object.fromEntries(bundleComparison);
  writeFileSync(file, `${JSON.stringify(bundleComparison.size > 0 ? { ...result, bundleComparison: comparison } : result, round, 2)}\n`);
  console.log(renderReport(result));
  for (const [preset, builds] of bundleComparison) console.log(`\n${renderBundleComparison(preset, builds)}`);
  console.log(`\nResults written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});

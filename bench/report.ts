import type { GeneratorParams, PresetName } from '../src/generator/params';
import { type Figures, NOT_IMPLEMENTED, PENDING_FIGURES, pendingFigures } from './figures';
import { bytes, count, ms, rate, ratio, table } from './format';
import type { NativeResult } from './nativeRun';
import type { AssetKind, SiteSize } from './siteSize';
import type { Summary } from './stats';

export interface BrowserResult {
  engine: { bundle: string; version: string } | null;
  models: string[];
  warmup: Figures;
  runs: Figures[];
  summary: Record<string, Summary>;
}

export interface ModelComparison {
  model: string;
  rowsWasm: number | null;
  rowsNative: number | null;
  wasmMs: number | null;
  native1Ms: number | null;
  nativeAllMs: number | null;
  /** WASM median time over native one-thread median time. */
  wasmOverNative1: number | null;
}

export interface PresetResult {
  preset: PresetName;
  params: GeneratorParams;
  browser: BrowserResult;
  native: NativeResult | null;
  comparison: ModelComparison[];
  notImplemented: ReturnType<typeof pendingFigures>;
}

export interface BenchResult {
  meta: {
    date: string;
    commit: string;
    seed: number;
    runs: number;
    warmupRuns: number;
    node: string;
    chromium: string;
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    /** One-minute load average when the bench started and ended: well above 1 means other work competed. */
    loadAverage1m: { start: number; end: number };
  };
  site: SiteSize & { loadedByVisit: { paths: string[]; files: number; bytes: number; gzip: number; brotli: number } };
  presets: PresetResult[];
}

const med = (s: Record<string, Summary> | undefined, key: string): number | null => s?.[key]?.median ?? null;

/** Lines up each model's WASM time with native one-thread and all-threads times, plus totals. */
export function compareModels(browser: BrowserResult, native: NativeResult | null): ModelComparison[] {
  const row = (model: string, key: string, rowsKey: string | null): ModelComparison => {
    const wasmMs = med(browser.summary, key);
    const native1Ms = med(native?.oneThread.summary, key);
    return {
      model,
      rowsWasm: rowsKey ? med(browser.summary, rowsKey) : null,
      rowsNative: rowsKey ? med(native?.oneThread.summary, rowsKey) : null,
      wasmMs,
      native1Ms,
      nativeAllMs: med(native?.allThreads.summary, key),
      wasmOverNative1: wasmMs != null && native1Ms ? wasmMs / native1Ms : null,
    };
  };
  return [
    ...browser.models.map((m) => row(m, `model:${m}.ms`, `model:${m}.rows`)),
    row('models total', 'models.ms', null),
    row('checks', 'checks.ms', null),
    row('pipeline total', 'pipeline.ms', null),
  ];
}

const KIND_LABEL: Record<AssetKind, string> = {
  'duckdb-wasm': 'DuckDB wasm',
  'duckdb-worker': 'DuckDB worker scripts',
  'app-js': 'app JavaScript',
  'app-css': 'app CSS',
  html: 'HTML',
  other: 'other',
};

function siteSection(site: BenchResult['site']): string {
  const loaded = new Set(site.loadedByVisit.paths);
  const sized = (s: { bytes: number; gzip: number; brotli: number }) => [bytes(s.bytes), bytes(s.gzip), bytes(s.brotli)];
  const rows = site.assets.map((a) => [a.path, ...sized(a), loaded.has(a.path) ? 'yes' : '-']);
  const kinds = (Object.keys(site.byKind) as AssetKind[]).filter((k) => site.byKind[k].files > 0);
  const totals = [
    ...kinds.map((k) => [`${KIND_LABEL[k]} (${site.byKind[k].files})`, ...sized(site.byKind[k]), '']),
    [`total (${site.total.files} files)`, ...sized(site.total), ''],
    [`loaded by one visit (${site.loadedByVisit.files} files)`, ...sized(site.loadedByVisit), ''],
  ];
  return [
    `Built site (dist/): raw, gzip -${site.gzipLevel}, brotli quality ${site.brotliQuality}`,
    table(['file', 'raw', 'gzip', 'brotli', 'loaded'], [...rows, ['', '', '', '', ''], ...totals]),
  ].join('\n');
}

function browserSection(result: PresetResult): string {
  const s = result.browser.summary;
  const line = (label: string, key: string, fmt: (v: number | null) => string): string[] => {
    const f = s[key];
    return [label, fmt(f?.median ?? null), fmt(f?.min ?? null), fmt(f?.max ?? null)];
  };
  const workerHeaps = Object.keys(s).filter((k) => k.startsWith('memory.workerJsHeapPeak:'));
  const wasm = Object.keys(s).filter((k) => k.startsWith('memory.wasm:'));
  const checks = med(s, 'checks.count');
  const charts = med(s, 'chart.count');
  const rows = [
    line('start DuckDB-WASM', 'engine.ms', ms),
    line(`generate (${med(s, 'generate.workers') ?? '?'} worker(s), overlapped with loading)`, 'generate.ms', ms),
    line('generation rate: events / generate time', 'generate.eventsPerSec', (v) => rate(v, 'events')),
    line('generation rate: all rows / generate time', 'generate.rowsPerSec', (v) => rate(v, 'rows')),
    line(`generation + transfer alone, cold: fresh pool of ${med(s, 'generateOnly.cold.workers') ?? '?'} worker(s), first run`, 'generateOnly.cold.ms', ms),
    line('  rate: events / time', 'generateOnly.cold.eventsPerSec', (v) => rate(v, 'events')),
    line(`generation + transfer alone, warm: the app's pool of ${med(s, 'generateOnly.warm.workers') ?? '?'} regenerations 1 to 3`, 'generateOnly.warm.ms', ms),
    line('  rate: events / time', 'generateOnly.warm.eventsPerSec', (v) => rate(v, 'events')),
    line('generation + transfer alone, steady: the same pool, regenerations 4 to 6', 'generateOnly.steady.ms', ms),
    line('  rate: events / time', 'generateOnly.steady.eventsPerSec', (v) => rate(v, 'events')),
    line('transfer+load: tail after generation ends', 'load.tailMs', ms),
    line('transfer+load: whole stage (overlaps generation)', 'load.stageMs', ms),
    line('pipeline models (sum of model stages)', 'models.ms', ms),
    line(`checks (${checks ?? '?'} checks)`, 'checks.ms', ms),
    line('pipeline (first model start to checks end)', 'pipeline.ms', ms),
    line('models done: views open (since navigation)', 'models.doneSinceNavMs', ms),
    line('checks done (since navigation)', 'checks.doneSinceNavMs', ms),
    line('first chart drawn (since navigation)', 'chart.firstMs', ms),
    line(`view drawn: last of ${charts ?? '?'} chart(s) (since navigation)`, 'chart.viewDrawnMs', ms),
    line('Overview drawn (since navigation)', 'overview.drawnSinceNavMs', ms),
    line('Overview drawn after its tables are built', 'overview.drawnAfterTablesMs', ms),
    line(`filter change -> Overview redrawn: median of ${med(s, 'filter.changes') ?? '?'} changes`, 'filter.changeToRedrawMs', ms),
    line('filter change -> Overview redrawn: p95', 'filter.changeToRedrawP95Ms', ms),
    line('filter change -> Overview redrawn: slowest', 'filter.changeToRedrawMaxMs', ms),
    line('page JS heap peak (main thread, used)', 'memory.pageJsHeapPeak', bytes),
    ...workerHeaps.map((k) => line(`worker JS heap peak: ${k.split(':')[1]}`, k, bytes)),
    ...wasm.map((k) => line(`wasm memory peak: ${k.split(':')[1]}`, k, bytes)),
    line('renderer RSS peak (page renderer: page+workers+wasm)', 'memory.rendererRssPeak', bytes),
    line('renderer RSS peak, all renderer processes', 'memory.rendererRssSumPeak', bytes),
    ...PENDING_FIGURES.map((p) => [p.label, NOT_IMPLEMENTED, '', '']),
  ];
  const engine = result.browser.engine;
  const runs = result.browser.runs.length;
  return [
    `Browser: DuckDB-WASM ${engine ? `${engine.version} (${engine.bundle} bundle)` : ''} in headless Chromium, a cold visit per run; median [min, max] of ${runs} run(s)`,
    table(['figure', 'median', 'min', 'max'], rows),
  ].join('\n');
}

function comparisonSection(result: PresetResult): string {
  const native = result.native;
  if (!native) return 'Native DuckDB comparison skipped (--no-native).';
  const all = `native ${native.allThreads.threads}t`;
  const rows = result.comparison.map((c) => {
    const rows = c.rowsWasm == null ? '' : `${count(c.rowsWasm)}${c.rowsNative != null && c.rowsNative !== c.rowsWasm ? ` (native ${count(c.rowsNative)}!)` : ''}`;
    return [c.model, rows, ms(c.wasmMs), ms(c.native1Ms), ms(c.nativeAllMs), ratio(c.wasmOverNative1)];
  });
  return [
    `Pipeline: DuckDB-WASM (browser) vs native DuckDB ${native.version} (Node, same data and sql/), median ms`,
    table(['model', 'rows', 'wasm', 'native 1t', all, 'wasm/native 1t'], rows),
    `  native side: generated ${count(native.generate.rows)} rows in Node (main thread) in ${ms(native.generate.ms)} ` +
      `(${rate(native.generate.eventsPerSec, 'events')}); appended to native DuckDB in ${ms(native.loadMs)}`,
  ].join('\n');
}

/** The whole console report. */
export function renderReport(result: BenchResult): string {
  const m = result.meta;
  const parts = [
    `Growthbench benchmark, ${m.date} · seed ${m.seed} · ${m.runs} measured run(s) after ${m.warmupRuns} warm-up · commit ${m.commit}`,
    `${m.chromium} · Node ${m.node} · ${m.cpus} CPU(s) (${m.cpuModel}) · ${bytes(m.memoryBytes)} RAM · ` +
      `load average ${m.loadAverage1m.start.toFixed(2)} at start, ${m.loadAverage1m.end.toFixed(2)} at end`,
    '',
    siteSection(result.site),
  ];
  for (const p of result.presets) {
    const events = med(p.browser.summary, 'generate.events');
    const rows = med(p.browser.summary, 'generate.rows');
    parts.push(
      '',
      `=== preset ${p.preset}: ${count(p.params.accounts)} accounts, ${count(rows)} rows generated (${count(events)} events), seed ${p.params.seed} ===`,
      browserSection(p),
      '',
      comparisonSection(p),
    );
  }
  return parts.join('\n');
}

import { type Browser, chromium } from 'playwright-core';
import type { RunSnapshot } from '../src/app/benchmarkProbe';
import type { BundleChoice } from '../src/engine/bundleChoice';
import type { PresetName } from '../src/generator/params';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium';
import { type Figures, snapshotFigures } from './figures';
import { MemorySampler, type MemoryPeaks, WorkerChannel } from './memory';
import { generationRateFigures } from './generationRate';
import { viewTimingFigures } from './viewTimings';

export interface BrowserRun {
  figures: Figures;
  snapshot: RunSnapshot;
  memory: MemoryPeaks;
  /** Paths under the site root the page requested (which DuckDB bundle, which chunks). */
  requested: string[];
}

/** The Overview's KPI tiles, drawn first (the default view): the run is over once they are drawn and the charts settle. */
export const FIRST_CHART = 'overview-kpis';
/** No new chart for this long after the first one means the view is fully drawn. */
const SETTLE_MS = 1500;
const TIMEOUT_MS: Record<PresetName, number> = { tiny: 120_000, demo: 300_000, large: 1_800_000 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Flattens the memory peaks into figures, named so the report can group them. */
export function memoryFigures(memory: MemoryPeaks): Figures {
  const figures: Figures = {
    'memory.pageJsHeapPeak': memory.pageJsHeap || null,
    'memory.rendererRssPeak': memory.rendererRss || null,
    'memory.rendererRssSumPeak': memory.rendererRssSum || null,
  };
  for (const [name, bytes] of Object.entries(memory.workerJsHeap)) figures[`memory.workerJsHeapPeak:${name}`] = bytes;
  for (const [name, bytes] of Object.entries(memory.wasm)) figures[`memory.wasm:${name}`] = bytes;
  return figures;
}

/**
 * One cold visit: a fresh browser context (empty cache, fresh renderer), the app opened at
 * ?preset&seed (and &bundle unless auto), polled until ready with the checks done, the first
 * chart drawn and no further chart for SETTLE_MS, memory sampled throughout.
 */
export async function runInBrowser(browser: Browser, baseUrl: string, preset: PresetName, seed: number, bundle: BundleChoice = 'auto'): Promise<BrowserRun> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === new URL(baseUrl).origin) requested.push(url.pathname.replace(/^\//, '') || 'index.html');
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const workers = new WorkerChannel(cdp);
    await workers.start();
    const sampler = new MemorySampler(cdp, workers);
    sampler.start();

    let snapshot: RunSnapshot;
    try {
      await page.goto(`${baseUrl}?preset=${preset}&seed=${seed}${bundle === 'auto' ? '' : `&bundle=${bundle}`}`);
      snapshot = await waitForView(page, TIMEOUT_MS[preset], errors);
    } finally {
      await sampler.stop();
    }
    const memory = sampler.peaks;
    await cdp.detach().catch(() => undefined);
    // After the memory sampling: filter changes are measured on the drawn Overview.
    const views = await viewTimingFigures(page, snapshot);
    const generation = await generationRateFigures(page, preset, seed);
    return { figures: { ...snapshotFigures(snapshot), ...memoryFigures(memory), ...views, ...generation }, snapshot, memory, requested };
  } finally {
    await context.close();
  }
}

async function waitForView(page: import('playwright-core').Page, timeoutMs: number, errors: string[]): Promise<RunSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let lastCount = -1;
  let stableSince = 0;
  for (;;) {
    const snap = await page.evaluate(() => window.growthbench?.snapshot() ?? null);
    if (snap?.status === 'error') throw new Error(`the app failed at ${snap.error?.stageId ?? '?'}: ${snap.error?.message ?? ''}`);
    // Ready views may open before the checks finish: wait for both, so every figure exists.
    if (snap?.status === 'ready' && !snap.checking && snap.chartsDrawn[FIRST_CHART] !== undefined) {
      const count = Object.keys(snap.chartsDrawn).length;
      if (count !== lastCount) {
        lastCount = count;
        stableSince = Date.now();
      } else if (Date.now() - stableSince >= SETTLE_MS) return snap;
    }
    if (Date.now() > deadline) {
      throw new Error(`no ready view within ${timeoutMs / 1000} s (status ${snap?.status ?? 'no probe'}${errors.length ? `; page errors: ${errors.join('; ')}` : ''})`);
    }
    await page.waitForTimeout(100);
  }
}

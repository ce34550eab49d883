import { expect, test } from '@playwright/test';
import { rendererRss } from '../../bench/memory';
import { AppPage } from './support/appPage';

/**
 * Soak: regenerate and re-run the whole pipeline many times in one page. Every run gets a
 * fresh DuckDB worker and the old one is terminated, so memory must come back to where it was
 * after the first run: the page's JS heap (after a forced GC, through CDP) and the renderer's
 * resident memory (/proc, the tab with its workers and their wasm heaps), with exactly one
 * DuckDB worker and no generator left each time.
 */

const RUNS = 10;
const MiB = 2 ** 20;

test('ten regenerations in one page: memory returns to its baseline, old workers are gone', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const app = new AppPage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  /** Live objects made by a constructor of the page (Runtime.queryObjects collects garbage first). */
  const countObjects = async (constructor: string) => {
    const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: `${constructor}.prototype` });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId! });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return result.value as number;
  };
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    return { heap, rss: rendererRss().largest, workers: await app.workerCounts(), promises: await countObjects('Promise'), workerObjects: await countObjects('Worker') };
  };

  await app.open('./?preset=tiny&accounts=1000&seed=1');
  await app.waitUntilReady();
  const samples = [await measure()];
  for (let run = 2; run <= RUNS; run++) {
    await app.generate({ Seed: String(run) });
    await app.waitUntilReady();
    await expect(app.dataset).toContainText(`Seed ${run} ·`);
    expect(Number((await app.query('SELECT count(DISTINCT customer_id) AS n FROM customers'))[0]!.n)).toBe(1000);
    samples.push(await measure());
  }

  const table = samples.map(
    (s, i) => `run ${i + 1}: JS heap ${(s.heap / MiB).toFixed(1)} MiB, renderer RSS ${(s.rss / MiB).toFixed(0)} MiB, promises ${s.promises}, Worker objects ${s.workerObjects}, live workers ${JSON.stringify(s.workers)}`,
  );
  console.log(table.join('\n'));
  test.info().annotations.push({ type: 'soak', description: table.join(' | ') });

  for (const sample of samples) expect(sample.workers).toEqual({ duckdb: 1, generator: 0 });
  // Baseline: after the second run (the first one also loads the code of every view).
  const baseline = samples[1]!;
  const last = samples.at(-1)!;
  const worstHeap = Math.max(...samples.slice(1).map((s) => s.heap));
  // Measured: +0.5 MiB over eight runs (code V8 keeps compiling). The two leaks this test found
  // grew it by 2.7 MiB together and 1.8 MiB with the first alone: a run's closures holding the
  // previous state (and through it every earlier QueryService, connection and AsyncDuckDB), and
  // a Promise.race reaction per request left on the worker's never-settling death promise.
  // Promise and Worker object counts are reported, not asserted: Chromium keeps each
  // terminated Worker's wrapper in its own list ("Pending activities" in a heap snapshot).
  expect(last.heap - baseline.heap).toBeLessThan(1.25 * MiB);
  expect(worstHeap - baseline.heap).toBeLessThan(1.5 * MiB);
  // The old workers' wasm heaps go back to the system (one kept would add ~100 MiB a run).
  if (baseline.rss > 0) expect(last.rss - baseline.rss).toBeLessThan(150 * MiB);
});

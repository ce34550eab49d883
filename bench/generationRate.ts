import type { Page } from 'playwright-core';
import type { PresetName } from '../src/generator/params';
import type { Figures } from './figures';
import { median } from './stats';

/** Regenerations measured per figure; each figure is the median of its runs. */
const WARM_RUNS = 3;

/**
 * Generation plus transfer to the page without loading (window.growthbench.generateOnly), in
 * the page of a finished run. `cold`: a fresh pool of the app's size, its first run (worker
 * start-up, cold JIT: what a first generation costs). `warm`: the app's own pool after the app's
 * run, as a regeneration finds it: the median of WARM_RUNS runs. `steady`: the same pool's next
 * WARM_RUNS runs. The browser's JIT keeps improving the generator over the first few runs of a
 * worker (tiering up while both cores are busy), so a user who regenerates again and again
 * meets the steady figure.
 */
export async function generationRateFigures(page: Page, preset: PresetName, seed: number): Promise<Figures> {
  const run = (pool: 'cold' | 'warm') => page.evaluate(([p, s, k]) => window.growthbench!.generateOnly({ preset: p, seed: s }, k), [preset, seed, pool] as const);
  const cold = await run('cold');
  const regenerations: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < 2 * WARM_RUNS; i++) regenerations.push(await run('warm'));
  const medianOf = (runs: typeof regenerations) => ({ ...runs[0]!, ms: median(runs.map((r) => r.ms)) });
  const figures: Figures = {};
  for (const [name, rate] of [
    ['cold', cold],
    ['warm', medianOf(regenerations.slice(0, WARM_RUNS))],
    ['steady', medianOf(regenerations.slice(WARM_RUNS))],
  ] as const) {
    figures[`generateOnly.${name}.ms`] = rate.ms;
    figures[`generateOnly.${name}.workers`] = rate.workers;
    figures[`generateOnly.${name}.eventsPerSec`] = rate.ms > 0 ? rate.events / (rate.ms / 1000) : null;
  }
  return figures;
}

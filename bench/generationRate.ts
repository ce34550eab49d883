import type { Page } from 'playwright-core';
import type { PresetName } from '../src/generator/params';
import type { Figures } from './figures';
import { median } from './stats';

/** Warm runs measured; the figure is their median. */
const WARM_RUNS = 3;

/**
 * Generation plus transfer to the page without loading (window.growthbench.generateOnly), in
 * the page of a finished run. `cold`: a fresh pool of the app's size, its first run (worker
 * start-up, cold JIT: what a first generation costs). `warm`: the app's own pool after the app's
 * run, as a regeneration finds it: the median of WARM_RUNS runs.
 */
export async function generationRateFigures(page: Page, preset: PresetName, seed: number): Promise<Figures> {
  const run = (pool: 'cold' | 'warm') => page.evaluate(([p, s, k]) => window.growthbench!.generateOnly({ preset: p, seed: s }, k), [preset, seed, pool] as const);
  const cold = await run('cold');
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await run('warm'));
  const figures: Figures = {};
  for (const [name, rate] of [
    ['cold', cold],
    ['warm', { ...warm[0]!, ms: median(warm.map((r) => r.ms)) }],
  ] as const) {
    figures[`generateOnly.${name}.ms`] = rate.ms;
    figures[`generateOnly.${name}.workers`] = rate.workers;
    figures[`generateOnly.${name}.eventsPerSec`] = rate.ms > 0 ? rate.events / (rate.ms / 1000) : null;
  }
  return figures;
}

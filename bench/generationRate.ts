import type { Page } from 'playwright-core';
import type { PresetName } from '../src/generator/params';
import type { Figures } from './figures';

/**
 * Generation plus transfer to the page without loading (window.growthbench.generateOnly), in
 * the page of a finished run: with one generator, and with as many side by side as the app
 * starts. Fresh workers each time, so the JIT warms up as in a real run.
 */
export async function generationRateFigures(page: Page, preset: PresetName, seed: number): Promise<Figures> {
  const figures: Figures = {};
  for (const [name, workers] of [['one', 1], ['app', undefined]] as const) {
    const rate = await page.evaluate(([p, s, w]) => window.growthbench!.generateOnly({ preset: p, seed: s }, w), [preset, seed, workers] as const);
    figures[`generateOnly.${name}.ms`] = rate.ms;
    figures[`generateOnly.${name}.workers`] = rate.workers;
    figures[`generateOnly.${name}.eventsPerSec`] = rate.ms > 0 ? rate.events / (rate.ms / 1000) : null;
  }
  return figures;
}

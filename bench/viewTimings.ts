import type { Page } from 'playwright-core';
import type { RunSnapshot } from '../src/app/benchmarkProbe';
import type { Figures } from './figures';
import { median, percentile } from './stats';

/**
 * View timings of one browser run: when the Overview (the default view) is drawn, and how
 * long a filter change takes to reach the screen. A filter change re-runs only the open
 * view's queries (src/pipeline/filters.ts); it is made through the filter bar as a user
 * would, and it is over when every chart of the view has been drawn again and no view is
 * loading (the app records each chart's latest draw in chartsRedrawn).
 */

/** The Overview's drawn parts: the KPI tiles (DOM) and its two echarts charts. */
export const OVERVIEW_CHARTS = ['overview-kpis', 'overview-mrr', 'overview-active'] as const;
/** The tables the Overview reads (src/views/overview/OverviewView.tsx): the view opens once they are built. */
const OVERVIEW_TABLES = ['monthly_revenue', 'revenue_retention_12m', 'trial_conversion_cohorts', 'social_capital_growth_accounting', 'growth_metrics'];
export const FILTER_CHANGES = 20;
const CHANGE_TIMEOUT_MS = 120_000;

/** When the Overview was drawn, since navigation and since its tables were built. */
export function overviewFigures(snapshot: RunSnapshot): Figures {
  const drawn = OVERVIEW_CHARTS.map((id) => snapshot.chartsDrawn[id]);
  const drawnAt = drawn.every((t): t is number => t !== undefined) ? Math.max(...drawn) : null;
  const built = OVERVIEW_TABLES.map((t) => snapshot.stages.find((s) => s.id === `model:${t}`)?.endedAt ?? null);
  const builtAt = built.every((t): t is number => t !== null) ? Math.max(...built) : null;
  return {
    'overview.drawnSinceNavMs': drawnAt,
    'overview.drawnAfterTablesMs': drawnAt !== null && builtAt !== null ? drawnAt - builtAt : null,
  };
}

/**
 * Which checkbox to flip at each change: a Gray-code walk (change i flips the lowest set bit
 * of i), so every change gives a filter state not seen before and no result comes from the
 * query cache.
 */
export function grayCodeFlips(changes: number): number[] {
  return Array.from({ length: changes }, (_, i) => Math.log2((i + 1) & -(i + 1)));
}

/** Median, 95th percentile and range of the change latencies. */
export function filterFigures(latencies: readonly number[]): Figures {
  if (latencies.length === 0) return { 'filter.changes': 0, 'filter.changeToRedrawMs': null, 'filter.changeToRedrawP95Ms': null, 'filter.changeToRedrawMaxMs': null };
  return {
    'filter.changes': latencies.length,
    'filter.changeToRedrawMs': median(latencies),
    'filter.changeToRedrawP95Ms': percentile(latencies, 95),
    'filter.changeToRedrawMaxMs': Math.max(...latencies),
  };
}

/**
 * Makes FILTER_CHANGES filter changes on the open Overview, each by ticking or unticking one
 * value of the Region, Channel or Plan list, and returns each one's latency in milliseconds:
 * from the click to the last redraw of the view's charts. A chart a filter leaves without data
 * is replaced by a message and is not waited for.
 */
export async function measureFilterChanges(page: Page, changes = FILTER_CHANGES): Promise<number[]> {
  // Interleave the lists so the states mix attributes rather than emptying one list first.
  const boxes = await page.evaluate(() => {
    const lists = ['region', 'channel', 'plan'].map((f) => [...document.querySelectorAll<HTMLInputElement>(`details[data-filter="${f}"] input[type="checkbox"]`)].map((i) => `${f}=${i.value}`));
    const longest = Math.max(...lists.map((l) => l.length));
    return Array.from({ length: longest }, (_, i) => lists.map((l) => l[i])).flat().filter((v): v is string => v !== undefined);
  });
  const flips = grayCodeFlips(changes);
  if (boxes.length <= Math.max(...flips)) throw new Error(`the filter bar has ${boxes.length} values; ${Math.max(...flips) + 1} are needed`);
  const latencies: number[] = [];
  for (const flip of flips) {
    const [filter, value] = boxes[flip]!.split('=') as [string, string];
    const started = await page.evaluate(
      ({ filter, value }) => {
        const box = [...document.querySelectorAll<HTMLInputElement>(`details[data-filter="${filter}"] input[type="checkbox"]`)].find((i) => i.value === value)!;
        const t0 = performance.now();
        box.click();
        return t0;
      },
      { filter, value },
    );
    const handle = await page.waitForFunction(
      ({ ids, t0 }) => {
        if (document.querySelector('section.view[aria-busy="true"]') !== null) return null;
        const redrawn = window.growthbench?.snapshot().chartsRedrawn ?? {};
        const shown = ids.filter((id) => document.querySelector(`[data-testid="${id}"]`) !== null);
        if (!shown.every((id) => (redrawn[id] ?? 0) > t0)) return null;
        return Math.max(...shown.map((id) => redrawn[id]!)) - t0;
      },
      { ids: [...OVERVIEW_CHARTS], t0: started },
      { timeout: CHANGE_TIMEOUT_MS, polling: 50 },
    );
    latencies.push((await handle.jsonValue()) as number);
  }
  return latencies;
}

/** Both groups of figures for one run whose Overview is open and drawn. */
export async function viewTimingFigures(page: Page, snapshot: RunSnapshot): Promise<Figures> {
  return { ...overviewFigures(snapshot), ...filterFigures(await measureFilterChanges(page)) };
}

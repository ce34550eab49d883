import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../../../src/app/benchmarkProbe';
import { filterFigures, grayCodeFlips, overviewFigures } from '../../../bench/viewTimings';

describe('view timings', () => {
  it('flips one checkbox per change so that no filter state repeats', () => {
    const flips = grayCodeFlips(20);
    expect(flips.slice(0, 8)).toEqual([0, 1, 0, 2, 0, 1, 0, 3]);
    const seen = new Set<number>([0]);
    let state = 0;
    for (const bit of flips) {
      state ^= 1 << bit;
      expect(seen.has(state)).toBe(false);
      seen.add(state);
    }
    expect(Math.max(...flips)).toBe(4);
  });

  it('summarises latencies: median, p95 (interpolated) and the slowest', () => {
    // 1..20: median 10.5; p95 at rank 0.95 x 19 = 18.05 -> 19 + 0.05 x (20 - 19) = 19.05.
    const figures = filterFigures(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(figures['filter.changes']).toBe(20);
    expect(figures['filter.changeToRedrawMs']).toBe(10.5);
    expect(figures['filter.changeToRedrawP95Ms']).toBeCloseTo(19.05, 10);
    expect(figures['filter.changeToRedrawMaxMs']).toBe(20);
    expect(filterFigures([])['filter.changeToRedrawMs']).toBeNull();
  });

  it('times the Overview from the last of its charts and from its last table built', () => {
    const stage = (id: string, endedAt: number) => ({ id, label: id, status: 'done', startedAt: 0, endedAt, count: null, detail: null });
    const tables = ['monthly_revenue', 'revenue_retention_12m', 'trial_conversion_cohorts', 'social_capital_growth_accounting', 'growth_metrics'];
    const snapshot = {
      chartsDrawn: { 'overview-kpis': 9_000, 'overview-mrr': 9_400, 'overview-active': 9_250, 'retention-heatmap': 20_000 },
      stages: tables.map((t, i) => stage(`model:${t}`, 8_000 + i * 100)),
    } as unknown as RunSnapshot;
    expect(overviewFigures(snapshot)).toEqual({ 'overview.drawnSinceNavMs': 9_400, 'overview.drawnAfterTablesMs': 1_000 });
    const notYet = { ...snapshot, chartsDrawn: { 'overview-kpis': 9_000 } } as RunSnapshot;
    expect(overviewFigures(notYet)['overview.drawnSinceNavMs']).toBeNull();
  });
});

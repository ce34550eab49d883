import { describe, expect, it } from 'vitest';
import { buildKpis, kpiFigure, KPIS, previousMonth } from '../../../../src/views/overview/kpis';
import type { SeriesPoint } from '../../../../src/views/overview/overviewQueries';

const p = (period: string, value: number | null, partial = false): SeriesPoint => ({ period, value, partial });

describe('KPI figures', () => {
  it('steps back one calendar month, across a year', () => {
    expect(previousMonth('2025-03-01')).toBe('2025-02-01');
    expect(previousMonth('2025-01-01')).toBe('2024-12-01');
  });

  it('takes the latest complete month against the month before, the partial month left out', () => {
    const series = [p('2025-09-01', 90), p('2025-10-01', 100), p('2025-11-01', 110), p('2025-12-01', 40, true)];
    expect(kpiFigure('mrr', series)).toEqual({
      id: 'mrr',
      period: '2025-11-01',
      value: 110,
      previousPeriod: '2025-10-01',
      previousValue: 100,
      trend: [90, 100, 110],
    });
  });

  it('has no previous value when the month before has no row (never an older month)', () => {
    const f = kpiFigure('mrr', [p('2025-08-01', 80), p('2025-10-01', 100)]);
    expect(f.previousPeriod).toBe('2025-09-01');
    expect(f.previousValue).toBeNull();
  });

  it('keeps a NULL figure as null and limits the trend to the last 12 complete months', () => {
    // 2024-01 .. 2025-03 hold 0 .. 14; 2025-04 is NULL (a ratio over nothing).
    const months = Array.from({ length: 15 }, (_, i) => p(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, i));
    const f = kpiFigure('x', [...months, p('2025-04-01', null)]);
    expect(f.value).toBeNull();
    expect(f.previousValue).toBe(14);
    expect(f.trend).toHaveLength(12);
    expect(f.trend.at(-1)).toBeNull();
  });

  it('is empty without a complete month', () => {
    expect(kpiFigure('x', [p('2025-12-01', 5, true)])).toMatchObject({ period: null, value: null, trend: [] });
  });

  it('builds every KPI whose query is in, in the tile order', () => {
    const revenue = Object.fromEntries(['mrr', 'arr', 'paying_accounts', 'logo_churn_rate', 'arpa', 'ltv', 'revenue_quick_ratio'].map((c) => [c, [p('2025-01-01', 1)]]));
    const figures = buildKpis({ revenue });
    expect(figures.map((f) => f.id)).toEqual(KPIS.filter((k) => k.query === 'revenue').map((k) => k.id));
    expect(KPIS).toHaveLength(12);
  });
});

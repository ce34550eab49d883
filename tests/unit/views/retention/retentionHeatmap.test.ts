import { describe, expect, it } from 'vitest';
import { buildRetentionGrid, cohortLabel, retentionHeatmapOption } from '../../../../src/views/retention/retentionHeatmap';
import type { RetentionRow } from '../../../../src/views/retention/retentionRows';

const row = (cohortStart: string, periodNumber: number, active: number, cohortSize: number, isPartial = false, base = cohortSize): RetentionRow => ({
  cohortStart,
  periodNumber,
  periodStart: cohortStart,
  active,
  cohortSize,
  base,
  rate: base > 0 ? (100 * active) / base : null,
  isPartial,
});

type Option = { series: { data: { value: number[] }[] }[]; visualMap: { seriesIndex: number; max: number } };

describe('retention heatmap', () => {
  // Two cohorts observed up to an as-of date in March (partial): Jan has 3 periods, Feb 2.
  const rows = [row('2024-02-01', 0, 4, 4), row('2024-01-01', 0, 2, 2), row('2024-01-01', 1, 1, 2), row('2024-01-01', 2, 0, 2, true), row('2024-02-01', 1, 1, 4, true)];

  it('fills the triangle: missing periods are censored, a real zero stays zero', () => {
    const grid = buildRetentionGrid(rows);
    expect(grid.cohorts.map((c) => c.start)).toEqual(['2024-01-01', '2024-02-01']);
    expect(grid.periods).toBe(3);
    const cell = (c: number, p: number) => grid.cells.find((x) => x.cohortIndex === c && x.period === p)!;
    expect(cell(0, 2)).toMatchObject({ state: 'partial', rate: 0, active: 0 });
    expect(cell(1, 1)).toMatchObject({ state: 'partial', rate: 25 });
    expect(cell(1, 2)).toMatchObject({ state: 'censored', rate: null, active: null, periodStart: null });
    expect(cell(0, 1)).toMatchObject({ state: 'observed', rate: 50 });
  });

  it('draws observed cells on the colour scale and censored cells apart from it', () => {
    const option = retentionHeatmapOption(buildRetentionGrid(rows)) as Option;
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([
      [0, 0, 100],
      [1, 0, 50],
      [2, 0, 0],
      [0, 1, 100],
      [1, 1, 25],
    ]);
    expect(option.series[1]!.data.map((d) => d.value.slice(0, 2))).toEqual([[2, 1]]);
    expect(option.visualMap.seriesIndex).toBe(0);
    expect(option.visualMap.max).toBe(100);
  });

  it('stretches the scale for revenue above 100 % and greys a cell without a base (n/a, not 0)', () => {
    const revenue = [row('2024-01-01', 0, 100, 2, false, 100), row('2024-01-01', 1, 131.2, 2, false, 100), row('2024-02-01', 0, 0, 1, false, 0)];
    const option = retentionHeatmapOption(buildRetentionGrid(revenue), { period: 'month', unit: 'accounts', revenue: true }) as Option;
    expect(option.visualMap.max).toBe(132);
    expect(option.series[0]!.data.map((d) => d.value.slice(0, 2))).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(option.series[1]!.data.map((d) => d.value.slice(0, 2))).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('labels monthly cohorts by month and weekly ones by their Monday', () => {
    expect(cohortLabel('2024-03-01', { period: 'month', unit: 'users', revenue: false })).toBe('2024-03');
    expect(cohortLabel('2024-03-04', { period: 'week', unit: 'users', revenue: false })).toBe('2024-03-04');
  });
});

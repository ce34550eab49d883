import { describe, expect, it } from 'vitest';
import { buildRetentionGrid, type RetentionRow, retentionHeatmapOption } from '../../../src/views/retention/retentionHeatmap';

const row = (cohortMonth: string, periodNumber: number, usersActive: number, cohortSize: number, isPartial = false): RetentionRow => ({
  cohortMonth,
  periodNumber,
  usersActive,
  cohortSize,
  retentionRate: (100 * usersActive) / cohortSize,
  isPartial,
});

describe('retention heatmap', () => {
  // Two cohorts observed up to an as-of date in March (partial): Jan has 3 periods, Feb 2.
  const rows = [row('2024-02-01', 0, 4, 4), row('2024-01-01', 0, 2, 2), row('2024-01-01', 1, 1, 2), row('2024-01-01', 2, 0, 2, true), row('2024-02-01', 1, 1, 4, true)];

  it('fills the triangle: missing periods are censored, a real zero stays zero', () => {
    const grid = buildRetentionGrid(rows);
    expect(grid.cohorts.map((c) => c.month)).toEqual(['2024-01-01', '2024-02-01']);
    expect(grid.periods).toBe(3);
    const cell = (c: number, p: number) => grid.cells.find((x) => x.cohortIndex === c && x.period === p)!;
    expect(cell(0, 2)).toMatchObject({ state: 'partial', rate: 0 });
    expect(cell(1, 1)).toMatchObject({ state: 'partial', rate: 25 });
    expect(cell(1, 2)).toMatchObject({ state: 'censored', rate: null });
    expect(cell(0, 1)).toMatchObject({ state: 'observed', rate: 50 });
  });

  it('draws observed cells on the colour scale and censored cells apart from it', () => {
    const option = retentionHeatmapOption(buildRetentionGrid(rows)) as { series: { data: { value: number[] }[] }[]; visualMap: { seriesIndex: number } };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([
      [0, 0, 100],
      [1, 0, 50],
      [2, 0, 0],
      [0, 1, 100],
      [1, 1, 25],
    ]);
    expect(option.series[1]!.data.map((d) => d.value.slice(0, 2))).toEqual([[2, 1]]);
    expect(option.visualMap.seriesIndex).toBe(0);
  });
});

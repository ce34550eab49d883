import { describe, expect, it } from 'vitest';
import { averageCurve, retentionCurvesOption } from '../../../../src/views/retention/retentionCurves';
import { buildRetentionGrid } from '../../../../src/views/retention/retentionHeatmap';
import type { RetentionRow } from '../../../../src/views/retention/retentionRows';

const row = (cohortStart: string, periodNumber: number, active: number, size: number, isPartial = false): RetentionRow => ({
  cohortStart,
  periodNumber,
  periodStart: cohortStart,
  active,
  cohortSize: size,
  base: size,
  rate: (100 * active) / size,
  isPartial,
});

describe('retention curves', () => {
  // Jan (10 users): 100, 50, 30 (partial); Feb (30 users): 100, 20 (partial); Mar (5 users): 100 (partial).
  const rows = [row('2024-01-01', 0, 10, 10), row('2024-01-01', 1, 5, 10), row('2024-01-01', 2, 3, 10, true), row('2024-02-01', 0, 30, 30), row('2024-02-01', 1, 6, 30, true), row('2024-03-01', 0, 5, 5, true)];

  it('averages each period over the cohorts complete in it, weighted by size', () => {
    // Period 0: Jan + Feb = 40/40; period 1: Jan alone (Feb is partial) = 5/10; period 2: none complete.
    expect(averageCurve(rows)).toEqual([
      { period: 0, rate: 100, cohorts: 2 },
      { period: 1, rate: 50, cohorts: 1 },
      { period: 2, rate: null, cohorts: 0 },
    ]);
    // Weighted, not a mean of rates: 1/10 and 27/30 give 28/40 = 70 %, not (10 + 90) / 2 = 50 %.
    expect(averageCurve([row('2024-01-01', 1, 1, 10), row('2024-02-01', 1, 27, 30)])[1]!.rate).toBeCloseTo(70, 12);
  });

  it('draws one line per cohort, stopping at censored periods, with hollow partial points', () => {
    const grid = buildRetentionGrid(rows);
    const labels = { period: 'month', unit: 'users', revenue: false };
    const option = retentionCurvesOption(grid, averageCurve(rows), 'cohorts', labels) as { series: { name: string; data: unknown[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(option.series[0]!.data).toEqual([100, 50, { value: 30, symbol: 'emptyCircle' }]);
    expect(option.series[1]!.data).toEqual([100, { value: 20, symbol: 'emptyCircle' }, null]);
    const average = retentionCurvesOption(grid, averageCurve(rows), 'average', labels) as { series: { data: unknown[] }[] };
    expect(average.series).toHaveLength(1);
    expect(average.series[0]!.data).toEqual([100, 50, null]);
  });
});

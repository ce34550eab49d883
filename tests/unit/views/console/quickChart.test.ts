import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { CHART_ROW_LIMIT, chartPoints, defaultSpec, numericColumns, quickChartOption } from '../../../../src/views/console/quickChart';

const byRegion = tableFromArrays({
  region: ['EU', 'EU', 'NA', 'NA', 'EU'],
  tier: ['Pro', 'Starter', 'Pro', 'Starter', 'Pro'],
  accounts: Int32Array.from([3, 5, 7, 11, 13]),
});

describe('quick charts', () => {
  test('the first column is x and the first other number is y', () => {
    expect(numericColumns(byRegion)).toEqual(['accounts']);
    expect(defaultSpec(byRegion)).toEqual({ kind: 'bar', x: 'region', y: 'accounts', value: 'accounts' });
    expect(defaultSpec(byRegion, 'heatmap')).toEqual({ kind: 'heatmap', x: 'region', y: 'tier', value: 'accounts' });
    expect(defaultSpec(tableFromArrays({ name: ['a'] }))).toBeNull();
  });

  test('bars: one bar per x in the result order, rows sharing an x summed', () => {
    const spec = defaultSpec(byRegion)!;
    const data = chartPoints(byRegion, spec);
    // EU: 3 + 5 + 13, NA: 7 + 11.
    expect(data.points.map((p) => [p.x, p.value])).toEqual([
      ['EU', 21],
      ['NA', 18],
    ]);
    const option = quickChartOption(data, spec) as { xAxis: { data: string[] }; series: { type: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['EU', 'NA']);
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [21, 18] });
  });

  test('heatmap: a cell on several rows is their sum, drawn in one pass', () => {
    const spec = defaultSpec(byRegion, 'heatmap')!;
    const data = chartPoints(byRegion, spec);
    // EU/Pro appears twice: 3 + 13.
    expect(data.points).toEqual([
      { x: 'EU', y: 'Pro', value: 16 },
      { x: 'EU', y: 'Starter', value: 5 },
      { x: 'NA', y: 'Pro', value: 7 },
      { x: 'NA', y: 'Starter', value: 11 },
    ]);
    const option = quickChartOption(data, spec) as { visualMap: { min: number; max: number }; series: { progressive: number; data: number[][] }[] };
    expect(option.series[0]!.progressive).toBe(0);
    expect(option.series[0]!.data).toEqual([
      [0, 0, 16],
      [0, 1, 5],
      [1, 0, 7],
      [1, 1, 11],
    ]);
    expect([option.visualMap.min, option.visualMap.max]).toEqual([5, 16]);
  });

  test(`only the first ${CHART_ROW_LIMIT} rows are charted; the rest are counted`, () => {
    const n = CHART_ROW_LIMIT + 123;
    const big = tableFromArrays({ i: Float64Array.from({ length: n }, (_, k) => k) });
    const data = chartPoints(big, defaultSpec(big, 'line')!);
    expect(data.points).toHaveLength(CHART_ROW_LIMIT);
    expect(data.omitted).toBe(123);
    expect(data.points.at(-1)!.value).toBe(CHART_ROW_LIMIT - 1);
  });

  test('NULL and non-finite values are gaps, not zeros', () => {
    const gaps = tableFromArrays({ x: ['a', 'b', 'c'], y: [1, null, Number.NaN] });
    expect(chartPoints(gaps, { kind: 'line', x: 'x', y: 'y', value: 'y' }).points.map((p) => p.value)).toEqual([1, null, null]);
  });
});

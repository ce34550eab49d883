import { describe, expect, it } from 'vitest';
import { binLabel, binShares, correlationOption, distributionOption, NEGATIVE_COLOR, POSITIVE_COLOR } from '../../../../src/views/drivers/driversCharts';
import type { BinRow, CorrelationRow } from '../../../../src/views/drivers/driversRows';
import { formatMartValue } from '../../../../src/views/drivers/FeatureMartTable';

const corr = (feature: string, r: number | null): CorrelationRow => ({ feature, r, direction: null, n: 100, churnedMean: null, activeMean: null, tStatistic: null, pValue: null });

describe('drivers charts', () => {
  it('sorts the correlation bars by strength (strongest on top), coloured by sign, leaving out a missing r', () => {
    const option = correlationOption([corr('a', -0.37), corr('b', 0.19), corr('c', -0.05), corr('d', null), corr('e', 0.28)]) as {
      yAxis: { data: string[] };
      xAxis: { min: number; max: number };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    // echarts draws a category axis upwards: the last entry is the top bar.
    expect(option.yAxis.data).toEqual(['c', 'b', 'e', 'a']);
    expect(option.series[0]!.data.map((d) => d.itemStyle.color)).toEqual([NEGATIVE_COLOR, POSITIVE_COLOR, POSITIVE_COLOR, NEGATIVE_COLOR]);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([-0.05, 0.19, 0.28, -0.37]);
    // Symmetric around 0, to the next tenth above the strongest.
    expect([option.xAxis.min, option.xAxis.max]).toEqual([-0.4, 0.4]);
  });

  const bin = (b: number, start: number, end: number, churned: number, retained: number, singleValue = false): BinRow => ({ bin: b, start, end, singleValue, churned, retained });

  it("turns counts into each group's shares, n/a for an empty group", () => {
    const bins = [bin(0, 0, 1, 3, 10, true), bin(1, 1, 2, 1, 30, true)];
    expect(binShares(bins)).toEqual([
      { label: '0', churned: 0.75, retained: 0.25 },
      { label: '1', churned: 0.25, retained: 0.75 },
    ]);
    expect(binShares([bin(0, 0, 1, 0, 5)])[0]!.churned).toBeNull();
    const option = distributionOption(bins, 'Events') as { series: { name: string; data: (number | null)[] }[] };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Churned', [0.75, 0.25]],
      ['Retained', [0.25, 0.75]],
    ]);
  });

  it('labels whole-value bins by their value and others by their range', () => {
    expect(binLabel(bin(0, 7, 8, 0, 0, true))).toBe('7');
    expect(binLabel(bin(0, 0.25, 0.3, 0, 0))).toBe('0.25–0.30');
    expect(binLabel(bin(0, 120.4, 180.9, 0, 0))).toBe('120–181');
  });

  it('formats mart cells exactly enough to check, and missing values as n/a', () => {
    expect(formatMartValue(1234.5, 'money')).toBe('1234.50');
    expect(formatMartValue(0.4567, 'decimal')).toBe('0.457');
    expect(formatMartValue(0.25, 'share')).toBe('25.0 %');
    expect(formatMartValue(12345, 'int')).toBe('12,345');
    expect(formatMartValue(true, 'bool')).toBe('yes');
    expect(formatMartValue(null, 'int')).toBe('n/a');
    expect(formatMartValue('C0001', 'text')).toBe('C0001');
  });
});

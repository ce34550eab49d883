import { describe, expect, it } from 'vitest';
import { median, percentile, summarize, summarizeRecords } from '../../../bench/stats';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('median of no values');
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('interpolates percentiles, p50 being the median', () => {
    const values = [10, 20, 30, 40, 50];
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 50)).toBe(median(values));
    expect(percentile(values, 90)).toBeCloseTo(46);
    expect(percentile([1, 2], 25)).toBeCloseTo(1.25);
    expect(() => percentile(values, 101)).toThrow('0..100');
  });

  it('summarises median, range and every run in order', () => {
    expect(summarize([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: [30, 10, 20] });
  });

  it('summarises records key by key, leaving out keys some run lacks or reports as null', () => {
    const summary = summarizeRecords([
      { a: 1, b: 5, c: null },
      { a: 3, b: 7, c: 2 },
      { a: 2, d: 9 },
    ]);
    expect(Object.keys(summary)).toEqual(['a']);
    expect(summary.a).toEqual({ median: 2, min: 1, max: 3, runs: [1, 3, 2] });
  });
});

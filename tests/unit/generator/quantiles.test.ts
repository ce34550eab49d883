import { describe, expect, it } from 'vitest';
import { EXPONENTIAL_QUANTILES, normalQuantile, QUANTILE_LEVELS, quantileTable } from '../../../src/generator/quantiles';

describe('quantile tables for daily draws', () => {
  it('inverts the normal CDF at textbook points, in the centre and both tails', () => {
    // Standard normal table values.
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8413447)).toBeCloseTo(1, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(normalQuantile(1 - 1e-5)).toBeCloseTo(4.264891, 5);
  });

  it('tabulates midpoints of equal slices: a normal table has mean 0 and variance 1', () => {
    const table = quantileTable(normalQuantile);
    expect(table.length).toBe(QUANTILE_LEVELS);
    const mean = table.reduce((s, z) => s + z, 0) / table.length;
    const variance = table.reduce((s, z) => s + (z - mean) ** 2, 0) / table.length;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    expect(variance).toBeGreaterThan(0.999);
    expect(variance).toBeLessThan(1.0001);
    // Ascending, so a uniform index gives a distribution and not a shuffle.
    expect(table.every((z, i) => i === 0 || z > table[i - 1]!)).toBe(true);
  });

  it('gives a standard exponential: mean 1, median ln 2', () => {
    const mean = EXPONENTIAL_QUANTILES.reduce((s, x) => s + x, 0) / QUANTILE_LEVELS;
    expect(mean).toBeGreaterThan(0.9998);
    expect(mean).toBeLessThan(1.0001);
    expect(EXPONENTIAL_QUANTILES[QUANTILE_LEVELS / 2]).toBeCloseTo(Math.LN2, 4);
  });
});

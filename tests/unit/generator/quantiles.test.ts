import { describe, expect, it } from 'vitest';
import { normalQuantile, STANDARD_EXPONENTIAL, STANDARD_NORMAL } from '../../../src/generator/quantiles';

/** The sampler at 2^20 evenly spaced 32-bit draws: a stand-in for many uniform draws. */
const grid = (at: (bits: number) => number) => Float64Array.from({ length: 1 << 20 }, (_, i) => at(i * 4096 + 2048));
const meanOf = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;

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

  it('samples a standard normal from one 32-bit draw: mean 0, variance 1, close to the exact quantile', () => {
    const z = grid((bits) => STANDARD_NORMAL.at(bits));
    const mean = meanOf(z);
    const variance = z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(1e-6);
    expect(Math.abs(variance - 1)).toBeLessThan(1e-3);
    // Ascending in the draw, so a uniform draw gives the distribution.
    expect(z.every((x, i) => i === 0 || x >= z[i - 1]!)).toBe(true);
    for (const bits of [123_456_789, 2 ** 31, 4_000_000_000]) {
      expect(STANDARD_NORMAL.at(bits)).toBeCloseTo(normalQuantile((bits + 0.5) / 2 ** 32), 5);
    }
    // The end slices are exact: deep tails stay possible.
    expect(STANDARD_NORMAL.at(0)).toBeCloseTo(normalQuantile(0.5 / 2 ** 32), 9);
    expect(STANDARD_NORMAL.at(2 ** 32 - 1)).toBeGreaterThan(6);
  });

  it('samples a standard exponential: mean 1, median ln 2', () => {
    const x = grid((bits) => STANDARD_EXPONENTIAL.at(bits));
    expect(Math.abs(meanOf(x) - 1)).toBeLessThan(1e-3);
    expect(STANDARD_EXPONENTIAL.at(2 ** 31)).toBeCloseTo(Math.LN2, 6);
    expect(STANDARD_EXPONENTIAL.at(2 ** 32 - 1)).toBeGreaterThan(20);
  });
});

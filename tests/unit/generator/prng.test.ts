import { describe, expect, it } from 'vitest';
import { cumulative, guidedTable, Rng } from '../../../src/generator/prng';

describe('guided categorical draws', () => {
  it.each([
    ['an uneven mix', [0.3, 0.01, 2, 0, 0.7, 5, 0.002, 1]],
    ['zero weights first and last', [0, 0, 1, 3, 0, 0]],
    ['one category', [4]],
    ['a category far smaller than a guide slice', [1e-9, 1, 1e-9, 1e-9, 2]],
  ])('give the binary search’s index for every draw: %s', (_name, weights) => {
    const table = guidedTable(weights);
    const a = new Rng(7, 1, 3);
    const b = new Rng(7, 1, 3);
    const guided = Int32Array.from({ length: 100_000 }, () => a.pickGuided(table));
    const searched = Int32Array.from({ length: 100_000 }, () => b.pick(cumulative(weights)));
    expect(guided).toEqual(searched);
    // Every category with weight is drawn: the draws above covered the table.
    expect(new Set(guided).size).toBe(weights.filter((w) => w > 1e-6).length);
  });
});

describe('poisson with a precomputed exp(-lambda)', () => {
  it('draws the same sequence as poisson(lambda)', () => {
    for (const lambda of [0.05, 0.9, 2.7, 12, 30]) {
      const a = new Rng(11, 2, 3);
      const b = new Rng(11, 2, 3);
      const limit = Math.exp(-lambda);
      const fast = Int32Array.from({ length: 20_000 }, () => a.poissonBelow(limit));
      expect(fast).toEqual(Int32Array.from({ length: 20_000 }, () => b.poisson(lambda)));
      const mean = fast.reduce((s, k) => s + k, 0) / fast.length;
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / fast.length));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { lagrangianBound, pricedStart } from '../../../src/solvers/search/pricedStart.js';

describe('lagrangianBound: reference values', () => {
  it('lagrangianBound at equal prices is Σ_i min_j p_ij / m, shaved by (n + m + 2)·2^-52', () => {
    // Two tasks, p = [[2, 4], [2, 4]]: Σ min = 4, m = 2: 2 (the LP bound is 8/3).
    expect(lagrangianBound(4, Float64Array.of(1, 1), 2, 2)).toBe(2 * (1 - 6 * 2 ** -52));
  });

  it('pricedStart on p = [[2, 4], [2, 4]] finds prices whose bound approaches the LP optimum 8/3 from below', () => {
    const { bound, span } = pricedStart(2, 2, Float64Array.of(2, 4, 2, 4), Float64Array.of(0, 0), 2000, Infinity);
    expect(bound).toBeLessThanOrEqual(8 / 3);
    expect(bound).toBeGreaterThan(2.6);
    expect(span).toBe(4);
  });
});

describe('lagrangianBound: edge cases', () => {
  it('lagrangianBound is 0 for zero or non-finite sums, never NaN', () => {
    expect(lagrangianBound(0, Float64Array.of(0, 0), 1, 2)).toBe(0);
    expect(lagrangianBound(Infinity, Float64Array.of(1), 1, 1)).toBe(0);
    expect(lagrangianBound(NaN, Float64Array.of(1), 1, 1)).toBe(0);
  });
});

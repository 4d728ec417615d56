import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lagrangianBound, nearestDevices, pricedStart } from '../../../src/solvers/search/pricedStart.js';
import { Deadline } from '../../../src/internal/deadline.js';

describe('lagrangianBound: reference values', () => {
  it('lagrangianBound at equal prices is Σ_i min_j p_ij / m, shaved by (n + m + 2)·2^-52', () => {
    // Two tasks, p = [[2, 4], [2, 4]]: Σ min = 4, m = 2: 2 (the LP bound is 8/3).
    expect(lagrangianBound(4, Float64Array.of(1, 1), 2, 2)).toBe(2 * (1 - 6 * 2 ** -52));
  });

  it('pricedStart on p = [[2, 4], [2, 4]] finds prices whose bound approaches the LP optimum 8/3 from below', () => {
    const { bound, span } = pricedStart(2, 2, Float64Array.of(2, 4, 2, 4), Float64Array.of(0, 0), 2000, new Deadline(Infinity));
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

describe('pricedStart, nearestDevices: properties', () => {
  it('pricedStart returns the prices of its bound: lagrangianBound(Σ_i min_j w_j p_ij, w) recomputed from them is the bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.integer({ min: 1, max: 4 }).chain((m) => fc.tuple(fc.constant(n), fc.constant(m), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: n * m, maxLength: n * m }))),
        ),
        ([n, m, pv]) => {
          const p = Float64Array.from(pv);
          const { bound, prices } = pricedStart(n, m, p, new Float64Array(m), 100, new Deadline(Infinity));
          let priced = 0;
          for (let i = 0; i < n; i++) priced += Math.min(...Array.from({ length: m }, (_, j) => prices[j]! * p[i * m + j]!));
          expect(prices.reduce((a, b) => a + b, 0)).toBeCloseTo(m, 9);
          expect(lagrangianBound(priced, prices, n, m)).toBe(bound);
        },
      ),
    );
  });

  it('nearestDevices lists each task\'s k devices of least w_j · p_ij in the order of a stable sort (lowest index on ties)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.integer({ min: 1, max: 5 }).chain((m) =>
            fc.tuple(
              fc.constant(n),
              fc.constant(m),
              fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant(Infinity)), { minLength: n * m, maxLength: n * m }),
              fc.array(fc.integer({ min: 1, max: 3 }), { minLength: m, maxLength: m }),
              fc.integer({ min: 0, max: 7 }),
            ),
          ),
        ),
        ([n, m, pv, wv, k]) => {
          const p = Float64Array.from(pv);
          const w = Float64Array.from(wv);
          const out = nearestDevices(n, m, p, w, k);
          const kk = Math.max(1, Math.min(m, k));
          expect(out.length).toBe(n * kk);
          for (let i = 0; i < n; i++) {
            const sorted = [...Array(m).keys()].sort((a, b) => {
              const va = w[a]! * p[i * m + a]!;
              const vb = w[b]! * p[i * m + b]!;
              return va === vb ? a - b : va < vb ? -1 : 1;
            });
            expect(Array.from(out.subarray(i * kk, (i + 1) * kk))).toEqual(sorted.slice(0, kk));
          }
        },
      ),
    );
  });
});

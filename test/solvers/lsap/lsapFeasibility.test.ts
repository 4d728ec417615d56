import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxAllowedMatching } from '../../../src/solvers/lsap/lsapFeasibility.js';
import { createRng } from '../../../src/internal/random.js';

/** Maximum matching on finite entries by exhaustive search (tiny matrices). */
function bruteMatching(c: Float64Array, rows: number, cols: number): number {
  const used = new Array<boolean>(cols).fill(false);
  const rec = (i: number): number => {
    if (i === rows) return 0;
    let best = rec(i + 1); // row i unmatched
    for (let j = 0; j < cols; j++) {
      if (used[j] || !Number.isFinite(c[i * cols + j])) continue;
      used[j] = true;
      best = Math.max(best, 1 + rec(i + 1));
      used[j] = false;
    }
    return best;
  };
  return rec(0);
}

describe('maxAllowedMatching: oracles (exhaustive search, up to 7×7)', () => {
  it('maxAllowedMatching(c) equals the exhaustive maximum matching on finite entries', () => {
    fc.assert(
      fc.property(
        fc.record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) }).chain(({ rows, cols }) =>
          fc.tuple(fc.constant(rows), fc.constant(cols), fc.array(fc.oneof(fc.constant(Infinity), fc.integer({ min: -9, max: 9 }), fc.constant(1e300)), { minLength: rows * cols, maxLength: rows * cols })),
        ),
        ([rows, cols, entries]) => {
          const c = Float64Array.from(entries);
          expect(maxAllowedMatching(c, rows, cols)).toBe(bruteMatching(c, rows, cols));
        },
      ),
    );
  });
});

describe('maxAllowedMatching: properties', () => {
  it('maxAllowedMatching on a 300×300 matrix with one hidden permutation of allowed pairs (others 99% forbidden) finds all 300', () => {
    const rng = createRng(51);
    const n = 300;
    const perm = Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
    const c = Float64Array.from({ length: n * n }, () => (rng() < 0.01 ? 1 : Infinity));
    for (let i = 0; i < n; i++) c[i * n + perm[i]!] = 5;
    expect(maxAllowedMatching(c, n, n)).toBe(n);
    // Forbid every pair of column 0: at most n - 1.
    for (let i = 0; i < n; i++) c[i * n] = Infinity;
    expect(maxAllowedMatching(c, n, n)).toBe(n - 1);
  });
});

describe('maxAllowedMatching: edge cases', () => {
  it('maxAllowedMatching of empty, all-forbidden and all-allowed matrices is 0, 0 and min(rows, cols)', () => {
    expect(maxAllowedMatching(new Float64Array(0), 0, 3)).toBe(0);
    expect(maxAllowedMatching(new Float64Array(6).fill(Infinity), 2, 3)).toBe(0);
    expect(maxAllowedMatching(new Float64Array(6).fill(-1e308), 2, 3)).toBe(2);
    expect(maxAllowedMatching(new Float64Array(6), 3, 2)).toBe(2);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hallSentence, hallWitness, maxAllowedMatching } from '../../../src/solvers/lsap/lsapFeasibility.js';
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

describe('hallWitness: oracles (exhaustive search, up to 7×7)', () => {
  it('hallWitness(c) is undefined exactly when every row can be matched, and otherwise names rows whose finite entries lie in fewer columns', () => {
    fc.assert(
      fc.property(
        fc.record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) }).chain(({ rows, cols }) =>
          fc.tuple(fc.constant(rows), fc.constant(cols), fc.array(fc.oneof(fc.constant(Infinity), fc.constant(Infinity), fc.integer({ min: -9, max: 9 })), { minLength: rows * cols, maxLength: rows * cols })),
        ),
        ([rows, cols, entries]) => {
          const c = Float64Array.from(entries);
          const w = hallWitness(c, rows, cols);
          if (bruteMatching(c, rows, cols) === rows) {
            expect(w).toBeUndefined();
            return;
          }
          expect(w).toBeDefined();
          // The columns are exactly those with a finite entry in a witness row, and fewer than the rows.
          const union = new Set<number>();
          for (const i of w!.rows) for (let j = 0; j < cols; j++) if (Number.isFinite(c[i * cols + j])) union.add(j);
          expect(w!.cols).toEqual([...union].sort((a, b) => a - b));
          expect(w!.cols.length).toBeLessThan(w!.rows.length);
          expect(w!.rows).toEqual([...w!.rows].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('hallSentence names the rows and their shared column, or the columns when the kernel solved the transpose', () => {
    const c = Float64Array.from([1, Infinity, 1, Infinity]); // 2×2, column 1 forbidden
    expect(hallSentence(c, 2, 2, false)).toBe(': rows 0, 1 have finite entries only in column 0 (2 rows, 1 column). Make more of these pairs finite, or pass costLimit to leave pairs unassigned');
    expect(hallSentence(c, 2, 2, true)).toBe(': columns 0, 1 have finite entries only in row 0 (2 columns, 1 row). Make more of these pairs finite, or pass costLimit to leave pairs unassigned');
    expect(hallSentence(Float64Array.from([Infinity, Infinity, 1, 2]), 2, 2, false)).toBe(': row 0 has no finite entry. Make more of these pairs finite, or pass costLimit to leave pairs unassigned');
    expect(hallSentence(Float64Array.from([1, 2, 3, 4]), 2, 2, false)).toBe('');
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

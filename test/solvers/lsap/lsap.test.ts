import { describe, expect, it } from 'vitest';
import { lsapKernel } from '../../../src/solvers/lsap/lsap.js';
import { createRng } from '../../../src/internal/random.js';

const total = (c: Float64Array, cols: number, x: Int32Array): number => x.reduce((s, j, i) => s + c[i * cols + j]!, 0);

describe('lsapKernel: oracles', () => {
  it('lsapKernel on wide matrices (shortest paths only) equals the padded square route', () => {
    const rng = createRng(21);
    for (let t = 0; t < 30; t++) {
      const rows = 1 + Math.floor(rng() * 25);
      const cols = 2 * rows + 1 + Math.floor(rng() * 40); // > 2·rows: the wide path
      const c = Float64Array.from({ length: rows * cols }, () => Math.floor(rng() * 50));
      const wide = lsapKernel(c, rows, cols)!;
      expect(new Set(wide).size).toBe(rows);
      // Without the row reduction (plain shortest paths from every row): the same optimum.
      expect(total(c, cols, lsapKernel(c, rows, cols, undefined, true, false)!)).toBe(total(c, cols, wide));
      // The same problem padded to a square with zero rows goes through Jonker–Volgenant.
      const sq = new Float64Array(cols * cols);
      sq.set(c);
      const square = lsapKernel(sq, cols, cols)!.subarray(0, rows);
      expect(total(c, cols, wide)).toBe(total(c, cols, square));
    }
  });

  it('lsapKernel on integer matrices with many ties (augmenting row reduction settles most rows) is optimal by the permutation test', () => {
    const rng = createRng(22);
    const n = 120;
    const c = Float64Array.from({ length: n * n }, () => Math.floor(rng() * 3));
    const x = lsapKernel(c, n, n)!;
    expect(new Set(x).size).toBe(n);
    for (let t = 0; t < 100; t++) {
      const perm = Int32Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
      expect(total(c, n, x)).toBeLessThanOrEqual(total(c, n, perm));
    }
  });
});

describe('lsapKernel: oracles (rectangular, unpadded)', () => {
  it('lsapKernel on rectangular matrices close to square (rows < cols ≤ 2·rows, solved unpadded) equals the padded square route, and keeps every free column\'s dual at 0 (exact flowtime relies on it)', () => {
    const rng = createRng(23);
    for (let t = 0; t < 60; t++) {
      const rows = 1 + Math.floor(rng() * 30);
      const cols = rows + 1 + Math.floor(rng() * rows);
      const c = Float64Array.from({ length: rows * cols }, () => (t % 2 === 0 ? Math.floor(rng() * 50) : rng() * 100 - 30));
      const rect = lsapKernel(c, rows, cols)!;
      expect(new Set(rect).size).toBe(rows);
      const sq = new Float64Array(cols * cols);
      sq.set(c);
      const square = lsapKernel(sq, cols, cols)!.subarray(0, rows);
      const a = total(c, cols, rect);
      const b = total(c, cols, square);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(b)));
    }
  });

  it('lsapKernel with forbidden (Infinity) entries avoids them, and returns undefined exactly when no complete matching avoids them', () => {
    const rng = createRng(24);
    for (let t = 0; t < 200; t++) {
      const rows = 1 + Math.floor(rng() * 6);
      const cols = rows + Math.floor(rng() * 4);
      const c = Float64Array.from({ length: rows * cols }, () => (rng() < 0.45 ? Infinity : Math.floor(rng() * 9)));
      // Brute force: is there an injective row → column map over finite entries?
      const used = new Array<boolean>(cols).fill(false);
      const feasible = (i: number): boolean => {
        if (i === rows) return true;
        for (let j = 0; j < cols; j++) {
          if (used[j] || c[i * cols + j] === Infinity) continue;
          used[j] = true;
          const ok = feasible(i + 1);
          used[j] = false;
          if (ok) return true;
        }
        return false;
      };
      const x = lsapKernel(c, rows, cols, undefined, false);
      if (!feasible(0)) expect(x).toBeUndefined();
      else {
        expect(x).toBeDefined();
        for (let i = 0; i < rows; i++) expect(c[i * cols + x![i]!]).not.toBe(Infinity);
      }
    }
  });
});

describe('lsapKernel: edge cases', () => {
  it('lsapKernel(0 rows) is empty; 1×1 picks the only column', () => {
    expect(lsapKernel(new Float64Array(0), 0, 0)).toEqual(new Int32Array(0));
    expect(lsapKernel(new Float64Array([5]), 1, 1)).toEqual(new Int32Array([0]));
  });
});

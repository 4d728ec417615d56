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

describe('lsapKernel: edge cases', () => {
  it('lsapKernel(0 rows) is empty; 1×1 picks the only column', () => {
    expect(lsapKernel(new Float64Array(0), 0, 0)).toEqual(new Int32Array(0));
    expect(lsapKernel(new Float64Array([5]), 1, 1)).toEqual(new Int32Array([0]));
  });
});

import { describe, expect, it } from 'vitest';
import { lsapKernel } from '../../../src/solvers/lsap/lsap.js';
import { columnMinima } from '../../../src/solvers/lsap/lsapMinima.js';
import { createRng } from '../../../src/internal/random.js';

describe('columnMinima: reference values', () => {
  it('columnMinima(2×3) gives each column its minimum and the lowest row attaining it', () => {
    const { min, row } = columnMinima(new Float64Array([3, 1, 2, 1, 1, 5]), 2, 3);
    expect([...min]).toEqual([1, 1, 2]);
    expect([...row]).toEqual([1, 0, 0]);
  });
});

describe('columnMinima: oracles', () => {
  it('lsapKernel(c, n, n, columnMinima(c)) returns what lsapKernel(c, n, n) returns, dense and sparse sizes', () => {
    const rng = createRng(41);
    for (const n of [5, 40, 260]) {
      const c = Float64Array.from({ length: n * n }, () => Math.floor(rng() * 7));
      expect(lsapKernel(c, n, n, columnMinima(c, n, n))).toEqual(lsapKernel(c, n, n));
    }
  });
});

describe('columnMinima: edge cases', () => {
  it('columnMinima of 0 rows is all Infinity', () => {
    expect([...columnMinima(new Float64Array(0), 0, 2).min]).toEqual([Infinity, Infinity]);
  });
});

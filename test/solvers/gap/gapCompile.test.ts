import { describe, expect, it } from 'vitest';
import { InputRangeError } from '../../../src/errors.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';

describe('compileGap: validation and the supported range', () => {
  it('compileGap marks forbidden pairs and pairs too big for their budget, negates profits, and notes integral costs', () => {
    const g = compileGap('f', { cost: [[5, -Infinity], [2.5, 1]], demand: [[3, 1], [1, 1]], budget: [2, 1] }, true);
    expect([...g.allowed]).toEqual([0, 0, 1, 1]);
    expect([...g.cost]).toEqual([0, 0, -2.5, -1]);
    expect(g.integral).toBe(false);
    expect(compileGap('f', { cost: [[1e300, 2]], demand: [[0, 0]], budget: [0, 0] }, false).integral).toBe(true);
  });

  it('compileGap accepts 1e-300 … 1e300 and refuses costs whose per-task maxima overflow a double when summed', () => {
    expect(() => compileGap('f', { cost: [[1e300, 1e-300], [1e300, 5e-324]], demand: [[1e-300, 1e300], [0, 1e300]], budget: [1e300, Infinity] }, false)).not.toThrow();
    expect(() => compileGap('f', { cost: [[1.7e308, 0], [1.7e308, 0]], demand: [[0, 0], [0, 0]], budget: [1, 1] }, false)).toThrow(InputRangeError);
    // A huge cost on a pair its budget forbids does not count.
    expect(() => compileGap('f', { cost: [[1.7e308, 0], [1.7e308, 0]], demand: [[2, 0], [2, 0]], budget: [1, 1] }, false)).not.toThrow();
  });
});

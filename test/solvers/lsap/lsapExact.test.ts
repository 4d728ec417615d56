import { describe, expect, it } from 'vitest';
import { exactAssignment, hungarianBig, toUnits } from '../../../src/solvers/lsap/lsapExact.js';

describe('lsapExact', () => {
  it('toUnits writes every entry as an integer in the common unit 2^unit (null: forbidden)', () => {
    const u = toUnits(new Float64Array([0.75, 3, Infinity, 0]));
    expect(u.unit).toBe(-2);
    expect(u.values).toEqual([3n, 12n, null, 0n]);
  });

  it('hungarianBig finds the optimum [2, 0, 3] of the counterexample and undefined when no assignment exists', () => {
    const { values } = toUnits(new Float64Array([1, Infinity, 1, Infinity, -1, Infinity, 1, Infinity, -2e16, Infinity, Infinity, 1]));
    expect([...hungarianBig(values, 3, 4)!]).toEqual([2, 0, 3]);
    expect(hungarianBig([1n, null, 2n, null], 2, 2)).toBeUndefined();
  });

  it('exactAssignment keeps an optimal float assignment (tie choice unchanged) and replaces a suboptimal one', () => {
    const c = new Float64Array([1, 1, 1, 1]);
    expect([...exactAssignment(c, 2, 2, new Int32Array([1, 0]))]).toEqual([1, 0]);
    const bad = new Float64Array([1, Infinity, 1, Infinity, -1, Infinity, 1, Infinity, -2e16, Infinity, Infinity, 1]);
    expect([...exactAssignment(bad, 3, 4, new Int32Array([0, 2, 3]))]).toEqual([2, 0, 3]);
  });
});

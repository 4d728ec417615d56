import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactAssignment, exactSum, hungarianBig, needsExactCheck, onExactGrid, toUnits } from '../../../src/solvers/lsap/lsapExact.js';

/** Σ terms exactly as a BigInt in units of 2^-80, then rounded once by Number() (terms are multiples of 2^-80 below 2^60 here). */
function oracleSum(terms: number[]): number {
  const s = terms.reduce((acc, x) => acc + BigInt(x * 2 ** 80), 0n);
  return Number(s) / 2 ** 80;
}

describe('lsapExact', () => {
  it('exactSum(terms) equals the exact sum rounded once (BigInt oracle), where the row-order sum may not', () => {
    expect(exactSum(new Float64Array([1e16, 1, 1]))).toBe(1e16 + 2);
    expect(1e16 + 1 + 1).toBe(1e16);
    const term = fc.record({ s: fc.constantFrom(-1, 1), k: fc.integer({ min: -20, max: 58 }), m: fc.integer({ min: 1, max: 2 ** 20 }) }).map(({ s, k, m }) => s * m * 2 ** (k - 20));
    fc.assert(fc.property(fc.array(term, { maxLength: 12 }), (terms) => {
      expect(exactSum(new Float64Array(terms))).toBe(oracleSum(terms) + 0);
    }));
  });

  it('onExactGrid accepts small integers and rejects 53-bit fractions or 1 next to 2e16', () => {
    expect(onExactGrid(new Float64Array([3, -7, 1000, Infinity]), 2)).toBe(true);
    expect(onExactGrid(new Float64Array([0.5, 0.25, 1.75]), 2)).toBe(true);
    expect(onExactGrid(new Float64Array([0.1, 0.2]), 2)).toBe(false);
    expect(onExactGrid(new Float64Array([1, -2e16]), 3)).toBe(false);
    expect(onExactGrid(new Float64Array([0, 0]), 1)).toBe(true);
  });

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

describe('needsExactCheck (whether the kernel answer must be checked exactly)', () => {
  it('needsExactCheck is false for small integers and for fractions spanning at most 2^26, true for the -2e16 counterexample off the grid', () => {
    expect(needsExactCheck(Float64Array.of(1, 5, 1000, Infinity), 2)).toBe(false);
    expect(needsExactCheck(Float64Array.of(0.123, 0.5, 0.999, 0), 2)).toBe(false);
    expect(needsExactCheck(Float64Array.of(1, Infinity, 1, Infinity, -1, Infinity, 1, Infinity, -2e16, Infinity, Infinity, 1), 3)).toBe(true);
    expect(needsExactCheck(Float64Array.of(0.1, -1, -2e16, 1), 3)).toBe(true);
    expect(needsExactCheck(Float64Array.of(5.55e-17, -1, 1, 1.11e-16), 2)).toBe(true);
  });

  it('needsExactCheck(c, k, stats) decides from the given span statistics (of a transposition or negation of c) as from its own pass', () => {
    const wide = Float64Array.of(0.1, -1, -2e16, 1);
    expect(needsExactCheck(wide, 3, { max: 2e16, min: 0.1, integral: false })).toBe(needsExactCheck(wide, 3));
    const narrow = Float64Array.of(0.123, 0.5, 0.999, 0);
    expect(needsExactCheck(narrow, 2, { max: 0.999, min: 0.123, integral: false })).toBe(false);
    // Statistics are trusted: claiming small integers skips the checks.
    expect(needsExactCheck(wide, 3, { max: 3, min: 1, integral: true })).toBe(false);
    expect(needsExactCheck(wide, 3, { max: 0, min: Infinity, integral: true })).toBe(false);
  });
});

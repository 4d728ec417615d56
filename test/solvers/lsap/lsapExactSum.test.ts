import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum } from '../../../src/solvers/lsap/lsapExactSum.js';

/** Σ terms exactly as a BigInt in units of 2^-80, then rounded once by Number() (terms are multiples of 2^-80 below 2^60 here). */
function oracleSum(terms: number[]): number {
  const s = terms.reduce((acc, x) => acc + BigInt(x * 2 ** 80), 0n);
  return Number(s) / 2 ** 80;
}

describe('exactSum', () => {
  it('exactSum(terms) equals the exact sum rounded once (BigInt oracle), where the row-order sum may not', () => {
    expect(exactSum(new Float64Array([1e16, 1, 1]))).toBe(1e16 + 2);
    expect(1e16 + 1 + 1).toBe(1e16);
    const term = fc.record({ s: fc.constantFrom(-1, 1), k: fc.integer({ min: -20, max: 58 }), m: fc.integer({ min: 1, max: 2 ** 20 }) }).map(({ s, k, m }) => s * m * 2 ** (k - 20));
    fc.assert(fc.property(fc.array(term, { maxLength: 12 }), (terms) => {
      expect(exactSum(new Float64Array(terms))).toBe(oracleSum(terms) + 0);
    }));
  });

  it('exactSum of nothing is 0, of one term that term, and a cancelling sum is +0 or the exact remainder', () => {
    expect(exactSum(new Float64Array(0))).toBe(0);
    expect(exactSum(Float64Array.of(-3.25))).toBe(-3.25);
    expect(Object.is(exactSum(Float64Array.of(1e300, -1e300)), 0)).toBe(true);
    expect(exactSum(Float64Array.of(1e300, 1, -1e300))).toBe(1);
  });
});

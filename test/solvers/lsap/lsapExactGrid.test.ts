import { describe, expect, it } from 'vitest';
import { narrowSpan, needsExactCheck, onExactGrid } from '../../../src/solvers/lsap/lsapExactGrid.js';

describe('onExactGrid and narrowSpan', () => {
  it('onExactGrid accepts small integers and rejects 53-bit fractions or 1 next to 2e16', () => {
    expect(onExactGrid(new Float64Array([3, -7, 1000, Infinity]), 2)).toBe(true);
    expect(onExactGrid(new Float64Array([0.5, 0.25, 1.75]), 2)).toBe(true);
    expect(onExactGrid(new Float64Array([0.1, 0.2]), 2)).toBe(false);
    expect(onExactGrid(new Float64Array([1, -2e16]), 3)).toBe(false);
    expect(onExactGrid(new Float64Array([0, 0]), 1)).toBe(true);
  });

  it('narrowSpan is true when the nonzero finite |entries| span at most 2^26 (zeros and Infinity skipped), false beyond', () => {
    expect(narrowSpan(Float64Array.of(1, -(2 ** 26), 0, Infinity))).toBe(true);
    expect(narrowSpan(Float64Array.of(1, 2 ** 26 + 2 ** -26))).toBe(false);
    expect(narrowSpan(Float64Array.of(0.1, -2e16))).toBe(false);
    expect(narrowSpan(Float64Array.of(0, Infinity))).toBe(true);
    expect(narrowSpan(new Float64Array(0))).toBe(true);
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { exactlyFeasible, gapClosed, sumAtMost, violatedCovers } from '../../../src/solvers/gap/gapExactCheck.js';
import { exactSumAtMost } from './gapOracle.js';

const doubles = fc.oneof(
  fc.double({ min: 0, max: 1e300, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 0.5 + 1e-9, 1e-300, 5e-324, 1 / 3),
);

describe('sumAtMost: exact sums of doubles', () => {
  it('sumAtMost([0.5, 0.5 + 1e-9], 1) is false and sumAtMost([0.1, 0.2], 0.30000000000000004) is true (the rounded sums say the opposite or tie)', () => {
    expect(sumAtMost([0.5, 0.5 + 1e-9], 1)).toBe(false);
    expect(sumAtMost([0.1, 0.2], 0.3)).toBe(false); // 0.1 + 0.2 > 0.3 in exact arithmetic on these doubles
    expect(sumAtMost([0.1, 0.2], 0.30000000000000004)).toBe(true);
    expect(sumAtMost([1e308, 1e308], Number.MAX_VALUE)).toBe(false); // the rounded sum overflows
    expect(sumAtMost([1e308, 1e308], Infinity)).toBe(true);
    expect(sumAtMost([5e-324, 5e-324], 1e-323)).toBe(true);
  });

  it('sumAtMost(values, limit) agrees with rational arithmetic (oracle), including limits set to the rounded sum', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 12 }), doubles, fc.boolean(), (values, limit0, atSum) => {
        const limit = atSum ? values.reduce((s, v) => s + v, 0) : limit0;
        if (!Number.isFinite(limit)) return;
        expect(sumAtMost(values, limit)).toBe(exactSumAtMost(values, limit));
      }),
    );
  });
});

describe('exactlyFeasible, violatedCovers, gapClosed', () => {
  const g = compileGap('t', { cost: [[1, 1], [2, 2], [3, 3]], demand: [[0.5, 1], [0.5 + 1e-9, 1], [0.25, 1]], budget: [1, 3] }, false);

  it('exactlyFeasible refuses a 1e-9 overrun and a forbidden pair, accepts a fit', () => {
    expect(exactlyFeasible(g, Int32Array.from([0, 0, 1]))).toBe(false);
    expect(exactlyFeasible(g, Int32Array.from([0, 1, 0]))).toBe(true);
    expect(exactlyFeasible(g, Int32Array.from([0, 1]))).toBe(false);
  });

  it('violatedCovers gives the fewest tasks (largest demands first) that overrun each broken budget', () => {
    const covers = violatedCovers(g, Int32Array.from([0, 0, 0]));
    expect(covers.map((c) => ({ device: c.device, tasks: [...c.tasks] }))).toEqual([{ device: 0, tasks: [1, 0] }]);
    expect(violatedCovers(g, Int32Array.from([0, 1, 0]))).toEqual([]);
  });

  it('gapClosed is relative to the magnitude given, and < 1 proves integral values', () => {
    expect(gapClosed(20, 20 - 1e-8, 20, 1e-9, false)).toBe(true);
    expect(gapClosed(20, 19.99, 20, 1e-9, false)).toBe(false);
    expect(gapClosed(20, 19.5, 20, 1e-9, true)).toBe(true);
    expect(gapClosed(20, 19, 20, 1e-9, true)).toBe(false);
    expect(gapClosed(20, -Infinity, 20, 1e-9, true)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { gapEnumerate } from '../../../src/solvers/gap/gapEnumerate.js';
import { bruteGap } from './gapOracle.js';

describe('gapEnumerate: exhaustive search with exact budget sums', () => {
  it('gapEnumerate proves issue 11 item 2 (first input) infeasible and finds item 1\'s optimum 20', () => {
    expect(gapEnumerate(compileGap('t', { cost: [[1], [2]], demand: [[0.5], [0.5 + 1e-9]], budget: [1] }, false))).toBeUndefined();
    const r = gapEnumerate(compileGap('t', { cost: [[1, 1e12], [3, 3], [9, 7], [2, 9]], demand: [[2, 1], [1, 4], [2, 4], [2, 1]], budget: [4, 6] }, false));
    expect(r && { cost: r.cost, assignment: [...r.assignment] }).toEqual({ cost: 20, assignment: [0, 0, 1, 1] });
  });

  it('gapEnumerate equals the brute-force oracle (value, and infeasibility) on small instances', () => {
    fc.assert(
      fc.property(
        fc.record({ n: fc.integer({ min: 1, max: 5 }), m: fc.integer({ min: 1, max: 3 }) }).chain(({ n, m }) =>
          fc.record({
            cost: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(Infinity)), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
            demand: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
            budget: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: m, maxLength: m }),
          }),
        ),
        (g) => {
          const ref = bruteGap(g, 'min');
          const r = gapEnumerate(compileGap('t', g, false));
          expect(r?.cost).toBe(ref?.value);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { overDelta, shift, State } from '../../../src/solvers/gap/gapSearchState.js';

describe('gapSearchState: incremental shifts', () => {
  it('shift(g, s, i, k) keeps cost, loads and overload equal to a recomputation (integer data: exact)', () => {
    fc.assert(
      fc.property(
        fc.record({ n: fc.integer({ min: 1, max: 7 }), m: fc.integer({ min: 2, max: 4 }) }).chain(({ n, m }) =>
          fc.record({
            cost: fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
            demand: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
            budget: fc.array(fc.integer({ min: 5, max: 9 }), { minLength: m, maxLength: m }),
            moves: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(m - 1)), { maxLength: 20 }),
          }),
        ),
        ({ moves, ...inst }) => {
          const g = compileGap('t', inst, false);
          const s = new State(g, new Int32Array(g.n));
          for (const [i, k] of moves) {
            if (k !== s.asg[i]) shift(g, s, i, k);
            const fresh = new State(g, s.asg);
            expect(s.cost).toBe(fresh.cost);
            expect([...s.load]).toEqual([...fresh.load]);
            expect(s.over).toBe(fresh.over);
          }
        },
      ),
    );
  });

  it('overDelta(load, budget, delta) is the change of max(0, load − budget)', () => {
    expect(overDelta(3, 5, 4)).toBe(2);
    expect(overDelta(7, 5, -1)).toBe(-1);
    expect(overDelta(7, 5, -4)).toBe(-2);
    expect(overDelta(1, 5, 2)).toBe(0);
  });
});

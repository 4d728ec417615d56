import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Loads, makespanOf, restore } from '../../../src/solvers/search/makespanLoads.js';

/** Loads recomputed from scratch: the oracle. */
function naiveLoads(n: number, m: number, p: Float64Array, ready: Float64Array, asg: ArrayLike<number>): number[] {
  const load = Array.from(ready);
  for (let i = 0; i < n; i++) load[asg[i]!]! += p[i * m + asg[i]!]!;
  return load;
}

describe('Loads, makespanOf, restore (oracle: loads recomputed from scratch)', () => {
  it('after any sequence of moves and a restore, loads, task lists and makespan match a fresh computation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.integer({ min: 1, max: 4 }).chain((m) =>
            fc.tuple(
              fc.constant(n),
              fc.constant(m),
              fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n * m, maxLength: n * m }),
              fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }),
              fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
              fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: m - 1 })), { maxLength: 12 }),
            ),
          ),
        ),
        ([n, m, pv, rv, start, moves]) => {
          const p = Float64Array.from(pv);
          const ready = Float64Array.from(rv);
          const s = new Loads(n, m, p, ready, Int32Array.from(start));
          const saved = Int32Array.from(start);
          for (const [i, k] of moves) s.move(i, k);
          expect(Array.from(s.load)).toEqual(naiveLoads(n, m, p, ready, s.asg));
          for (let j = 0; j < m; j++) {
            const members = Array.from(s.members.subarray(j * n, j * n + s.count[j]!)).sort((a, b) => a - b);
            expect(members).toEqual([...Array(n).keys()].filter((i) => s.asg[i] === j));
          }
          const used = naiveLoads(n, m, p, ready, s.asg).filter((_, j) => s.count[j]! > 0);
          expect(makespanOf(s)).toBe(Math.max(0, ...used));
          restore(s, saved);
          expect(Array.from(s.asg)).toEqual(start);
          expect(Array.from(s.load)).toEqual(naiveLoads(n, m, p, ready, start));
        },
      ),
    );
  });
});

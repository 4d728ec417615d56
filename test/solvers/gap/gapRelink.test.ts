import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { ElitePool, distance, relink, sameAssignment } from '../../../src/solvers/gap/gapRelink.js';
import { State } from '../../../src/solvers/gap/gapSearchState.js';
import { penalized, searchInstanceArb } from './searchInstances.js';

/** Integer instances, every pair allowed, two assignments and per-device weights. */
const instArb = searchInstanceArb({ n: [1, 9], m: [2, 4] }, (n, m) => ({
  from: fc.array(fc.nat(m - 1), { minLength: n, maxLength: n }),
  to: fc.array(fc.nat(m - 1), { minLength: n, maxLength: n }),
}));

describe('gapRelink: path relinking between elite solutions', () => {
  it('relink(g, s, guide, α, k) takes min(k, distance) steps, each moving one differing task to its guide device with the least penalized value (brute force), and keeps the state consistent', () => {
    fc.assert(
      fc.property(instArb, fc.nat(12), ({ from, to, alpha, ...inst }, k) => {
        const g = compileGap('t', inst, false);
        const guide = Int32Array.from(to);
        const w = Float64Array.from(alpha);
        const d0 = distance(Int32Array.from(from), guide);
        // Step by step against brute force: the best single move toward the guide.
        const s = new State(g, Int32Array.from(from));
        for (let t = 0; t < Math.min(k, d0); t++) {
          const before = Array.from(s.asg);
          const options = before.flatMap((j, i) => (j === guide[i] ? [] : [before.map((x, u) => (u === i ? guide[i]! : x))]));
          const best = Math.min(...options.map((b) => penalized(g, b, w)));
          relink(g, s, guide, w, 1);
          expect(distance(s.asg, guide)).toBe(d0 - t - 1);
          expect(penalized(g, s.asg, w)).toBe(best);
        }
        // All steps at once give the same walk (deterministic), then stop at the guide.
        const s2 = new State(g, Int32Array.from(from));
        relink(g, s2, guide, w, k);
        expect(Array.from(s2.asg)).toEqual(Array.from(s.asg));
        relink(g, s2, guide, w, d0 + 3);
        expect(sameAssignment(s2.asg, guide)).toBe(true);
        const fresh = new State(g, s2.asg);
        expect(s2.cost).toBe(fresh.cost);
        expect(s2.over).toBe(fresh.over);
      }),
      { numRuns: 200 },
    );
  });

  it('ElitePool.offer keeps distinct copies up to its size, then only offers strictly cheaper than its worst member, which they replace', () => {
    const pool = new ElitePool(2);
    const a = Int32Array.from([0, 1]);
    expect(pool.offer(a, 5)).toBe(true);
    a[0] = 1; // the pool holds a copy
    expect(Array.from(pool.members[0]!)).toEqual([0, 1]);
    expect(pool.offer(Int32Array.from([0, 1]), 1)).toBe(false); // duplicate
    expect(pool.offer(Int32Array.from([1, 1]), 7)).toBe(true);
    expect(pool.offer(Int32Array.from([0, 0]), 7)).toBe(false); // not cheaper than the worst (7)
    expect(pool.offer(Int32Array.from([0, 0]), 6)).toBe(true); // replaces the 7
    expect(pool.costs).toEqual([5, 6]);
    expect(pool.members.map((x) => Array.from(x))).toEqual([[0, 1], [0, 0]]);
    expect(distance(pool.members[0]!, pool.members[1]!)).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/internal/random.js';
import { Loads } from '../../../src/solvers/search/makespanLoads.js';
import { anneal } from '../../../src/solvers/search/makespanMoves.js';
import { Deadline } from '../../../src/internal/deadline.js';
import { nearestDevices } from '../../../src/solvers/search/pricedStart.js';

/** Σ_j max(0, load_j − t) over the devices that run a task, recomputed from the assignment: the oracle. */
function overflowOf(n: number, m: number, p: Float64Array, asg: ArrayLike<number>, t: number): number {
  const load = new Float64Array(m);
  const used = new Uint8Array(m);
  for (let i = 0; i < n; i++) {
    load[asg[i]!]! += p[i * m + asg[i]!]!;
    used[asg[i]!] = 1;
  }
  let total = 0;
  for (let j = 0; j < m; j++) if (used[j] === 1 && load[j]! > t) total += load[j]! - t;
  return total;
}

/** The least makespan over all m^n assignments (no ready times): the oracle. */
function bruteForceSpan(n: number, m: number, p: Float64Array): number {
  let best = Infinity;
  const asg = new Array<number>(n).fill(0);
  for (let code = 0; code < m ** n; code++) {
    let c = code;
    for (let i = 0; i < n; i++) {
      asg[i] = c % m;
      c = Math.floor(c / m);
    }
    const load = new Float64Array(m);
    for (let i = 0; i < n; i++) load[asg[i]!]! += p[i * m + asg[i]!]!;
    best = Math.min(best, Math.max(...load));
  }
  return best;
}

const instanceArb = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.integer({ min: 2, max: 4 }).chain((m) =>
    fc.tuple(
      fc.constant(n),
      fc.constant(m),
      fc.array(fc.integer({ min: 1, max: 30 }), { minLength: n * m, maxLength: n * m }),
      fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 1, max: 4 }),
    ),
  ),
);

describe('anneal(s, t, mu, rng, steps, temp0, deadline, near): properties', () => {
  it('returns the overflow above t of the assignment it leaves, with or without near lists', () => {
    fc.assert(
      fc.property(instanceArb, ([n, m, pv, start, seed, k]) => {
        const p = Float64Array.from(pv);
        const t = (pv.reduce((a, b) => a + b, 0) / m / m) * 1.1;
        for (const near of [undefined, nearestDevices(n, m, p, new Float64Array(m).fill(1), k)]) {
          const s = new Loads(n, m, p, new Float64Array(m), start);
          const left = anneal(s, t, 0.05, createRng(seed), 500, 5, new Deadline(Infinity), near);
          expect(left).toBeCloseTo(overflowOf(n, m, p, s.asg, t), 9);
        }
      }),
    );
  });

  it('with near lists that name only each task\'s own device, proposes nothing: the assignment is unchanged', () => {
    fc.assert(
      fc.property(instanceArb, ([n, m, pv, start, seed]) => {
        const p = Float64Array.from(pv);
        const s = new Loads(n, m, p, new Float64Array(m), start);
        const left = anneal(s, 0, 0.05, createRng(seed), 2000, 1e9, new Deadline(Infinity), Int32Array.from(start));
        expect(Array.from(s.asg)).toEqual(start);
        expect(left).toBe(overflowOf(n, m, p, start, 0));
      }),
    );
  });
});

describe('anneal: reference values (brute force)', () => {
  it('with the 2 nearest devices per task, anneal reaches the brute-force optimal makespan as target on 20 fixed 7×3 instances in ≥ 18', () => {
    const rng = createRng(7);
    let reached = 0;
    for (let r = 0; r < 20; r++) {
      const n = 7;
      const m = 3;
      const p = Float64Array.from({ length: n * m }, () => 1 + Math.floor(rng() * 20));
      const opt = bruteForceSpan(n, m, p);
      const s = new Loads(n, m, p, new Float64Array(m), new Int32Array(n));
      const left = anneal(s, opt, 0.05, createRng(r), 20_000, 5, new Deadline(Infinity), nearestDevices(n, m, p, Float64Array.of(1, 1, 1), 2));
      expect(left).toBeGreaterThanOrEqual(0);
      if (left === 0) {
        expect(Math.max(...s.load)).toBeLessThanOrEqual(opt);
        reached++;
      }
    }
    expect(reached).toBeGreaterThanOrEqual(18);
  });
});

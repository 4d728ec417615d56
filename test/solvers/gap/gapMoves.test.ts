import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/internal/random.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { descend, perturb, polish } from '../../../src/solvers/gap/gapMoves.js';
import { State } from '../../../src/solvers/gap/gapSearchState.js';

const instArb = fc.record({ n: fc.integer({ min: 2, max: 7 }), m: fc.integer({ min: 2, max: 3 }) }).chain(({ n, m }) =>
  fc.record({
    cost: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    demand: fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    budget: fc.array(fc.integer({ min: 4, max: 10 }), { minLength: m, maxLength: m }),
  }),
);

/** cost + λ·overload of an assignment, recomputed. */
function penalized(g: ReturnType<typeof compileGap>, asg: Int32Array, lambda: number): number {
  const s = new State(g, asg);
  return s.cost + lambda * s.over;
}

describe('gapMoves: descent and kicks', () => {
  it('descend(g, s, λ) ends where no single shift or swap lowers cost + λ·overload (improvements of 1 unit are never ignored)', () => {
    fc.assert(
      fc.property(instArb, fc.constantFrom(0.5, 1, 3), fc.nat(1000), (inst, lambda, seed) => {
        const g = compileGap('t', inst, false);
        if (!g.allowed.every((a) => a === 1)) return;
        const s = new State(g, new Int32Array(g.n));
        descend(g, s, lambda, createRng(seed));
        const here = penalized(g, s.asg, lambda);
        for (let i = 0; i < g.n; i++) {
          for (let k = 0; k < g.m; k++) {
            const b = Int32Array.from(s.asg);
            b[i] = k;
            expect(penalized(g, b, lambda)).toBeGreaterThanOrEqual(here - 1e-9);
          }
          for (let i2 = i + 1; i2 < g.n; i2++) {
            const b = Int32Array.from(s.asg);
            b[i] = s.asg[i2]!;
            b[i2] = s.asg[i]!;
            expect(penalized(g, b, lambda)).toBeGreaterThanOrEqual(here - 1e-9);
          }
        }
      }),
    );
  });

  it('perturb keeps every task on an allowed device and the same seed gives the same kick', () => {
    const g = compileGap('t', { cost: [[1, Infinity, 2], [3, 4, 5], [Infinity, 1, 1]], demand: [[1, 1, 1], [1, 1, 1], [1, 1, 1]], budget: [9, 9, 9] }, false);
    const a = new State(g, Int32Array.from([0, 0, 1]));
    const b = new State(g, Int32Array.from([0, 0, 1]));
    perturb(g, a, createRng(5), 30);
    perturb(g, b, createRng(5), 30);
    expect([...a.asg]).toEqual([...b.asg]);
    a.asg.forEach((j, i) => expect(g.allowed[i * g.m + j]).toBe(1));
  });

  it('polish(g, s) from a feasible state stays feasible, never raises the cost, and leaves no feasible shift or swap that lowers it (brute force)', () => {
    fc.assert(
      fc.property(instArb, (inst) => {
        const g = compileGap('t', inst, false);
        if (!g.allowed.every((a) => a === 1)) return;
        // A feasible start: each task on the first device where it still fits, if any.
        const room = Array.from(g.budget);
        const asg = new Int32Array(g.n);
        for (let i = 0; i < g.n; i++) {
          const j = room.findIndex((r, k) => g.demand[i * g.m + k]! <= r);
          if (j < 0) return;
          asg[i] = j;
          room[j] = room[j]! - g.demand[i * g.m + j]!;
        }
        const s = new State(g, asg);
        const before = s.cost;
        polish(g, s);
        const fresh = new State(g, s.asg);
        expect(fresh.over).toBe(0);
        expect(fresh.cost).toBeLessThanOrEqual(before);
        const better = (b: Int32Array): boolean => {
          const t = new State(g, b);
          return t.over === 0 && t.cost < fresh.cost;
        };
        for (let i = 0; i < g.n; i++) {
          for (let k = 0; k < g.m; k++) {
            const b = Int32Array.from(s.asg);
            b[i] = k;
            expect(better(b)).toBe(false);
          }
          for (let i2 = i + 1; i2 < g.n; i2++) {
            const b = Int32Array.from(s.asg);
            b[i] = s.asg[i2]!;
            b[i2] = s.asg[i]!;
            expect(better(b)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

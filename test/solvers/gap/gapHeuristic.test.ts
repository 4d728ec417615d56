import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveGap, type GapInstance } from '../../../src/solvers/gap/gap.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { regretGreedy } from '../../../src/solvers/gap/gapGreedy.js';
import { gapHeuristic } from '../../../src/solvers/gap/gapHeuristic.js';
import { scaleForSearch } from '../../../src/solvers/gap/gapScale.js';
import { deepFreeze } from '../helpers.js';
import { bruteGap, exactlyRespectsBudgets, valueOf } from './gapOracle.js';

/** Issue 11, item 1. */
const ITEM1 = deepFreeze({ cost: [[1, 1e12], [3, 3], [9, 7], [2, 9]], demand: [[2, 1], [1, 4], [2, 4], [2, 1]], budget: [4, 6] });

/** Small instances with integer costs 0-9, binding budgets and one huge cost 10^k (k in 6..15) on a random pair. */
const hugeCostArb = fc
  .record({ n: fc.integer({ min: 3, max: 7 }), m: fc.integer({ min: 2, max: 3 }) })
  .chain(({ n, m }) =>
    fc.record({
      cost: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      demand: fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      // About a fair share of the mean total demand 3n: budgets bind.
      budget: fc.array(fc.integer({ min: Math.floor((2.4 * n) / m), max: Math.ceil((3.9 * n) / m) }), { minLength: m, maxLength: m }),
      huge: fc.record({ i: fc.nat(n - 1), j: fc.nat(m - 1), k: fc.integer({ min: 6, max: 15 }) }),
    }),
  )
  .map(({ cost, demand, budget, huge }) => {
    cost[huge.i]![huge.j] = 10 ** huge.k;
    return deepFreeze({ cost, demand, budget } as GapInstance);
  });

/** Whether some single shift or swap keeps every budget (exactly) and lowers the value by more than 1e-12 of the costs it changes. */
function improvingMove(g: GapInstance, asg: readonly number[]): string | undefined {
  const n = asg.length;
  const m = g.budget.length;
  const v = valueOf(g, asg);
  const tryAsg = (b: number[], what: string): string | undefined => {
    if (!exactlyRespectsBudgets(g, b, 'min')) return undefined;
    const touched = b.reduce((s, j, i) => (j === asg[i] ? s : s + Math.abs(g.cost[i]![j]!) + Math.abs(g.cost[i]![asg[i]!]!)), 0);
    return valueOf(g, b) < v - 1e-12 * touched ? what : undefined;
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (j === asg[i]) continue;
      const b = [...asg];
      b[i] = j;
      const r = tryAsg(b, `shift task ${i} to ${j}`);
      if (r !== undefined) return r;
    }
    for (let i2 = i + 1; i2 < n; i2++) {
      if (asg[i] === asg[i2]) continue;
      const b = [...asg];
      b[i] = asg[i2]!;
      b[i2] = asg[i]!;
      const r = tryAsg(b, `swap tasks ${i} and ${i2}`);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

describe('solveGap heuristic: reference values', () => {
  it('solveGap(item 1, {method: "heuristic"}) finds 20 and does not call it optimal (its bound 13 proves nothing)', async () => {
    expect(bruteGap(ITEM1, 'min')!.value).toBe(20);
    const r = await solveGap(ITEM1, { method: 'heuristic' });
    expect(r).toMatchObject({ assignment: [0, 0, 1, 1], value: 20, status: 'feasible', reason: 'heuristic', bound: 13, stoppedEarly: false });
  });

  it('solveGap(item 2, {method: "heuristic"}) proves the first input infeasible and solves the second (exhaustive search for tiny instances)', async () => {
    expect(await solveGap({ cost: [[1], [2]], demand: [[0.5], [0.5 + 1e-9]], budget: [1] }, { method: 'heuristic' })).toMatchObject({ status: 'infeasible', value: Infinity });
    const r = await solveGap({ cost: [[0, 10], [0, 10], [0, 3]], demand: [[0.5, 0], [0.5 + 1e-9, 0], [0.5, 0]], budget: [1, Infinity] }, { method: 'heuristic', maxIterations: 1 });
    expect(r.value).toBe(10);
  });

  it('solveGap(…, {method: "heuristic", maxIterations: 10}) says it stopped on iterations; a tiny time limit says time', async () => {
    const g = { cost: [[1, 2], [1, 2], [1, 2], [1, 2]], demand: [[1, 1], [1, 1], [1, 1], [1, 1]], budget: [2, 2] };
    expect(await solveGap(g, { method: 'heuristic', maxIterations: 10 })).toMatchObject({ value: 6, status: 'feasible', reason: 'iterations', stoppedEarly: true, iterations: 10 });
    const t = await solveGap(g, { method: 'heuristic', timeLimitMs: 0 });
    expect(t).toMatchObject({ status: 'feasible', reason: 'time', stoppedEarly: true, iterations: 0 });
  });
});

describe('solveGap heuristic: properties (a huge cost on one pair changes no decision)', () => {
  it('solveGap(g, {method: "heuristic"}) with a huge cost somewhere leaves no improving feasible shift or swap, and claims optimal only at the brute-force optimum', async () => {
    await fc.assert(
      fc.asyncProperty(hugeCostArb, fc.integer({ min: 0, max: 1000 }), async (g, seed) => {
        const r = await solveGap(g, { method: 'heuristic', seed, maxIterations: 50 });
        const best = bruteGap(g, 'min');
        if (r.status === 'infeasible') {
          expect(best).toBeUndefined();
          return;
        }
        if (r.status === 'unknown') return;
        expect(exactlyRespectsBudgets(g, r.assignment, 'min')).toBe(true);
        expect(improvingMove(g, r.assignment)).toBeUndefined();
        if (r.status === 'optimal') expect(r.value).toBe(best!.value);
        else expect(r.reason).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });
});

describe('solveGap heuristic: magnitudes from 1e-300 to 1e300', () => {
  it('solveGap(g scaled by 10^k, {method: "heuristic"}) finds the same assignment value ratio and respects budgets exactly', async () => {
    const base = { cost: [[4, 1, 3], [2, 0.5, 5], [3, 2, 2], [1, 6, 2]], demand: [[2, 3, 1], [1, 2, 2], [3, 1, 2], [2, 2, 2]], budget: [3, 4, 3] };
    const ref = bruteGap(base, 'min')!;
    for (const kc of [-300, -100, 0, 100, 300]) {
      for (const kd of [-300, 0, 300]) {
        const g = deepFreeze({ cost: base.cost.map((r) => r.map((c) => c * 10 ** kc)), demand: base.demand.map((r) => r.map((a) => a * 10 ** kd)), budget: base.budget.map((b) => b * 10 ** kd) });
        const r = await solveGap(g, { method: 'heuristic', maxIterations: 200 });
        expect(exactlyRespectsBudgets(g, r.assignment, 'min')).toBe(true);
        expect(valueOf(base, r.assignment)).toBe(ref.value); // the search sees the same instance at every scale
      }
    }
  });
});

/** Tiny instances (m^n ≤ 729) with integer costs 0-20, demands 1-6 and budgets that bind. */
const tinyArb = fc
  .record({ n: fc.integer({ min: 2, max: 6 }), m: fc.integer({ min: 2, max: 3 }) })
  .chain(({ n, m }) =>
    fc.record({
      cost: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      demand: fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      budget: fc.array(fc.integer({ min: Math.floor((2.5 * n) / m), max: Math.ceil((4.5 * n) / m) }), { minLength: m, maxLength: m }),
    }),
  )
  .map((g) => deepFreeze(g as GapInstance));

/** The heuristic alone (no exhaustive fallback), on the compiled instance. */
function heuristicOn(g: GapInstance, seed: number, maxIterations: number): ReturnType<typeof gapHeuristic> {
  return gapHeuristic(compileGap('t', g, false), { seed, deadline: Infinity, maxIterations });
}

describe('gapHeuristic: tabu search against brute force', () => {
  it('gapHeuristic(tiny g, {maxIterations: 2000}) reaches the brute-force optimum, and finds an assignment whenever one exists', () => {
    fc.assert(
      fc.property(tinyArb, fc.nat(1000), (g, seed) => {
        const h = heuristicOn(g, seed, 2000);
        const best = bruteGap(g, 'min');
        if (best === undefined) {
          expect(h.assignment).toBeUndefined();
          return;
        }
        expect(h.assignment).toBeDefined();
        expect(exactlyRespectsBudgets(g, [...h.assignment!], 'min')).toBe(true);
        expect(h.cost).toBe(best.value);
      }),
      { numRuns: 300 },
    );
  });

  it('gapHeuristic(g, …) is feasible, never worse than a feasible regret-greedy start, and gives the same bytes for the same seed', () => {
    fc.assert(
      fc.property(tinyArb, fc.nat(1000), fc.integer({ min: 0, max: 60 }), (g, seed, iters) => {
        const c = compileGap('t', g, false);
        const h = heuristicOn(g, seed, iters);
        expect(heuristicOn(g, seed, iters)).toEqual(h);
        if (h.assignment !== undefined) expect(exactlyRespectsBudgets(g, [...h.assignment], 'min')).toBe(true);
        const s = scaleForSearch(c);
        for (const f of [s.cost, s.demand]) {
          const start = [...regretGreedy(s, f)];
          if (!exactlyRespectsBudgets(g, start, 'min')) continue;
          expect(h.assignment).toBeDefined();
          // The search starts from the cheapest feasible one of its four greedy starts (these two among them) and keeps it as a candidate.
          expect(h.cost).toBeLessThanOrEqual(valueOf(g, start));
        }
      }),
      { numRuns: 300 },
    );
  });
});

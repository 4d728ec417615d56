import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError } from '../../src/errors.js';
import { checkBudgetsPossible, totalOverrun, withinBudgets } from '../../src/pareto/budgets.js';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { compileProblem as compile } from '../../src/problem/compile.js';
import type { Problem } from '../../src/problem/types.js';
import { deepFreeze } from '../arbitraries.js';
import { allAssignments, energyProblemArb, frontVectors, referenceObjectives } from './instances.js';

let highsInstalled = true;
try {
  await import('highs');
} catch {
  highsInstalled = false;
  console.warn('test/pareto/budgets.test.ts: the optional package highs is not installed; the exact-front budget tests are skipped');
}

/** The newcomer's example: at most one task fits on e1, at most two on c1. */
const newcomer: Problem = deepFreeze({
  tasks: [{ id: 'a', demand: 1 }, { id: 'b', demand: 1 }, { id: 'c', demand: 1 }],
  devices: [
    { id: 'e1', tier: 'edge' as const, budget: 1 },
    { id: 'c1', tier: 'cloud' as const, budget: 2, price: { perSecond: 1 } },
  ],
  execTime: [[4, 1], [3, 1], [5, 2]],
});

/**
 * Random instances of energyProblemArb with demands and budgets. Demands and
 * budgets are integers or multiples of 1/8 (dyadic: every sum of them is
 * exact in doubles, so the plain sum below is the exact oracle); some budgets
 * are absent (unbounded), some instances infeasible.
 */
function budgetedArb(maxTasks: number): fc.Arbitrary<Problem> {
  return energyProblemArb({ maxTasks }).chain((p) => {
    const n = p.tasks.length;
    const m = p.devices.length;
    return fc
      .record({
        eighths: fc.boolean(),
        demand: fc.array(fc.integer({ min: 0, max: 24 }), { minLength: n, maxLength: n }),
        budget: fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined, freq: 4 }), { minLength: m, maxLength: m }),
      })
      .map(({ eighths, demand, budget }) => {
        const unit = (v: number): number => (eighths ? v / 8 : Math.floor(v / 8));
        return {
          ...p,
          tasks: p.tasks.map((t, i) => ({ ...t, demand: unit(demand[i]!) })),
          devices: p.devices.map((d, j) => (budget[j] === undefined ? d : { ...d, budget: unit(budget[j]!) })),
        };
      });
  });
}

/** Brute force: whether an assignment keeps every device's summed demand within its budget (dyadic data: exact). */
function fits(p: Problem, a: readonly number[]): boolean {
  const used = p.devices.map(() => 0);
  a.forEach((j, i) => (used[j] = used[j]! + (p.tasks[i]!.demand ?? 0)));
  return used.every((u, j) => u <= (p.devices[j]!.budget ?? Infinity));
}

/** The enumerated front of the within-budget assignments, or undefined when none fits. */
function bruteFront(p: Problem, objectives: readonly ParetoObjective[]): number[][] | undefined {
  const ok = allAssignments(p).filter((a) => fits(p, a));
  return ok.length === 0 ? undefined : frontVectors(ok.map((a) => referenceObjectives(p, a, objectives)));
}

const PAIRS: ParetoObjective[][] = [
  ['makespan', 'cost'],
  ['makespan', 'energy'],
  ['energy', 'cost'],
  ['cost', 'flowtime'],
];

describe('withinBudgets, totalOverrun, checkBudgetsPossible', () => {
  it('withinBudgets compares the exact sum of the doubles: 0.1 + 0.2 exceeds a budget of 0.3 but fits 0.30000000000000004', () => {
    // Python: Fraction(0.1) + Fraction(0.2) > Fraction(0.3) and <= Fraction(0.30000000000000004).
    const mk = (budget: number) => compile({ tasks: [{ id: 'a', demand: 0.1 }, { id: 'b', demand: 0.2 }], devices: [{ id: 'd', tier: 'edge', budget }], execTime: [[1], [1]] });
    expect(withinBudgets(mk(0.3), [0, 0])).toBe(false);
    expect(totalOverrun(mk(0.3), [0, 0], new Float64Array(1))).toBeGreaterThan(0);
    expect(withinBudgets(mk(0.30000000000000004), [0, 0])).toBe(true);
    expect(totalOverrun(mk(0.30000000000000004), [0, 0], new Float64Array(1))).toBe(0);
  });

  it('totalOverrun sums the overrun of every device: e1 2 over 1, c1 1 within 2 gives 1', () => {
    expect(totalOverrun(compile(newcomer), [0, 0, 1], new Float64Array(2))).toBe(1);
    expect(totalOverrun(compile(newcomer), [0, 0, 0], new Float64Array(2))).toBe(2);
    expect(totalOverrun(compile(newcomer), [1, 0, 1], new Float64Array(2))).toBe(0);
  });

  it('checkBudgetsPossible throws InfeasibleError naming the task whose demand exceeds every budget, and for total demand over total budget', () => {
    const big: Problem = { ...newcomer, tasks: [newcomer.tasks[0]!, { id: 'b', demand: 3 }, newcomer.tasks[2]!] };
    expect(() => checkBudgetsPossible('f', compile(big))).toThrow(/problem\.tasks\[1\]\.demand/);
    const tight: Problem = { ...newcomer, devices: [newcomer.devices[0]!, { ...newcomer.devices[1]!, budget: 1 }] };
    expect(() => checkBudgetsPossible('f', compile(tight))).toThrow(InfeasibleError);
    expect(() => checkBudgetsPossible('f', compile(newcomer))).not.toThrow();
  });
});

describe.skipIf(!highsInstalled)('paretoFront with device budgets (method exact)', () => {
  it("paretoFront on the newcomer's example returns only within-budget points: [3, 3] and [5, 2] (one task on e1), proved", async () => {
    // Hand-enumerated: exactly one task on e1. a: max(4, 1+2) = 4, cost 3; b: max(3, 3) = 3, cost 3; c: max(5, 2) = 5, cost 2.
    const f = await paretoFront(newcomer, { objectives: ['makespan', 'cost'], method: 'exact' });
    expect(f.points.map((p) => [p.objectives, p.assignment])).toEqual([[[3, 3], [1, 0, 1]], [[5, 2], [1, 1, 0]]]);
    expect(f.status).toBe('optimal');
    expect(f.proved).toBe(true);
  });

  it('paretoFront rejects the example with c1.budget 1 (three unit demands, budgets 1 + 1) with InfeasibleError, both methods', async () => {
    const tight: Problem = deepFreeze({ ...newcomer, devices: [newcomer.devices[0]!, { ...newcomer.devices[1]!, budget: 1 }] });
    await expect(paretoFront(tight, { objectives: ['makespan', 'cost'], method: 'exact' })).rejects.toThrow(InfeasibleError);
    await expect(paretoFront(tight, { objectives: ['makespan', 'cost'], method: 'nsga2' })).rejects.toThrow(InfeasibleError);
  });

  it('paretoFront proves infeasibility by HiGHS when no simple argument does: demands 2, 2, 2 on budgets 3 and 3 (total 6 fits, no packing does)', async () => {
    const p = deepFreeze({
      tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 2 }, { id: 'c', demand: 2 }],
      devices: [{ id: 'e', tier: 'edge' as const, budget: 3 }, { id: 'c', tier: 'cloud' as const, budget: 3 }],
      execTime: [[1, 1], [1, 1], [1, 1]],
    });
    await expect(paretoFront(p, { objectives: ['makespan', 'flowtime'], method: 'exact' })).rejects.toThrow(/problem\.devices have budgets that no assignment/);
    const h = await paretoFront(p, { objectives: ['makespan', 'flowtime'], method: 'nsga2', populationSize: 10, maxGenerations: 5 });
    expect(h.points).toEqual([]);
    expect(h.reason).toContain('no schedule found keeps within the device budgets');
  });

  it('paretoFront cuts off an assignment HiGHS accepts within its tolerance but over a budget (0.5 + 0.5000000001 on a budget of 1) and still proves the front [5, 5]', async () => {
    // Both on e would overrun by 1e-10 (below HiGHS's 1e-9 feasibility tolerance; HiGHS returns it).
    // Within budget: one task on c (5 s, cost 5) and the other on e, or both on c (5 s, cost 10).
    const p: Problem = deepFreeze({
      tasks: [{ id: 'a', demand: 0.5 }, { id: 'b', demand: 0.5000000001 }],
      devices: [{ id: 'e', tier: 'edge' as const, budget: 1 }, { id: 'c', tier: 'cloud' as const, price: { perSecond: 1 } }],
      execTime: [[1, 5], [1, 5]],
    });
    const f = await paretoFront(p, { objectives: ['makespan', 'cost'], method: 'exact' });
    expect(f.points.map((q) => q.objectives)).toEqual([[5, 5]]);
    for (const q of f.points) expect(fits(p, q.assignment)).toBe(true);
    expect(f.proved).toBe(true);
  });

  it('paretoFront with demands 0.1 and 0.2 on a budget of 0.3 keeps them apart (their exact sum exceeds 0.3) and proves the front', async () => {
    const p: Problem = deepFreeze({
      tasks: [{ id: 'a', demand: 0.1 }, { id: 'b', demand: 0.2 }],
      devices: [{ id: 'e', tier: 'edge' as const, budget: 0.3 }, { id: 'c', tier: 'cloud' as const, price: { perSecond: 1 } }],
      execTime: [[1, 5], [1, 5]],
    });
    const f = await paretoFront(p, { objectives: ['makespan', 'cost'], method: 'exact' });
    expect(f.points.map((q) => q.objectives)).toEqual([[5, 5]]);
    for (const q of f.points) expect(q.assignment.filter((j) => j === 0).length).toBeLessThanOrEqual(1);
    expect(f.proved).toBe(true);
  });

  it('on ≤ 7 tasks × 3 devices with budgets (integer and 1/8 demands), the exact front equals the enumerated front of the within-budget assignments, or InfeasibleError when none fits (oracle)', async () => {
    let infeasibleCount = 0;
    let bound = 0;
    await fc.assert(
      fc.asyncProperty(budgetedArb(7), fc.constantFrom(...PAIRS), async (problem, objectives) => {
        deepFreeze(problem);
        const expected = bruteFront(problem, objectives);
        if (expected === undefined) {
          infeasibleCount++;
          await expect(paretoFront(problem, { objectives, method: 'exact' })).rejects.toThrow(InfeasibleError);
          return;
        }
        const all = frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives)));
        if (JSON.stringify(all) !== JSON.stringify(expected)) bound++;
        const front = await paretoFront(problem, { objectives, method: 'exact' });
        expect(front.points.map((p) => p.objectives)).toEqual(expected);
        expect(front.proved).toBe(true);
        for (const p of front.points) expect(fits(problem, p.assignment)).toBe(true);
      }),
      { numRuns: 40 },
    );
    console.log(`exact budget oracle: ${infeasibleCount} infeasible, ${bound} where budgets changed the front, of 40`);
  }, 180_000);

  it('with three objectives and budgets the exact front equals the enumerated within-budget front (oracle)', async () => {
    await fc.assert(
      fc.asyncProperty(budgetedArb(5), async (problem) => {
        const objectives: ParetoObjective[] = ['makespan', 'energy', 'cost'];
        const expected = bruteFront(problem, objectives);
        if (expected === undefined) {
          await expect(paretoFront(problem, { objectives, method: 'exact' })).rejects.toThrow(InfeasibleError);
          return;
        }
        const front = await paretoFront(problem, { objectives, method: 'exact' });
        expect(front.points.map((p) => p.objectives)).toEqual(expected);
        expect(front.proved).toBe(true);
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});

describe('paretoFront with device budgets (method nsga2)', () => {
  it("paretoFront(newcomer's example, nsga2) finds [3, 3] and [5, 2], both within budget", async () => {
    const f = await paretoFront(newcomer, { objectives: ['makespan', 'cost'], populationSize: 20, maxGenerations: 20 });
    expect(f.points.map((p) => p.objectives)).toEqual([[3, 3], [5, 2]]);
    for (const p of f.points) expect(fits(newcomer, p.assignment)).toBe(true);
  });

  it('on ≤ 7 tasks × 3 devices with budgets, every NSGA-II point is within budget with its exact objectives and weakly dominated by the enumerated within-budget front; the front is empty with a reason only when nothing fits', async () => {
    let whole = 0;
    let feasibleRuns = 0;
    let onFront = 0;
    let points = 0;
    await fc.assert(
      fc.asyncProperty(budgetedArb(7), fc.constantFrom(...PAIRS), fc.integer({ min: 0, max: 1000 }), async (problem, objectives, seed) => {
        deepFreeze(problem);
        const expected = bruteFront(problem, objectives);
        let front;
        try {
          front = await paretoFront(problem, { objectives, seed, populationSize: 20, maxGenerations: 30 });
        } catch (e) {
          // Only the simple infeasibility proofs reject, and only when nothing fits.
          expect(e).toBeInstanceOf(InfeasibleError);
          expect(expected).toBeUndefined();
          return;
        }
        const keys = new Set((expected ?? []).map((v) => v.join()));
        const weaklyDominates = (x: readonly number[], y: readonly number[]): boolean => x.every((v, k) => v <= y[k]!);
        for (const p of front.points) {
          expect(fits(problem, p.assignment)).toBe(true);
          expect(referenceObjectives(problem, p.assignment, objectives)).toEqual(p.objectives);
          // A feasible schedule: some point of the enumerated within-budget front is at least as good on every objective.
          expect(expected!.some((v) => weaklyDominates(v, p.objectives))).toBe(true);
          if (keys.has(p.objectives.join())) onFront++;
          points++;
        }
        if (front.points.length === 0) expect(front.reason).toContain('no schedule found keeps within the device budgets');
        if (expected !== undefined) {
          feasibleRuns++;
          if (front.points.length === expected.length && front.points.every((p) => keys.has(p.objectives.join()))) whole++;
        }
      }),
      { numRuns: 40 },
    );
    console.log(`NSGA-II budget oracle (population 20, 30 generations): the whole within-budget front in ${whole} of ${feasibleRuns} feasible instances; ${onFront} of ${points} points on it`);
  }, 180_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, solve, type Problem } from '../../../src/index.js';
import { objectiveGreedy } from '../../../src/solvers/heuristics/objectiveGreedy.js';
import { objectiveSearch } from '../../../src/solvers/search/objectiveSearch.js';
import { deepFreeze, problemArb, withEnergyArb } from '../../arbitraries.js';

const none = Float64Array.of(Infinity, Infinity, Infinity);
const weighted = (m: { makespan: number; energy: { total: number }; cost: { total: number } }): number => m.makespan + 0.01 * m.energy.total + m.cost.total;

describe('objectiveSearch: reference values', () => {
  it("solve(p, {objective: 'energy', strategy: 'local-search'}) moves a task off the device whose idle power the greedy kept on", () => {
    // Two devices; x: 1 W busy, 10 W idle; y: 2 W busy, 0 W idle. Tasks a (x 4 s, y 4 s), b (x 1 s, y 8 s).
    // Energy = Σ (e_ij − idle_j · p_ij) + makespan · 10.
    // [1, 0]: a on y (8 J), b on x (1 J), makespan 4, x idles 3 s (30 J) → 39 J.
    // [0, 0]: x runs 5 s (5 J), y is off, makespan 5, x idles 0 → 5 J, the minimum
    // (brute force: [0, 1] 4 + 16 + idle 10 · (8 − 4) = 60; [1, 1]: 8 + 16 + 10 · 12 = 144).
    const p: Problem = deepFreeze({
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge', power: { busy: 1, idle: 10 } }, { id: 'y', tier: 'edge', power: { busy: 2 } }],
      execTime: [[4, 4], [1, 8]],
    });
    expect(evaluate(p, [1, 0]).metrics.energy.total).toBe(39);
    expect(evaluate(p, [0, 0]).metrics.energy.total).toBe(5);
    const s = solve(p, { objective: 'energy', strategy: 'local-search' });
    expect(s.assignment).toEqual([0, 0]);
    expect(s.metrics.energy.total).toBe(5);
  });
});

describe('objectiveSearch: properties', () => {
  const arb = problemArb({ maxTasks: 7 }).chain((p) => withEnergyArb(p));
  it('objectiveSearch is never worse than its greedy start by the weighted objective (no limits)', () => {
    fc.assert(
      fc.property(arb, (p) => {
        const cp = compileProblem(p);
        const w = Float64Array.of(1, 0, 0, 0.01, 1);
        const start = objectiveGreedy(cp, 'min-min', w, none, false);
        const r = objectiveSearch(cp, start, { costModel: 'sequential', weights: w, limits: undefined, maxIterations: 10_000, timeLimitMs: 10_000 });
        const before = weighted(evaluate(p, Array.from(start.assignment), { order: Array.from(start.order) }).metrics);
        const after = weighted(evaluate(p, Array.from(r.assignment), { order: Array.from(r.order) }).metrics);
        expect(after).toBeLessThanOrEqual(before);
        expect(r.stoppedEarly).toBe(false);
      }),
    );
  });

  it('objectiveSearch ends in a local optimum: no single move (same run order) improves the weighted objective', () => {
    fc.assert(
      fc.property(arb, (p) => {
        const cp = compileProblem(p);
        const w = Float64Array.of(1, 0, 0, 0.01, 1);
        const start = objectiveGreedy(cp, 'min-min', w, none, false);
        const r = objectiveSearch(cp, start, { costModel: 'sequential', weights: w, limits: undefined, maxIterations: 100_000, timeLimitMs: 10_000 });
        const order = Array.from(r.order);
        const here = weighted(evaluate(p, Array.from(r.assignment), { order }).metrics);
        for (let i = 0; i < cp.n; i++) {
          for (let j = 0; j < cp.m; j++) {
            if (j === r.assignment[i] || cp.exec[i * cp.m + j]! + cp.transfer[i * cp.m + j]! === Infinity) continue;
            const a = Array.from(r.assignment);
            a[i] = j;
            expect(weighted(evaluate(p, a, { order }).metrics)).toBeGreaterThanOrEqual(here - 1e-12 * Math.abs(here));
          }
        }
      }),
    );
  });
});

describe('objectiveSearch: edge cases', () => {
  it('objectiveSearch with maxIterations 0 returns the start and says it stopped early', () => {
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge', power: { busy: 5 } }, { id: 'y', tier: 'edge' }], execTime: [[1, 1]] };
    const cp = compileProblem(p);
    const start = objectiveGreedy(cp, 'min-min', Float64Array.of(1, 0, 0, 0, 0), none, false);
    const r = objectiveSearch(cp, start, { costModel: 'sequential', weights: Float64Array.of(0, 0, 0, 1, 0), limits: undefined, maxIterations: 0, timeLimitMs: 1000 });
    expect(Array.from(r.assignment)).toEqual(Array.from(start.assignment));
    expect(r.stoppedEarly).toBe(true);
  });
});

describe('objectiveSearch with keepBudgets (properties)', () => {
  it('objectiveSearch(cp, a start within budgets, {keepBudgets: true}) never breaks a budget, and every improving single move it left would break one', () => {
    const arb = problemArb({ maxTasks: 7, timing: false }).chain((p) =>
      fc.record({
        demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: p.tasks.length, maxLength: p.tasks.length }),
        budget: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: p.devices.length, maxLength: p.devices.length }),
      }).map(({ demand, budget }): Problem => ({ ...p, tasks: p.tasks.map((t, i) => ({ ...t, demand: demand[i]! })), devices: p.devices.map((d, j) => ({ ...d, budget: budget[j]! })) })),
    );
    fc.assert(
      fc.property(arb, (p) => {
        deepFreeze(p);
        const cp = compileProblem(p);
        const w = Float64Array.of(0, 1, 0, 0, 0);
        const start = objectiveGreedy(cp, 'min-min', w, none, false);
        const startOrder = Array.from(start.order);
        if ((evaluate(p, Array.from(start.assignment), { order: startOrder }).metrics.budgetOverruns ?? []).length > 0) return; // the search needs a start within budgets
        const r = objectiveSearch(cp, start, { costModel: 'sequential', weights: w, limits: undefined, maxIterations: 100_000, timeLimitMs: 10_000, keepBudgets: true });
        const order = Array.from(r.order);
        const here = evaluate(p, Array.from(r.assignment), { order }).metrics;
        expect(here.budgetOverruns).toEqual([]);
        for (let i = 0; i < cp.n; i++) {
          for (let j = 0; j < cp.m; j++) {
            if (j === r.assignment[i] || cp.exec[i * cp.m + j]! + cp.transfer[i * cp.m + j]! === Infinity) continue;
            const a = Array.from(r.assignment);
            a[i] = j;
            const there = evaluate(p, a, { order }).metrics;
            if (there.flowtime < here.flowtime - 1e-12 * Math.abs(here.flowtime)) expect(there.budgetOverruns!.length).toBeGreaterThan(0);
          }
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, InfeasibleError, solve } from '../../src/index.js';
import { objectiveGreedy } from '../../src/solvers/heuristics/objectiveGreedy.js';
import { OBJECTIVE_STRATEGIES, runObjectiveStrategy } from '../../src/solvers/objectiveStrategies.js';
import { deepFreeze, problemArb, withEnergyArb } from '../arbitraries.js';

const none = Float64Array.of(Infinity, Infinity, Infinity);
const run = { costModel: 'sequential' as const, weights: Float64Array.of(0, 0, 0, 1, 1), limits: undefined, trace: false, maxIterations: 10_000, timeLimitMs: 10_000 };
const energyPlusCost = (p: Parameters<typeof evaluate>[0], a: ArrayLike<number>, order: ArrayLike<number>): number => {
  const m = evaluate(p, Array.from(a), { order: Array.from(order) }).metrics;
  return m.energy.total + m.cost.total;
};

describe('runObjectiveStrategy: reference values', () => {
  it('OBJECTIVE_STRATEGIES lists the strategies with an objective-aware variant', () => {
    expect(OBJECTIVE_STRATEGIES).toEqual(['mct', 'min-min', 'max-min', 'duplex', 'local-search']);
  });
});

describe('runObjectiveStrategy: properties', () => {
  const arb = problemArb({ maxTasks: 7 }).chain((p) => withEnergyArb(p));

  it("runObjectiveStrategy 'duplex' equals the better of the Min-Min and Max-Min variants (Min-Min on a tie)", () => {
    fc.assert(
      fc.property(arb, (p) => {
        const cp = compileProblem(p);
        const a = objectiveGreedy(cp, 'min-min', run.weights, none, false);
        const b = objectiveGreedy(cp, 'max-min', run.weights, none, false);
        const d = runObjectiveStrategy(cp, 'duplex', run);
        const expected = energyPlusCost(p, b.assignment, b.order) < energyPlusCost(p, a.assignment, a.order) ? b : a;
        expect(d).toEqual(expected);
      }),
    );
  });

  it("runObjectiveStrategy 'local-search' is never worse than 'min-min' by the objective", () => {
    fc.assert(
      fc.property(arb, (p) => {
        const cp = compileProblem(p);
        const mm = runObjectiveStrategy(cp, 'min-min', run);
        const ls = runObjectiveStrategy(cp, 'local-search', run);
        expect(energyPlusCost(p, ls.assignment, ls.order)).toBeLessThanOrEqual(energyPlusCost(p, mm.assignment, mm.order));
      }),
    );
  });

  it('solve with an energy or cost objective is deterministic and never mutates the problem', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...OBJECTIVE_STRATEGIES), fc.constantFrom('energy' as const, 'cost' as const), (p, strategy, objective) => {
        deepFreeze(p);
        const a = solve(p, { strategy, objective, maxIterations: 2000 });
        const b = solve(p, { strategy, objective, maxIterations: 2000 });
        expect(b).toEqual(a);
      }),
    );
  });
});

describe('runObjectiveStrategy local-search under budgets (greedy failure is not infeasibility)', () => {
  it("solve(p, {strategy: 'local-search', objective: 'flowtime' | 'energy'}) on a 2 × 2 problem where Min-Min fails the budgets returns the within-budget [1, 0] (found by the newcomer trial)", () => {
    const p = deepFreeze({
      tasks: [{ id: 'a', demand: 1 }, { id: 'b', demand: 2 }],
      devices: [{ id: 'x', tier: 'edge' as const, budget: 2 }, { id: 'y', tier: 'edge' as const, budget: 1 }],
      execTime: [[1, 1], [1, 5]],
    });
    for (const objective of ['flowtime', 'weighted-flowtime', 'energy'] as const) {
      const s = solve(p, { strategy: 'local-search', objective, seed: 1 });
      expect([objective, Array.from(s.assignment), s.metrics.budgetOverruns?.length ?? 0]).toEqual([objective, [1, 0], 0]);
    }
  });

  it("local-search with a non-makespan objective throws InfeasibleError exactly when no assignment keeps the budgets (brute force, ≤ 5 tasks × 3 devices, dyadic demands)", () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 5 }),
      m: fc.integer({ min: 1, max: 3 }),
    }).chain(({ n, m }) => fc.record({
      demand: fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x / 2), { minLength: n, maxLength: n }),
      budget: fc.array(fc.integer({ min: 0, max: 6 }).map((x) => x / 2), { minLength: m, maxLength: m }),
      exec: fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    }));
    fc.assert(
      fc.property(arb, fc.constantFrom('flowtime' as const, 'energy' as const), (r, objective) => {
        const n = r.demand.length;
        const m = r.budget.length;
        const p = deepFreeze({
          tasks: r.demand.map((demand, i) => ({ id: `t${i}`, demand })),
          devices: r.budget.map((budget, j) => ({ id: `d${j}`, tier: 'edge' as const, budget, power: { busy: j + 1, transfer: 0, idle: 0 } })),
          execTime: r.exec,
        });
        let feasible = false;
        for (let code = 0; code < m ** n && !feasible; code++) {
          const used = new Array<number>(m).fill(0);
          let c = code;
          for (let i = 0; i < n; i++, c = Math.floor(c / m)) used[c % m]! += r.demand[i]!;
          feasible = used.every((u, j) => u <= r.budget[j]!);
        }
        let threw: unknown;
        let overruns = -1;
        try {
          overruns = solve(p, { strategy: 'local-search', objective, seed: 0 }).metrics.budgetOverruns?.length ?? 0;
        } catch (e) {
          threw = e;
        }
        if (feasible) expect([threw, overruns]).toEqual([undefined, 0]);
        else expect(threw).toBeInstanceOf(InfeasibleError);
      }),
      { numRuns: 200 },
    );
  });
});

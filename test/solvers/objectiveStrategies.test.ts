import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, solve } from '../../src/index.js';
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

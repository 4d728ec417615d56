import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, type Problem } from '../../../src/index.js';
import { withinBudgets } from '../../../src/pareto/budgets.js';
import { fitsAllBudgets, fitsBudget } from '../../../src/solvers/search/budgetFit.js';
import { deepFreeze } from '../../arbitraries.js';

describe('budgetFit: reference values', () => {
  it('fitsBudget(cp, a, order, j) is Σ demand ≤ budget over the tasks on j; an infinite budget always fits', () => {
    const p: Problem = deepFreeze({
      tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 2 }, { id: 'c', demand: 1 }],
      devices: [{ id: 'x', tier: 'edge', budget: 4 }, { id: 'y', tier: 'edge' }],
      execTime: [[1, 1], [1, 1], [1, 1]],
    });
    const cp = compileProblem(p);
    expect(fitsBudget(cp, [0, 0, 1], [0, 1, 2], 0)).toBe(true); // 4 ≤ 4
    expect(fitsBudget(cp, [0, 0, 0], [0, 1, 2], 0)).toBe(false); // 5 > 4
    expect(fitsBudget(cp, [1, 1, 1], [0, 1, 2], 1)).toBe(true);
    expect(fitsAllBudgets(cp, [0, 0, 0], [2, 1, 0])).toBe(false);
  });
});

describe('budgetFit: oracle (evaluate’s budgetOverruns)', () => {
  it('fitsAllBudgets(cp, a, order) holds exactly when evaluate(p, a, {order}) reports no overrun, fractional demands included (same summation order)', () => {
    const arb = fc.record({ n: fc.integer({ min: 1, max: 7 }), m: fc.integer({ min: 1, max: 3 }) }).chain(({ n, m }) =>
      fc.record({
        demand: fc.array(fc.oneof(fc.constantFrom(0.1, 0.2, 0.3, 0.7), fc.integer({ min: 0, max: 3 })), { minLength: n, maxLength: n }),
        budget: fc.array(fc.oneof(fc.constantFrom(0.3, 0.6, 1, 1.3), fc.integer({ min: 0, max: 5 })), { minLength: m, maxLength: m }),
        a: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
        order: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(arb, (r) => {
        const p: Problem = deepFreeze({
          tasks: r.demand.map((d, i) => ({ id: `t${i}`, demand: d })),
          devices: r.budget.map((b, j) => ({ id: `d${j}`, tier: 'edge' as const, budget: b })),
          execTime: r.demand.map(() => r.budget.map(() => 1)),
        });
        const cp = compileProblem(p);
        const overruns = evaluate(p, r.a, { order: r.order }).metrics.budgetOverruns ?? [];
        expect(fitsAllBudgets(cp, r.a, r.order)).toBe(overruns.length === 0);
        for (let j = 0; j < cp.m; j++) expect(fitsBudget(cp, r.a, r.order, j)).toBe(!overruns.some((o) => o.device === j));
      }),
    );
  });
});

describe('budgetFit versus withinBudgets (src/pareto/budgets.ts): different on purpose', () => {
  it('fitsAllBudgets follows the rounded run-order sum (demands 1 and 2^-53 fit budget 1, and evaluate reports no overrun) while withinBudgets decides in real arithmetic (they do not)', () => {
    const p: Problem = deepFreeze({
      tasks: [{ id: 'a', demand: 1 }, { id: 'b', demand: 2 ** -53 }],
      devices: [{ id: 'x', tier: 'edge', budget: 1 }],
      execTime: [[1], [1]],
    });
    const cp = compileProblem(p);
    expect(fitsAllBudgets(cp, [0, 0], [0, 1])).toBe(true);
    expect(evaluate(p, [0, 0], { order: [0, 1] }).metrics.budgetOverruns).toEqual([]);
    expect(withinBudgets(cp, [0, 0])).toBe(false);
  });
});

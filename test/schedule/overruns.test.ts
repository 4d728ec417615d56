import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, type Problem } from '../../src/index.js';
import { budgetOverruns } from '../../src/schedule/overruns.js';

const p: Problem = {
  tasks: [{ id: 'a', demand: 0.1 }, { id: 'b', demand: 0.2 }, { id: 'c', demand: 4 }],
  devices: [{ id: 'x', tier: 'edge', budget: 0.3 }, { id: 'y', tier: 'cloud', budget: 3 }, { id: 'z', tier: 'cloud' }],
  execTime: [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
};

describe('budgetOverruns: reference values', () => {
  it('budgetOverruns(cp, run order) lists every device whose Σ demand exceeds its budget, with the amount', () => {
    // c (demand 4) on y (budget 3): 1 over. Infinite budgets never overrun.
    expect(evaluate(p, [0, 2, 1]).metrics.budgetOverruns).toEqual([{ device: 1, id: 'y', demand: 4, budget: 3, amount: 1 }]);
    expect(evaluate(p, [2, 2, 2]).metrics.budgetOverruns).toEqual([]);
  });

  it('budgetOverruns sums in run order in double arithmetic: 0.1 + 0.2 = 0.30000000000000004 > 0.3 is an overrun of 5.55e-17', () => {
    // python3: 0.1 + 0.2 - 0.3 == 5.551115123125783e-17
    expect(budgetOverruns(compileProblem(p), [[0, 1], [], [2]])).toEqual([{ device: 0, id: 'x', demand: 0.30000000000000004, budget: 0.3, amount: 5.551115123125783e-17 }]);
  });
});

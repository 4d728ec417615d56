import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError } from '../../../src/errors.js';
import type { Problem } from '../../../src/problem/types.js';
import { solveGap } from '../../../src/solvers/gap/gap.js';
import { gapFromProblem } from '../../../src/solvers/gap/gapFromProblem.js';
import { cost, deepFreeze, problemArb } from '../helpers.js';

describe('gapFromProblem: reference values', () => {
  it('gapFromProblem(doc example) adds transfer to exec and copies demands and budgets', () => {
    const p = deepFreeze({
      tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 3 }],
      devices: [{ id: 'e', tier: 'edge' as const, budget: 4 }, { id: 'c', tier: 'cloud' as const }],
      execTime: [[1, 5], [2, 6]],
      transferTime: [[0, 1], [0, 1]],
    });
    expect(gapFromProblem(p)).toEqual({ cost: [[1, 6], [2, 7]], demand: [[2, 2], [3, 3]], budget: [4, Infinity] });
  });

  it('solveGap(gapFromProblem(p)) keeps the edge device within its budget', async () => {
    const p: Problem = {
      tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 3 }, { id: 'c', demand: 2 }],
      devices: [{ id: 'e', tier: 'edge', budget: 4 }, { id: 'c', tier: 'cloud' }],
      execTime: [[1, 5], [1, 5], [1, 5]],
    };
    const r = await solveGap(gapFromProblem(p), { method: 'exact' });
    expect(r.value).toBe(1 + 1 + 5);
    expect(r.assignment.filter((j) => j === 0)).toHaveLength(2);
  });
});

describe('gapFromProblem: properties', () => {
  it('cost[i][j] = transfer + exec; demand rows are constant; infinite pairs stay forbidden', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 5, maxDevices: 3, releases: false }), (p) => {
        const g = gapFromProblem(p);
        g.cost.forEach((row, i) => row.forEach((c, j) => expect(c).toBe(cost(p, i, j))));
        g.demand.forEach((row) => expect(new Set(row).size).toBe(1));
      }),
    );
  });
});

describe('gapFromProblem: edge cases', () => {
  it('rejects a task no device can run, as compileProblem does', () => {
    expect(() => gapFromProblem({ tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }], execTime: [[Infinity]] })).toThrow(InfeasibleError);
  });
});

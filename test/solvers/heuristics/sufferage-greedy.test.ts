import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solvers/solve.js';
import { runStrategy, strategyContract } from '../contract.js';
import { batchOracleArb, naiveSufferageGreedy } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'sufferage-greedy' }): reference values", () => {
  it('maps the most-suffering task each step: c (4), then a (3, after c made device 1 busier), then b (3)', () => {
    const s = solve(tiny, { strategy: 'sufferage-greedy' });
    expect(s.trace.map((d) => [d.task, d.chosen, d.margin])).toEqual([
      [2, 1, 4],
      [0, 0, 3],
      [1, 1, 3],
    ]);
    expect(s.makespan).toBe(4);
  });

  it('maps a task with a single allowed device first (its sufferage is Infinity), reported with margin 0', () => {
    const s = solve(
      { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }], execTime: [[1, 9], [2, Infinity]] },
      { strategy: 'sufferage-greedy' },
    );
    expect(s.trace.map((d) => [d.task, d.margin])).toEqual([[1, 0], [0, 6]]);
    expect(s.assignment).toEqual([0, 0]);
  });
});

strategyContract('sufferage-greedy', { reference: (p) => naiveSufferageGreedy(p), scoreIsFinish: true });

describe("solve(problem, { strategy: 'sufferage-greedy' }): oracles, heavy ties", () => {
  it('makes the same decisions as the plain O(n²·m) loop on heavy ties, all-equal and consistent matrices, Infinity entries, ready and release times, and sums that round together', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        expect(runStrategy('sufferage-greedy', p)).toEqual(naiveSufferageGreedy(p));
        expect(runStrategy('sufferage-greedy', p, false)).toEqual(naiveSufferageGreedy(p));
      }),
      { numRuns: 400 },
    );
  });
});

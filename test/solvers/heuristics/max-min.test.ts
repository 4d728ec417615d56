import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solvers/solve.js';
import { runStrategy, strategyContract } from '../contract.js';
import { batchOracleArb, naiveMinMin } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'max-min' }): reference values", () => {
  it('maps the largest minimum completion time first: a (4), then b (3 on device 1), then c (4 on device 1)', () => {
    const s = solve(tiny, { strategy: 'max-min' });
    expect(s.assignment).toEqual([0, 1, 1]);
    expect(s.trace.map((d) => d.task)).toEqual([0, 1, 2]);
    expect(s.makespan).toBe(4);
    expect(s.gap).toBe(0); // the lower bound is 4: optimal here, where Min-Min gets 7
  });
});

strategyContract('max-min', { reference: (p) => naiveMinMin(p, true), scoreIsFinish: true });

describe("solve(problem, { strategy: 'max-min' }): oracles, fast path", () => {
  it('makes the same decisions as the plain O(n²·m) loop on heavy ties, all-equal and consistent matrices, Infinity entries, ready and release times, and sums that round together', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        expect(runStrategy('max-min', p)).toEqual(naiveMinMin(p, true));
        expect(runStrategy('max-min', p, false)).toEqual(naiveMinMin(p, true));
      }),
      { numRuns: 400 },
    );
  });
});

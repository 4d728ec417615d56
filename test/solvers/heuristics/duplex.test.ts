import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/schedule/evaluate.js';
import { solve } from '../../../src/solvers/solve.js';
import { runStrategy, strategyContract } from '../contract.js';
import { batchOracleArb, naiveMinMin, problemArb } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'duplex' }): reference values", () => {
  it("keeps Max-Min's makespan 4 over Min-Min's 7", () => {
    const s = solve(tiny, { strategy: 'duplex' });
    expect(s.assignment).toEqual(solve(tiny, { strategy: 'max-min' }).assignment);
    expect(s.makespan).toBe(4);
  });
});

describe("solve(problem, { strategy: 'duplex' }): properties", () => {
  const arb = problemArb({ maxTasks: 12, maxDevices: 4, releases: true });
  for (const objective of ['makespan', 'flowtime', 'weighted-flowtime'] as const) {
    it(`with objective '${objective}' returns the better of Min-Min and Max-Min by that objective, Min-Min on a tie`, () => {
      const key = objective === 'makespan' ? 'makespan' : objective === 'flowtime' ? 'flowtime' : 'weightedFlowtime';
      fc.assert(
        fc.property(arb, fc.constantFrom<'sequential' | 'independent'>('sequential', 'independent'), (p, costModel) => {
          const d = solve(p, { strategy: 'duplex', objective, costModel });
          const a = solve(p, { strategy: 'min-min', objective, costModel });
          const b = solve(p, { strategy: 'max-min', objective, costModel });
          const winner = b.metrics[key] < a.metrics[key] ? b : a;
          expect(d.assignment).toEqual(winner.assignment);
          expect(d.trace).toEqual(winner.trace);
        }),
      );
    });
  }
});

function naiveDuplex(p: Parameters<typeof naiveMinMin>[0]) {
  const a = naiveMinMin(p, false);
  const b = naiveMinMin(p, true);
  const span = (x: typeof a) => evaluate(p, x.assignment, { order: x.order }).metrics.makespan;
  return span(b) < span(a) ? b : a;
}

strategyContract('duplex', { reference: naiveDuplex, scoreIsFinish: true });

describe("solve(problem, { strategy: 'duplex' }): oracles, heavy ties", () => {
  it('makes the same decisions as the better of the plain Min-Min and Max-Min loops on heavy ties, all-equal and consistent matrices, Infinity entries, ready and release times, and sums that round together', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        expect(runStrategy('duplex', p, false)).toEqual(naiveDuplex(p));
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { generateEtc } from '../../../src/problem/generate.js';
import type { Problem } from '../../../src/problem/types.js';
import { incrementalMaxMin, maxMinRun, maxMinUnless } from '../../../src/solvers/heuristics/maxMinLoops.js';
import { releasesNeverWait } from '../../../src/solvers/heuristics/min-min.js';
import { evaluate } from '../../../src/schedule/evaluate.js';
import type { StrategyContext } from '../../../src/solvers/registry.js';
import { batchOracleArb, deepFreeze, naiveMinMin } from '../helpers.js';

function context(p: Problem, trace: boolean): StrategyContext {
  return { cp: compileProblem(p), costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace };
}

function mapping(r: { assignment: Int32Array; order: Int32Array }): { assignment: number[]; order: number[] } {
  return { assignment: Array.from(r.assignment), order: Array.from(r.order) };
}

describe('incrementalMaxMin and maxMinRun: oracles against the plain loop', () => {
  it('incrementalMaxMin and maxMinRun make the same decisions as the plain O(n²·m) Max-Min loop on heavy ties, all-equal and consistent matrices, Infinity entries, release times and huge ready times', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        deepFreeze(p);
        expect(mapping(incrementalMaxMin(context(p, false)))).toEqual(naiveMinMin(p, true));
        expect(mapping(maxMinRun(context(p, true)))).toEqual(naiveMinMin(p, true));
      }),
      { numRuns: 300 },
    );
  });

  it('maxMinRun(ctx) on 64 and more devices (where it probes the work of the incremental loop and may switch to the column read) makes the decisions of the incremental loop, on consistent, inconsistent and semi-consistent matrices', () => {
    for (const consistency of ['consistent', 'inconsistent', 'semi-consistent'] as const) {
      for (const [tasks, machines] of [[300, 64], [600, 128]] as const) {
        const ctx = context(generateEtc({ tasks, machines, consistency, seed: 5 }), true);
        const r = maxMinRun(ctx);
        const ref = incrementalMaxMin(ctx);
        expect(mapping(r)).toEqual(mapping(ref));
        expect(r.trace).toEqual(ref.trace);
      }
    }
  });
});

describe('maxMinUnless(ctx, columns, stopAt): the cut Duplex uses', () => {
  it('gives maxMinRun\'s result, or null only when releases never wait and that result\'s sequential makespan reaches stopAt (heavy ties, Infinity entries, ready and release times)', () => {
    fc.assert(
      fc.property(batchOracleArb, fc.double({ min: 0, max: 1.5, noNaN: true }), (p, frac) => {
        const ctx = context(p, false);
        const full = maxMinRun(ctx);
        const makespan = evaluate(p, Array.from(full.assignment), { order: Array.from(full.order) }).metrics.makespan;
        for (const stopAt of [makespan, makespan * frac, Infinity]) {
          const r = maxMinUnless(ctx, undefined, stopAt);
          if (r === null) {
            expect(releasesNeverWait(ctx.cp)).toBe(true);
            expect(makespan).toBeGreaterThanOrEqual(stopAt);
          } else expect(mapping(r)).toEqual(mapping(full));
        }
        // At most 30 tasks: the column read (which alone cuts) runs whenever releases never wait.
        if (releasesNeverWait(ctx.cp)) expect(maxMinUnless(ctx, undefined, makespan)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

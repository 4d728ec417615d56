import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { generateEtc } from '../../../src/problem/generate.js';
import { runSufferage } from '../../../src/solvers/heuristics/sufferage.js';
import { solve } from '../../../src/solvers/solve.js';
import { wideProblemArb } from '../wideArb.js';
import { runStrategy, strategyContract } from '../contract.js';
import { batchOracleArb, naiveSufferage } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'sufferage' }): reference values", () => {
  it('lets a (sufferage 2) keep device 0 against b (sufferage 0) in pass 1, maps c to device 1 in the same pass, and b in pass 2', () => {
    const s = solve(tiny, { strategy: 'sufferage' });
    expect(s.trace.map((d) => [d.task, d.chosen, d.margin])).toEqual([
      [0, 0, 2],
      [2, 1, 4],
      [1, 1, 3],
    ]);
    expect(s.assignment).toEqual([0, 1, 1]);
    expect(s.makespan).toBe(4);
  });

  it('keeps the earlier claimant when sufferages tie (lowest index wins)', () => {
    const s = solve(
      { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }], execTime: [[1, 3], [1, 3]] },
      { strategy: 'sufferage' },
    );
    // Pass 1: a and b both want x with sufferage 2; a keeps it. Pass 2: b → x (1 + 1 = 2 < 3).
    expect(s.trace.map((d) => d.task)).toEqual([0, 1]);
    expect(s.assignment).toEqual([0, 0]);
  });
});

strategyContract('sufferage', { reference: (p) => naiveSufferage(p), scoreIsFinish: true });

describe("solve(problem, { strategy: 'sufferage' }): oracles, heavy ties", () => {
  it('makes the same decisions as the plain pass-by-pass loop on heavy ties, all-equal and consistent matrices, Infinity entries, ready and release times, and sums that round together', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        expect(runStrategy('sufferage', p)).toEqual(naiveSufferage(p));
        expect(runStrategy('sufferage', p, false)).toEqual(naiveSufferage(p));
      }),
      { numRuns: 400 },
    );
  });
});

describe('runSufferage(ctx, keep): the kept-device path against the plain loop', () => {
  it('makes the same decisions as the plain pass-by-pass loop when each task keeps only 2 to 4 devices between scans (heavy ties, all-equal, consistent, Infinity, releases, huge ready times)', () => {
    fc.assert(
      fc.property(batchOracleArb, fc.integer({ min: 2, max: 4 }), (p, keep) => {
        const cp = compileProblem(p);
        const r = runSufferage({ cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace: false }, keep);
        expect({ assignment: Array.from(r.assignment), order: Array.from(r.order) }).toEqual(naiveSufferage(p));
      }),
      { numRuns: 400 },
    );
  });

  it('makes the same decisions as the plain loop on 40 × 24 consistent, inconsistent and semi-consistent matrices when each task keeps 8 devices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('consistent', 'inconsistent', 'semi-consistent'), (seed, consistency) => {
        const p = generateEtc({ tasks: 40, machines: 24, consistency, seed });
        const r = runSufferage({ cp: compileProblem(p), costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace: false }, 8);
        expect({ assignment: Array.from(r.assignment), order: Array.from(r.order) }).toEqual(naiveSufferage(p));
      }),
      { numRuns: 30 },
    );
  });
});

describe("solve(problem, { strategy: 'sufferage' }): the consistent-matrix path against the plain loop", () => {
  it('makes the same decisions as the plain loop on 32 to 40 devices with rows sorted by index (heavy ties, all-equal, Infinity tails, transfer, ready and release times, sums that round together)', () => {
    fc.assert(
      fc.property(wideProblemArb(true), (p) => {
        expect(runStrategy('sufferage', p)).toEqual(naiveSufferage(p));
        expect(runStrategy('sufferage', p, false)).toEqual(naiveSufferage(p));
      }),
      { numRuns: 150 },
    );
  });
});

describe("solve(problem, { strategy: 'sufferage' }): the cost-sorted-row path against the plain loop", () => {
  it('makes the same decisions as the plain loop on 32 to 40 devices with rows in any order (heavy ties, all-equal, Infinity entries, transfer, ready and release times, sums that round together)', () => {
    fc.assert(
      fc.property(wideProblemArb(false), (p) => {
        expect(runStrategy('sufferage', p)).toEqual(naiveSufferage(p));
        expect(runStrategy('sufferage', p, false)).toEqual(naiveSufferage(p));
      }),
      { numRuns: 150 },
    );
  });
});

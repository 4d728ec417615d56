import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { generateEtc } from '../../../src/problem/generate.js';
import { runSufferageGreedy } from '../../../src/solvers/heuristics/sufferage-greedy.js';
import { solve } from '../../../src/solvers/solve.js';
import { wideProblemArb } from '../wideArb.js';
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

describe('runSufferageGreedy(ctx, keep): the kept-device path against the plain loop', () => {
  it('makes the same decisions as the plain loop when each task keeps only 2 to 4 devices between scans (heavy ties, all-equal, consistent, Infinity, releases, huge ready times)', () => {
    fc.assert(
      fc.property(batchOracleArb, fc.integer({ min: 2, max: 4 }), (p, keep) => {
        const cp = compileProblem(p);
        const r = runSufferageGreedy({ cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace: false }, keep);
        expect({ assignment: Array.from(r.assignment), order: Array.from(r.order) }).toEqual(naiveSufferageGreedy(p));
      }),
      { numRuns: 400 },
    );
  });

  it('makes the same decisions as the plain loop on 40 × 24 consistent, inconsistent and semi-consistent matrices when each task keeps 8 devices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('consistent', 'inconsistent', 'semi-consistent'), (seed, consistency) => {
        const p = generateEtc({ tasks: 40, machines: 24, consistency, seed });
        const r = runSufferageGreedy({ cp: compileProblem(p), costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace: false }, 8);
        expect({ assignment: Array.from(r.assignment), order: Array.from(r.order) }).toEqual(naiveSufferageGreedy(p));
      }),
      { numRuns: 30 },
    );
  });
});

describe("solve(problem, { strategy: 'sufferage-greedy' }): the consistent-matrix path against the plain loop", () => {
  it('makes the same decisions as the plain loop on 32 to 40 devices with rows sorted by index (heavy ties, all-equal, Infinity tails, transfer, ready and release times, sums that round together)', () => {
    fc.assert(
      fc.property(wideProblemArb(true), (p) => {
        expect(runStrategy('sufferage-greedy', p)).toEqual(naiveSufferageGreedy(p));
        expect(runStrategy('sufferage-greedy', p, false)).toEqual(naiveSufferageGreedy(p));
      }),
      { numRuns: 150 },
    );
  });
});

describe("solve(problem, { strategy: 'sufferage-greedy' }): the cost-sorted-row path against the plain loop", () => {
  it('makes the same decisions as the plain loop on 32 to 40 devices with rows in any order (heavy ties, all-equal, Infinity entries, transfer, ready and release times, sums that round together)', () => {
    fc.assert(
      fc.property(wideProblemArb(false), (p) => {
        expect(runStrategy('sufferage-greedy', p)).toEqual(naiveSufferageGreedy(p));
        expect(runStrategy('sufferage-greedy', p, false)).toEqual(naiveSufferageGreedy(p));
      }),
      { numRuns: 150 },
    );
  });
});

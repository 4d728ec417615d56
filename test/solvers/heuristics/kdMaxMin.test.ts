import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { generateEtc } from '../../../src/problem/generate.js';
import type { Problem } from '../../../src/problem/types.js';
import { kdMaxMin } from '../../../src/solvers/heuristics/kdMaxMin.js';
import { incrementalMaxMin, maxMinRun } from '../../../src/solvers/heuristics/maxMinLoops.js';
import { releasesNeverWait } from '../../../src/solvers/heuristics/min-min.js';
import type { StrategyContext } from '../../../src/solvers/registry.js';
import { batchOracleArb, deepFreeze, naiveMinMin } from '../helpers.js';

function context(p: Problem, trace: boolean): StrategyContext {
  return { cp: compileProblem(p), costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace };
}

function mapping(r: { assignment: Int32Array; order: Int32Array }): { assignment: number[]; order: number[] } {
  return { assignment: Array.from(r.assignment), order: Array.from(r.order) };
}

/**
 * Up to 200 tasks (many leaves, deep trees): heavy ties (0..3, all-equal
 * rows and columns), consistent (t[i]·s[j]) or spread floats, some pairs
 * forbidden (Infinity, never a whole row), ready times, releases never above
 * the earliest ready time.
 */
const largerArb: fc.Arbitrary<Problem> = fc
  .record({ n: fc.integer({ min: 1, max: 200 }), m: fc.integer({ min: 1, max: 8 }), shape: fc.constantFrom('ties', 'consistent', 'floats', 'equal') })
  .chain(({ n, m, shape }) =>
    fc
      .record({
        x: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        f: fc.array(fc.array(fc.double({ min: 0.5, max: 1000, noNaN: true }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        t: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: n, maxLength: n }),
        s: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m, maxLength: m }),
        forbid: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        ready: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }),
        release: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      })
      .map(({ x, f, t, s, forbid, ready, release }): Problem => {
        const minReady = Math.min(...ready);
        return {
          tasks: x.map((_, i) => ({ id: `t${i}`, ...(release[i]! > 0 && release[i]! <= minReady ? { release: release[i]! } : {}) })),
          devices: ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
          execTime: x.map((row, i) =>
            row.map((v, j) => {
              // Device 0 always allowed, so no row is wholly forbidden.
              if (j > 0 && forbid[i]![j] === 0) return Infinity;
              return shape === 'ties' ? v : shape === 'equal' ? 2 : shape === 'consistent' ? t[i]! * s[j]! : f[i]![j]!;
            }),
          ),
        };
      }),
  );

describe('kdMaxMin(ctx): oracles against the plain loop and the incremental loop', () => {
  it('makes the same decisions as the plain O(n²·m) Max-Min loop on heavy ties, all-equal and consistent matrices, Infinity entries, releases below the ready times and huge ready times', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        deepFreeze(p);
        const ctx = context(p, false);
        fc.pre(releasesNeverWait(ctx.cp));
        const r = kdMaxMin(ctx);
        expect(r).toBeDefined();
        expect(mapping(r!)).toEqual(naiveMinMin(p, true));
      }),
      { numRuns: 500 },
    );
  });

  it('makes the same decisions and the same trace as incrementalMaxMin on up to 200 tasks with ties, all-equal costs, forbidden pairs, consistent and float matrices', () => {
    fc.assert(
      fc.property(largerArb, (p) => {
        deepFreeze(p);
        const ctx = context(p, true);
        const fast = kdMaxMin(ctx)!;
        const slow = incrementalMaxMin(ctx);
        expect(mapping(fast)).toEqual(mapping(slow));
        expect(fast.trace).toEqual(slow.trace);
      }),
      { numRuns: 200 },
    );
  });

  it('returns undefined (the caller then runs another loop) when a best completion time overflows to Infinity, which compileProblem otherwise rules out', () => {
    const ctx = context({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }], execTime: [[1, 2], [3, 4]] }, false);
    const cp = { ...ctx.cp, ready: Float64Array.of(1e308, 1.5e308), exec: Float64Array.of(1e308, 1e308, 1e308, 1e308) };
    expect(kdMaxMin({ ...ctx, cp })).toBeUndefined();
    // Only task a overflows (the plain loop would pick it first): undefined too, never a result without it.
    const mixed = { ...ctx.cp, ready: Float64Array.of(1e308, 1.5e308), exec: Float64Array.of(1e308, 1e308, -1e308, -1e308) };
    expect(kdMaxMin({ ...ctx, cp: mixed })).toBeUndefined();
  });

  it('maxMinRun(ctx) at 4096 tasks on 4 devices (64·m² tasks and more: where it runs the k-d search) makes the decisions of the incremental loop on consistent, semi-consistent and inconsistent matrices, integer ties included', () => {
    for (const consistency of ['consistent', 'semi-consistent', 'inconsistent'] as const) {
      const p = generateEtc({ tasks: 4096, machines: 4, consistency, seed: 7 });
      const rounded: Problem = { ...p, execTime: p.execTime.map((row) => row.map((v) => Math.round(v / 1000))) };
      for (const q of [p, rounded]) {
        const ctx = context(q, false);
        expect(mapping(maxMinRun(ctx))).toEqual(mapping(incrementalMaxMin(ctx)));
      }
    }
  }, 60_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { evaluate } from '../../../src/schedule/evaluate.js';
import type { Problem } from '../../../src/problem/types.js';
import { lazyMaxMin } from '../../../src/solvers/heuristics/lazyMaxMin.js';
import { incrementalMaxMin } from '../../../src/solvers/heuristics/maxMinLoops.js';
import { releasesNeverWait } from '../../../src/solvers/heuristics/min-min.js';
import { sortedColumns } from '../../../src/solvers/heuristics/sortedColumns.js';
import type { StrategyContext } from '../../../src/solvers/registry.js';
import { scanRows } from '../../../src/problem/timeSums.js';
import { batchOracleArb, deepFreeze, naiveMinMin } from '../helpers.js';

function context(p: Problem, trace: boolean): StrategyContext {
  return { cp: compileProblem(p), costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace };
}

function mapping(r: { assignment: Int32Array; order: Int32Array }): { assignment: number[]; order: number[] } {
  return { assignment: Array.from(r.assignment), order: Array.from(r.order) };
}

/**
 * Larger instances than batchOracleArb (up to 150 tasks, so the column read
 * skips many mapped tasks): heavy ties (0..3), consistent (t[i]·s[j]) or
 * spread floats, ready times, releases never above the earliest ready time.
 */
const largerArb: fc.Arbitrary<Problem> = fc
  .record({ n: fc.integer({ min: 1, max: 150 }), m: fc.integer({ min: 1, max: 8 }), shape: fc.constantFrom('ties', 'consistent', 'floats') })
  .chain(({ n, m, shape }) =>
    fc
      .record({
        x: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        f: fc.array(fc.array(fc.double({ min: 0.5, max: 1000, noNaN: true }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        t: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: n, maxLength: n }),
        s: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m, maxLength: m }),
        ready: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }),
        release: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      })
      .map(({ x, f, t, s, ready, release }): Problem => {
        const minReady = Math.min(...ready);
        return {
          tasks: x.map((_, i) => ({ id: `t${i}`, ...(release[i]! > 0 && release[i]! <= minReady ? { release: release[i]! } : {}) })),
          devices: ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
          execTime: x.map((row, i) => row.map((v, j) => (shape === 'ties' ? v : shape === 'consistent' ? t[i]! * s[j]! : f[i]![j]!))),
        };
      }),
  );

describe('lazyMaxMin(ctx): oracles against the plain loop and the incremental loop', () => {
  it('makes the same decisions as the plain O(n²·m) Max-Min loop on heavy ties, all-equal and consistent matrices, Infinity entries, releases below the ready times and huge ready times', () => {
    fc.assert(
      fc.property(batchOracleArb, (p) => {
        deepFreeze(p);
        const ctx = context(p, true);
        fc.pre(releasesNeverWait(ctx.cp));
        const r = lazyMaxMin(ctx);
        expect(r).toBeDefined();
        expect(mapping(r!)).toEqual(naiveMinMin(p, true));
        expect(mapping(lazyMaxMin(context(p, false))!)).toEqual(naiveMinMin(p, true));
      }),
      { numRuns: 500 },
    );
  });

  it('makes the same decisions and the same trace as incrementalMaxMin (the loop before it) on up to 150 tasks with ties, consistent and float matrices', () => {
    fc.assert(
      fc.property(largerArb, (p) => {
        const ctx = context(p, true);
        const fast = lazyMaxMin(ctx)!;
        const slow = incrementalMaxMin(ctx);
        expect(mapping(fast)).toEqual(mapping(slow));
        expect(fast.trace).toEqual(slow.trace);
      }),
      { numRuns: 150 },
    );
  });

  it('lazyMaxMin(ctx, sortedColumns(cp)) gives the result of lazyMaxMin(ctx) and leaves the columns and the problem unchanged', () => {
    fc.assert(
      fc.property(largerArb, (p) => {
        const ctx = context(p, false);
        const cols = sortedColumns(ctx.cp);
        const before = { task: cols.task.slice(), cost: cols.cost.slice(), exec: ctx.cp.exec.slice(), ready: ctx.cp.ready.slice() };
        expect(mapping(lazyMaxMin(ctx, cols)!)).toEqual(mapping(lazyMaxMin(ctx)!));
        expect({ task: cols.task, cost: cols.cost, exec: ctx.cp.exec, ready: ctx.cp.ready }).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('lazyMaxMin(ctx, undefined, stopAt) returns null exactly when the full run\'s sequential makespan reaches stopAt (ready times, ties, consistent and float matrices), else the full result and trace', () => {
    fc.assert(
      fc.property(largerArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, frac) => {
        const ctx = context(p, true);
        const full = lazyMaxMin(ctx)!;
        // The makespan as evaluate computes it: the largest finish time, placed in mapping order.
        const makespan = evaluate(p, Array.from(full.assignment), { order: Array.from(full.order) }).metrics.makespan;
        for (const stopAt of [makespan, makespan * frac, makespan * (1 + 1e-9) + 1e-9, Infinity]) {
          const r = lazyMaxMin(ctx, undefined, stopAt);
          if (makespan >= stopAt) expect(r).toBeNull();
          else {
            expect(mapping(r!)).toEqual(mapping(full));
            expect(r!.trace).toEqual(full.trace);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lazyMaxMin(ctx, undefined, stopAt) never gives up below the full run\'s makespan with Infinity entries, zero costs, devices of unequal speeds and huge ready times (both volume bounds stay sound)', () => {
    fc.assert(
      fc.property(batchOracleArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, frac) => {
        const ctx = context(p, false);
        fc.pre(releasesNeverWait(ctx.cp));
        const full = lazyMaxMin(ctx)!;
        const makespan = evaluate(p, Array.from(full.assignment), { order: Array.from(full.order) }).metrics.makespan;
        for (const stopAt of [makespan, makespan * frac, makespan * (1 + 2 ** -40), makespan * (1 + 1e-9) + 1e-9]) {
          const r = lazyMaxMin(ctx, undefined, stopAt);
          if (makespan >= stopAt) expect(r).toBeNull();
          else expect(mapping(r!)).toEqual(mapping(full));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('with ctx.rowMinSum (compile\'s row-minima sum, as solve passes it) lazyMaxMin(ctx, columns, stopAt) still returns null exactly when the full run\'s makespan reaches stopAt, on close device speeds (mean bound only) and spread ones (weighted bound too)', () => {
    const arb = fc.oneof(largerArb, batchOracleArb);
    let close = 0;
    let spread = 0;
    fc.assert(
      fc.property(arb, fc.double({ min: 0, max: 1, noNaN: true }), (p, frac) => {
        const plain = context(p, false);
        fc.pre(releasesNeverWait(plain.cp));
        const { n, m, exec, transfer, release } = plain.cp;
        const ctx: StrategyContext = { ...plain, rowMinSum: scanRows(n, m, exec, transfer, release).minSum };
        const cols = sortedColumns(ctx.cp);
        const med = Array.from({ length: m }, (_, j) => cols.cost[j * n + (n >> 1)]!);
        if (Math.max(...med) > 2 * Math.min(...med)) spread++;
        else close++;
        const full = lazyMaxMin(plain)!;
        const makespan = evaluate(p, Array.from(full.assignment), { order: Array.from(full.order) }).metrics.makespan;
        for (const stopAt of [makespan, makespan * frac, makespan * (1 + 2 ** -40), makespan * (1 + 1e-9) + 1e-9, Infinity]) {
          for (const r of [lazyMaxMin(ctx, cols, stopAt), lazyMaxMin(ctx, undefined, stopAt)]) {
            if (makespan >= stopAt) expect(r).toBeNull();
            else expect(mapping(r!)).toEqual(mapping(full));
          }
        }
      }),
      { numRuns: 500 },
    );
    // Both paths of the volume bounds ran.
    expect(close).toBeGreaterThan(20);
    expect(spread).toBeGreaterThan(20);
  });

  it('with ctx.rowMinSum, Duplex\'s cut gives up early on close and on spread device speeds (the bounds are used), and only when Max-Min cannot win', () => {
    // 60 tasks; "close": two devices of equal speed; "spread": the second 10× slower.
    for (const slow of [1, 10]) {
      const execTime = Array.from({ length: 60 }, (_, i) => [10 + (i % 7), (10 + ((i * 3) % 5)) * slow]);
      const p: Problem = { tasks: execTime.map((_, i) => ({ id: `t${i}` })), devices: [{ id: 'a', tier: 'edge' }, { id: 'b', tier: 'edge' }], execTime };
      const plain = context(p, false);
      const { n, m, exec, transfer, release } = plain.cp;
      const ctx: StrategyContext = { ...plain, rowMinSum: scanRows(n, m, exec, transfer, release).minSum };
      const full = lazyMaxMin(plain)!;
      const makespan = evaluate(p, Array.from(full.assignment), { order: Array.from(full.order) }).metrics.makespan;
      expect(lazyMaxMin(ctx, undefined, makespan)).toBeNull();
      expect(mapping(lazyMaxMin(ctx, undefined, makespan + 1e-6)!)).toEqual(mapping(full));
      // Far below the makespan the volume bound alone cuts before any placement reaches it.
      expect(lazyMaxMin(ctx, undefined, 1)).toBeNull();
    }
  });

  it('returns undefined (the caller then runs the incremental loop) when a best completion time overflows to Infinity, which compileProblem otherwise rules out', () => {
    const ctx = context({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }], execTime: [[1, 2], [3, 4]] }, false);
    // A compiled problem past compileProblem's overflow guard, built by hand.
    const cp = { ...ctx.cp, ready: Float64Array.of(1e308, 1.5e308), exec: Float64Array.of(1e308, 1e308, 1e308, 1e308) };
    expect(lazyMaxMin({ ...ctx, cp })).toBeUndefined();
  });

});

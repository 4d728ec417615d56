import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import type { Problem } from '../../../src/problem/types.js';
import { evaluate } from '../../../src/schedule/evaluate.js';
import { sortedColumns } from '../../../src/solvers/heuristics/sortedColumns.js';
import { VOLUME_SLACK, VolumeCut, volumeCosts } from '../../../src/solvers/heuristics/volumeCut.js';

const problem = (execTime: number[][], ready?: number[]): Problem => ({
  tasks: execTime.map((_, i) => ({ id: `t${i}` })),
  devices: execTime[0]!.map((_, j) => ({ id: `d${j}`, tier: 'edge' as const, ...(ready ? { ready: ready[j]! } : {}) })),
  execTime,
});

describe('volumeCosts: reference values', () => {
  it('volumeCosts on 3 tasks × 2 devices: weights 1 / median cost, Σ row minima 1 + 2 + 3 = 6; the weighted costs only when the medians differ by more than 2×', () => {
    // Columns sorted: device 0 costs 1, 2, 3 (median 2); device 1 costs 10, 20, 30 (median 20): spread 10.
    const cp = compileProblem(problem([[1, 10], [2, 20], [3, 30]]));
    const v = volumeCosts(cp, sortedColumns(cp).cost, undefined);
    expect(v.leastAll).toBe(6);
    expect([...v.y]).toEqual([1 / 2, 1 / 20]);
    expect(v.ySum).toBe(1 / 2 + 1 / 20);
    expect([...v.leastW!]).toEqual([0.5, 1, 1.5]);
    // Close medians (2 and 3): no weighted costs; the given row-minima sum is taken as it is.
    const close = compileProblem(problem([[1, 2], [2, 3], [3, 4]]));
    const w = volumeCosts(close, sortedColumns(close).cost, 6);
    expect(w.leastW).toBeUndefined();
    expect(w.leastAll).toBe(6);
  });
});

describe('VolumeCut: properties', () => {
  it('VolumeCut never reaches a value at or below the makespan any completion of the placed prefix can have (brute force over the rest, ≤ 5 tasks × 3 devices)', () => {
    const matrix = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.integer({ min: 1, max: 3 }).chain((m) =>
        fc.record({
          exec: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true })), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
          ready: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: m, maxLength: m }),
          prefix: fc.array(fc.integer({ min: 0, max: m - 1 }), { maxLength: n }),
        }),
      ),
    );
    let cuts = 0;
    fc.assert(
      fc.property(matrix, ({ exec, ready, prefix }) => {
        const p = problem(exec, ready);
        const cp = compileProblem(p);
        const n = exec.length;
        const m = exec[0]!.length;
        const cut = new VolumeCut(cp, sortedColumns(cp).cost, undefined);
        prefix.forEach((g, t) => cut.place(t, g));
        // The smallest makespan over every completion of the prefix (tasks prefix.length.. on any device).
        let best = Infinity;
        const rest = n - prefix.length;
        for (let code = 0; code < m ** rest; code++) {
          const a = [...prefix];
          for (let k = 0, c = code; k < rest; k++, c = Math.floor(c / m)) a.push(c % m);
          best = Math.min(best, evaluate(p, a, { costModel: 'sequential' }).metrics.makespan);
        }
        // A bound: it never reaches a target above the best completion ...
        expect(cut.reaches(best * (1 + 1e-12) + 1e-9)).toBe(false);
        // ... and it does reach 0 (every makespan is ≥ 0), so the check can fire.
        expect(cut.reaches(0)).toBe(true);
        if (cut.reaches(best * VOLUME_SLACK)) cuts++;
      }),
      { numRuns: 300 },
    );
    expect(cuts).toBeGreaterThan(0);
  });
});

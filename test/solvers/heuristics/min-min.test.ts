import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/problem/types.js';
import { solve } from '../../../src/solvers/solve.js';
import { runStrategy, strategyContract } from '../contract.js';
import { naiveMinMin } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'min-min' }): reference values", () => {
  it('maps the smallest minimum completion time first: c (1), then b (3, tie to device 0), then a (7, tie to device 0)', () => {
    const s = solve(tiny, { strategy: 'min-min' });
    expect(s.assignment).toEqual([0, 0, 1]);
    expect(s.makespan).toBe(7);
    expect(s.trace.map((d) => d.task)).toEqual([2, 1, 0]);
    expect(s.trace[2]!.candidates).toEqual([{ device: 0, score: 7 }, { device: 1, score: 7 }]);
    expect(s.trace[2]!.margin).toBe(0);
  });

  it('is the default strategy of solve', () => {
    expect(solve(tiny)).toEqual(solve(tiny, { strategy: 'min-min' }));
  });
});

strategyContract('min-min', { reference: (p) => naiveMinMin(p, false), scoreIsFinish: true });

// An oracle written out here, independent of helpers.ts: the plain O(n²·m)
// loop, strict comparisons, tasks then devices in ascending index order.
function plainMinMin(p: Problem): { assignment: number[]; order: number[] } {
  const n = p.tasks.length;
  const m = p.devices.length;
  const avail = p.devices.map((d) => d.ready ?? 0);
  const done = new Array<boolean>(n).fill(false);
  const assignment = new Array<number>(n).fill(-1);
  const order: number[] = [];
  for (let step = 0; step < n; step++) {
    let pick = -1;
    let dev = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const r = p.tasks[i]!.release ?? 0;
      for (let j = 0; j < m; j++) {
        const ct = Math.max(avail[j]!, r) + ((p.transferTime?.[i]?.[j] ?? 0) + p.execTime[i]![j]!);
        if (ct < best) [pick, dev, best] = [i, j, ct];
      }
    }
    done[pick] = true;
    assignment[pick] = dev;
    order.push(pick);
    avail[dev] = best;
  }
  return { assignment, order };
}

/** Instances with many ties, Infinity entries, ready times; releases either never above the earliest ready time or arbitrary; `huge` ready times make sums of different costs round to the same value. */
const oracleArb = fc
  .record({ n: fc.integer({ min: 1, max: 30 }), m: fc.integer({ min: 1, max: 6 }), releases: fc.constantFrom('none', 'below-ready', 'any'), huge: fc.boolean() })
  .chain(({ n, m, releases, huge }) =>
    fc.record({
      exec: fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      transfer: fc.option(fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }), { nil: undefined }),
      ready: fc.array(fc.integer({ min: 0, max: 4 }).map((r) => (huge ? 2 ** 53 + 2 * r : r)), { minLength: m, maxLength: m }),
      release: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: n, maxLength: n }),
      rescue: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
    }).map(({ exec, transfer, ready, release, rescue }): Problem => {
      const minReady = Math.min(...ready);
      const rel = release.map((r) => (releases === 'none' ? 0 : releases === 'below-ready' ? Math.min(r, minReady) : huge ? 2 ** 53 + r : r));
      return {
        tasks: exec.map((_, i) => ({ id: `t${i}`, ...(rel[i] ? { release: rel[i] } : {}) })),
        devices: ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
        execTime: exec.map((row, i) => row.map((x, j) => (j === rescue[i] && x === Infinity ? 1 : x))),
        ...(transfer === undefined ? {} : { transferTime: transfer }),
      };
    }),
  );

describe("solve(problem, { strategy: 'min-min' }): oracles", () => {
  it('makes the same decisions as the plain O(n²·m) loop, with ties, Infinity entries, ready and release times, and sums that round together', () => {
    fc.assert(
      fc.property(oracleArb, (p) => {
        expect(runStrategy('min-min', p)).toEqual(plainMinMin(p));
      }),
      { numRuns: 300 },
    );
  });
});

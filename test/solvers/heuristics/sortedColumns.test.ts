import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { bucketSortPairs, sortedColumns, stableSortPairs } from '../../../src/solvers/heuristics/sortedColumns.js';

/** Keys with many ties, Infinity, and values spread over many magnitudes (bucket pass) or all equal (fallback). */
const keysArb = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }) },
    { weight: 1, arbitrary: fc.constant(Infinity) },
  ),
  { maxLength: 200 },
);

/** The (key, index) order by a comparator sort. */
function byKeyThenIndex(keys: readonly number[]): number[] {
  return [...keys.keys()].sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

describe('stableSortPairs / bucketSortPairs: oracles', () => {
  it('stableSortPairs(key, idx, 0, n) orders indices by (key, index), like a comparator sort', () => {
    fc.assert(
      fc.property(keysArb, (keys) => {
        const n = keys.length;
        const key = Float64Array.from(keys);
        const idx = Int32Array.from(keys.keys());
        stableSortPairs(key, idx, 0, n, new Float64Array(n), new Int32Array(n));
        expect(Array.from(idx)).toEqual(byKeyThenIndex(keys));
        expect(Array.from(key)).toEqual(byKeyThenIndex(keys).map((i) => keys[i]));
      }),
    );
  });

  it('bucketSortPairs(key, idx, n) orders indices by (key, index), like a comparator sort', () => {
    fc.assert(
      fc.property(keysArb, (keys) => {
        const n = keys.length;
        const key = Float64Array.from(keys);
        const idx = Int32Array.from(keys.keys());
        bucketSortPairs(key, idx, n, new Float64Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n + 2));
        expect(Array.from(idx)).toEqual(byKeyThenIndex(keys));
      }),
    );
  });
});

describe('sortedColumns(cp): oracles', () => {
  it('gives per device the tasks by (transfer + exec, index), the costs beside them, and the end of each run of equal costs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((m) =>
          fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Infinity)), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 30 }),
        ),
        (rows) => {
          const exec = rows.map((r) => r.map((x, j) => (j === 0 ? Math.min(x, 4) : x)));
          const transfer = rows.map((r) => r.map((_, j) => j % 2));
          const cp = compileProblem({
            tasks: exec.map((_, i) => ({ id: `t${i}` })),
            devices: exec[0]!.map((_, j) => ({ id: `d${j}`, tier: 'edge' as const })),
            execTime: exec,
            transferTime: transfer,
          });
          const { task, cost, runEnd } = sortedColumns(cp);
          const n = cp.n;
          for (let j = 0; j < cp.m; j++) {
            const costs = exec.map((r, i) => transfer[i]![j]! + r[j]!);
            const want = byKeyThenIndex(costs);
            expect(Array.from(task.subarray(j * n, (j + 1) * n))).toEqual(want);
            expect(Array.from(cost.subarray(j * n, (j + 1) * n))).toEqual(want.map((i) => costs[i]));
            for (let p = 0; p < n; p++) {
              let q = p + 1;
              while (q < n && cost[j * n + q] === cost[j * n + p]) q++;
              expect(runEnd[j * n + p]).toBe(q);
            }
          }
        },
      ),
    );
  });
});

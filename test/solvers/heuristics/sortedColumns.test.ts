import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { bucketSortColumn, sortedColumns, stableSortPairs } from '../../../src/solvers/heuristics/sortedColumns.js';

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

describe('stableSortPairs / bucketSortColumn: oracles', () => {
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

  it('bucketSortColumn(src, from, n, key, idx, at) writes the positions by (value, position) and the values beside them at offset at, reading src only', () => {
    fc.assert(
      fc.property(keysArb, fc.nat(5), fc.nat(5), (keys, from, at) => {
        const n = keys.length;
        const src = Float64Array.from([...new Array<number>(from).fill(-1), ...keys, 7]);
        const before = src.slice();
        const key = new Float64Array(at + n + 2).fill(-3);
        const idx = new Int32Array(at + n + 2).fill(-3);
        bucketSortColumn(src, from, n, key, idx, at, new Int32Array(n), new Int32Array(n + 2), new Float64Array(n), new Int32Array(n));
        const want = byKeyThenIndex(keys);
        expect(Array.from(idx.subarray(at, at + n))).toEqual(want);
        expect(Array.from(key.subarray(at, at + n))).toEqual(want.map((i) => keys[i]));
        expect([...key.subarray(0, at), ...key.subarray(at + n)].every((v) => v === -3)).toBe(true);
        expect(src).toEqual(before);
      }),
    );
  });

  it('bucketSortColumn orders spread floats with clusters (one bucket past 16 entries: buckets sorted one by one) like a comparator sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 10, max: 10.001, noNaN: true }), fc.constant(Infinity)), { minLength: 17, maxLength: 400 }),
        (keys) => {
          const n = keys.length;
          const key = new Float64Array(n);
          const idx = new Int32Array(n);
          bucketSortColumn(Float64Array.from(keys), 0, n, key, idx, 0, new Int32Array(n), new Int32Array(n + 2), new Float64Array(n), new Int32Array(n));
          expect(Array.from(idx)).toEqual(byKeyThenIndex(keys));
        },
      ),
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

  it('sorts float columns of up to 300 tasks (the bucket pass) like a comparator sort per device', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((m) => fc.array(fc.array(fc.double({ min: 0.5, max: 1e5, noNaN: true }), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 300 })),
        (exec) => {
          const cp = compileProblem({ tasks: exec.map((_, i) => ({ id: `t${i}` })), devices: exec[0]!.map((_, j) => ({ id: `d${j}`, tier: 'edge' as const })), execTime: exec });
          const { task } = sortedColumns(cp);
          for (let j = 0; j < cp.m; j++) expect(Array.from(task.subarray(j * cp.n, (j + 1) * cp.n))).toEqual(byKeyThenIndex(exec.map((r) => r[j]!)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads matrices past 2^16 entries row by row (700 tasks × 96 devices: ties, Infinity entries, a column of zeros) and sorts them like a comparator sort per device, as the column-by-column read does below', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        let x = seed;
        const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
        const n = 700;
        const m = 96;
        const exec = Array.from({ length: n }, (_, i) =>
          Array.from({ length: m }, (_, j) => (j === 5 ? 0 : j === i % m ? 1 + next() : next() < 0.1 ? Infinity : next() < 0.3 ? Math.floor(next() * 4) : next() * 1e6)),
        );
        const cp = compileProblem({ tasks: exec.map((_, i) => ({ id: `t${i}` })), devices: exec[0]!.map((_, j) => ({ id: `d${j}`, tier: 'edge' as const })), execTime: exec });
        expect(n * m).toBeGreaterThan(2 ** 16);
        const { task, cost } = sortedColumns(cp);
        for (let j = 0; j < m; j++) {
          const order = byKeyThenIndex(exec.map((r) => r[j]!));
          expect(Array.from(task.subarray(j * n, (j + 1) * n))).toEqual(order);
          expect(Array.from(cost.subarray(j * n, (j + 1) * n))).toEqual(order.map((i) => exec[i]![j]!));
        }
      }),
      { numRuns: 3 },
    );
  });
});

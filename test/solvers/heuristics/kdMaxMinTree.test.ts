import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { generateEtc } from '../../../src/problem/generate.js';
import { buildKdTree, refreshLeaf, pull } from '../../../src/solvers/heuristics/kdMaxMinTree.js';

/** Largest cost per device over the unmapped positions [a, b) (plain loops), -Infinity where none. */
function plainBox(cost: Float64Array, mapped: Uint8Array, a: number, b: number, m: number): number[] {
  const out = new Array<number>(m).fill(-Infinity);
  for (let p = a; p < b; p++) if (mapped[p] === 0) for (let j = 0; j < m; j++) out[j] = Math.max(out[j]!, cost[p * m + j]!);
  return out;
}

describe('buildKdTree: structure (oracle: plain loops over the positions)', () => {
  it('buildKdTree(cp) orders every task once, splits each node into two children covering its range, keeps leaves of at most 16 tasks, and boxes hold the largest cost per device below each node', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('consistent' as const, 'inconsistent' as const, 'semi-consistent' as const), fc.integer({ min: 0, max: 1000 }), (tasks, machines, consistency, seed) => {
        const cp = compileProblem(generateEtc({ tasks, machines, consistency, seed }));
        const { n, m } = cp;
        const t = buildKdTree(cp);
        expect(Array.from(t.idx).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(t.lo[0]).toBe(0);
        expect(t.hi[0]).toBe(n);
        for (let k = 0; k < t.nodes; k++) {
          const l = t.left[k]!;
          if (l < 0) {
            expect(t.hi[k]! - t.lo[k]!).toBeLessThanOrEqual(16);
            for (let p = t.lo[k]!; p < t.hi[k]!; p++) expect(t.leafOf[p]).toBe(k);
          } else {
            expect([t.lo[l], t.hi[l], t.lo[l + 1], t.hi[l + 1]]).toEqual([t.lo[k], t.lo[l + 1], t.hi[l], t.hi[k]]);
            expect([t.parent[l], t.parent[l + 1]]).toEqual([k, k]);
          }
          expect(Array.from(t.box.subarray(k * m, (k + 1) * m))).toEqual(plainBox(t.cost, t.mapped, t.lo[k]!, t.hi[k]!, m));
        }
        for (let p = 0; p < n; p++) for (let j = 0; j < m; j++) expect(t.cost[p * m + j]).toBe(cp.transfer[t.idx[p]! * m + j]! + cp.exec[t.idx[p]! * m + j]!);
      }),
      { numRuns: 60 },
    );
  });

  it('refreshLeaf and pull after mapping tasks give the boxes of the unmapped tasks only (-Infinity when a node has none)', () => {
    const cp = compileProblem(generateEtc({ tasks: 100, machines: 4, seed: 5 }));
    const t = buildKdTree(cp);
    const m = cp.m;
    for (let p = 0; p < 100; p += 3) {
      t.mapped[p] = 1;
      let k = t.leafOf[p]!;
      refreshLeaf(t.box, t.cost, t.mapped, t.lo[k]!, t.hi[k]!, k, m);
      for (k = t.parent[k]!; k >= 0; k = t.parent[k]!) pull(t.box, t.left[k]!, k, m);
    }
    for (let k = 0; k < t.nodes; k++) expect(Array.from(t.box.subarray(k * m, (k + 1) * m))).toEqual(plainBox(t.cost, t.mapped, t.lo[k]!, t.hi[k]!, m));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWorkflow, InputRangeError } from '../../src/index.js';
import { checkOverflow, csr, topoOrder } from '../../src/workflow/compileGraph.js';

describe('compileGraph (internal): CSR, topological order, overflow', () => {
  it('csr groups edges by key with neighbours ascending and keeps each edge index', () => {
    const r = csr(3, Int32Array.from([2, 0, 0, 2]), Int32Array.from([1, 2, 1, 0]));
    expect([[...r.start], [...r.adj], [...r.edge]]).toEqual([[0, 2, 2, 4], [1, 2, 0, 1], [2, 1, 3, 0]]);
  });

  it('topoOrder on random DAGs is a permutation where every edge goes forward, lowest index first among ready tasks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 20 }), (n, pairs) => {
        const edges = pairs.map(([a, b]) => [a % n, b % n] as const).filter(([a, b]) => a < b);
        const from = Int32Array.from(edges.map((e) => e[0]));
        const to = Int32Array.from(edges.map((e) => e[1]));
        const s = csr(n, from, to);
        const p = csr(n, to, from);
        const topo = [...topoOrder('f', n, p.start, p.adj, s.start, s.adj, Array.from({ length: n }, (_, i) => `t${i}`))];
        expect([...topo].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        const pos = new Map(topo.map((v, k) => [v, k]));
        for (const [a, b] of edges) expect(pos.get(a)!).toBeLessThan(pos.get(b)!);
        // every edge goes forward in index order here, so lowest-index-first Kahn gives 0, 1, ..., n−1
        expect(topo).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });

  it('checkOverflow accepts finite worst-case sums and rejects an infinite transfer or sum', () => {
    const ok = (): void => checkOverflow('f', 1, 2, Float64Array.from([1, Infinity]), new Float64Array(1), new Float64Array(2), new Float64Array(0), Float64Array.from([Infinity, 1, 1, Infinity]), new Float64Array(4));
    expect(ok).not.toThrow();
    expect(() => checkOverflow('f', 1, 2, Float64Array.from([1, 2]), new Float64Array(1), new Float64Array(2), Float64Array.from([1]), Float64Array.from([Infinity, 1e-320, 1, Infinity]), new Float64Array(4))).toThrow(InputRangeError);
    expect(() => checkOverflow('f', 2, 1, Float64Array.from([1e308, 1e308]), new Float64Array(2), new Float64Array(1), new Float64Array(0), Float64Array.from([Infinity]), new Float64Array(1))).toThrow(InputRangeError);
  });
});

describe('compileWorkflow: long cycles', () => {
  const ring = (n: number) => ({
    tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })),
    devices: [{ id: 'x', tier: 'edge' as const }],
    execTime: Array.from({ length: n }, () => [1]),
    edges: Array.from({ length: n }, (_, i) => ({ from: `t${i}`, to: `t${(i + 1) % n}`, data: 0 })),
  });
  for (const n of [50_000, 130_000]) {
    it(`compileWorkflow on a ${n}-task cycle throws InputRangeError naming the first 10 tasks and the cycle's length (was a raw RangeError or a ~589 000-character message)`, () => {
      let err: unknown;
      try { compileWorkflow(ring(n)); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(InputRangeError);
      const msg = (err as Error).message;
      const head = Array.from({ length: 10 }, (_, i) => `"t${i}"`).join(' -> ');
      expect(msg).toBe(`compileWorkflow: workflow.edges must form a directed acyclic graph, but contain the cycle ${head} -> … (${n} tasks in the cycle)`);
      expect(msg.length).toBeLessThan(300);
    });
  }
});

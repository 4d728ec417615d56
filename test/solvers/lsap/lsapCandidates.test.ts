import { describe, expect, it } from 'vitest';
import { candidateGraph, candidatesPerRow, selectKth } from '../../../src/solvers/lsap/lsapCandidates.js';
import { columnMinima } from '../../../src/solvers/lsap/lsapMinima.js';
import { createRng } from '../../../src/internal/random.js';

describe('selectKth: oracles (sorting)', () => {
  it('selectKth(a, k) equals the k-th element of a sorted copy, with and without ties', () => {
    const rng = createRng(61);
    for (let t = 0; t < 200; t++) {
      const len = 1 + Math.floor(rng() * 60);
      const ties = t % 2 === 0;
      const a = Float64Array.from({ length: len }, () => (ties ? Math.floor(rng() * 5) : rng()));
      const k = Math.floor(rng() * len);
      const sorted = [...a].sort((p, q) => p - q);
      expect(selectKth(a.slice(), k)).toBe(sorted[k]);
    }
  });
});

describe('candidateGraph: properties', () => {
  it('candidateGraph keeps, for every row, K smallest column-reduced costs, and every column minimum edge', () => {
    const rng = createRng(62);
    const n = 300;
    const c = Float64Array.from({ length: n * n }, () => rng());
    const m = columnMinima(c, n, n);
    const K = candidatesPerRow(n);
    const g = candidateGraph(c, n, K, m)!;
    expect(g).toBeDefined();
    for (let i = 0; i < n; i++) {
      const at = g.rowStart[i]!;
      const cols = new Set<number>();
      for (let q = at; q < at + g.rowLen[i]!; q++) {
        cols.add(g.edgeCol[q]!);
        expect(g.edgeCost[q]).toBe(c[i * n + g.edgeCol[q]!]);
      }
      const reduced = Array.from({ length: n }, (_, j) => c[i * n + j]! - m.min[j]!).sort((p, q) => p - q);
      const kth = reduced[K - 1]!;
      for (let j = 0; j < n; j++) if (c[i * n + j]! - m.min[j]! < kth) expect(cols.has(j)).toBe(true);
      expect(cols.size).toBeGreaterThanOrEqual(K);
    }
    for (let j = 0; j < n; j++) {
      const i = m.row[j]!;
      const at = g.rowStart[i]!;
      expect(Array.from(g.edgeCol.subarray(at, at + g.rowLen[i]!))).toContain(j);
    }
  });
});

describe('candidateGraph: edge cases', () => {
  it('candidateGraph refuses (undefined) a 0/1 matrix whose rows tie over their K smallest', () => {
    const rng = createRng(63);
    const n = 300;
    const c = Float64Array.from({ length: n * n }, () => (rng() < 0.5 ? 0 : 1));
    expect(candidateGraph(c, n, candidatesPerRow(n), columnMinima(c, n, n))).toBeUndefined();
  });
});

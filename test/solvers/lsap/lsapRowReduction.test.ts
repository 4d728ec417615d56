import { describe, expect, it } from 'vitest';
import { denseRowReduction, sparseRowReduction } from '../../../src/solvers/lsap/lsapRowReduction.js';
import { createRng } from '../../../src/internal/random.js';

/** Every row's edges, as the sparse form's compressed rows (finite entries only). */
function allEdges(c: Float64Array, n: number): { rowStart: Int32Array; rowLen: Int32Array; edgeCol: Int32Array; edgeCost: Float64Array } {
  const rowStart = new Int32Array(n + 1);
  const rowLen = new Int32Array(n);
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    rowStart[i] = cols.length;
    for (let j = 0; j < n; j++) if (Number.isFinite(c[i * n + j])) cols.push(j);
    rowLen[i] = cols.length - rowStart[i]!;
  }
  rowStart[n] = cols.length;
  const edgeCol = Int32Array.from(cols);
  const edgeCost = Float64Array.from({ length: cols.length }, (_, q) => {
    let i = 0;
    while (rowStart[i + 1]! <= q) i++;
    return c[i * n + edgeCol[q]!]!;
  });
  return { rowStart, rowLen, edgeCol, edgeCost };
}

const state = (rows: number, cols: number) => ({
  x: new Int32Array(rows).fill(-1),
  y: new Int32Array(cols).fill(-1),
  v: new Float64Array(cols),
  free: Int32Array.from({ length: rows }, (_, i) => i),
});

/**
 * Plain augmenting row reduction (Jonker & Volgenant's pseudo-code, each
 * row's two smallest reduced costs found by sorting), with the step budget
 * as a parameter: the oracle of both the dense and the sparse round.
 */
function plainRound(c: Float64Array, n: number, s: ReturnType<typeof state>, nFree: number, stepsPerRow: number, preferFree: boolean): number {
  const { x, y, v, free } = s;
  let current = 0;
  let kept = 0;
  let steps = 0;
  while (current < nFree) {
    steps++;
    const i = free[current++]!;
    const order = Array.from({ length: n }, (_, j) => j)
      .filter((j) => Number.isFinite(c[i * n + j]))
      .sort((a, b) => c[i * n + a]! - v[a]! - (c[i * n + b]! - v[b]!) || a - b);
    if (order.length === 0) {
      free[kept++] = i;
      continue;
    }
    let j1 = order[0]!;
    const u1 = c[i * n + j1]! - v[j1]!;
    const j2 = order.length > 1 ? order[1]! : -1;
    const u2 = j2 < 0 ? Infinity : c[i * n + j2]! - v[j2]!;
    // Dense only: on a tie at the minimum with j1 taken, the first free column at that cost.
    if (preferFree && u1 === u2 && y[j1]! >= 0) {
      const f = order.find((j) => y[j]! < 0 && c[i * n + j]! - v[j]! === u1);
      if (f !== undefined) j1 = f;
    }
    let i0 = y[j1]!;
    const lowers = u2 !== Infinity && v[j1]! - (u2 - u1) < v[j1]!;
    if (steps < current * n && steps < stepsPerRow * n) {
      if (lowers) v[j1] = v[j1]! - (u2 - u1);
      else if (i0 >= 0 && j2 >= 0) {
        j1 = j2;
        i0 = y[j2]!;
      }
      if (i0 >= 0) {
        if (lowers) free[--current] = i0;
        else free[kept++] = i0;
      }
    } else if (i0 >= 0) free[kept++] = i0;
    x[i] = j1;
    y[j1] = i;
    if (i0 >= 0 && x[i0] === j1) x[i0] = -1;
  }
  return kept;
}

describe('denseRowReduction / sparseRowReduction: oracles (plain JV row reduction)', () => {
  it('denseRowReduction (budget 2n) and sparseRowReduction over every allowed pair (budget 8n) leave the plain version\'s matching, duals and free rows (the dense one taking a free column on a tie at the minimum)', () => {
    const rng = createRng(71);
    for (let t = 0; t < 60; t++) {
      const n = 2 + Math.floor(rng() * 30);
      const c = Float64Array.from({ length: n * n }, () => (rng() < 0.2 ? Infinity : t % 2 === 0 ? Math.floor(rng() * 5) : rng()));
      for (const [kind, perRow] of [['dense', 2], ['sparse', 8]] as const) {
        const a = state(n, n);
        const b = state(n, n);
        let na = n;
        let nb = n;
        for (let round = 0; round < 2; round++) {
          if (kind === 'dense') na = denseRowReduction(c, n, n, a.x, a.y, a.v, a.free, na);
          else {
            const g = allEdges(c, n);
            na = sparseRowReduction(g.rowStart, g.rowLen, g.edgeCol, g.edgeCost, n, a.x, a.y, a.v, a.free, na);
          }
          nb = plainRound(c, n, b, nb, perRow, kind === 'dense');
        }
        expect(na).toBe(nb);
        expect([...a.x]).toEqual([...b.x]);
        expect([...a.v]).toEqual([...b.v]);
        expect([...a.free.subarray(0, na)]).toEqual([...b.free.subarray(0, nb)]);
      }
    }
  });
});

describe('denseRowReduction: properties', () => {
  it('denseRowReduction never takes a forbidden pair, keeps x and y inverse, keeps every free column at v = 0 and every reduced cost of a matched row ≥ 0', () => {
    const rng = createRng(72);
    for (let t = 0; t < 60; t++) {
      const rows = 1 + Math.floor(rng() * 20);
      const cols = rows + Math.floor(rng() * 20);
      const c = Float64Array.from({ length: rows * cols }, () => (rng() < 0.3 ? Infinity : Math.floor(rng() * 50) - 10));
      const s = state(rows, cols);
      let nFree = rows;
      for (let round = 0; round < 2; round++) nFree = denseRowReduction(c, rows, cols, s.x, s.y, s.v, s.free, nFree);
      let matched = 0;
      for (let i = 0; i < rows; i++) {
        const j = s.x[i]!;
        if (j < 0) continue;
        matched++;
        expect(c[i * cols + j]).not.toBe(Infinity);
        expect(s.y[j]).toBe(i);
        const u = c[i * cols + j]! - s.v[j]!;
        for (let k = 0; k < cols; k++) expect(c[i * cols + k]! - s.v[k]! - u).toBeGreaterThanOrEqual(0);
      }
      expect(matched + nFree).toBe(rows);
      for (let j = 0; j < cols; j++) if (s.y[j] === -1) expect(s.v[j]).toBe(0);
    }
  });
});

describe('denseRowReduction: edge cases', () => {
  it('denseRowReduction leaves a row with only forbidden pairs free', () => {
    const c = new Float64Array([Infinity, Infinity, 1, 2]);
    const s = state(2, 2);
    const left = denseRowReduction(c, 2, 2, s.x, s.y, s.v, s.free, 2);
    expect(left).toBe(1);
    expect(s.free[0]).toBe(0);
    expect([...s.x]).toEqual([-1, 0]);
  });
});

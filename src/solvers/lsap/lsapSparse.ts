/**
 * A fast path of the LSAP kernel for large finite square matrices: solve on
 * a sparse candidate graph, then prove optimality on the full matrix.
 *
 * 1. Candidates (`lsapCandidates.ts`): every row keeps its K smallest
 *    column-reduced costs (and possibly a few more), every column its
 *    minimum row. The column minima may come from the caller's own pass.
 * 2. Jonker–Volgenant on that graph: column reduction (v_j = column
 *    minimum, each column to its minimum row while that row is free), two
 *    rounds of augmenting row reduction (`lsapRowReduction.ts`), then
 *    shortest augmenting paths (Dijkstra with a binary heap, {@link search})
 *    from the rows still free.
 * 3. Certificate: with u_i = c[i][x_i] − v[x_i], the matching is optimal for
 *    the full matrix when c_ij − u_i − v_j ≥ 0 for every (i, j) (LP duality:
 *    dual feasible and complementary). One O(n²) pass checks it.
 * Returns undefined when the candidate graph has no perfect matching, the
 * searches exceed a work budget (n² edge scans), or the certificate
 * fails (then the caller runs the dense algorithm): a returned
 * matching is optimal by the same dual argument as the dense algorithm's
 * (checked with the computed duals, so up to their floating-point rounding).
 * @internal
 * @module
 */
import { candidateGraph, candidatesPerRow, type CandidateGraph } from './lsapCandidates.js';
import { columnMinima, type ColumnMinima } from './lsapMinima.js';
import { sparseRowReduction } from './lsapRowReduction.js';
import { sparseWasm } from './lsapWasm.js';

/**
 * Solves the n×n finite matrix `c` (row-major) on candidates and certifies
 * the result; undefined when it cannot (see the module doc).
 * @internal
 */
export function lsapSparse(c: Float64Array, n: number, minima?: ColumnMinima): Int32Array | undefined {
  const m = minima ?? columnMinima(c, n, n);
  // The same path in WebAssembly when available (identical result).
  const w = sparseWasm(c, n, m);
  if (w !== null) return w;
  const g = candidateGraph(c, n, candidatesPerRow(n), m);
  if (g === undefined) return undefined;
  // Jonker–Volgenant's column reduction: v_j = column minimum (all reduced
  // costs ≥ 0), each column to its minimum row while that row is free.
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(n).fill(-1);
  const v = Float64Array.from(m.min); // may be the caller's: not written
  for (let j = n - 1; j >= 0; j--) {
    const i = m.row[j] as number;
    if (x[i] === -1) {
      x[i] = j;
      y[j] = i;
    }
  }
  // Augmenting row reduction on the candidate graph (cheap here: K edges a
  // step, so the step budget is generous).
  const free = new Int32Array(n);
  let nFree = 0;
  for (let i = 0; i < n; i++) if (x[i] === -1) free[nFree++] = i;
  for (let round = 0; round < 2 && nFree > 0; round++) {
    nFree = sparseRowReduction(g.rowStart, g.rowLen, g.edgeCol, g.edgeCost, n, x, y, v, free, nFree);
  }
  if (!searchAll(c, n, g, x, y, v, free, nFree)) return undefined;
  // Certificate on the full matrix (finite duals first: a NaN would pass it).
  for (let j = 0; j < n; j++) if (!Number.isFinite(v[j])) return undefined;
  for (let r = 0; r < n; r++) {
    const base = r * n;
    const xr = x[r] as number;
    const u = (c[base + xr] as number) - (v[xr] as number);
    for (let j = 0; j < n; j++) {
      if ((c[base + j] as number) - (v[j] as number) < u) return undefined;
    }
  }
  return x;
}

/** State of the heap-based searches, allocated once per solve. */
interface SearchState {
  readonly dist: Float64Array;
  readonly fin: Uint8Array;
  readonly pred: Int32Array;
  readonly touched: Int32Array;
  readonly finals: Int32Array;
  /** Binary min-heap of (key, column), with lazy deletion. */
  readonly heapKey: Float64Array;
  readonly heapVal: Int32Array;
  heapLen: number;
}

/**
 * Shortest augmenting paths on the candidate graph from the rows
 * free[0..nFree), augmenting each. False when a row has no augmenting path
 * in the graph or the searches exceed the work budget (n² edge scans in all:
 * past it the candidate graph is a poor fit — ties, structured costs: the
 * searches reach most of it again and again — and the dense algorithm is
 * cheaper than finishing here).
 */
function searchAll(c: Float64Array, n: number, g: CandidateGraph, x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, nFree: number): boolean {
  const s: SearchState = {
    dist: new Float64Array(n).fill(Infinity),
    fin: new Uint8Array(n),
    pred: new Int32Array(n),
    touched: new Int32Array(n),
    finals: new Int32Array(n),
    // A search pushes at most once per edge relaxation: sized by the edges.
    heapKey: new Float64Array(g.nEdges),
    heapVal: new Int32Array(g.nEdges),
    heapLen: 0,
  };
  let budget = n * n;
  for (let f = 0; f < nFree; f++) {
    budget = search(c, n, g, x, y, v, free[f] as number, s, budget);
    if (budget < 0) return false;
  }
  return true;
}

/**
 * One Dijkstra search from free row `start` over candidate edges (reduced
 * costs c − v, row duals implicit as in the dense kernel), then the dual
 * update and the augmentation. Returns the remaining scan budget, or -1
 * when it ran out or no free column is reachable.
 */
function search(c: Float64Array, n: number, g: CandidateGraph, x: Int32Array, y: Int32Array, v: Float64Array, start: number, s: SearchState, budget: number): number {
  const { rowStart, rowLen, edgeCol, edgeCost } = g;
  const { dist, fin, pred, touched, finals } = s;
  let nTouched = 0;
  let nFinal = 0;
  s.heapLen = 0;
  let i = start;
  let h = 0;
  let last = -1;
  let minVal = 0;
  for (;;) {
    const at = rowStart[i] as number;
    const end = at + (rowLen[i] as number);
    budget -= end - at;
    if (budget < 0) return -1;
    for (let q = at; q < end; q++) {
      const j = edgeCol[q] as number;
      if (fin[j] === 1) continue;
      const r = h + (edgeCost[q] as number) - (v[j] as number);
      if (r < (dist[j] as number)) {
        if (dist[j] === Infinity) touched[nTouched++] = j;
        dist[j] = r;
        pred[j] = i;
        push(s, r, j);
      }
    }
    // Next closest column (lazy deletion of stale heap entries).
    let j = -1;
    while (s.heapLen > 0) {
      const key = s.heapKey[0] as number;
      const cand = pop(s);
      if (fin[cand] === 0 && key === dist[cand]) {
        j = cand;
        break;
      }
    }
    if (j < 0) return -1; // no augmenting path in the candidate graph
    minVal = dist[j] as number;
    fin[j] = 1;
    finals[nFinal++] = j;
    if ((y[j] as number) < 0) {
      last = j;
      break;
    }
    i = y[j] as number;
    h = minVal - ((c[i * n + j] as number) - (v[j] as number));
  }
  for (let q = 0; q < nFinal; q++) {
    const j = finals[q] as number;
    v[j] = (v[j] as number) + (dist[j] as number) - minVal;
    fin[j] = 0;
  }
  for (let q = 0; q < nTouched; q++) dist[touched[q] as number] = Infinity;
  // Augment.
  let j = last;
  for (;;) {
    const r = pred[j] as number;
    y[j] = r;
    const next = x[r] as number;
    x[r] = j;
    if (r === start) break;
    j = next;
  }
  return budget;
}

function push(s: SearchState, key: number, val: number): void {
  const { heapKey, heapVal } = s;
  let p = s.heapLen++;
  while (p > 0) {
    const parent = (p - 1) >> 1;
    if ((heapKey[parent] as number) <= key) break;
    heapKey[p] = heapKey[parent] as number;
    heapVal[p] = heapVal[parent] as number;
    p = parent;
  }
  heapKey[p] = key;
  heapVal[p] = val;
}

function pop(s: SearchState): number {
  const { heapKey, heapVal } = s;
  const top = heapVal[0] as number;
  const len = --s.heapLen;
  const lastKey = heapKey[len] as number;
  const lastVal = heapVal[len] as number;
  let p = 0;
  for (;;) {
    let child = 2 * p + 1;
    if (child >= len) break;
    if (child + 1 < len && (heapKey[child + 1] as number) < (heapKey[child] as number)) child++;
    if ((heapKey[child] as number) >= lastKey) break;
    heapKey[p] = heapKey[child] as number;
    heapVal[p] = heapVal[child] as number;
    p = child;
  }
  heapKey[p] = lastKey;
  heapVal[p] = lastVal;
  return top;
}

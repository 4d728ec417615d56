/**
 * A fast path of the LSAP kernel for large square matrices: solve on a
 * sparse candidate graph, then prove optimality on the full matrix.
 *
 * 1. Candidates: every row keeps its K smallest column-reduced costs
 *    c_ij − min_i' c_i'j (and possibly a few more, up to 4K: see
 *    selectCandidates), and every column its minimum row (so no column is
 *    isolated). The column minima may come from the caller's own pass.
 * 2. Jonker–Volgenant on that graph: column reduction (v_j = column
 *    minimum, each column to its minimum row while that row is free), two
 *    rounds of augmenting row reduction (8n steps each: a step costs K, not
 *    n), then shortest augmenting paths (Dijkstra with a binary heap) from
 *    the rows still free.
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

import { columnMinima, type ColumnMinima } from './lsapMinima.js';

/** Candidates per row: enough that random instances rarely need the dense fallback. */
function candidatesPerRow(n: number): number {
  return Math.min(n, 8 + 2 * Math.ceil(Math.log2(n)));
}

/**
 * Solves the n×n finite matrix `c` (row-major) on candidates and certifies
 * the result; undefined when it cannot (see the module doc).
 * @internal
 */
export function lsapSparse(c: Float64Array, n: number, minima?: ColumnMinima): Int32Array | undefined {
  const K = candidatesPerRow(n);
  // Column minima and their rows.
  const { min: colMin, row: colArg } = minima ?? columnMinima(c, n, n);
  // At least K smallest reduced costs per row (see selectCandidates).
  const extra = new Int32Array(n); // column-minimum edges not already among a row's candidates
  for (let j = 0; j < n; j++) extra[colArg[j] as number] = (extra[colArg[j] as number] as number) + 1;
  const cap = CAP_FACTOR * K;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i] as number) + cap + (extra[i] as number);
  const edgeCol = new Int32Array(rowStart[n] as number);
  const edgeCost = new Float64Array(rowStart[n] as number);
  const rowLen = new Int32Array(n);
  // Rows whose K smallest reduced costs all tie (few distinct costs, such as
  // small integers): the candidates are then an arbitrary slice of the ties,
  // the graph rarely holds the optimum, and the dense algorithm does well.
  const tied = selectCandidates(c, n, K, cap, colMin, rowStart, rowLen, edgeCol, edgeCost);
  if (tied > n >> 1) return undefined;
  for (let j = 0; j < n; j++) {
    const i = colArg[j] as number;
    const at = rowStart[i] as number;
    let present = false;
    for (let q = 0; q < (rowLen[i] as number); q++) if (edgeCol[at + q] === j) present = true;
    if (!present) {
      edgeCol[at + (rowLen[i] as number)] = j;
      edgeCost[at + (rowLen[i] as number)] = c[i * n + j] as number;
      rowLen[i] = (rowLen[i] as number) + 1;
    }
  }

  // Shortest augmenting paths on the candidate graph.
  // Start as Jonker–Volgenant's column reduction: v_j = column minimum (all
  // reduced costs ≥ 0), each column to its minimum row while that row is free.
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(n).fill(-1);
  const v = Float64Array.from(colMin); // colMin may be the caller's: not written
  for (let j = n - 1; j >= 0; j--) {
    const i = colArg[j] as number;
    if (x[i] === -1) {
      x[i] = j;
      y[j] = i;
    }
  }
  const dist = new Float64Array(n).fill(Infinity);
  const fin = new Uint8Array(n);
  const pred = new Int32Array(n);
  const touched = new Int32Array(n);
  const finals = new Int32Array(n);
  // A search pushes at most once per edge relaxation: sized by the edges kept.
  let nEdges = 0;
  for (let i = 0; i < n; i++) nEdges += rowLen[i] as number;
  const heapKey = new Float64Array(nEdges);
  const heapVal = new Int32Array(nEdges);
  // Augmenting row reduction on the candidate graph (cheap here: K edges a
  // step, so the step budget is generous).
  const free = new Int32Array(n);
  let nFree = 0;
  for (let i = 0; i < n; i++) if (x[i] === -1) free[nFree++] = i;
  for (let round = 0; round < 2 && nFree > 0; round++) {
    nFree = sparseRowReduction(rowStart, rowLen, edgeCol, edgeCost, n, x, y, v, free, nFree);
  }
  // Work budget of all searches, in edge scans: n², a few dense passes
  // counting the heap. Past
  // it the candidate graph is a poor fit (ties, structured costs: the
  // searches reach most of it again and again) and the dense algorithm is
  // cheaper than finishing here.
  let scans = 0;
  const scanBudget = n * n;
  for (let f = 0; f < nFree; f++) {
    const s = free[f] as number;
    let nTouched = 0;
    let nFinal = 0;
    let heapLen = 0;
    const push = (key: number, val: number): void => {
      let p = heapLen++;
      while (p > 0) {
        const parent = (p - 1) >> 1;
        if ((heapKey[parent] as number) <= key) break;
        heapKey[p] = heapKey[parent] as number;
        heapVal[p] = heapVal[parent] as number;
        p = parent;
      }
      heapKey[p] = key;
      heapVal[p] = val;
    };
    const pop = (): number => {
      const top = heapVal[0] as number;
      const lastKey = heapKey[--heapLen] as number;
      const lastVal = heapVal[heapLen] as number;
      let p = 0;
      for (;;) {
        let child = 2 * p + 1;
        if (child >= heapLen) break;
        if (child + 1 < heapLen && (heapKey[child + 1] as number) < (heapKey[child] as number)) child++;
        if ((heapKey[child] as number) >= lastKey) break;
        heapKey[p] = heapKey[child] as number;
        heapVal[p] = heapVal[child] as number;
        p = child;
      }
      heapKey[p] = lastKey;
      heapVal[p] = lastVal;
      return top;
    };
    let i = s;
    let h = 0;
    let last = -1;
    let minVal = 0;
    for (;;) {
      const at = rowStart[i] as number;
      const end = at + (rowLen[i] as number);
      scans += end - at;
      if (scans > scanBudget) return undefined;
      for (let q = at; q < end; q++) {
        const j = edgeCol[q] as number;
        if (fin[j] === 1) continue;
        const r = h + (edgeCost[q] as number) - (v[j] as number);
        if (r < (dist[j] as number)) {
          if (dist[j] === Infinity) touched[nTouched++] = j;
          dist[j] = r;
          pred[j] = i;
          push(r, j);
        }
      }
      // Next closest column (lazy deletion of stale heap entries).
      let j = -1;
      while (heapLen > 0) {
        const key = heapKey[0] as number;
        const cand = pop();
        if (fin[cand] === 0 && key === dist[cand]) {
          j = cand;
          break;
        }
      }
      if (j < 0) break; // no augmenting path in the candidate graph
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
    if (last < 0) return undefined;
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
      if (r === s) break;
      j = next;
    }
  }

  // Certificate on the full matrix.
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

/** Capacity of a row's candidate list, in multiples of K. */
const CAP_FACTOR = 3;

/**
 * For each row i, writes into edgeCol/edgeCost (from rowStart[i], length
 * rowLen[i]) columns whose reduced cost r_ij = c_ij − colMin_j is at most a
 * row threshold τ_i, such that they include K smallest r_ij and number at
 * most `cap`. τ_i starts from a guess carried over from the previous row,
 * scaled so that about 1.5·K columns pass; when the list fills up, it is cut
 * to its K smallest (see keepSmallest), τ_i becomes the K-th smallest and
 * later ties with it are skipped (one cut per row on integer costs);
 * when fewer than K pass, the row is rescanned with no threshold. On random
 * matrices most rows take one pass whose branch is rarely taken (a sorted
 * insertion per row costs several times more). Returns the number of rows
 * whose K smallest all tie, or n when most of the first 16 or more do (the
 * other rows are then left unset).
 */
function selectCandidates(
  c: Float64Array, n: number, K: number, cap: number, colMin: Float64Array,
  rowStart: Int32Array, rowLen: Int32Array, edgeCol: Int32Array, edgeCost: Float64Array,
): number {
  const red = new Float64Array(cap);
  let tied = 0;
  const scratch = new Float64Array(cap);
  let guess = Infinity;
  for (let i = 0; i < n; i++) {
    const base = i * n;
    const at = rowStart[i] as number;
    let tau = guess;
    let len = 0;
    let strict = false; // after a cut, ties with the K-th no longer enter
    for (let pass = 0; pass < 2; pass++) {
      len = 0;
      strict = false;
      for (let j = 0; j < n; j++) {
        const r = (c[base + j] as number) - (colMin[j] as number);
        if (r <= tau) {
          if (strict && r === tau) continue;
          red[len] = r;
          edgeCol[at + len] = j;
          if (++len === cap) {
            tau = keepSmallest(red, scratch, edgeCol, at, K);
            len = K;
            strict = true;
          }
        }
      }
      if (len >= K || tau === Infinity) break;
      tau = Infinity; // the guess was too low: rescan the row
    }
    for (let q = 0; q < len; q++) edgeCost[at + q] = c[base + (edgeCol[at + q] as number)] as number;
    rowLen[i] = len;
    let least = Infinity;
    let nLeast = 0;
    for (let q = 0; q < len; q++) {
      const r = red[q] as number;
      if (r < least) {
        least = r;
        nLeast = 0;
      }
      if (r === least) nLeast++;
    }
    if (nLeast >= K) tied++;
    // Ties in most of the first rows: stop early (the caller gives up).
    if (i >= 15 && 4 * tied > 3 * (i + 1)) return n;
    // Next guess: scale τ so that about 1.5·K columns would pass (the count
    // is roughly proportional to τ for small τ), within a factor 4 either way.
    guess = tau * Math.min(4, Math.max(0.25, (1.5 * K) / Math.max(len, 1)));
  }
  return tied;
}

/**
 * Cuts a full candidate list (reduced costs in `red`, columns in
 * edgeCol[at..]) to its K smallest, ties broken by position; returns the
 * K-th smallest value.
 */
function keepSmallest(red: Float64Array, scratch: Float64Array, edgeCol: Int32Array, at: number, K: number): number {
  scratch.set(red);
  const kth = selectKth(scratch, K - 1);
  // Entries below the K-th number K - ties: keep the first `ties` equal to it.
  let ties = K;
  for (let q = 0; q < scratch.length; q++) if ((scratch[q] as number) < kth) ties--;
  let kept = 0;
  for (let q = 0; q < red.length; q++) {
    const r = red[q] as number;
    if (r < kth || (r === kth && ties-- > 0)) {
      red[kept] = r;
      edgeCol[at + kept] = edgeCol[at + q] as number;
      kept++;
    }
  }
  return kth;
}

/**
 * The k-th smallest (0-based) of `a` by quickselect (Hoare partition,
 * median-of-three pivot), reordering `a`. Expected O(a.length).
 */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/**
 * Steps of one sparse row-reduction round, per row (8 rather than 32: the
 * shortest augmenting paths finish the last rows for less; measured at
 * n = 300 to 2000 on uniform random matrices).
 */
const ARR_STEPS_PER_ROW = 8;

/**
 * One round of Jonker–Volgenant augmenting row reduction over the candidate
 * edges (see the dense version in lsap.ts); returns the rows left free,
 * compacted at the front of `free`.
 */
function sparseRowReduction(
  rowStart: Int32Array, rowLen: Int32Array, edgeCol: Int32Array, edgeCost: Float64Array, n: number,
  x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, nFree: number,
): number {
  let current = 0;
  let nextFree = 0;
  let steps = 0;
  while (current < nFree) {
    steps++;
    const i = free[current++] as number;
    const at = rowStart[i] as number;
    const end = at + (rowLen[i] as number);
    let j1 = -1;
    let u1 = Infinity;
    let j2 = -1;
    let u2 = Infinity;
    for (let q = at; q < end; q++) {
      const j = edgeCol[q] as number;
      const r = (edgeCost[q] as number) - (v[j] as number);
      if (r < u2) {
        if (r >= u1) {
          u2 = r;
          j2 = j;
        } else {
          u2 = u1;
          j2 = j1;
          u1 = r;
          j1 = j;
        }
      }
    }
    if (j1 < 0) {
      free[nextFree++] = i;
      continue;
    }
    let i0 = y[j1] as number;
    const lowered = (v[j1] as number) - (u2 - u1);
    const lowers = u2 !== Infinity && lowered < (v[j1] as number);
    if (steps < current * n && steps < ARR_STEPS_PER_ROW * n) {
      if (lowers) v[j1] = lowered;
      else if (i0 >= 0 && j2 >= 0) {
        j1 = j2;
        i0 = y[j2] as number;
      }
      if (i0 >= 0) {
        if (lowers) free[--current] = i0;
        else free[nextFree++] = i0;
      }
    } else if (i0 >= 0) {
      free[nextFree++] = i0;
    }
    x[i] = j1;
    y[j1] = i;
    if (i0 >= 0 && x[i0] === j1) x[i0] = -1;
  }
  return nextFree;
}

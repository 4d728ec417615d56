/**
 * A fast path of the LSAP kernel for large square matrices: solve on a
 * sparse candidate graph, then prove optimality on the full matrix.
 *
 * 1. Candidates: every row keeps its K smallest column-reduced costs
 *    c_ij − min_i' c_i'j, and every column its minimum row (so no column is
 *    isolated).
 * 2. Jonker–Volgenant on that graph: column reduction (v_j = column
 *    minimum, each column to its minimum row while that row is free), two
 *    rounds of augmenting row reduction (32n steps each: a step costs K, not
 *    n), then shortest augmenting paths (Dijkstra with a binary heap) from
 *    the rows still free.
 * 3. Certificate: with u_i = c[i][x_i] − v[x_i], the matching is optimal for
 *    the full matrix when c_ij − u_i − v_j ≥ 0 for every (i, j) (LP duality:
 *    dual feasible and complementary). One O(n²) pass checks it.
 * Returns undefined when the candidate graph has no perfect matching or the
 * certificate fails (then the caller runs the dense algorithm): a returned
 * matching is optimal by the same dual argument as the dense algorithm's
 * (checked with the computed duals, so up to their floating-point rounding).
 * @internal
 * @module
 */

/** Candidates per row: enough that random instances rarely need the dense fallback. */
function candidatesPerRow(n: number): number {
  return Math.min(n, 8 + 2 * Math.ceil(Math.log2(n)));
}

/**
 * Solves the n×n finite matrix `c` (row-major) on candidates and certifies
 * the result; undefined when it cannot (see the module doc).
 * @internal
 */
export function lsapSparse(c: Float64Array, n: number): Int32Array | undefined {
  const K = candidatesPerRow(n);
  // Column minima and their rows.
  const colMin = new Float64Array(n).fill(Infinity);
  const colArg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const v = c[base + j] as number;
      if (v < (colMin[j] as number)) {
        colMin[j] = v;
        colArg[j] = i;
      }
    }
  }
  // K smallest reduced costs per row (insertion into a small sorted buffer).
  const extra = new Int32Array(n); // column-minimum edges not already among a row's K
  for (let j = 0; j < n; j++) extra[colArg[j] as number] = (extra[colArg[j] as number] as number) + 1;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i] as number) + K + (extra[i] as number);
  const edgeCol = new Int32Array(rowStart[n] as number);
  const edgeCost = new Float64Array(rowStart[n] as number);
  const rowLen = new Int32Array(n);
  const bufR = new Float64Array(K);
  const bufJ = new Int32Array(K);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    let len = 0;
    let worst = Infinity; // the K-th smallest so far (Infinity while fewer than K)
    for (let j = 0; j < n; j++) {
      const r = (c[base + j] as number) - (colMin[j] as number);
      if (r < worst) {
        let p = len < K ? len++ : len - 1;
        while (p > 0 && (bufR[p - 1] as number) > r) {
          bufR[p] = bufR[p - 1] as number;
          bufJ[p] = bufJ[p - 1] as number;
          p--;
        }
        bufR[p] = r;
        bufJ[p] = j;
        if (len === K) worst = bufR[K - 1] as number;
      }
    }
    const at = rowStart[i] as number;
    for (let q = 0; q < len; q++) {
      edgeCol[at + q] = bufJ[q] as number;
      edgeCost[at + q] = c[base + (bufJ[q] as number)] as number;
    }
    rowLen[i] = len;
  }
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
  const v = Float64Array.from(colMin);
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
  const heapKey = new Float64Array(rowStart[n] as number);
  const heapVal = new Int32Array(rowStart[n] as number);
  // Augmenting row reduction on the candidate graph (cheap here: K edges a
  // step, so the step budget is generous).
  const free = new Int32Array(n);
  let nFree = 0;
  for (let i = 0; i < n; i++) if (x[i] === -1) free[nFree++] = i;
  for (let round = 0; round < 2 && nFree > 0; round++) {
    nFree = sparseRowReduction(rowStart, rowLen, edgeCol, edgeCost, n, x, y, v, free, nFree);
  }
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

/** Steps of one sparse row-reduction round, per row. */
const ARR_STEPS_PER_ROW = 32;

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

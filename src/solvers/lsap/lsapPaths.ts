/**
 * Shortest augmenting paths on a dense cost matrix, the last phase of the
 * dense LSAP kernel (`lsap.ts`): Dijkstra over reduced costs from a free row
 * to the nearest free column (Jonker & Volgenant 1987; Crouse 2016, IEEE
 * TAES 52(4), for the rectangular form), then the flip of the path.
 * Forbidden pairs are `Infinity` costs: they are never on a path, and a
 * search that reaches no free column through allowed pairs reports it
 * (-1): then no matching of every row avoids forbidden pairs (see
 * {@link shortestPath}).
 * @internal
 * @module
 */

/** Scratch arrays of {@link shortestPath}, allocated once per solve. */
export interface PathScratch {
  /** Column at each position; positions [0, nRemaining) are not final yet. */
  readonly col: Int32Array;
  /** Distance of the column at each position. */
  readonly dist: Float64Array;
  /** Dual of the column at each position (copied in, written back). */
  readonly dual: Float64Array;
  /** Predecessor row of the column at each position. */
  readonly from: Int32Array;
}

/** Fresh scratch for matrices with `cols` columns. */
export function pathScratch(cols: number): PathScratch {
  return { col: new Int32Array(cols), dist: new Float64Array(cols), dual: new Float64Array(cols), from: new Int32Array(cols) };
}

/**
 * Dijkstra-like search from free row `start` over reduced costs c − v (row
 * duals stay implicit: u_i = c[i][x_i] − v[x_i]). The per-column state is
 * kept by position so the hot loop reads it contiguously; one pass per
 * reached row both relaxes distances and picks the next closest column (a
 * free column wins ties). Returns the free column that ends the path; writes
 * `pred` for the final columns and lowers their duals so that the augmented
 * matching stays dual feasible. Only final columns' duals change, and a free
 * column is final only as the end of the path (its dual unchanged), so free
 * columns keep their duals.
 *
 * Returns -1, changing nothing, when every column not yet reached is at
 * distance Infinity: no alternating path of allowed pairs leads from
 * `start` to a free column. Then no matching covers every row (if one, P,
 * did, the component of start in P ⊕ current matching would be such a
 * path: it cannot end at a row, since P covers every row).
 */
export function shortestPath(
  c: Float64Array, cols: number, start: number, x: Int32Array, y: Int32Array, v: Float64Array,
  pred: Int32Array, s: PathScratch,
): number {
  const { col, dist, dual, from } = s;
  for (let j = 0; j < cols; j++) {
    col[j] = j;
    dist[j] = Infinity;
    dual[j] = v[j] as number;
  }
  let nRemaining = cols;
  let i = start;
  let h = 0; // distance to row i minus its implicit dual
  let minVal = 0;
  let last = -1;
  while (last === -1) {
    const base = i * cols;
    let lowest = Infinity;
    let at = 0;
    for (let k = 0; k < nRemaining; k++) {
      const r = h + (c[base + (col[k] as number)] as number) - (dual[k] as number);
      let dk = dist[k] as number;
      if (r < dk) {
        dist[k] = r;
        from[k] = i;
        dk = r;
      }
      if (dk < lowest || (dk === lowest && (y[col[k] as number] as number) < 0)) {
        lowest = dk;
        at = k;
      }
    }
    if (lowest === Infinity) return -1;
    minVal = lowest;
    // Move the chosen column to the end (final positions).
    const end = --nRemaining;
    const j = col[at] as number;
    col[at] = col[end] as number;
    col[end] = j;
    const dd = dist[at] as number;
    dist[at] = dist[end] as number;
    dist[end] = dd;
    const vv = dual[at] as number;
    dual[at] = dual[end] as number;
    dual[end] = vv;
    const ff = from[at] as number;
    from[at] = from[end] as number;
    from[end] = ff;
    if ((y[j] as number) < 0) last = j;
    else {
      i = y[j] as number;
      const xi = x[i] as number;
      h = minVal - ((c[i * cols + xi] as number) - (v[xi] as number));
    }
  }
  for (let k = nRemaining; k < cols; k++) {
    const j = col[k] as number;
    pred[j] = from[k] as number;
    v[j] = (dual[k] as number) + (dist[k] as number) - minVal;
  }
  return last;
}

/** Flips the alternating path ending at free column `last` back to `start`. */
export function augment(x: Int32Array, y: Int32Array, pred: Int32Array, start: number, last: number): void {
  let j = last;
  for (;;) {
    const i = pred[j] as number;
    y[j] = i;
    const next = x[i] as number;
    x[i] = j;
    if (i === start) return;
    j = next;
  }
}

/**
 * The linear sum assignment kernel shared by `linearSumAssignment`,
 * `linearSumAssignmentMatrix` and the exact flowtime strategy. No validation:
 * callers pass a finite row-major matrix with `rows <= cols`.
 *
 * Square matrices get the full Jonker–Volgenant treatment (Jonker & Volgenant
 * 1987, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38): column reduction, reduction transfer,
 * two rounds of augmenting row reduction (each capped at 2n steps, see
 * ARR_STEPS_PER_ROW), then Dijkstra-like shortest augmenting paths on dense
 * arrays for the rows still free. Wide matrices
 * that are close to square are padded with zero-cost dummy rows and solved
 * the same way; very wide ones (cols > 2·rows) skip the initialization and run
 * the shortest augmenting paths from every row (the dual stays feasible from
 * v = 0, as in Crouse 2016, IEEE TAES 52(4)). Square matrices with n ≥ 250
 * first go through `lsapSparse` (K smallest reduced costs per row, then an
 * O(n²) optimality certificate on the full matrix; dense fallback).
 * @internal
 */
import { columnMinima, type ColumnMinima } from './lsapMinima.js';
import { lsapSparse } from './lsapSparse.js';

/**
 * Square matrices from this size first try the candidate-graph path
 * (`lsapSparse`, certified optimal or refused); below it the dense
 * algorithm is as fast or faster (measured on uniform random matrices:
 * equal between n = 200 and 300, the sparse path 1.6× faster at n = 500).
 */
const SPARSE_MIN_N = 250;

/**
 * Solves min Σ c[i][x[i]] over injective x: rows → columns, for a finite
 * row-major `rows × cols` matrix with `rows <= cols`. Returns `x` (row →
 * column). Never reads outside the matrix; never writes it. `minima`, when
 * given, must be the column minima of `c` (see `columnMinima`); it is only
 * used for square matrices and is not written.
 */
export function lsapKernel(c: Float64Array, rows: number, cols: number, minima?: ColumnMinima): Int32Array {
  if (rows === 0) return new Int32Array(0);
  if (rows === cols) {
    const m = minima ?? columnMinima(c, rows, cols);
    return (rows >= SPARSE_MIN_N ? lsapSparse(c, rows, m) : undefined) ?? lsapSquare(c, rows, m);
  }
  if (cols <= 2 * rows) {
    const padded = new Float64Array(cols * cols);
    padded.set(c.subarray(0, rows * cols));
    return lsapSquare(padded, cols).subarray(0, rows);
  }
  return lsapWide(c, rows, cols);
}

/** Jonker–Volgenant on an n×n finite matrix. */
function lsapSquare(c: Float64Array, n: number, minima?: ColumnMinima): Int32Array {
  // One buffer per element type, cut into views: small typed arrays cost
  // more to allocate than to fill at n ≈ 100.
  const ints = new Int32Array(6 * n);
  const floats = new Float64Array(3 * n);
  const x = ints.subarray(0, n).fill(-1); // row → column
  const y = ints.subarray(n, 2 * n).fill(-1); // column → row
  const v = floats.subarray(0, n); // column duals
  if (n === 1) {
    x[0] = 0;
    return x;
  }
  const free = ints.subarray(2 * n, 3 * n);
  let nFree = columnReduction(c, n, x, y, v, free, minima ?? columnMinima(c, n, n));
  for (let round = 0; round < 2 && nFree > 0; round++) {
    nFree = augmentingRowReduction(c, n, x, y, v, free, nFree);
  }
  const pred = ints.subarray(3 * n, 4 * n);
  const scratch: PathScratch = { col: ints.subarray(4 * n, 5 * n), from: ints.subarray(5 * n, 6 * n), dist: floats.subarray(n, 2 * n), dual: floats.subarray(2 * n, 3 * n) };
  for (let f = 0; f < nFree; f++) {
    const start = free[f] as number;
    const last = shortestPath(c, n, start, x, y, v, pred, scratch);
    augment(x, y, pred, start, last);
  }
  return x;
}

/**
 * Column reduction and reduction transfer: v[j] = min over the column (from
 * `minima`); each column goes to its (lowest-index) minimal row if that row
 * is still free;
 * rows that won exactly one column transfer their slack to it. Writes the
 * free rows into `free` and returns their count.
 */
function columnReduction(c: Float64Array, n: number, x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, minima: ColumnMinima): number {
  v.set(minima.min);
  y.set(minima.row);
  const unique = new Uint8Array(n).fill(1);
  for (let j = n - 1; j >= 0; j--) {
    const i = y[j] as number;
    if (x[i] === -1) x[i] = j;
    else {
      unique[i] = 0;
      y[j] = -1;
    }
  }
  let nFree = 0;
  for (let i = 0; i < n; i++) {
    const j = x[i] as number;
    if (j === -1) free[nFree++] = i;
    else if (unique[i] === 1) {
      const base = i * n;
      let min = Infinity;
      for (let k = 0; k < n; k++) {
        if (k === j) continue;
        const r = (c[base + k] as number) - (v[k] as number);
        if (r < min) min = r;
      }
      v[j] = (v[j] as number) - min;
    }
  }
  return nFree;
}

/**
 * One round of augmenting row reduction: each free row takes its cheapest
 * column (in reduced cost), lowering that column's dual to the second-cheapest
 * level, and evicts the previous owner, which is processed next. The step
 * counter bounds the round, so it ends even when duals stop moving. Returns
 * the number of rows still free (compacted to the front of `free`).
 */
/**
 * Step budget of one augmenting-row-reduction round, in multiples of n. On
 * integer costs the reduction settles almost every row quickly; on continuous
 * costs its dual decrements get tiny and it can spin for O(n²) steps, so the
 * rows still free after 2n steps go to the shortest augmenting paths instead
 * (measured on uniform random matrices, n = 50 to 1000: 2n is 10% faster than
 * 4n at n = 100 and 200, and no slower on integer costs).
 */
const ARR_STEPS_PER_ROW = 2;
function augmentingRowReduction(
  c: Float64Array, n: number, x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, nFree: number,
): number {
  let current = 0;
  let nextFree = 0;
  let steps = 0;
  while (current < nFree) {
    steps++;
    const i = free[current++] as number;
    const base = i * n;
    let j1 = 0;
    let u1 = (c[base] as number) - (v[0] as number);
    let j2 = -1;
    let u2 = Infinity;
    for (let j = 1; j < n; j++) {
      const r = (c[base + j] as number) - (v[j] as number);
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
    let i0 = y[j1] as number;
    const lowered = (v[j1] as number) - (u2 - u1);
    const lowers = lowered < (v[j1] as number);
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

/** Scratch arrays of {@link shortestPath}, allocated once per solve. */
interface PathScratch {
  /** Column at each position; positions [0, nRemaining) are not final yet. */
  readonly col: Int32Array;
  /** Distance of the column at each position. */
  readonly dist: Float64Array;
  /** Dual of the column at each position (copied in, written back). */
  readonly dual: Float64Array;
  /** Predecessor row of the column at each position. */
  readonly from: Int32Array;
}

function pathScratch(cols: number): PathScratch {
  return { col: new Int32Array(cols), dist: new Float64Array(cols), dual: new Float64Array(cols), from: new Int32Array(cols) };
}

/**
 * Dijkstra-like search from free row `start` over reduced costs c − v (row
 * duals stay implicit: u_i = c[i][x_i] − v[x_i]). The per-column state is
 * kept by position so the hot loop reads it contiguously; one pass per
 * reached row both relaxes distances and picks the next closest column (a
 * free column wins ties). Returns the free column that ends the path; writes
 * `pred` for the final columns and lowers their duals so that the augmented
 * matching stays dual feasible.
 */
function shortestPath(
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
function augment(x: Int32Array, y: Int32Array, pred: Int32Array, start: number, last: number): void {
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

/**
 * Shortest augmenting paths from every row of a wide matrix (rows < cols),
 * no initialization: v = 0 is dual feasible for the empty matching.
 */
function lsapWide(c: Float64Array, rows: number, cols: number): Int32Array {
  const x = new Int32Array(rows).fill(-1);
  const y = new Int32Array(cols).fill(-1);
  const v = new Float64Array(cols);
  const pred = new Int32Array(cols);
  const scratch = pathScratch(cols);
  for (let start = 0; start < rows; start++) {
    const last = shortestPath(c, cols, start, x, y, v, pred, scratch);
    augment(x, y, pred, start, last);
  }
  return x;
}

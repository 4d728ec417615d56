/**
 * The linear sum assignment kernel shared by `linearSumAssignment`,
 * `linearSumAssignmentMatrix` and the exact flowtime strategy. No validation:
 * callers pass a row-major matrix with `rows <= cols` whose entries are
 * finite or `+Infinity` (a forbidden pair), with `finite` telling which.
 *
 * Square matrices get the full Jonker–Volgenant treatment (Jonker & Volgenant
 * 1987, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38): column reduction, reduction transfer,
 * two rounds of augmenting row reduction (`lsapRowReduction.ts`), then
 * Dijkstra-like shortest augmenting paths on dense arrays (`lsapPaths.ts`)
 * for the rows still free. Rectangular matrices are solved as given (no
 * padding): the duals start at v = 0, two rounds of augmenting row reduction
 * from every row (each row takes its cheapest column, lowering only the duals
 * of columns that get an owner), then the shortest augmenting paths; free
 * columns keep v = 0 throughout, which with v ≤ 0 and u_i + v_j ≤ c_ij is
 * the optimality condition of the rectangular problem (Bijsterbosch &
 * Volgenant 2010, Comput. Oper. Res. 37(3); Crouse 2016, IEEE TAES 52(4)).
 * Finite square matrices are first offered to `lsapMonge` (Monge up to a
 * reordering of rows and columns, such as i·j, rank one a_i·b_j or
 * constant: the optimum in closed form, certified by its duals in O(n²),
 * while the augmenting paths take Θ(n³) there; refused in O(1) for most
 * other matrices). Finite square matrices with n ≥ 250 then go through `lsapSparse` (K
 * smallest reduced costs per row, then an O(n²) optimality certificate on
 * the full matrix; dense fallback). The dense algorithm runs in WebAssembly
 * when available (`lsapWasm.ts`: the same operations, the same result), in
 * JavaScript otherwise.
 * @internal
 */
import { columnMinima, type ColumnMinima } from './lsapMinima.js';
import { augment, pathScratch, shortestPath, type PathScratch } from './lsapPaths.js';
import { lsapMonge } from './lsapMonge.js';
import { denseRowReduction } from './lsapRowReduction.js';
import { lsapSparse } from './lsapSparse.js';
import { denseWasm, SPARSE_MIN_N } from './lsapWasm.js';

/**
 * Solves min Σ c[i][x[i]] over injective x: rows → columns avoiding
 * `Infinity` entries, for a row-major `rows × cols` matrix with
 * `rows <= cols`. Returns `x` (row → column), or undefined when a search
 * found no augmenting path of allowed pairs (no such x exists, if nothing
 * overflowed: the caller confirms). Never reads outside the matrix; never
 * writes it. `minima`, when given, must be the column minima of `c` (see
 * `columnMinima`); it is only used for square matrices and is not written.
 * `finite`: no entry is `Infinity` (enables the sparse path; with
 * `Infinity` entries it must be false). `rowReduction`: rectangular
 * matrices start with augmenting row reduction (false: shortest augmenting
 * paths from every row in order, Crouse's plain method, which the exact
 * flowtime strategy keeps so that its tie choices stay as pinned; false also
 * skips the Monge path on square matrices, for the same reason).
 */
export function lsapKernel(c: Float64Array, rows: number, cols: number, minima?: ColumnMinima, finite = true, rowReduction = true): Int32Array | undefined {
  if (rows === 0) return new Int32Array(0);
  if (rows === cols) {
    const monge = finite && rowReduction ? lsapMonge(c, rows) : undefined;
    if (monge !== undefined) return monge;
    const m = minima ?? columnMinima(c, rows, cols);
    return (finite && rows >= SPARSE_MIN_N ? lsapSparse(c, rows, m) : undefined) ?? lsapSquare(c, rows, m);
  }
  return lsapRectangular(c, rows, cols, rowReduction);
}

/** Jonker–Volgenant on an n×n matrix. */
function lsapSquare(c: Float64Array, n: number, minima: ColumnMinima): Int32Array | undefined {
  // The same algorithm in WebAssembly when available (identical result).
  const w = denseWasm(c, n, n, minima, true);
  if (w !== null) return w;
  // One buffer per element type, cut into views: small typed arrays cost
  // more to allocate than to fill at n ≈ 100.
  const ints = new Int32Array(6 * n);
  const floats = new Float64Array(3 * n);
  const x = ints.subarray(0, n).fill(-1); // row → column
  const y = ints.subarray(n, 2 * n).fill(-1); // column → row
  const v = floats.subarray(0, n); // column duals
  const free = ints.subarray(2 * n, 3 * n);
  let nFree = columnReduction(c, n, x, y, v, free, minima);
  if (nFree < 0) return undefined;
  for (let round = 0; round < 2 && nFree > 0; round++) {
    nFree = denseRowReduction(c, n, n, x, y, v, free, nFree);
  }
  const pred = ints.subarray(3 * n, 4 * n);
  const scratch: PathScratch = { col: ints.subarray(4 * n, 5 * n), from: ints.subarray(5 * n, 6 * n), dist: floats.subarray(n, 2 * n), dual: floats.subarray(2 * n, 3 * n) };
  return augmentAll(c, n, x, y, v, free, nFree, pred, scratch);
}

/**
 * Shortest augmenting paths from the rows free[0..nFree); undefined when one
 * has none, or when a dual is not finite at the end (the sums overflowed:
 * the caller rescales).
 */
function augmentAll(
  c: Float64Array, cols: number, x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, nFree: number,
  pred: Int32Array, scratch: PathScratch,
): Int32Array | undefined {
  for (let f = 0; f < nFree; f++) {
    const start = free[f] as number;
    const last = shortestPath(c, cols, start, x, y, v, pred, scratch);
    if (last < 0) return undefined;
    augment(x, y, pred, start, last);
  }
  for (let j = 0; j < cols; j++) if (!Number.isFinite(v[j])) return undefined;
  return x;
}

/**
 * Column reduction and reduction transfer: v[j] = min over the column (from
 * `minima`); each column goes to its (lowest-index) minimal row if that row
 * is still free; rows that won exactly one column transfer their slack to it
 * (when finite: a row with one allowed pair keeps it). Writes the free rows
 * into `free` and returns their count, or -1 when a column has no allowed
 * pair (no perfect matching).
 */
function columnReduction(c: Float64Array, n: number, x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, minima: ColumnMinima): number {
  v.set(minima.min);
  y.set(minima.row);
  const unique = new Uint8Array(n).fill(1);
  for (let j = n - 1; j >= 0; j--) {
    if (v[j] === Infinity) return -1;
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
      if (min !== Infinity) v[j] = (v[j] as number) - min;
    }
  }
  return nFree;
}

/**
 * A `rows × cols` matrix with rows < cols, as given: v = 0, augmenting row
 * reduction from every row, shortest augmenting paths for the rest. Free
 * columns keep v = 0 (see the module doc), which the exact flowtime
 * strategy's stopping rule relies on.
 */
function lsapRectangular(c: Float64Array, rows: number, cols: number, rowReduction: boolean): Int32Array | undefined {
  const w = denseWasm(c, rows, cols, undefined, rowReduction);
  if (w !== null) return w;
  const x = new Int32Array(rows).fill(-1);
  const y = new Int32Array(cols).fill(-1);
  const v = new Float64Array(cols);
  const free = new Int32Array(rows);
  for (let i = 0; i < rows; i++) free[i] = i;
  let nFree = rows;
  for (let round = 0; round < 2 && nFree > 0 && rowReduction; round++) {
    nFree = denseRowReduction(c, rows, cols, x, y, v, free, nFree);
  }
  return augmentAll(c, cols, x, y, v, free, nFree, new Int32Array(cols), pathScratch(cols));
}

/**
 * Linear sum assignment (the rectangular assignment problem), exact: the
 * public entry points, their options and result, and the input scan; the
 * solve itself is `lsapSolve.ts`.
 * @module
 */
import { identityDuals } from './lsapMonge.js';
import { identityPass, identityResult } from './lsapIdentity.js';
import { lastScanSpan, wasmMatrix, wasmScan } from './lsapWasm.js';
import { copyRows, magnitudeScale, readOptions, rowOf, scanStats, setRows, workBuffer, type Stats } from './lsapInput.js';
import { solveLsap } from './lsapSolve.js';
import { checkArray, checkInteger, rangeError, typeError } from '../../internal/errors.js';

/** Options of {@link linearSumAssignment} and {@link linearSumAssignmentMatrix}. */
export interface LinearSumAssignmentOptions {
  /**
   * Maximize the total instead of minimizing it. Forbidden pairs are then
   * marked `-Infinity` (minimizing: `+Infinity`), as in scipy.
   * @defaultValue false
   */
  readonly maximize?: boolean;
  /**
   * A finite cost limit L, as lapjv's `cost_limit`; every row and every column
   * may stay unmatched, each at a price of L/2, so the result minimizes
   * Σ matched costs + (L/2)·(unmatched rows + unmatched columns), which is
   * the same as minimizing Σ over matched pairs of (cost − L). A pair dearer
   * than L is never matched; a pair costing exactly L may or may not be.
   * When maximizing, the result maximizes Σ matched + (L/2)·(unmatched
   * vertices): pairs worth less than L are never matched. With a limit there
   * is always a solution (the empty matching), so no `InfeasibleError`; the
   * result lists the unmatched rows and columns.
   * @defaultValue undefined (every min(rows, cols) pairs are matched)
   */
  readonly costLimit?: number;
}

/** The result of {@link linearSumAssignment}. */
export interface LinearSumAssignmentResult {
  /** `assignment[i]`: the column of row i, or -1 when row i is left out (more rows than columns, or the cost limit). */
  readonly assignment: number[];
  /** Σ cost[i][assignment[i]] over assigned rows (the optimum; without the limit's L/2 terms). */
  readonly cost: number;
  /** With `costLimit` only: the rows left unmatched, ascending. */
  readonly unmatchedRows?: number[];
  /** With `costLimit` only: the columns left unmatched, ascending. */
  readonly unmatchedColumns?: number[];
}

/**
 * Optimal assignment of rows to columns of a dense cost matrix: minimizes
 * (or maximizes) Σ cost[i][x(i)] over injective maps x that assign
 * min(rows, cols) pairs. `Infinity` (`-Infinity` when maximizing) marks a
 * forbidden pair. With `costLimit` L, pairs may be left out instead: the
 * minimum of Σ matched + (L/2)·(unmatched rows + columns), as lapjv's
 * `cost_limit` (see {@link LinearSumAssignmentOptions.costLimit}); it is
 * solved exactly as the rows × (cols + rows) problem where each row may take
 * one of `rows` extra columns at cost L.
 *
 * Algorithm: square matrices that are Monge up to a reordering of rows and
 * columns (c_ij = i·j, rank one a_i·b_j, constant, …) are solved in
 * O(n²) by the north-west corner assignment, certified optimal by its duals
 * (Hoffman 1963; exact test, so never a misjudged assignment; the identity
 * order is checked on the input rows before any copy, so a constant matrix
 * costs one read-only pass); the others, and any matrix the test refuses, by
 * Jonker–Volgenant (Computing 38, 1987): column reduction,
 * reduction transfer, augmenting row reduction, then Dijkstra-like shortest
 * augmenting paths on `Float64Array`. Square matrices from n = 250 are
 * first solved on a sparse candidate graph (each row's K ≈ 8 + 2·log2 n
 * smallest column-reduced costs, or a few more) and the result is certified
 * optimal on the full matrix by its duals in one O(n²) pass; when the
 * certificate fails (structured matrices such as c_ij = i·j) the dense
 * algorithm runs. A rectangular matrix is solved as given, not padded (on
 * its transpose when it has more rows than columns): augmenting row
 * reduction from v = 0, then shortest augmenting paths.
 *
 * WebAssembly: the dense algorithm (column reduction to shortest augmenting
 * paths) and the rows-form input scan (Σ|c|, the column minima, the
 * statistics of the exactness guard) run in a 3.2 KB WebAssembly module
 * embedded in the package, the sparse candidate solve and its certificate in
 * a second one of 3.6 KB (both compiled from AssemblyScript,
 * `src/solvers/lsap/wasm/`), so that the
 * first call in a process does not run them in V8's interpreter. It performs
 * the same floating-point operations in the same order as the JavaScript
 * code, which runs instead where WebAssembly is unavailable or refused (a
 * content security policy without `wasm-unsafe-eval`): the result is the
 * same either way, ties included.
 *
 * Exactness at every magnitude: forbidden pairs stay `Infinity` inside (no
 * stand-in cost that could collide with a large allowed one) and are never
 * on an augmenting path. "Infeasible" is reported only with a proof: the
 * kernel found a row with no augmenting path through allowed pairs, and a
 * maximum bipartite matching of the allowed pairs (Hopcroft–Karp) confirms
 * that fewer than min(rows, cols) rows can be matched. Costs so large that
 * the kernel's sums could overflow (|cost| · 32(k + 2) ≥ 2^1022, k =
 * min(rows, cols)) are scaled by a power of two first, exact for every entry
 * that stays above 2^-1022 after scaling; only an optimal total that itself
 * overflows a double is refused. Rounding: when the entries (as the kernel
 * sees them) are integer multiples of one power of two 2^e, each below
 * 2^(53+e)/(4(k + 2)), no operation of the kernel rounds and its result
 * stands (one O(k·K) test). Off that grid, when the nonzero entries span
 * more than 2^26 in magnitude (where rounding can reach the small entries:
 * `[[1, ∞, 1, ∞], [-1, ∞, 1, ∞], [-2e16, ∞, ∞, 1]]` once cost 3 for an
 * optimum of 1), the assignment must pass an exact dual certificate
 * (Bellman–Ford on its column graph in doubles, inequalities decided
 * exactly, `lsapCertificate.ts`), or else it is replaced by an exact
 * Hungarian solve in BigInt when k²·K ≤ 2^27 (`lsapExact.ts`); beyond that
 * size the double-precision answer is kept, not proved. Off the grid with a
 * narrower span (ordinary fractional data) the double-precision optimum is
 * returned, as by any double solver: its total is within the kernel's
 * rounding, about k²·2^-53·max |c|, of the exact optimum. `cost` is the exact sum of the
 * chosen entries rounded once. When several assignments are optimal,
 * which one is returned is deterministic (same input, same output) but not
 * specified (not lexicographically smallest).
 *
 * Complexity: O(k²·K) time worst case for a k×K matrix (off the exact
 * grid, plus the certificate: O(k·K) per pass, up to 64 passes each way) (k = min, K = max of
 * rows and columns; with `costLimit`, K + k columns); on random square
 * matrices from n = 250 close to O(n²) (three passes over the matrix, the
 * first one fused with the input validation, plus a sparse solve). O(k·K)
 * extra memory for the working copy when one is needed (transpose,
 * maximize, cost limit, scaling, or the array-of-rows input).
 *
 * @param cost - The matrix as an array of equal-length rows.
 * @param options - See {@link LinearSumAssignmentOptions}.
 * @returns The row → column assignment and its total cost (with
 *   `costLimit`, also the unmatched rows and columns).
 * @throws {@link InputTypeError} when `cost` is not an array of equal-length number arrays.
 * @throws {@link InputRangeError} for NaN, for `-Infinity` (minimizing) or `+Infinity`
 *   (maximizing), for a `costLimit` that is not a finite number, when the optimal
 *   total overflows a double.
 * @throws {@link InfeasibleError} when every assignment of min(rows, cols) pairs uses a
 *   forbidden pair (never with `costLimit`).
 * @example
 * ```ts
 * linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]);
 * // { assignment: [1, 0, 2], cost: 5 }
 * linearSumAssignment([[1, Infinity], [2, 3]]);
 * // { assignment: [0, 1], cost: 4 }
 * linearSumAssignment([[1, 9], [9, 8]], { costLimit: 6 });
 * // { assignment: [0, -1], cost: 1, unmatchedRows: [1], unmatchedColumns: [1] }
 * ```
 */
export function linearSumAssignment(
  cost: readonly (readonly number[])[],
  options?: LinearSumAssignmentOptions,
): LinearSumAssignmentResult {
  const fn = 'linearSumAssignment';
  const opts = readOptions(fn, options);
  checkArray(fn, 'cost', cost);
  const rows = cost.length;
  const cols = rows === 0 ? 0 : rowOf(fn, cost, 0).length;
  // Straight into the WebAssembly kernel's memory when it will solve `data`
  // as laid out (no copy there); a transposed or cost-limited problem is
  // copied into a new layout first, so `data` stays a plain buffer (the
  // kernel's copy would overwrite it, or its growth detach it).
  // The identity's Monge certificate (see identityDuals), checked first on
  // the input itself: constant matrices and others Monge as given are read
  // once and never copied.
  const square = rows === cols;
  const id = square && opts.costLimit === undefined && !opts.maximize ? identityDuals(rows, (i, j) => (Array.isArray(cost[i]) ? cost[i]?.[j] : undefined)) : undefined;
  if (id !== undefined) {
    const s = identityPass(fn, cost, cols, id.u, id.v);
    if (s >= 0 && s < Infinity && magnitudeScale(s, rows) === 1) return identityResult(cost, rows);
  }
  const asGiven = rows <= cols && opts.costLimit === undefined;
  const inWasm = asGiven ? wasmMatrix(rows, cols) : undefined;
  const data = inWasm ?? workBuffer(rows * cols);
  // Copy and scan in one pass: the column minima (for the kernel, see
  // ColumnMinima) and Σ|c|, which is finite only when every entry is, and
  // then bounds them all. Otherwise (forbidden pairs, a bad entry, or
  // magnitudes near overflow) scanStats redoes the scan on the copy.
  // (Only square matrices use the minima: rectangular ones skip them.)
  const min = new Float64Array(square ? cols : 0).fill(Infinity);
  const minRow = new Int32Array(square ? cols : 0);
  // In WebAssembly memory: checked and copied in JavaScript, scanned in
  // WebAssembly (the same sums and minima as copyRows). The identity's
  // certificate is not checked again: when the pass above found it holding,
  // it either returned or the total is not finite or needs scaling (the
  // scanStats path below).
  let scanned: number | undefined;
  if (inWasm !== undefined) {
    setRows(fn, cost, inWasm, cols);
    scanned = wasmScan(inWasm, rows, cols, square ? { min, row: minRow } : undefined, undefined);
  }
  const sumAbs = scanned ?? copyRows(fn, cost, data, cols, square ? { min, row: minRow } : undefined, undefined);
  // With hi = Σ|c| ≥ every |entry| and no scaling needed for it, the exact
  // maximum would not need scaling either.
  if (!(sumAbs < Infinity) || magnitudeScale(sumAbs, Math.min(rows, cols)) !== 1) {
    return solveLsap(fn, data, rows, cols, opts.maximize, opts.costLimit, true, scanStats(fn, data, cols, opts.maximize, true));
  }
  // lo only bounds the magnitudes (with hi = Σ|c|): -Σ|c| does when the
  // minima were skipped.
  let lo = square ? Infinity : -sumAbs;
  for (let j = 0; j < min.length; j++) if ((min[j] as number) < lo) lo = min[j] as number;
  // The span statistics of the exactness guard, when the WebAssembly scan computed them.
  const span = scanned === undefined ? undefined : lastScanSpan();
  const stats: Stats = square ? { lo, hi: sumAbs, nForbidden: 0, minima: { min, row: minRow } } : { lo, hi: sumAbs, nForbidden: 0 };
  return solveLsap(fn, data, rows, cols, opts.maximize, opts.costLimit, true, span === undefined ? stats : { ...stats, span });
}

/**
 * {@link linearSumAssignment} on a row-major `Float64Array`
 * (`data[i * cols + j]` is the cost of row i, column j): no per-row arrays,
 * one copy (with WebAssembly, into the kernel's memory, scanned there; else
 * none when the matrix is square, minimized, without a cost limit and of
 * moderate magnitude).
 *
 * Complexity: as {@link linearSumAssignment}.
 *
 * @param data - rows·cols costs, row-major. Not modified.
 * @param rows - Number of rows (integer ≥ 0).
 * @param cols - Number of columns (integer ≥ 0).
 * @param options - See {@link LinearSumAssignmentOptions}.
 * @returns The row → column assignment and its total cost.
 * @throws {@link InputTypeError} when `data` is not a `Float64Array`.
 * @throws {@link InputRangeError} when `data.length !== rows * cols`, or as {@link linearSumAssignment}.
 * @throws {@link InfeasibleError} as {@link linearSumAssignment}.
 * @example
 * ```ts
 * linearSumAssignmentMatrix(new Float64Array([4, 1, 3, 2, 6, 5]), 2, 3);
 * // { assignment: [1, 0], cost: 3 }
 * ```
 */
export function linearSumAssignmentMatrix(
  data: Float64Array,
  rows: number,
  cols: number,
  options?: LinearSumAssignmentOptions,
): LinearSumAssignmentResult {
  const fn = 'linearSumAssignmentMatrix';
  const opts = readOptions(fn, options);
  if (!(data instanceof Float64Array)) typeError(fn, 'data', 'a Float64Array', data);
  checkInteger(fn, 'rows', rows);
  checkInteger(fn, 'cols', cols);
  if (data.length !== rows * cols) rangeError(fn, 'data.length', `rows * cols = ${rows * cols}`, data.length);
  // Solved as laid out: copied into the WebAssembly kernel's memory (where
  // the kernel would copy it anyway) and scanned there (SIMD when
  // rectangular); forbidden pairs, NaN or huge magnitudes take scanStats.
  const inWasm = !opts.maximize && opts.costLimit === undefined && rows <= cols ? wasmMatrix(rows, cols) : undefined;
  if (inWasm !== undefined) {
    inWasm.set(data);
    const square = rows === cols;
    const minima = square ? { min: new Float64Array(cols), row: new Int32Array(cols) } : undefined;
    const sumAbs = wasmScan(inWasm, rows, cols, minima, undefined);
    const span = lastScanSpan();
    if (sumAbs !== undefined && sumAbs < Infinity && span !== undefined && magnitudeScale(sumAbs, rows) === 1) {
      let lo = minima === undefined ? -sumAbs : Infinity;
      if (minima !== undefined) for (let j = 0; j < cols; j++) if ((minima.min[j] as number) < lo) lo = minima.min[j] as number;
      return solveLsap(fn, inWasm, rows, cols, false, undefined, false, minima === undefined ? { lo, hi: sumAbs, nForbidden: 0, span } : { lo, hi: sumAbs, nForbidden: 0, minima, span });
    }
  }
  return solveLsap(fn, data, rows, cols, opts.maximize, opts.costLimit, false, scanStats(fn, data, cols, opts.maximize, false));
}

/**
 * Linear sum assignment (the rectangular assignment problem), exact.
 * @module
 */
import { lsapKernel } from './lsap.js';
import type { ColumnMinima } from './lsapMinima.js';
import {
  checkArray,
  checkInteger,
  checkOptions,
  infeasible,
  rangeError,
  rangeReason,
  typeError,
} from '../../internal/errors.js';

/** Options of {@link linearSumAssignment} and {@link linearSumAssignmentMatrix}. */
export interface LinearSumAssignmentOptions {
  /**
   * Maximize the total instead of minimizing it. Forbidden pairs are then
   * marked `-Infinity` (minimizing: `+Infinity`), as in scipy.
   * @defaultValue false
   */
  readonly maximize?: boolean;
}

/** The result of {@link linearSumAssignment}. */
export interface LinearSumAssignmentResult {
  /** `assignment[i]`: the column of row i, or -1 when row i is left out (more rows than columns). */
  readonly assignment: number[];
  /** Σ cost[i][assignment[i]] over assigned rows (the optimum). */
  readonly cost: number;
}

/**
 * Optimal assignment of rows to columns of a dense cost matrix: minimizes
 * (or maximizes) Σ cost[i][x(i)] over injective maps x that assign
 * min(rows, cols) pairs. `Infinity` (`-Infinity` when maximizing) marks a
 * forbidden pair.
 *
 * Algorithm: Jonker–Volgenant (Computing 38, 1987): column reduction,
 * reduction transfer, augmenting row reduction, then Dijkstra-like shortest
 * augmenting paths on `Float64Array`. Square matrices from n = 250 are
 * first solved on a sparse candidate graph (each row's K ≈ 8 + 2·log2 n
 * smallest column-reduced costs, or a few more) and the result is certified optimal on the
 * full matrix by its duals in one O(n²) pass; when the certificate fails
 * (structured matrices such as c_ij = i·j) the dense algorithm runs. A
 * rectangular matrix is solved on its transpose when it has more rows than
 * columns. Forbidden pairs are replaced
 * internally by a finite cost larger than any total of allowed ones; if the
 * optimum still uses one, no complete assignment exists. When several
 * assignments are optimal, which one is returned is deterministic (same
 * input, same output) but not specified (not lexicographically smallest).
 *
 * Complexity: O(k²·K) time worst case for a k×K matrix (k = min, K = max of
 * rows and columns); on random square matrices from n = 250 close to O(n²)
 * (three passes over the matrix, the first one fused with the input
 * validation, plus a sparse solve). O(k·K) extra memory
 * for the working copy when one is needed (transpose, forbidden pairs,
 * maximize, or the array-of-rows input).
 *
 * @param cost - The matrix as an array of equal-length rows.
 * @param options - See {@link LinearSumAssignmentOptions}.
 * @returns The row → column assignment and its total cost.
 * @throws {@link InputTypeError} when `cost` is not an array of equal-length number arrays.
 * @throws {@link InputRangeError} for NaN, for `-Infinity` (minimizing) or `+Infinity`
 *   (maximizing), or for finite costs so large that their total overflows.
 * @throws {@link InfeasibleError} when every assignment of min(rows, cols) pairs uses a forbidden pair.
 * @example
 * ```ts
 * linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]);
 * // { assignment: [1, 0, 2], cost: 5 }
 * linearSumAssignment([[1, Infinity], [2, 3]]);
 * // { assignment: [0, 1], cost: 4 }
 * ```
 */
export function linearSumAssignment(
  cost: readonly (readonly number[])[],
  options?: LinearSumAssignmentOptions,
): LinearSumAssignmentResult {
  const fn = 'linearSumAssignment';
  const maximize = readMaximize(fn, options);
  checkArray(fn, 'cost', cost);
  const rows = cost.length;
  const cols = rows === 0 ? 0 : rowOf(fn, cost, 0).length;
  const data = workBuffer(rows * cols);
  // Copy and scan in one pass: the column minima (for the kernel, see
  // ColumnMinima) and Σ|c|, which is finite only when every entry is, and
  // then bounds them all. Otherwise (forbidden pairs, a bad entry, or
  // magnitudes near overflow) scanStats redoes the scan on the copy.
  const min = new Float64Array(cols).fill(Infinity);
  const minRow = new Int32Array(cols);
  let sumAbs = 0;
  for (let i = 0; i < rows; i++) {
    const row = rowOf(fn, cost, i);
    if (row.length !== cols) typeError(fn, `cost[${i}]`, `an array of length ${cols} (as cost[0])`, row);
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const c: unknown = row[j];
      if (typeof c !== 'number') typeError(fn, `cost[${i}][${j}]`, 'a number', c);
      data[base + j] = c;
      sumAbs += Math.abs(c);
      if (c < (min[j] as number)) {
        min[j] = c;
        minRow[j] = i;
      }
    }
  }
  // With hi = Σ|c| ≥ every entry, the magnitude checks of solve pass (its
  // `big` ≤ (2k + 3)·Σ|c| + k + 1), so they would with the exact maximum.
  if (!((2 * Math.min(rows, cols) + 4) * sumAbs + rows < Infinity)) {
    return solve(fn, data, rows, cols, maximize, true, scanStats(fn, data, cols, maximize, true));
  }
  let lo = Infinity;
  for (let j = 0; j < cols; j++) if ((min[j] as number) < lo) lo = min[j] as number;
  return solve(fn, data, rows, cols, maximize, true, { lo, hi: sumAbs, nForbidden: 0, minima: { min, row: minRow } });
}

/**
 * {@link linearSumAssignment} on a row-major `Float64Array`
 * (`data[i * cols + j]` is the cost of row i, column j): no per-row arrays,
 * no copy when the matrix is square, finite and minimized.
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
  const maximize = readMaximize(fn, options);
  if (!(data instanceof Float64Array)) typeError(fn, 'data', 'a Float64Array', data);
  checkInteger(fn, 'rows', rows);
  checkInteger(fn, 'cols', cols);
  if (data.length !== rows * cols) rangeError(fn, 'data.length', `rows * cols = ${rows * cols}`, data.length);
  return solve(fn, data, rows, cols, maximize, false, scanStats(fn, data, cols, maximize, false));
}

/** Finds the first NaN or wrong infinity and throws for it. */
function reportBadEntry(fn: string, data: Float64Array, cols: number, owned: boolean, forbiddenMark: number): never {
  let p = 0;
  while (p < data.length - 1 && (data[p] === forbiddenMark || Number.isFinite(data[p]))) p++;
  const where = owned ? `cost[${Math.floor(p / cols)}][${p % cols}]` : `data[${p}]`;
  return rangeError(fn, where, forbiddenMark > 0 ? 'a finite number or Infinity (forbidden)' : 'a finite number or -Infinity (forbidden)', data[p]);
}

/**
 * Matrices up to this many entries are copied into one reused module-level
 * buffer (at most 2 MB kept alive): for small n, allocating and zeroing a
 * fresh buffer costs as much as solving. Safe because the solve is
 * synchronous and the buffer never escapes.
 */
const REUSE_LIMIT = 1 << 18;
let reused = new Float64Array(0);

function workBuffer(size: number): Float64Array {
  if (size > REUSE_LIMIT) return new Float64Array(size);
  if (reused.length < size) reused = new Float64Array(Math.max(size, 2 * reused.length));
  return reused.subarray(0, size);
}

function readMaximize(fn: string, options: LinearSumAssignmentOptions | undefined): boolean {
  const o = checkOptions(fn, options, ['maximize']);
  const maximize = o.maximize ?? false;
  if (typeof maximize !== 'boolean') typeError(fn, 'options.maximize', 'a boolean', maximize);
  return maximize;
}

function rowOf(fn: string, cost: readonly (readonly number[])[], i: number): readonly number[] {
  const row = cost[i];
  if (!Array.isArray(row)) typeError(fn, `cost[${i}]`, 'an array of numbers', row);
  return row;
}

/**
 * Range of the allowed entries and the count of forbidden ones; the column
 * minima of the matrix as given when they were computed on the way (finite
 * matrices only: they are the kernel's when no working copy is needed).
 */
interface Stats {
  /** The smallest allowed entry. */
  lo: number;
  /** The largest allowed entry, or (no forbidden pairs) an upper bound of it that passes the magnitude checks. */
  hi: number;
  nForbidden: number;
  minima?: ColumnMinima;
}

/**
 * One pass over a matrix: range of the allowed entries, count of forbidden
 * ones, column minima, and a NaN / wrong-infinity detector (c · 0 is NaN
 * exactly for NaN and ±Infinity), reported through {@link reportBadEntry}.
 * `owned`: `data` is our copy of `cost` (names the entry as cost[i][j]).
 */
function scanStats(fn: string, data: Float64Array, cols: number, maximize: boolean, owned: boolean): Stats {
  const forbiddenMark = maximize ? -Infinity : Infinity;
  const rows = cols === 0 ? 0 : data.length / cols;
  const min = new Float64Array(cols).fill(Infinity);
  const minRow = new Int32Array(cols);
  let hi = -Infinity;
  let nForbidden = 0;
  let probe = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const c = data[base + j] as number;
      if (c === forbiddenMark) nForbidden++;
      else {
        probe += c * 0;
        if (c < (min[j] as number)) {
          min[j] = c;
          minRow[j] = i;
        }
        if (c > hi) hi = c;
      }
    }
  }
  if (probe !== 0) reportBadEntry(fn, data, cols, owned, forbiddenMark);
  let lo = Infinity;
  for (let j = 0; j < cols; j++) if ((min[j] as number) < lo) lo = min[j] as number;
  return nForbidden === 0 ? { lo, hi, nForbidden, minima: { min, row: minRow } } : { lo, hi, nForbidden };
}

/**
 * Builds the kernel's finite `k × K` (k ≤ K) minimization matrix (copying
 * only when needed), solves and maps back.
 */
function solve(fn: string, data: Float64Array, rows: number, cols: number, maximize: boolean, owned: boolean, stats: Stats): LinearSumAssignmentResult {
  const field = owned ? 'cost' : 'data';
  const forbiddenMark = maximize ? -Infinity : Infinity;
  const { lo, hi, nForbidden } = stats;
  const k = Math.min(rows, cols);
  if (k === 0) return { assignment: new Array<number>(rows).fill(-1), cost: 0 };
  if (nForbidden === data.length) infeasible(fn, field, 'has no allowed pair (every entry is forbidden)');
  // Minimization form: negate when maximizing.
  const sign = maximize ? -1 : 1;
  const minLo = maximize ? -hi : lo;
  const minHi = maximize ? -lo : hi;
  // A forbidden entry costs more than any total of allowed ones can differ by.
  const big = minHi + (k + 1) * (minHi - minLo + 1);
  if (!Number.isFinite(big) || !Number.isFinite(k * Math.max(Math.abs(minLo), Math.abs(minHi)))) {
    rangeReason(fn, field, `has costs too large in magnitude to sum (|cost| up to ${Math.max(Math.abs(lo), Math.abs(hi))})`);
  }
  const transpose = rows > cols;
  const copied = transpose || maximize || nForbidden > 0;
  let work = data;
  if (copied) {
    // In place only for our own copy, and never when transposing.
    work = owned && !transpose ? data : transpose && owned ? new Float64Array(data.length) : workBuffer(data.length);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const c = data[i * cols + j] as number;
        work[transpose ? j * rows + i : i * cols + j] = c === forbiddenMark ? big : sign * c;
      }
    }
  }
  const kRows = transpose ? cols : rows;
  const kCols = transpose ? rows : cols;
  // The column minima describe `data` as given: the kernel's only when it
  // solves `data` itself (not a negated, capped or transposed copy).
  const x = lsapKernel(work, kRows, kCols, copied ? undefined : stats.minima);
  const assignment = new Array<number>(rows).fill(-1);
  for (let r = 0; r < kRows; r++) {
    const col = x[r] as number;
    if (transpose) assignment[col] = r;
    else assignment[r] = col;
  }
  // Total in row order, from the minimization form (negation is exact).
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = assignment[i] as number;
    if (j < 0) continue;
    const w = work[transpose ? j * rows + i : i * cols + j] as number;
    if (nForbidden > 0 && w === big) {
      infeasible(fn, field, `admits no assignment of ${k} pairs without a forbidden pair`);
    }
    total += w;
  }
  total = sign * total + 0; // + 0: never -0
  return { assignment, cost: total };
}

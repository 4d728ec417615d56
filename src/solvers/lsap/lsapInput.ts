/**
 * Input handling of the public LSAP functions (`linearSumAssignment.ts`):
 * options, the reused working buffer, and the validating scan that finds
 * the range of the allowed entries, counts the forbidden ones and reports
 * the first bad entry by name.
 * @internal
 * @module
 */
import type { ColumnMinima } from './lsapMinima.js';
import type { SpanStats } from './lsapExactGrid.js';
import { heldSlot } from './lsapHold.js';
import { subtractionError, type IdentityDuals } from './lsapMonge.js';
import { checkedRow } from './lsapRows.js';
import { checkFinite, checkOptions, rangeError, typeError } from '../../internal/errors.js';

// The rows-form helpers live in lsapRows.ts; linearSumAssignment.ts imports them from here.
export { rowOf, setRows } from './lsapRows.js';

/** Options of `linearSumAssignment` and `linearSumAssignmentMatrix`, validated. */
export interface ReadOptions {
  readonly maximize: boolean;
  /** undefined: every min(rows, cols) pairs must be assigned. */
  readonly costLimit: number | undefined;
}

/** Validates the options object (unknown keys rejected). */
export function readOptions(fn: string, options: { readonly maximize?: boolean; readonly costLimit?: number } | undefined): ReadOptions {
  const o = checkOptions(fn, options, ['maximize', 'costLimit']);
  const maximize = o.maximize ?? false;
  if (typeof maximize !== 'boolean') typeError(fn, 'options.maximize', 'a boolean', maximize);
  const costLimit = o.costLimit === undefined ? undefined : checkFinite(fn, 'options.costLimit', o.costLimit);
  return { maximize, costLimit };
}

/**
 * Matrices up to this many entries are copied into one reused module-level
 * buffer (at most 2 MB kept alive): for small n, allocating and zeroing a
 * fresh buffer costs as much as solving. Larger ones reuse a buffer held
 * through a `WeakRef` and, for a second after each use, strongly
 * (lsapHold.ts: no memory stays pinned once calls stop): a fresh multi-megabyte `Float64Array` per call costs
 * its page faults and, as external memory, provokes full collections
 * (measured at 500×800: 6.4 ms a call fresh, 2.4 ms reused). Safe because
 * the solve is synchronous and the buffer never escapes.
 */
const REUSE_LIMIT = 1 << 18;
let reused = new Float64Array(0);
let large: WeakRef<Float64Array> | undefined;
/** The large buffer, also held strongly for a moment after each use (lsapHold.ts). */
const recent = heldSlot<Float64Array>();

/** A buffer of `size` doubles: the shared one when small, the weakly held one when larger (see REUSE_LIMIT). */
export function workBuffer(size: number): Float64Array {
  if (size > REUSE_LIMIT) {
    const held = large?.deref();
    if (held !== undefined && held.length >= size) {
      recent.set(held);
      return held.subarray(0, size);
    }
    const fresh = new Float64Array(size);
    large = new WeakRef(fresh);
    recent.set(fresh);
    return fresh;
  }
  if (reused.length < size) reused = new Float64Array(Math.max(size, 2 * reused.length));
  return reused.subarray(0, size);
}

/** Whether the last {@link copyRows} call found the identity certified (see there). */
let identityCertified = false;

/**
 * Copies the array-of-rows matrix `cost` (rows of length `cols`, checked)
 * into `data` and returns Σ|c| (finite only when every entry is). With
 * `minima` (square matrices) it also writes the column minima, ties to the
 * lowest row (left unwritten when the identity is certified: no solve
 * follows); with `id` (square, the identity's duals) it also checks the
 * identity's Monge certificate c_ij − v_j ≥ u_i exactly, read afterwards
 * with {@link lastCopyCertifiedIdentity}. Its own function, not a loop
 * inside `linearSumAssignment`, and returning a bare number (the flag goes
 * through a module variable): code after a hot loop is first run by the
 * loop's on-stack-replacement code, and any operation there that needs
 * type feedback (a comparison, an object literal) made that code
 * deoptimize on every call (measured: 8× slower at 100×100).
 */
export function copyRows(
  fn: string, cost: readonly (readonly number[])[], data: Float64Array, cols: number, minima: ColumnMinima | undefined, id: IdentityDuals | undefined,
): number {
  let sumAbs = 0;
  identityCertified = false;
  const rows = cost.length;
  if (minima === undefined) {
    for (let i = 0; i < rows; i++) {
      const row = checkedRow(fn, cost, i, cols);
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const c: unknown = row[j];
        if (typeof c !== 'number') typeError(fn, `cost[${i}][${j}]`, 'a number', c);
        data[base + j] = c;
        sumAbs += Math.abs(c);
      }
    }
    return sumAbs;
  }
  const { min, row: minRow } = minima;
  const u = id?.u ?? min;
  const v = id?.v ?? min;
  let identity = id !== undefined;
  // While the identity's certificate holds, rows are copied without the
  // minima (not needed if it holds to the end); the first row where it fails
  // is followed by a pass over the rows copied so far.
  let i = 0;
  for (; i < rows && identity; i++) {
    const row = checkedRow(fn, cost, i, cols);
    const base = i * cols;
    const ui = u[i] as number;
    for (let j = 0; j < cols; j++) {
      const c: unknown = row[j];
      if (typeof c !== 'number') typeError(fn, `cost[${i}][${j}]`, 'a number', c);
      data[base + j] = c;
      sumAbs += Math.abs(c);
      // reducedCostNonNegative, inlined by hand (the call cost 4× the copy).
      const vj = v[j] as number;
      const r = c - vj;
      if (r <= ui) {
        if (c === vj) identity = identity && ui <= 0;
        else identity = identity && r === ui && subtractionError(c, vj, r) >= 0;
      }
    }
  }
  if (!identity) {
    // Minima of the rows copied so far, lowest row first on ties.
    for (let k = i - 1; k >= 0; k--) {
      const base = k * cols;
      for (let j = 0; j < cols; j++) {
        const c = data[base + j] as number;
        if (c <= (min[j] as number)) {
          min[j] = c;
          minRow[j] = k;
        }
      }
    }
  }
  for (; i < rows; i++) {
    const row = checkedRow(fn, cost, i, cols);
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
  identityCertified = identity;
  return sumAbs;
}

/** Whether the last {@link copyRows} call proved the identity assignment optimal. */
export function lastCopyCertifiedIdentity(): boolean {
  return identityCertified;
}

/**
 * Range of the allowed entries and the count of forbidden ones; the column
 * minima of the matrix as given when they were computed on the way (finite
 * matrices only: they are the kernel's when no working copy is needed).
 */
export interface Stats {
  /** The smallest allowed entry (Infinity when none), or (no forbidden pairs) a lower bound of it that passes the magnitude checks. */
  readonly lo: number;
  /** The largest allowed entry, or (no forbidden pairs) an upper bound of its magnitude; -Infinity when none. */
  readonly hi: number;
  readonly nForbidden: number;
  readonly minima?: ColumnMinima;
  /** The allowed entries' span statistics (lsapExactGrid.ts), when computed on the way. */
  readonly span?: SpanStats;
}

/** Finds the first NaN or wrong infinity and throws for it. */
function reportBadEntry(fn: string, data: Float64Array, cols: number, owned: boolean, forbiddenMark: number): never {
  let p = 0;
  while (p < data.length - 1 && (data[p] === forbiddenMark || Number.isFinite(data[p]))) p++;
  const where = owned ? `cost[${Math.floor(p / cols)}][${p % cols}]` : `data[${p}]`;
  return rangeError(fn, where, forbiddenMark > 0 ? 'a finite number or Infinity (forbidden)' : 'a finite number or -Infinity (forbidden)', data[p]);
}

/**
 * One pass over a matrix: range of the allowed entries, count of forbidden
 * ones, column minima, and a NaN / wrong-infinity detector (c · 0 is NaN
 * exactly for NaN and ±Infinity), reported through {@link reportBadEntry};
 * on the way, the span statistics of the exactness guard (lsapExactGrid.ts).
 * `owned`: `data` is our copy of `cost` (names the entry as cost[i][j]).
 */
export function scanStats(fn: string, data: Float64Array, cols: number, maximize: boolean, owned: boolean): Stats {
  const forbiddenMark = maximize ? -Infinity : Infinity;
  const min = new Float64Array(cols).fill(Infinity);
  const minRow = new Int32Array(cols);
  const nForbidden = scanLoop(data, cols, forbiddenMark, min, minRow);
  if (scanProbe !== 0) reportBadEntry(fn, data, cols, owned, forbiddenMark);
  let lo = Infinity;
  for (let j = 0; j < cols; j++) if ((min[j] as number) < lo) lo = min[j] as number;
  const hi = scanHi;
  const span = { max: scanBig, min: scanSmall, integral: scanIntegral };
  return nForbidden === 0 ? { lo, hi, nForbidden, minima: { min, row: minRow }, span } : { lo, hi, nForbidden, span };
}

// scanLoop's other results, through module variables (see copyRows: code
// after a hot loop that needs type feedback deoptimizes its OSR code).
let scanHi = -Infinity;
let scanProbe = 0;
let scanBig = 0;
let scanSmall = Infinity;
let scanIntegral = true;

/** The loop of {@link scanStats}: returns the forbidden count, the rest in the scan* variables. */
function scanLoop(data: Float64Array, cols: number, forbiddenMark: number, min: Float64Array, minRow: Int32Array): number {
  const rows = cols === 0 ? 0 : data.length / cols;
  let hi = -Infinity;
  let nForbidden = 0;
  let probe = 0;
  let big = 0;
  let small = Infinity;
  let integral = true;
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
        // needsExactCheck's statistics (lsapExactGrid.ts), in the same pass.
        const a = c < 0 ? -c : c;
        if (a > big) big = a;
        if (a < small && a !== 0) small = a;
        if (integral && Math.floor(c) !== c) integral = false;
      }
    }
  }
  scanHi = hi;
  scanProbe = probe;
  scanBig = big;
  scanSmall = small;
  scanIntegral = integral;
  return nForbidden;
}

/**
 * The power of two by which costs of magnitude up to `maxAbs` are scaled
 * before a k-row solve: 1 unless maxAbs · 32(k + 2) would pass 2^1022 (a
 * margin for the kernel's duals and path lengths, sums of up to about 2k
 * cost differences; should they still overflow, the kernel reports
 * non-finite duals and the caller retries at a far smaller scale), else the
 * largest power of two that brings it under. Scaling by a power of two is
 * exact for every entry that stays a normal double (|c · scale| ≥ 2^-1022).
 */
export function magnitudeScale(maxAbs: number, k: number): number {
  const margin = 32 * (k + 2);
  if (maxAbs * margin < 2 ** 1022) return 1;
  const e = Math.ceil(Math.log2(maxAbs)) + Math.ceil(Math.log2(margin)) - 1021;
  return 2 ** -e;
}

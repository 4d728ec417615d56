/**
 * The n·m arrays of problems compiled inside the library (`solve`,
 * `makespanLowerBound`), whose compiled form never reaches a caller: shared
 * zeros for absent transfer times and one `exec` array reused from call to
 * call, so that a call on a small problem neither allocates nor zeroes
 * n·m doubles it will overwrite or only read.
 * @internal
 * @module
 */
import type { CompiledProblem } from './types.js';

/** The largest n·m served from {@link SHARED_ZEROS} (512 KB of zeros at most stay allocated). */
const SHARED_ZEROS_MAX = 1 << 16;
/** Zeros for the `transfer` of internally compiled problems without transfer times; grown on demand, never written. */
let SHARED_ZEROS = new Float64Array(0);

/**
 * The n·m `transfer` array of a compiled problem: a fresh zeroed array, or,
 * when `shared` (the problem has no transfer times and the compiled problem
 * never leaves the library: `solve`, `makespanLowerBound`), a view of
 * {@link SHARED_ZEROS} for n·m ≤ 65 536, which saves zeroing n·m doubles per
 * call (64 KB at 512×16, as long as one pass over the matrix). Nothing in the
 * library writes a compiled problem's `transfer`. @internal
 */
export function zeroTransfer(size: number, shared: boolean): Float64Array {
  if (!shared || size > SHARED_ZEROS_MAX) return new Float64Array(size);
  if (SHARED_ZEROS.length < size) SHARED_ZEROS = new Float64Array(Math.min(SHARED_ZEROS_MAX, Math.max(size, 2 * SHARED_ZEROS.length)));
  return SHARED_ZEROS.subarray(0, size);
}

/** Read-only arrays of one value (Infinity for absent deadlines and budgets, 1 for billing granularities, −1 for sources); grown on demand, never written. */
const SHARED_CONSTANTS = new Map<number, Float64Array>();
let SHARED_MINUS_ONES = new Int32Array(0);

/**
 * A length-`size` array of `value` for a field that no task (or device) of
 * an internally compiled problem gives (priority, release, demand: 0;
 * deadline, budget: `Infinity`; an energy or price figure: 0, a billing
 * granularity: 1): a view of an array shared from call to call and never
 * written, for size ≤ 65 536 (else fresh). Saves an off-heap buffer per
 * field per `solve` call: about 1 µs each, with the garbage collections they
 * bring, against 12 µs for one pass over a 512×16 matrix. @internal
 */
export function sharedConstant(size: number, value: number): Float64Array {
  if (value === 0) return zeroTransfer(size, true);
  if (size > SHARED_ZEROS_MAX) return new Float64Array(size).fill(value);
  let a = SHARED_CONSTANTS.get(value);
  if (a === undefined || a.length < size) {
    a = new Float64Array(Math.min(SHARED_ZEROS_MAX, Math.max(size, 2 * (a?.length ?? 0)))).fill(value);
    SHARED_CONSTANTS.set(value, a);
  }
  return a.subarray(0, size);
}

/** {@link sharedConstant} for the `source` of tasks (−1: none), an `Int32Array`. @internal */
export function sharedNoSource(size: number): Int32Array {
  if (size > SHARED_ZEROS_MAX) return new Int32Array(size).fill(-1);
  if (SHARED_MINUS_ONES.length < size) SHARED_MINUS_ONES = new Int32Array(Math.min(SHARED_ZEROS_MAX, Math.max(size, 2 * SHARED_MINUS_ONES.length))).fill(-1);
  return SHARED_MINUS_ONES.subarray(0, size);
}

/** An `exec` array given back by {@link releaseScanned}, lent to the next internal compile of at most its size. */
let SPARE_EXEC: Float64Array | undefined;

/**
 * The n·m `exec` array of a compiled problem: fresh, or for an `internal`
 * compile of n·m ≤ 65 536 the array a finished `solve` gave back
 * ({@link releaseScanned}), which saves allocating and zeroing n·m doubles
 * (and the garbage collections that many short-lived off-heap buffers
 * trigger). Every entry is written before it is read: the fast reader
 * writes all n·m, and the reporting path clears the array first. @internal
 */
export function execArray(size: number, internal: boolean): Float64Array {
  const spare = SPARE_EXEC;
  if (!internal || spare === undefined || spare.length < size || size > SHARED_ZEROS_MAX) return new Float64Array(size);
  SPARE_EXEC = undefined; // lent: a nested call (a getter on the problem calling solve) allocates its own
  return spare.subarray(0, size);
}

/**
 * Gives the `exec` array of a problem from `compileScanned` back for
 * reuse, once nothing will read it again (the caller's result holds numbers
 * and fresh arrays only, never the compiled arrays). Optional: a problem
 * never given back is simply collected. @internal
 */
export function releaseScanned(cp: CompiledProblem): void {
  const exec = cp.exec;
  if (exec.length <= SHARED_ZEROS_MAX && (SPARE_EXEC === undefined || SPARE_EXEC.length < exec.length)) SPARE_EXEC = exec;
}

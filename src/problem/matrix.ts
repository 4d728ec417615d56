/**
 * Reading the n×m time matrices of a problem into row-major typed arrays:
 * the fast path for well-formed input (read and scanned in one pass) and the
 * reporting reader that names every bad row and entry.
 * @internal
 * @module
 */
import { typeError, typeReason } from '../internal/errors.js';
import { num, type Report } from './check.js';
import type { RowScan } from './timeSums.js';

/** Reads an n×m matrix into `out` (row-major; rows it cannot read stay as they were); reports ragged rows and bad entries. @internal */
export function matrix(fn: string, field: string, v: unknown, n: number, m: number, out: Float64Array, r: Report): void {
  if (!Array.isArray(v)) {
    r.guard(() => typeError(fn, field, 'an array of rows', v));
    return;
  }
  if (v.length !== n) {
    r.guard(() => typeReason(fn, field, `has ${v.length} rows, expected ${n} (one per task)`));
  }
  const rows = Math.min(n, v.length);
  for (let i = 0; i < rows; i++) {
    const row: unknown = v[i];
    if (!Array.isArray(row)) {
      r.guard(() => typeError(fn, `${field}[${i}]`, 'an array', row));
      continue;
    }
    if (row.length !== m) {
      r.guard(() => typeReason(fn, `${field}[${i}]`, `has ${row.length} entries, expected ${m} (one per device)`));
      continue;
    }
    const base = i * m;
    for (let j = 0; j < m; j++) {
      const x: unknown = row[j];
      if (typeof x === 'number' && x >= 0) out[base + j] = x;
      else out[base + j] = num(fn, `${field}[${i}][${j}]`, x, true, 0, r);
    }
  }
}

/** Whether `v` has n rows, each an array of m entries. */
function wellShaped(v: unknown, n: number, m: number): v is readonly (readonly unknown[])[] {
  if (!Array.isArray(v) || v.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const row: unknown = v[i];
    if (!Array.isArray(row) || row.length !== m) return false;
  }
  return true;
}

/** Copies a well-shaped matrix into `out`; false at the first entry that is not a number ≥ 0 (`Infinity` allowed). */
function copyValid(v: readonly (readonly unknown[])[], n: number, m: number, out: Float64Array): boolean {
  for (let i = 0, k = 0; i < n; i++) {
    const row = v[i]!;
    for (let j = 0; j < m; j++, k++) {
      const x = row[j];
      if (!(typeof x === 'number' && x >= 0)) return false;
      out[k] = x;
    }
  }
  return true;
}

/**
 * The fast path of compiling the matrices: when `execTime` (and
 * `transferTime`, if given) have n rows of m numbers ≥ 0, fills `exec` and
 * `transfer` and returns the same {@link RowScan} as `scanRows` on them,
 * reading each entry once; otherwise `undefined` (the arrays then hold
 * partial data: the caller clears them and runs the reporting reader,
 * `matrix`). `transfer` must be all zeros on entry. O(n·m). @internal
 */
export function readScanned(execTime: unknown, transferTime: unknown, n: number, m: number, exec: Float64Array, transfer: Float64Array, release: ArrayLike<number>): RowScan | undefined {
  if (transferTime === undefined) return readScannedExec(execTime, n, m, exec, release);
  // With transfer times: copy exec first, then read transfer and scan p = transfer + exec.
  if (!(wellShaped(execTime, n, m) && wellShaped(transferTime, n, m) && copyValid(execTime, n, m, exec))) return undefined;
  // The same computation as scanRows (problem/timeSums.ts), entry for entry; the oracle test compares them.
  const infeasible: number[] = [];
  let worstSum = 0;
  let overflowAt = -1;
  let minSum = 0;
  let single = 0;
  let minRelease = Infinity;
  for (let i = 0, k = 0; i < n; i++) {
    const row = transferTime[i]!;
    let worst = 0;
    let best = Infinity;
    for (let j = 0; j < m; j++, k++) {
      const x = row[j];
      if (!(typeof x === 'number' && x >= 0)) return undefined;
      transfer[k] = x;
      const e = exec[k]!;
      const p = x + e;
      if (p < best) best = p;
      if (p < Infinity) {
        if (p > worst) worst = p;
      } else if (overflowAt < 0 && p === Infinity && e !== Infinity && x !== Infinity) {
        overflowAt = k;
      }
    }
    if (!(best < Infinity)) infeasible.push(i);
    worstSum += worst;
    minSum += best;
    const rel = release[i]!;
    if (rel < minRelease) minRelease = rel;
    const f = rel + best;
    if (f > single) single = f;
  }
  return { infeasible, worstSum, overflowAt, minSum, single, minRelease };
}

/**
 * {@link readScanned} without transfer times (p = exec): checks each row's
 * shape as it reaches it, so the matrix is walked once. A loop of its own
 * rather than a branch per entry, which the hot loop of every `solve` call
 * would pay n·m times.
 */
function readScannedExec(execTime: unknown, n: number, m: number, exec: Float64Array, release: ArrayLike<number>): RowScan | undefined {
  if (!Array.isArray(execTime) || execTime.length !== n) return undefined;
  // The same computation as scanRows (problem/timeSums.ts) without transfer, entry for entry; the oracle test compares them.
  const infeasible: number[] = [];
  let worstSum = 0;
  let minSum = 0;
  let single = 0;
  let minRelease = Infinity;
  for (let i = 0, k = 0; i < n; i++) {
    const row: unknown = execTime[i];
    if (!Array.isArray(row) || row.length !== m) return undefined;
    let worst = 0;
    let best = Infinity;
    for (let j = 0; j < m; j++, k++) {
      const x: unknown = row[j];
      if (!(typeof x === 'number' && x >= 0)) return undefined;
      exec[k] = x;
      if (x < best) best = x;
      if (x > worst && x < Infinity) worst = x;
    }
    if (!(best < Infinity)) infeasible.push(i);
    worstSum += worst;
    minSum += best;
    const rel = release[i]!;
    if (rel < minRelease) minRelease = rel;
    const f = rel + best;
    if (f > single) single = f;
  }
  return { infeasible, worstSum, overflowAt: -1, minSum, single, minRelease };
}

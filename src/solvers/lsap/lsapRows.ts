/**
 * Reading the array-of-rows input of `linearSumAssignment`: each row
 * checked to be an array of the right length, each entry to be a number
 * (the first bad one named as `cost[i][j]`), and the copy into a row-major
 * buffer. The sums, minima and certificates are computed elsewhere
 * (lsapInput.ts's copyRows, the WebAssembly scan).
 * @internal
 * @module
 */
import { typeError } from '../../internal/errors.js';

/** Row i of the array-of-rows input, checked to be an array. */
export function rowOf(fn: string, cost: readonly (readonly number[])[], i: number): readonly number[] {
  const row = cost[i];
  if (!Array.isArray(row)) typeError(fn, `cost[${i}]`, 'an array of numbers', row);
  return row;
}

/** Row i, checked to be an array of length `cols`. @internal */
export function checkedRow(fn: string, cost: readonly (readonly number[])[], i: number, cols: number): readonly number[] {
  const row = rowOf(fn, cost, i);
  if (row.length !== cols) typeError(fn, `cost[${i}]`, `an array of length ${cols} (as cost[0])`, row);
  return row;
}

/**
 * Copies the array-of-rows matrix `cost` into `data` after checking each
 * row (an array of length `cols` of numbers, the first bad entry reported
 * as lsapInput.ts's `copyRows` reports it), with `TypedArray.prototype.set`: the
 * per-entry work left in JavaScript is one type test, in
 * {@link firstNonNumber} (`row.every(Number.isFinite)` was tried instead:
 * 3-15× slower warm, not inlined), so the first call costs less than
 * `copyRows`'s (the sums, minima and certificate are then computed by
 * the WebAssembly kernel's `scan`, see lsapWasm.ts).
 */
export function setRows(fn: string, cost: readonly (readonly number[])[], data: Float64Array, cols: number): void {
  const rows = cost.length;
  for (let i = 0; i < rows; i++) {
    const row = checkedRow(fn, cost, i, cols);
    const j = firstNonNumber(row, cols);
    if (j >= 0) typeError(fn, `cost[${i}][${j}]`, 'a number', row[j]);
    data.set(row, i * cols);
  }
}

/**
 * The index of the first entry of `row[0..cols)` that is not a number, or
 * -1. A small leaf function of its own, called once per row, because the
 * first call in a process runs it in V8's interpreter until it is
 * optimized: a leaf this small is marked hot after a few rows and compiled
 * by TurboFan in under a millisecond, while the same loop inside its caller
 * waited for on-stack replacement of the larger function (measured on the
 * first call at 300×900: 3-4 ms instead of 4.6-11 for the check and copy;
 * 500×800: 3.4-4 instead of 5.4-14). Eight entries per test: fewer
 * interpreted steps before that (a failing block falls to the
 * entry-by-entry loop, which finds the entry). @internal
 */
export function firstNonNumber(row: readonly unknown[], cols: number): number {
  let j = 0;
  for (; j + 8 <= cols; j += 8) {
    if (
      typeof row[j] !== 'number' || typeof row[j + 1] !== 'number' || typeof row[j + 2] !== 'number' || typeof row[j + 3] !== 'number' ||
      typeof row[j + 4] !== 'number' || typeof row[j + 5] !== 'number' || typeof row[j + 6] !== 'number' || typeof row[j + 7] !== 'number'
    ) break;
  }
  for (; j < cols; j++) if (typeof row[j] !== 'number') return j;
  return -1;
}

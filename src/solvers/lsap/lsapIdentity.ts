/**
 * The identity assignment's Monge certificate checked on the array-of-rows
 * input itself, before any copy (`linearSumAssignment.ts`): when it holds on
 * every entry (a constant matrix, or any matrix Monge as given, see
 * lsapMonge.ts's identityDuals), the identity is optimal and the input is
 * read once, never copied; the first entry where it fails stops the pass
 * (on uniform random matrices, within the first row), and the ordinary
 * copy-and-scan path follows.
 * @internal
 * @module
 */
import { checkedRow, firstNonNumber } from './lsapRows.js';
import { exactSum } from './lsapExactSum.js';
import { subtractionError } from './lsapMonge.js';
import { typeError } from '../../internal/errors.js';

/**
 * Checks c_ij − v_j ≥ u_i exactly (as copyRows does; u, v: the identity's
 * duals, lsapMonge.ts's IdentityDuals) on the rows of `cost`
 * (each checked to be an array of `cols` numbers, the first bad entry
 * reported as copyRows reports it, for the rows read, each read whole)
 * while it holds.
 * Returns Σ|c| when it holds on every entry (Infinity or NaN when an entry
 * is not finite: the caller then takes the ordinary path), else -1. A bare
 * number, and its own function (see copyRows: code after a hot loop that
 * needs type feedback deoptimizes its OSR code); the per-entry work is in
 * a small leaf function called once per row ({@link identityRow}), which V8
 * optimizes after a few rows on the first call in a process, where a loop
 * inside this function waited for its on-stack replacement.
 */
export function identityPass(fn: string, cost: readonly (readonly number[])[], cols: number, u: Float64Array, v: Float64Array): number {
  let sumAbs = 0;
  for (let i = 0; i < cost.length; i++) {
    const row = checkedRow(fn, cost, i, cols);
    sumAbs = identityRow(row, cols, u[i] as number, v, sumAbs);
    if (sumAbs < -1) {
      const j = firstNonNumber(row, cols);
      typeError(fn, `cost[${i}][${j}]`, 'a number', row[j]);
    }
    if (sumAbs === -1) return -1;
  }
  return sumAbs;
}

/**
 * One row of {@link identityPass}: `sumAbs` + Σ|c| over the row, added
 * entry by entry in order (as a single loop adds them), or -1 at the first
 * entry where the certificate fails, or -2 at the first entry that is not a
 * number (the caller names it). The type test and the certificate in one
 * loop, with |c| as a comparison rather than a call: fewer interpreted
 * steps per entry before V8 optimizes it.
 */
function identityRow(row: readonly unknown[], cols: number, ui: number, v: Float64Array, sumAbs: number): number {
  let s = sumAbs;
  for (let j = 0; j < cols; j++) {
    const c = row[j];
    if (typeof c !== 'number') return -2;
    s += c < 0 ? -c : c;
    const vj = v[j] as number;
    const r = c - vj;
    if (r <= ui && (c === vj ? ui > 0 : r !== ui || subtractionError(c, vj, r) < 0)) return -1;
  }
  return s;
}

/** identityResult's buffer of the diagonal (see lsapMonge.ts's dualsScratch). */
let diagonalScratch = new Float64Array(0);

/** The identity assignment of the n×n `cost` and its exactly rounded total. */
export function identityResult(cost: readonly (readonly number[])[], n: number): { assignment: number[]; cost: number } {
  // A reused buffer up to n = 4096, as lsapMonge.ts's identityDuals.
  if (n <= 4096 && diagonalScratch.length < n) diagonalScratch = new Float64Array(4096);
  const diagonal = n <= 4096 ? diagonalScratch.subarray(0, n) : new Float64Array(n);
  const assignment = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    diagonal[i] = cost[i]?.[i] as number;
    assignment[i] = i;
  }
  return { assignment, cost: exactSum(diagonal) + 0 };
}

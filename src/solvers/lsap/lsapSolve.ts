/**
 * The common solve of {@link linearSumAssignment} and
 * {@link linearSumAssignmentMatrix} once the input is scanned: the kernel's
 * k × K minimization matrix (transposed, negated, scaled or extended by the
 * cost limit's columns when needed), the infeasibility proof, the exactness
 * guard (`lsapExactGrid.ts`, then `lsapCertificate.ts` and `lsapExact.ts`),
 * the exactly rounded total, and the result object.
 * @internal
 * @module
 */
import { lsapKernel } from './lsap.js';
import { hallSentence, maxAllowedMatching } from './lsapFeasibility.js';
import { certifyAssignment } from './lsapCertificate.js';
import { EXACT_WORK_LIMIT, exactAssignment } from './lsapExact.js';
import { needsExactCheck } from './lsapExactGrid.js';
import { exactSum } from './lsapExactSum.js';
import { magnitudeScale, workBuffer, type Stats } from './lsapInput.js';
import type { LinearSumAssignmentResult } from './linearSumAssignment.js';
import { infeasible, rangeReason } from '../../internal/errors.js';

/**
 * Builds the kernel's `k × K` (k ≤ K) minimization matrix (copying only
 * when needed: transposed, negated, scaled, or extended by the cost limit's
 * columns), solves, proves infeasibility when the kernel finds no
 * augmenting path, and maps back. `owned`: `data` is the caller's own
 * copy (the array-of-rows form), which may be transformed in place; errors
 * then name `cost`, else `data`. O(k²·K) (see linearSumAssignment).
 * @internal
 */
export function solveLsap(
  fn: string, data: Float64Array, rows: number, cols: number, maximize: boolean, costLimit: number | undefined, owned: boolean, stats: Stats,
): LinearSumAssignmentResult {
  const field = owned ? 'cost' : 'data';
  const { lo, hi, nForbidden } = stats;
  const limited = costLimit !== undefined;
  const k = Math.min(rows, cols);
  if (k === 0) return lsapResult(new Array<number>(rows).fill(-1), 0, limited, cols);
  if (!limited && nForbidden === data.length) infeasible(fn, field, 'has no allowed pair (every entry is forbidden)');
  const sign = maximize ? -1 : 1;
  let maxAbs = nForbidden === data.length ? 0 : Math.max(Math.abs(lo), Math.abs(hi));
  if (limited) maxAbs = Math.max(maxAbs, Math.abs(costLimit));
  const transpose = rows > cols;
  const kRows = transpose ? cols : rows;
  const realCols = transpose ? rows : cols;
  const kCols = limited ? realCols + kRows : realCols;
  let x: Int32Array | undefined;
  let work = data;
  let scale = magnitudeScale(maxAbs, k);
  let copied = false;
  for (let attempt = 0; ; attempt++) {
    copied = transpose || maximize || limited || scale !== 1;
    if (copied) {
      // In place only for our own copy, when the layout does not change.
      work = owned && !transpose && !limited ? data : owned ? new Float64Array(kRows * kCols) : workBuffer(kRows * kCols);
      const f = sign * scale; // forbidden entries become +Infinity
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          work[transpose ? j * kCols + i : i * kCols + j] = f * (data[i * cols + j] as number);
        }
      }
      if (limited) for (let r = 0; r < kRows; r++) work.fill(f * costLimit, r * kCols + realCols, (r + 1) * kCols);
    }
    // The column minima describe `data` as given: the kernel's only when it
    // solves `data` itself.
    x = lsapKernel(work, kRows, kCols, copied ? undefined : stats.minima, nForbidden === 0);
    if (x !== undefined) break;
    // No augmenting path, or non-finite duals: infeasible if the allowed
    // pairs admit no matching of k rows (a proof independent of magnitudes),
    // else the sums overflowed despite the scaling: retry far smaller once.
    if (!limited && nForbidden > 0) {
      const m = maxAllowedMatching(work, kRows, kCols);
      if (m < k) infeasible(fn, field, `admits no assignment of ${k} pairs without a forbidden pair (a maximum matching of the allowed pairs has ${m})${hallSentence(work, kRows, kCols, transpose)}`);
    }
    if (attempt === 1 || maxAbs === 0) rangeReason(fn, field, `has costs too large in magnitude to solve (|cost| up to ${maxAbs})`);
    scale = magnitudeScale(maxAbs, k) * 2 ** -512;
  }
  // Double rounding can mislead the kernel when the entries span more than
  // the 53-bit significand allows (see lsapExactGrid.ts): off the exact grid,
  // the assignment must pass an exact dual certificate, or else (small
  // problems) an exact BigInt solve decides.
  // Above the BigInt solve's size the double-precision answer is kept (as every double solver's).
  // (The statistics of the input serve when `work` is only transposed or negated.)
  if (needsExactCheck(work, k, limited || scale !== 1 ? undefined : stats.span) && !certifyAssignment(work, kRows, kCols, x) && kRows * kRows * kCols <= EXACT_WORK_LIMIT) {
    x = exactAssignment(work, kRows, kCols, x);
  }
  const assignment = new Array<number>(rows).fill(-1);
  for (let r = 0; r < kRows; r++) {
    const col = x[r] as number;
    if (col >= realCols) continue; // the cost limit's column: unmatched
    if (transpose) assignment[col] = r;
    else assignment[r] = col;
  }
  // Total of the entries scaled alike (so that partial sums cannot
  // overflow), read from the working copy when there is one (it may be
  // `data` itself, transformed in place): sign · scale · c, and the sign
  // flip is exact. Rounded once (exactSum), then unscaled exactly.
  const terms = new Float64Array(k);
  let nTerms = 0;
  for (let i = 0; i < rows; i++) {
    const j = assignment[i] as number;
    if (j < 0) continue;
    terms[nTerms++] = copied ? sign * (work[transpose ? j * kCols + i : i * kCols + j] as number) : (data[i * cols + j] as number);
  }
  let total = exactSum(terms.subarray(0, nTerms));
  total = total / scale + 0; // + 0: never -0
  if (!Number.isFinite(total)) rangeReason(fn, field, `has an optimal total that overflows a double (|cost| up to ${maxAbs})`);
  return lsapResult(assignment, total, limited, cols);
}

/** The result object; with a cost limit, the unmatched rows and columns too. @internal */
export function lsapResult(assignment: number[], cost: number, limited: boolean, cols: number): LinearSumAssignmentResult {
  if (!limited) return { assignment, cost };
  const used = new Uint8Array(cols);
  const unmatchedRows: number[] = [];
  assignment.forEach((j, i) => {
    if (j < 0) unmatchedRows.push(i);
    else used[j] = 1;
  });
  const unmatchedColumns: number[] = [];
  for (let j = 0; j < cols; j++) if (used[j] === 0) unmatchedColumns.push(j);
  return { assignment, cost, unmatchedRows, unmatchedColumns };
}

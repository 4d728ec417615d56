/**
 * The one overflow guard for sums of times: every entry point that times a
 * schedule (`compileProblem` and so `solve`, `evaluate`, `makespanLowerBound`,
 * `parseProblemJson`; `submit`; `simulate`) refuses, up front and with the
 * same message, a problem on which some schedule's times would overflow a
 * double, instead of letting a solver turn the overflow into a forbidden
 * pair (-1), NaN, or a crash later.
 * @internal
 * @module
 */
import { rangeReason } from '../internal/errors.js';

/** The numbers the guard reads (a `CompiledProblem` has them all). @internal */
export interface TimeArrays {
  readonly n: number;
  readonly m: number;
  /** n·m execution times, row-major; `Infinity` = forbidden. */
  readonly exec: ArrayLike<number>;
  /** n·m transfer times, row-major; `Infinity` = forbidden. */
  readonly transfer: ArrayLike<number>;
  /** Per task: release time. */
  readonly release: ArrayLike<number>;
  /** Per task: priority (the weight of weighted flowtime). */
  readonly priority: ArrayLike<number>;
  /** Per device: ready time. */
  readonly ready: ArrayLike<number>;
}

/**
 * Safety factor on the computed bounds: the bound is itself a float sum, and
 * schedules add the same terms in other orders (relative error below n·2^-53,
 * far below 1e-6 for any n this library can hold).
 */
const SLACK = 1 + 1e-6;

/** The reason every entry point gives, after `fn: problem`. @internal */
export const OVERFLOW_REASON =
  'has times whose sums overflow the range of a double: some schedule would have a finish time, flowtime or weighted flowtime of Infinity ' +
  '(the guard: H = max ready + max release + Σ_i max over allowed devices of transfer + exec, and n·H, m·max ready + H and Σ priority·H, must be finite); rescale the times';

/**
 * Throws an `InputRangeError` (`fn: problem has times whose sums overflow
 * ...`) unless every time any schedule of the problem can produce is finite.
 *
 * The guard, with p_ij = transfer_ij + exec_ij over allowed pairs:
 * - each allowed pair's p_ij is finite (transfer and exec both finite but
 *   their sum Infinity would make an allowed pair look forbidden): the error
 *   then names `problem.execTime[i][j]`;
 * - H = max_j ready_j + max_i release_i + Σ_i max_j p_ij (the latest finish
 *   any assignment in any order can reach), n·H (bounds the flowtime and
 *   the positional costs of `'optimal-flowtime'`), m·max ready + H (bounds
 *   the summed device loads of local search) and (Σ_i priority_i)·H (bounds
 *   the weighted flowtime), each times 1 + 1e-6, are finite.
 * Problems within the guard never see an overflow in any evaluation, bound
 * or heuristic. O(n·m), no allocation.
 * @internal
 */
export function checkTimeSums(fn: string, t: TimeArrays): void {
  checkScannedTimeSums(fn, scanRows(t.n, t.m, t.exec, t.transfer, t.release), t);
}

/**
 * One pass over the rows of p_ij = transfer_ij + exec_ij: what the
 * feasibility check (every task has an allowed device), the overflow guard
 * and the row-minima lower bound read, so a compiler reads the matrices
 * once for the three. @internal
 */
export interface RowScan {
  /** The rows with no allowed device (p_ij = Infinity for every j), in row order. */
  readonly infeasible: number[];
  /** Σ_i max over the allowed pairs of row i of p_ij (0 for a row with none), summed in row order. */
  readonly worstSum: number;
  /** Row-major index i·m + j of the first allowed-looking pair (exec and transfer finite) whose sum overflows, −1 when none. */
  readonly overflowAt: number;
  /** Σ_i min_j p_ij, summed in row order (the total minimum work). */
  readonly minSum: number;
  /** max_i (release_i + min_j p_ij), at least 0 (each task alone on its fastest device). */
  readonly single: number;
  /** min_i release_i (`Infinity` with no tasks). */
  readonly minRelease: number;
}

/**
 * Scans the rows once (see {@link RowScan}); `transfer` undefined stands for
 * all zeros (p_ij = exec_ij, without reading a second matrix). O(n·m), no
 * allocation but the (usually empty) list of infeasible rows. @internal
 */
export function scanRows(n: number, m: number, exec: ArrayLike<number>, transfer: ArrayLike<number> | undefined, release: ArrayLike<number>): RowScan {
  const infeasible: number[] = [];
  let worstSum = 0;
  let overflowAt = -1;
  let minSum = 0;
  let single = 0;
  let minRelease = Infinity;
  for (let i = 0, k = 0; i < n; i++) {
    let worst = 0;
    let best = Infinity;
    const end = k + m;
    if (transfer === undefined) {
      for (; k < end; k++) {
        const e = exec[k]!;
        if (e < best) best = e;
        if (e > worst && e < Infinity) worst = e;
      }
    } else {
      for (; k < end; k++) {
        const e = exec[k]!;
        const x = transfer[k]!;
        const p = x + e;
        if (p < best) best = p;
        if (p < Infinity) {
          if (p > worst) worst = p;
        } else if (overflowAt < 0 && p === Infinity && e !== Infinity && x !== Infinity) {
          overflowAt = k;
        }
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

/** {@link checkTimeSums} given the rows already scanned by {@link scanRows} on the same exec and transfer. @internal */
export function checkScannedTimeSums(fn: string, scan: RowScan, t: TimeArrays): void {
  const { n, m, exec, transfer, release, priority, ready } = t;
  if (scan.overflowAt >= 0) {
    const k = scan.overflowAt;
    const i = Math.floor(k / m);
    const j = k - i * m;
    rangeReason(fn, `problem.execTime[${i}][${j}]`, `plus problem.transferTime[${i}][${j}] overflows the range of a double (${exec[k]!} + ${transfer[k]!} is Infinity, which would make an allowed pair look forbidden); rescale the times`);
  }
  let maxRelease = 0;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    if (release[i]! > maxRelease) maxRelease = release[i]!;
    weight += priority[i]!;
  }
  let maxReady = 0;
  for (let j = 0; j < m; j++) if (ready[j]! > maxReady) maxReady = ready[j]!;
  const horizon = (maxReady + maxRelease + scan.worstSum) * SLACK;
  if (horizon === 0) return;
  if (!Number.isFinite(horizon) || !Number.isFinite(n * horizon) || !Number.isFinite(m * maxReady + horizon) || !Number.isFinite(weight * horizon)) {
    rangeReason(fn, 'problem', OVERFLOW_REASON);
  }
}

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
  const { n, m, exec, transfer, release, priority, ready } = t;
  let sum = 0;
  let maxRelease = 0;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    let worst = 0;
    for (let j = 0, k = i * m; j < m; j++, k++) {
      const e = exec[k]!;
      const x = transfer[k]!;
      if (e === Infinity || x === Infinity) continue;
      const p = x + e;
      if (p === Infinity) rangeReason(fn, `problem.execTime[${i}][${j}]`, `plus problem.transferTime[${i}][${j}] overflows the range of a double (${e} + ${x} is Infinity, which would make an allowed pair look forbidden); rescale the times`);
      if (p > worst) worst = p;
    }
    sum += worst;
    if (release[i]! > maxRelease) maxRelease = release[i]!;
    weight += priority[i]!;
  }
  let maxReady = 0;
  for (let j = 0; j < m; j++) if (ready[j]! > maxReady) maxReady = ready[j]!;
  const horizon = (maxReady + maxRelease + sum) * SLACK;
  if (horizon === 0) return;
  if (!Number.isFinite(horizon) || !Number.isFinite(n * horizon) || !Number.isFinite(m * maxReady + horizon) || !Number.isFinite(weight * horizon)) {
    rangeReason(fn, 'problem', OVERFLOW_REASON);
  }
}

/**
 * Completion-time primitives and decision-trace building shared by the
 * list-scheduling heuristics. Private to `solvers/`.
 *
 * The model (Braun et al. 2001, with transfer and release times added): each
 * device j has an availability `avail[j]`, initially its ready time; placing
 * task i on device j gives the completion time
 *   ct(i, j) = max(avail[j], release[i]) + transfer[i][j] + exec[i][j]
 * and sets `avail[j] = ct(i, j)`. This is exactly the `'sequential'` cost
 * model evaluated in mapping order, computed with the same floating-point
 * operations as `evaluateCompiled` (start + (transfer + exec)), so the
 * scores in the trace are the finish times the schedule shows. A device is allowed for task i when
 * transfer + exec is finite; forbidden pairs score `Infinity` and are never
 * chosen (every comparison is strict, so `Infinity` never wins). Ties go to
 * the lowest device index.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';
import type { DecisionCandidate, DecisionExclusion, StrategyResult, TaskDecision } from '../registry.js';

/** Reason recorded for a device whose execution time is `Infinity`. @internal */
export const EXEC_FORBIDDEN = 'forbidden: execTime is Infinity';
/** Reason recorded for a device whose transfer time is `Infinity`. @internal */
export const TRANSFER_FORBIDDEN = 'forbidden: transferTime is Infinity';

/** Device availabilities at the start: a copy of the ready times. @internal */
export function initialAvailability(cp: CompiledProblem): Float64Array {
  return cp.ready.slice();
}

/**
 * Fills `out[j]` with ct(i, j) for every device (`Infinity` where forbidden).
 * O(m), no allocation. @internal
 */
export function completionRow(cp: CompiledProblem, avail: Float64Array, i: number, out: Float64Array): void {
  const { m, exec, transfer, release } = cp;
  const r = release[i]!;
  const base = i * m;
  for (let j = 0; j < m; j++) {
    const a = avail[j]!;
    out[j] = (a > r ? a : r) + (transfer[base + j]! + exec[base + j]!);
  }
}

/**
 * The best and second-best devices by ct(i, j) (lowest index first on
 * ties), written to the four arrays at index i; the second is -1 with
 * `Infinity` when only one device is allowed. O(m), no allocation. @internal
 */
export function scanTopTwo(
  cp: CompiledProblem,
  avail: Float64Array,
  i: number,
  bestDev: Int32Array,
  bestCt: Float64Array,
  secondDev: Int32Array,
  secondCt: Float64Array,
): void {
  const { m, exec, transfer, release } = cp;
  const r = release[i]!;
  const base = i * m;
  let bd = -1;
  let bc = Infinity;
  let sd = -1;
  let sc = Infinity;
  for (let j = 0; j < m; j++) {
    const a = avail[j]!;
    const ct = (a > r ? a : r) + (transfer[base + j]! + exec[base + j]!);
    if (ct < bc) {
      sd = bd;
      sc = bc;
      bd = j;
      bc = ct;
    } else if (ct < sc) {
      sd = j;
      sc = ct;
    }
  }
  bestDev[i] = bd;
  bestCt[i] = bc;
  secondDev[i] = sd;
  secondCt[i] = sc;
}

/**
 * Like `scanTopTwo`, and also writes the third-smallest ct(i, j) to
 * `thirdCt[i]` (`Infinity` with fewer than three allowed devices): every
 * device other than the best and the second then has ct ≥ `thirdCt[i]`.
 * O(m), no allocation. @internal
 */
export function scanTopThree(
  cp: CompiledProblem,
  avail: Float64Array,
  i: number,
  bestDev: Int32Array,
  bestCt: Float64Array,
  secondDev: Int32Array,
  secondCt: Float64Array,
  thirdCt: Float64Array,
): void {
  const { m, exec, transfer, release } = cp;
  const r = release[i]!;
  const base = i * m;
  let bd = -1;
  let bc = Infinity;
  let sd = -1;
  let sc = Infinity;
  let tc = Infinity;
  for (let j = 0; j < m; j++) {
    const a = avail[j]!;
    const ct = (a > r ? a : r) + (transfer[base + j]! + exec[base + j]!);
    if (ct < tc) {
      if (ct < sc) {
        tc = sc;
        if (ct < bc) {
          sd = bd;
          sc = bc;
          bd = j;
          bc = ct;
        } else {
          sd = j;
          sc = ct;
        }
      } else tc = ct;
    }
  }
  bestDev[i] = bd;
  bestCt[i] = bc;
  secondDev[i] = sd;
  secondCt[i] = sc;
  thirdCt[i] = tc;
}

/**
 * Makes task i's best device and completion time exact again after its best
 * device d was loaded, given the invariants `scanTopThree` sets up:
 * `secondCt[i]` bounds the second device from below and `thirdCt[i]` every
 * other device (times only grow). O(1) while d, or else the second device,
 * stays strictly below `thirdCt[i]` (lowest index on ties); otherwise
 * rescans the row in O(m). Same best device as a full scan. @internal
 */
export function refreshTopThree(
  cp: CompiledProblem,
  avail: Float64Array,
  i: number,
  bestDev: Int32Array,
  bestCt: Float64Array,
  secondDev: Int32Array,
  secondCt: Float64Array,
  thirdCt: Float64Array,
): void {
  const { m, exec, transfer, release } = cp;
  const d = bestDev[i]!;
  const r = release[i]!;
  const a = avail[d]!;
  const ct = (a > r ? a : r) + (transfer[i * m + d]! + exec[i * m + d]!);
  const bound = thirdCt[i]!;
  if (ct < secondCt[i]! && ct < bound) {
    bestCt[i] = ct;
    return;
  }
  const d2 = secondDev[i]!;
  let c2 = Infinity;
  if (d2 >= 0) {
    const a2 = avail[d2]!;
    c2 = (a2 > r ? a2 : r) + (transfer[i * m + d2]! + exec[i * m + d2]!);
  }
  const firstWins = ct < c2 || (ct === c2 && d < d2);
  if ((firstWins ? ct : c2) >= bound) {
    scanTopThree(cp, avail, i, bestDev, bestCt, secondDev, secondCt, thirdCt);
  } else if (firstWins) {
    bestCt[i] = ct;
    secondCt[i] = c2;
  } else {
    bestDev[i] = d2;
    bestCt[i] = c2;
    secondDev[i] = d;
    secondCt[i] = ct;
  }
}

/** Places task i on device j: returns ct(i, j) and advances `avail[j]` to it. @internal */
export function place(cp: CompiledProblem, avail: Float64Array, i: number, j: number): number {
  const k = i * cp.m + j;
  const a = avail[j]!;
  const r = cp.release[i]!;
  const ct = (a > r ? a : r) + (cp.transfer[k]! + cp.exec[k]!);
  avail[j] = ct;
  return ct;
}

/**
 * One {@link TaskDecision} from a row of scores: allowed devices become
 * candidates with `scores[j]`; forbidden ones are excluded with the reason.
 * The margin is the best other candidate's score minus the chosen one's (0
 * when there is no other candidate). @internal
 */
export function decision(cp: CompiledProblem, task: number, step: number, scores: Float64Array, chosen: number): TaskDecision {
  const { m, exec, transfer } = cp;
  const base = task * m;
  const candidates: DecisionCandidate[] = [];
  const excluded: DecisionExclusion[] = [];
  let runnerUp = Infinity;
  for (let j = 0; j < m; j++) {
    if (exec[base + j] === Infinity) {
      excluded.push({ device: j, reason: EXEC_FORBIDDEN });
    } else if (transfer[base + j] === Infinity) {
      excluded.push({ device: j, reason: TRANSFER_FORBIDDEN });
    } else {
      const score = scores[j]!;
      candidates.push({ device: j, score });
      if (j !== chosen && score < runnerUp) runnerUp = score;
    }
  }
  const margin = runnerUp === Infinity ? 0 : runnerUp - scores[chosen]!;
  return { task, step, candidates, chosen, margin, excluded };
}

/** Packs a finished deterministic heuristic's arrays into a result. @internal */
export function heuristicResult(assignment: Int32Array, order: Int32Array, trace: readonly TaskDecision[]): StrategyResult {
  return { assignment, order, trace, stoppedEarly: false };
}

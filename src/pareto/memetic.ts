/**
 * The single-task-move neighbourhood of NSGA-II's search and its memetic
 * improvement step, the dominance descent. The descent is a local search
 * added to NSGA-II (a memetic algorithm in the sense of Moscato 1989, as in
 * Ishibuchi & Murata 1998, IEEE TSMC-C 28(3)); it is not part of Deb et
 * al. 2002. No validation here.
 * @internal
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import type { CostModel } from '../schedule/types.js';
import type { ObjectiveEvaluator } from './objectiveEvaluator.js';
import type { ParetoObjective } from './types.js';

/** The allowed devices of every task, flat: task i's are `devices[start[i] .. start[i + 1])`. @internal */
export interface Allowed {
  readonly start: Int32Array;
  readonly devices: Int32Array;
}

/** The devices each task may run on (finite transfer + execution time), in index order. O(n·m). @internal */
export function allowedDevices(cp: CompiledProblem): Allowed {
  const { n, m, exec, transfer } = cp;
  const start = new Int32Array(n + 1);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) if (exec[i * m + j]! + transfer[i * m + j]! < Infinity) list.push(j);
    start[i + 1] = list.length;
  }
  return { start, devices: Int32Array.from(list) };
}

/** Does a weakly dominate b (≤ everywhere) — and is it strictly better somewhere (`strict`)? */
function compare(a: Float64Array, b: Float64Array, dims: number): 'better' | 'equal' | 'no' {
  let strict = false;
  for (let d = 0; d < dims; d++) {
    if (a[d]! > b[d]!) return 'no';
    if (a[d]! < b[d]!) strict = true;
  }
  return strict ? 'better' : 'equal';
}

/**
 * Dominance descent: single-task moves (task i to another allowed device),
 * each accepted only when the new objective vector weakly dominates the
 * current one and either is strictly better on some objective or (with
 * makespan among the objectives) takes a task off a device that ends at the
 * makespan to one that ends strictly before it, so fewer devices are
 * critical. Every accepted move leaves each objective no worse, so the result
 * weakly dominates the start.
 *
 * Moves are tried first-improvement, in task then device index order: when
 * makespan is an objective (sequential cost model, no release times, where
 * device j ends at ready_j + its busy time) first the tasks of the critical
 * device (the lowest-index device ending at the makespan), skipping moves
 * that would end the target device after the makespan; then every task. The
 * descent stops at a local optimum of that acceptance, after
 * `maxEvaluations` evaluations, or when `stop()` (asked before each
 * evaluation; the caller's deadline) answers true; no randomness, and
 * without a stop that fires the same input gives the same output. A stopped
 * descent leaves `asg` and `value` consistent (the last accepted move).
 *
 * Complexity: O(maxEvaluations · c) for an evaluation cost c (O(n + m), or
 * O(n·m) with a run order to follow), plus O(n·m) per pass.
 *
 * @param cp - The compiled problem.
 * @param evaluator - An evaluator of `objectives` on `cp` under `costModel`.
 * @param objectives - The objectives the evaluator computes, in its order.
 * @param costModel - The cost model the evaluator times schedules with.
 * @param allowed - {@link allowedDevices} of `cp`.
 * @param asg - The assignment to improve, in place (valid and allowed).
 * @param value - Its objective vector, updated in place.
 * @param maxEvaluations - Evaluation budget (an integer ≥ 0).
 * @param stop - Asked before each evaluation; true ends the descent (default: never).
 * @param overrun - With device budgets: the total budget overrun of an assignment; a move that would increase it is not taken (a within-budget start stays within budgets). Default: no budgets.
 * @returns The number of evaluations used.
 * @internal
 */
export function dominanceDescent(
  cp: CompiledProblem, evaluator: ObjectiveEvaluator, objectives: readonly ParetoObjective[], costModel: CostModel, allowed: Allowed, asg: Int32Array, value: Float64Array, maxEvaluations: number,
  stop: () => boolean = () => false,
  overrun?: (asg: Int32Array) => number,
): number {
  const { n, m, exec, transfer, ready, release } = cp;
  const dims = objectives.length;
  const span = objectives.indexOf('makespan');
  // Device end times are the loads exactly when runs are back to back from ready_j.
  const loadsExact = span >= 0 && costModel === 'sequential' && release.every((r) => r === 0);
  const load = new Float64Array(m);
  const count = new Int32Array(m);
  // In task index order, as the evaluator sums them, so a device's load equals its end time bit for bit.
  const recount = (): void => {
    load.set(ready);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const j = asg[i]!;
      load[j] = load[j]! + transfer[i * m + j]! + exec[i * m + j]!;
      count[j]!++;
    }
  };
  if (loadsExact) recount();
  const next = new Float64Array(dims);
  let over = overrun === undefined ? 0 : overrun(asg);
  let evaluations = 0;
  let stopped = false;
  /** Tries the moves of task i; true when one was accepted. */
  const tryTask = (i: number): boolean => {
    const own = asg[i]!;
    for (let q = allowed.start[i]!; q < allowed.start[i + 1]!; q++) {
      const k = allowed.devices[q]!;
      if (k === own) continue;
      const C = loadsExact ? value[span]! : Infinity;
      const pk = transfer[i * m + k]! + exec[i * m + k]!;
      if (loadsExact && load[k]! + pk > C) continue; // would end after the makespan
      if (evaluations >= maxEvaluations) return false;
      if (stop()) {
        stopped = true;
        return false;
      }
      asg[i] = k;
      const moved = overrun === undefined ? 0 : overrun(asg);
      if (moved > over) {
        asg[i] = own;
        continue;
      }
      evaluator.evaluate(asg, next, 0);
      evaluations++;
      const verdict = compare(next, value, dims);
      // Off a device ending at the makespan (which then ends before it) to one ending before it.
      const fewerCritical = loadsExact && verdict === 'equal' && load[own]! === C && transfer[i * m + own]! + exec[i * m + own]! > 0 && load[k]! + pk < C;
      if (verdict === 'better' || fewerCritical) {
        value.set(next);
        over = moved;
        if (loadsExact) recount();
        return true;
      }
      asg[i] = own;
    }
    return false;
  };
  for (;;) {
    if (evaluations >= maxEvaluations || stopped) break;
    let moved = false;
    if (loadsExact) {
      // The critical device: the lowest index ending at the makespan.
      let c = -1;
      for (let j = 0; j < m && c < 0; j++) if (count[j]! > 0 && load[j]! === value[span]!) c = j;
      for (let i = 0; i < n && !moved && !stopped && c >= 0; i++) if (asg[i] === c) moved = tryTask(i);
    }
    for (let i = 0; i < n && !moved && !stopped; i++) moved = tryTask(i);
    if (!moved) break;
  }
  return evaluations;
}

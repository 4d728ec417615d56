/**
 * The parts of `submit` that keep a batch within the device budgets and the
 * range of a double: scaling by the learnt ratios, the overflow guard, and
 * placement that never drives a budget negative.
 * @internal
 * @module
 */
import { InfeasibleError } from '../errors.js';
import { rangeReason } from '../internal/errors.js';
import { checkTimeSums } from '../problem/timeSums.js';
import type { DeviceSpec, Problem, TaskSpec } from '../problem/types.js';
import { solve, type Solution, type SolveOptions } from '../solvers/solve.js';
import type { OnlineDeviceState, OnlineState } from './stateTypes.js';

const FN = 'submit';

/** A validated task of a batch. @internal */
export interface ReadTask {
  readonly spec: TaskSpec;
  readonly exec: readonly number[];
  readonly transfer: readonly number[];
  readonly demand: number;
  readonly deadline: number | null;
}

/** A task left out of the batch, with the reason. @internal */
export interface Unplaced {
  readonly id: string;
  readonly index: number;
  readonly reason: string;
}

/**
 * Execution times scaled by each device's learnt ratio. An allowed
 * (finite) time that the ratio would scale to `Infinity` is refused: it
 * would silently become forbidden. @internal
 */
export function scaledTimes(batch: readonly ReadTask[], devices: readonly OnlineDeviceState[]): number[][] {
  return batch.map((b, i) =>
    b.exec.map((e, j) => {
      const x = e * devices[j]!.ratio;
      if (e !== Infinity && x === Infinity) {
        rangeReason(FN, `tasks[${i}].execTime[${j}]`, `(${e}) times the learnt ratio of devices[${j}] (${devices[j]!.ratio}) overflows the range of a double; rescale the times`);
      }
      return x;
    }),
  );
}

/** The overflow guard of `compileProblem` (problem/timeSums.ts) on the batch, under `submit`'s name. @internal */
export function guardBatch(batch: readonly ReadTask[], exec: readonly (readonly number[])[], devices: readonly OnlineDeviceState[], now: number): void {
  const n = batch.length;
  const m = devices.length;
  const flatExec = new Float64Array(n * m);
  const flatTransfer = new Float64Array(n * m);
  // Priority bound: explicit, else at most 3 (a normalized priority sums three shares ≤ 1).
  const priority = batch.map((b) => b.spec.priority ?? (b.spec.criteria === undefined ? 0 : 3));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      flatExec[i * m + j] = exec[i]![j]!;
      flatTransfer[i * m + j] = batch[i]!.transfer[j]!;
    }
  }
  checkTimeSums(FN, {
    n, m, exec: flatExec, transfer: flatTransfer, priority,
    release: new Float64Array(n).fill(now),
    ready: devices.map((d) => Math.max(d.busyUntil, now)),
  });
}

/** The batch as a `Problem` for `solve`: released at `now`, devices ready at max(busyUntil, now) with their remaining budgets. */
function batchProblem(state: OnlineState, batch: readonly ReadTask[], exec: readonly (readonly number[])[], now: number): Problem {
  return {
    tasks: batch.map((b) => ({ ...b.spec, release: now })),
    devices: state.devices.map((d): DeviceSpec => {
      const ready = Math.max(d.busyUntil, now);
      return d.budget === null ? { id: d.id, tier: d.tier, ready } : { id: d.id, tier: d.tier, ready, budget: Math.max(0, d.budget) };
    }),
    execTime: exec,
    transferTime: batch.map((b) => b.transfer),
  };
}

const DEMAND_FIELD = /^problem\.tasks\[(\d+)\]\.demand$/;

/**
 * Solves the batch so that no budget goes negative. The list heuristics
 * honour budgets themselves (`solve`'s capacity-aware path) and name a task
 * that fits nowhere; it is set aside as unplaced and the rest solved again.
 * `'local-search'` keeps them too. Strategies that ignore budgets by design
 * (`'optimal-flowtime'`) are checked afterwards: in their run order, a task that
 * would take its device past its remaining budget goes to `retry` (the
 * caller places it with the capacity-aware MCT rule), and the rest are
 * solved again. Each round removes at least one task: at most b + 1 solves.
 * `placed` holds the batch positions of the solution's tasks.
 * @internal
 */
export function placeWithinBudgets(
  state: OnlineState, batch: readonly ReadTask[], exec: readonly (readonly number[])[], now: number, options: SolveOptions,
): { solution: Solution | undefined; placed: number[]; unplaced: Unplaced[]; retry: number[] } {
  let index = batch.map((_, i) => i);
  const unplaced: Unplaced[] = [];
  const retry: number[] = [];
  while (index.length > 0) {
    const tasks = index.map((i) => batch[i]!);
    let solution: Solution;
    try {
      solution = solve(batchProblem(state, tasks, index.map((i) => exec[i]!), now), options);
    } catch (e) {
      if (!(e instanceof InfeasibleError) || e.fn !== 'solve') throw e;
      const k = DEMAND_FIELD.exec(e.field);
      if (k === null) throw e;
      const i = index[Number(k[1])]!;
      unplaced.push({ id: batch[i]!.spec.id, index: i, reason: e.message.replace(/^solve: problem\.tasks\[\d+\]/, `tasks[${i}]`) });
      index = index.filter((q) => q !== i);
      continue;
    }
    const over = new Set(overruns(state, tasks, solution).map((k) => index[k]!));
    if (over.size === 0) {
      unplaced.sort((a, b) => a.index - b.index);
      return { solution, placed: index, unplaced, retry: retry.sort((a, b) => a - b) };
    }
    retry.push(...over);
    index = index.filter((q) => !over.has(q));
  }
  unplaced.sort((a, b) => a.index - b.index);
  return { solution: undefined, placed: [], unplaced, retry: retry.sort((a, b) => a - b) };
}

/** Batch positions whose task, taken in the schedule's run order, would push its device past its remaining budget. */
function overruns(state: OnlineState, tasks: readonly ReadTask[], solution: Solution): number[] {
  const used = new Float64Array(state.devices.length);
  const out: number[] = [];
  for (const d of solution.schedule.devices) {
    const budget = state.devices[d.device]!.budget;
    if (budget === null) continue;
    for (const k of d.tasks) {
      const demand = tasks[k]!.demand;
      if (used[d.device]! + demand <= budget) used[d.device] = used[d.device]! + demand;
      else out.push(k);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * Evaluate an assignment: time every task, summarise every device, compute
 * the schedule's metrics, under one of two cost models.
 * @module
 */
import { checkArray, checkInteger, checkOneOf, checkOptions, infeasible, rangeReason, typeReason } from '../internal/errors.js';
import { compileFor } from '../problem/compile.js';
import type { CompiledProblem, Problem } from '../problem/types.js';
import { costCompiled } from './cost.js';
import { energyCompiled } from './energy.js';
import { budgetOverruns } from './overruns.js';
import type { CostModel, DeadlineMiss, DeviceUsage, Schedule, ScheduledTask } from './types.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * `'sequential'`: each device runs its tasks one at a time, in `order`,
   * from its `ready` time; a task starts at max(device free, task release),
   * transfers, then executes. `'independent'` (the seed's model, section 4.3):
   * every task starts at its release time, finish = release + transfer + exec,
   * no waiting for tasks that share its device.
   * @defaultValue `'sequential'`
   */
  readonly costModel?: CostModel;
  /**
   * A permutation of the task indices 0..n−1: each device runs its tasks in
   * this order (under `'independent'` it only orders `devices[j].tasks`).
   * @defaultValue task index order 0, 1, ..., n−1
   */
  readonly order?: readonly number[];
}

const COST_MODELS: readonly CostModel[] = ['independent', 'sequential'];

/**
 * Times an assignment on a problem and computes its metrics.
 *
 * Cost models (`options.costModel`), with p_ij = transferTime[i][j] + execTime[i][j]:
 * - `'sequential'` (default): device j is free from `ready_j`; tasks are taken
 *   in `options.order`; task i on device j starts at
 *   max(free_j, release_i), finishes at start + p_ij, and frees the device then.
 * - `'independent'` (the seed's model, section 4.3): start_i = release_i,
 *   finish_i = start_i + p_ij; tasks sharing a device do not wait for each
 *   other, and `ready` is not used. On the worked example the published
 *   assignment `[0, 1, 2, 1, 0]` gives finish times 38, 54, 64, 54, 38.
 *
 * Metrics: makespan = max finish (0 with no tasks); flowtime = Σ finish;
 * weighted flowtime = Σ priority_i · finish_i; total transfer = Σ transfer;
 * deadline misses = tasks with finish > deadline, lateness finish − deadline;
 * per device busy = Σ p_ij of its tasks, utilization = busy / makespan (0 when
 * the makespan is 0); load imbalance = max busy / mean busy over all m devices
 * (1 = balanced, 0 when no device is busy); budget overruns = every device
 * whose Σ demand exceeds its budget, with the amount (an assignment that
 * overruns is still evaluated: it is reported, never hidden).
 *
 * Energy (joules) and cost (currency units), from the devices' optional
 * `power` and `price` (devices without them contribute 0), with
 * busy_j = Σ_{i on j} (transfer + exec):
 * execution_j = power.busy_j · Σ exec; transfer_j = power.transfer_j · (Σ
 * transfer of its tasks + Σ transfer of the tasks whose `source` is j that run
 * elsewhere: the uploads); idle_j = power.idle_j · max(0, makespan − busy_j)
 * (every device is on from 0 to the makespan); energy = Σ_j of the three.
 * cost_j = busy_j > 0 ? perSecond_j · max(minimum_j, ⌈busy_j / g_j⌉ · g_j) : 0
 * (a busy time within a relative 1e-9 of a whole number of billing units is
 * billed as that number); cost = Σ_j cost_j. Cost depends on the assignment
 * only; energy also on the makespan, hence on the cost model and order.
 *
 * Complexity: O(n·m) to validate the problem, O(n + m) to evaluate.
 *
 * @param problem - The problem (validated, never mutated).
 * @param assignment - `assignment[i]`: device index (0-based) of task i.
 * @param options - {@link EvaluateOptions}.
 * @returns The {@link Schedule}: tasks in task order, devices in device order, metrics.
 * @throws {@link InputTypeError} for a malformed problem or options, or an assignment or order of the wrong length.
 * @throws {@link InputRangeError} for a bad problem number, a device index out of range, an order that is not a permutation, or times (or energy or cost) whose sum overflows to Infinity.
 * @throws {@link InfeasibleError} for an infeasible problem or a task assigned to a device where it cannot run (time Infinity).
 *
 * @example
 * ```ts
 * const problem = workedExampleProblem(0);
 * const s = evaluate(problem, [0, 1, 2, 1, 0], { costModel: 'independent' });
 * s.tasks.map((t) => t.finish); // [38, 54, 64, 54, 38]
 * s.metrics.makespan;           // 64
 * evaluate(problem, [0, 1, 2, 1, 0]).metrics.makespan; // 108 (sequential: 54 + 54 on device 1)
 * ```
 */
export function evaluate(problem: Problem, assignment: readonly number[], options?: EvaluateOptions): Schedule {
  const fn = 'evaluate';
  const opts = checkOptions(fn, options, ['costModel', 'order']);
  const costModel = opts.costModel === undefined ? 'sequential' : checkOneOf(fn, 'options.costModel', opts.costModel, COST_MODELS);
  const cp = compileFor(fn, problem);
  const { n, m } = cp;
  checkArray(fn, 'assignment', assignment);
  if (assignment.length !== n) typeReason(fn, 'assignment', `has length ${assignment.length}, expected ${n} (one device index per task)`);
  for (let i = 0; i < n; i++) {
    const j = checkInteger(fn, `assignment[${i}]`, assignment[i], 0, m - 1);
    if (!(cp.exec[i * m + j]! + cp.transfer[i * m + j]! < Infinity)) {
      infeasible(fn, `assignment[${i}]`, `puts task ${i} on device ${j}, where it cannot run (its time there is Infinity)`);
    }
  }
  let order: readonly number[] | undefined;
  if (opts.order !== undefined) {
    const o = opts.order;
    checkArray(fn, 'options.order', o);
    if (o.length !== n) typeReason(fn, 'options.order', `has length ${o.length}, expected ${n} (a permutation of the task indices)`);
    const seen = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const i = checkInteger(fn, `options.order[${k}]`, o[k], 0, n - 1);
      if (seen[i] !== -1) rangeReason(fn, `options.order[${k}]`, `repeats task ${i} (already at options.order[${seen[i]!}]); it must be a permutation`);
      seen[i] = k;
    }
    order = o as readonly number[];
  }
  // compileFor refused every problem whose sums of times could overflow (problem/timeSums.ts).
  const schedule = evaluateCompiled(cp, assignment, costModel, order);
  if (schedule.metrics.energy.total === Infinity || schedule.metrics.cost.total === Infinity) {
    rangeReason(fn, 'problem.devices', 'have power or price figures whose products with the times overflow the range of a double (the energy or cost would be Infinity); rescale them');
  }
  return schedule;
}

/**
 * {@link evaluate} on a compiled problem, with no validation: `assignment`
 * must hold n valid, allowed device indices and `order` (if given) a
 * permutation of 0..n−1. For solvers. O(n + m).
 * @internal
 */
export function evaluateCompiled(cp: CompiledProblem, assignment: ArrayLike<number>, costModel: CostModel, order?: ArrayLike<number>): Schedule {
  const { n, m, exec, transfer, release, ready, priority, deadline, taskIds, deviceIds } = cp;
  const busy = new Float64Array(m);
  // Each device's tasks in run order (pushed in `order`).
  const lists = new Array<number[]>(m);
  for (let j = 0; j < m; j++) lists[j] = [];
  const free = costModel === 'sequential' ? ready.slice() : undefined;
  // In task index order (no `order`, or the identity, as from OLB, MET, MCT) the tasks are timed in the loop below;
  // otherwise first, in `order`, into start and finish.
  let start: Float64Array | undefined;
  let finish: Float64Array | undefined;
  if (order !== undefined && !isIdentity(order, n)) {
    start = new Float64Array(n);
    finish = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const j = assignment[i]!;
      const p = transfer[i * m + j]! + exec[i * m + j]!;
      let s = release[i]!;
      if (free !== undefined && free[j]! > s) s = free[j]!;
      const f = s + p;
      if (free !== undefined) free[j] = f;
      start[i] = s;
      finish[i] = f;
      busy[j] = busy[j]! + p;
      lists[j]!.push(i);
    }
  }

  let makespan = 0;
  let flowtime = 0;
  let weightedFlowtime = 0;
  let totalTransfer = 0;
  const tasks: ScheduledTask[] = new Array<ScheduledTask>(n);
  const deadlineMisses: DeadlineMiss[] = [];
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    const t = transfer[i * m + j]!;
    const x = exec[i * m + j]!;
    let s: number;
    let f: number;
    if (finish === undefined) {
      const p = t + x;
      s = release[i]!;
      if (free !== undefined && free[j]! > s) s = free[j]!;
      f = s + p;
      if (free !== undefined) free[j] = f;
      busy[j] = busy[j]! + p;
      lists[j]!.push(i);
    } else {
      s = start![i]!;
      f = finish[i]!;
    }
    if (f > makespan) makespan = f;
    flowtime += f;
    weightedFlowtime += priority[i]! * f;
    totalTransfer += t;
    tasks[i] = { task: i, id: taskIds[i]!, device: j, start: s, transfer: t, exec: x, finish: f };
    if (f > deadline[i]!) deadlineMisses.push({ task: i, id: taskIds[i]!, lateness: f - deadline[i]! });
  }
  let maxBusy = 0;
  let sumBusy = 0;
  const devices: DeviceUsage[] = new Array<DeviceUsage>(m);
  for (let j = 0; j < m; j++) {
    const b = busy[j]!;
    if (b > maxBusy) maxBusy = b;
    sumBusy += b;
    devices[j] = {
      device: j,
      id: deviceIds[j]!,
      busy: b,
      utilization: makespan > 0 ? b / makespan : 0,
      tasks: lists[j]!,
    };
  }
  // Busy times beyond the double range give Infinity / Infinity: report Infinity, never NaN.
  const ratio = maxBusy / (sumBusy / m);
  const loadImbalance = sumBusy > 0 ? (Number.isNaN(ratio) ? Infinity : ratio) : 0;
  return {
    costModel,
    assignment: plainArray(assignment, 0, n),
    tasks,
    devices,
    metrics: { makespan, flowtime, weightedFlowtime, totalTransfer, deadlineMisses, loadImbalance, energy: energyCompiled(cp, assignment, makespan), cost: costCompiled(cp, assignment), budgetOverruns: budgetOverruns(cp, lists) },
  };
}

/** Whether `order` is 0, 1, ..., n − 1. */
function isIdentity(order: ArrayLike<number>, n: number): boolean {
  for (let k = 0; k < n; k++) if (order[k] !== k) return false;
  return true;
}

/** `a[from..to)` as a plain array (a loop: `Array.from` on a typed array goes through the iterator, several times slower). @internal */
export function plainArray(a: ArrayLike<number>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(a[k]!);
  return out;
}

/**
 * Time a workflow placement: the semi-active schedule of given per-device
 * run orders, with data arrival per edge, idle gaps and metrics.
 * @module
 */
import type { Tier } from '../problem/types.js';
import { checkInteger, describe as show, infeasible, rangeReason, typeError, typeReason } from '../internal/errors.js';
import { transferTime } from './comm.js';
import { compileWorkflowFor } from './compile.js';
import { checkEnergyFinite, workflowEnergyCost } from './energy.js';
import type { IdleGap, TierFlow, WorkflowDeadlineMiss, WorkflowDeviceUsage, WorkflowSchedule, WorkflowScheduledTask, WorkflowTransfer } from './scheduleTypes.js';
import type { CompiledWorkflow, Workflow } from './types.js';

const TIERS: readonly Tier[] = ['edge', 'cloud', 'fog'];
const TIER_ORDER = [0, 2, 1]; // report edge, fog, cloud

/** Throws unless `value` is an array or a typed array (not a DataView): an array-like of numbers whose values the caller checks. */
function checkArrayLike(fn: string, field: string, value: unknown): asserts value is ArrayLike<unknown> {
  if (Array.isArray(value)) return;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return;
  typeError(fn, field, 'an array or an integer typed array', value);
}

/** Checks placement and order against the compiled workflow (shape, forbidden devices, permutation per device). @internal */
export function checkPlan(fn: string, cw: CompiledWorkflow, placement: unknown, order: unknown): void {
  const { n, m, exec } = cw;
  checkArrayLike(fn, 'placement', placement);
  if (placement.length !== n) typeReason(fn, 'placement', `has length ${placement.length}, expected ${n} (one device index per task)`);
  for (let i = 0; i < n; i++) {
    const j = checkInteger(fn, `placement[${i}]`, placement[i], 0, m - 1);
    if (exec[i * m + j] === Infinity) infeasible(fn, `placement[${i}]`, `puts task ${show(cw.taskIds[i])} on device ${show(cw.deviceIds[j])}, where it cannot run (execTime is Infinity)`);
  }
  checkArrayLike(fn, 'order', order);
  if (order.length !== m) typeReason(fn, 'order', `has length ${order.length}, expected ${m} (one run order per device)`);
  const seen = new Uint8Array(n);
  for (let j = 0; j < m; j++) {
    const row: unknown = order[j];
    checkArrayLike(fn, `order[${j}]`, row);
    for (let k = 0; k < row.length; k++) {
      const i = checkInteger(fn, `order[${j}][${k}]`, row[k], 0, n - 1);
      if (seen[i] === 1) rangeReason(fn, `order[${j}][${k}]`, `repeats task ${show(cw.taskIds[i])} (each task runs once)`);
      seen[i] = 1;
      if (placement[i] !== j) rangeReason(fn, `order[${j}][${k}]`, `is task ${show(cw.taskIds[i])}, which placement[${i}] puts on device ${String(placement[i])}, not ${j}`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (seen[i] === 0) rangeReason(fn, `order[${String(placement[i])}]`, `lacks task ${show(cw.taskIds[i])} (placement[${i}] is ${String(placement[i])}; every task must appear once in its device's order)`);
  }
}

/**
 * Evaluates a checked plan: start = max(release, device ready, previous task
 * on the device, every input's arrival). Throws when the orders and the edges
 * deadlock. O(n + e + m). @internal
 */
export function evaluateCompiled(fn: string, cw: CompiledWorkflow, placement: ArrayLike<number>, order: readonly (readonly number[])[]): WorkflowSchedule {
  const { n, m, exec, release, ready, predStart, pred, predEdge, succStart, succ, deadline } = cw;
  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) waiting[i] = predStart[i + 1]! - predStart[i]!;
  const head = new Int32Array(m);
  const free = Float64Array.from(ready);
  const stack: number[] = [];
  for (let j = m - 1; j >= 0; j--) stack.push(j);
  let done = 0;
  while (stack.length > 0) {
    const j = stack.pop()!;
    const row = order[j]!;
    while (head[j]! < row.length) {
      const i = row[head[j]!]!;
      if (waiting[i]! > 0) break;
      let t = release[i]! > free[j]! ? release[i]! : free[j]!;
      for (let k = predStart[i]!; k < predStart[i + 1]!; k++) {
        const p = pred[k]!;
        const a = finish[p]! + transferTime(cw, predEdge[k]!, placement[p]!, j);
        if (a > t) t = a;
      }
      start[i] = t;
      finish[i] = t + exec[i * m + j]!;
      free[j] = finish[i]!;
      head[j]!++;
      done++;
      for (let k = succStart[i]!; k < succStart[i + 1]!; k++) {
        const s = succ[k]!;
        if (--waiting[s]! === 0) {
          const d = placement[s]!;
          if (d !== j && order[d]![head[d]!] === s) stack.push(d);
        }
      }
    }
  }
  if (done < n) deadlock(fn, cw, order, head, placement);
  return report(cw, placement, order, start, finish, deadline);
}

function deadlock(fn: string, cw: CompiledWorkflow, order: readonly (readonly number[])[], head: Int32Array, placement: ArrayLike<number>): never {
  for (let j = 0; j < cw.m; j++) {
    const row = order[j]!;
    if (head[j]! >= row.length) continue;
    const i = row[head[j]!]!;
    let blocker = -1;
    for (let k = cw.predStart[i]!; k < cw.predStart[i + 1]! && blocker < 0; k++) {
      const p = cw.pred[k]!;
      const d = placement[p]!;
      if (order[d]!.indexOf(p) >= head[d]!) blocker = p;
    }
    return rangeReason(
      fn,
      'order',
      `contradicts precedence: order[${j}][${head[j]!}] (${show(cw.taskIds[i])}) needs ${show(cw.taskIds[blocker])}, which order[${String(placement[blocker])}] runs only after a task that cannot start yet (the orders and edges form a cycle)`,
    );
  }
  return rangeReason(fn, 'order', 'contradicts precedence');
}

function report(cw: CompiledWorkflow, placement: ArrayLike<number>, order: readonly (readonly number[])[], start: Float64Array, finish: Float64Array, deadline: Float64Array): WorkflowSchedule {
  const { n, m, exec, succStart, succ, succEdge, data, tier } = cw;
  let makespan = 0;
  let flowtime = 0;
  const tasks: WorkflowScheduledTask[] = [];
  const misses: WorkflowDeadlineMiss[] = [];
  for (let i = 0; i < n; i++) {
    const f = finish[i]!;
    if (f > makespan) makespan = f;
    flowtime += f;
    tasks.push({ task: i, id: cw.taskIds[i]!, device: placement[i]!, start: start[i]!, finish: f });
    if (f > deadline[i]!) misses.push({ task: i, id: cw.taskIds[i]!, lateness: f - deadline[i]! });
  }
  const transfers: WorkflowTransfer[] = new Array<WorkflowTransfer>(data.length);
  const flowData = new Float64Array(9);
  const flowCount = new Int32Array(9);
  let dataMoved = 0;
  for (let i = 0; i < n; i++) {
    for (let k = succStart[i]!; k < succStart[i + 1]!; k++) {
      const s = succ[k]!;
      const e = succEdge[k]!;
      const p = placement[i]!;
      const q = placement[s]!;
      transfers[e] = { edge: e, from: i, to: s, fromDevice: p, toDevice: q, start: finish[i]!, arrival: finish[i]! + transferTime(cw, e, p, q), data: data[e]! };
      if (p !== q) {
        const pair = tier[p]! * 3 + tier[q]!;
        flowData[pair]! += data[e]!;
        flowCount[pair]!++;
        dataMoved += data[e]!;
      }
    }
  }
  const dataMovedBetweenTiers: TierFlow[] = [];
  // Only pairs of different tiers: data between two devices of one tier is in dataMoved, not "between tiers".
  for (const a of TIER_ORDER) {
    for (const b of TIER_ORDER) {
      const pair = a * 3 + b;
      if (a !== b && flowCount[pair]! > 0) dataMovedBetweenTiers.push({ from: TIERS[a]!, to: TIERS[b]!, data: flowData[pair]!, edges: flowCount[pair]! });
    }
  }
  const devices: WorkflowDeviceUsage[] = [];
  for (let j = 0; j < m; j++) {
    const row = order[j]!;
    let busy = 0;
    const gaps: IdleGap[] = [];
    let t = 0;
    for (const i of row) {
      busy += exec[i * m + j]!;
      if (start[i]! > t) gaps.push({ start: t, end: start[i]! });
      if (finish[i]! > t) t = finish[i]!;
    }
    if (makespan > t) gaps.push({ start: t, end: makespan });
    devices.push({
      device: j,
      id: cw.deviceIds[j]!,
      tier: TIERS[tier[j]!]!,
      tasks: row.slice(),
      busy,
      idle: makespan - busy,
      utilization: makespan > 0 ? busy / makespan : 0,
      gaps,
    });
  }
  const { energy, cost } = workflowEnergyCost(cw, tasks, transfers, makespan);
  return {
    placement: Array.from(placement),
    order: order.map((r) => r.slice()),
    tasks,
    transfers,
    devices,
    metrics: { makespan, flowtime, deadlineMisses: misses, dataMoved, dataMovedBetweenTiers, energy, cost },
  };
}

/**
 * Times a placement of a workflow's tasks on its devices, with each device
 * running its tasks in the given order, and computes the schedule's metrics.
 *
 * The schedule is semi-active: task i on device j starts at
 * max(release_i, ready_j, finish of the previous task in order[j], and for
 * every edge p → i the arrival finish_p + latency[dev_p][j] + data /
 * bandwidth[dev_p][j] (finish_p when dev_p = j)); finish = start +
 * execTime[i][j]. Transfers overlap computation and each other (no link
 * contention), as in Topcuoglu et al. 2002.
 *
 * Metrics: makespan = max finish (0 with no tasks); flowtime = Σ finish;
 * deadline misses (finish > deadline); per device busy = Σ execTime, idle =
 * makespan − busy, utilization = busy / makespan, idle gaps within
 * [0, makespan]; data moved between different devices, in total and per
 * ordered pair of tiers.
 *
 * Energy (joules) and cost (currency units), from the devices' optional
 * `power` and `price` (devices without them contribute 0), with d_e =
 * latency + data / bandwidth the duration of an edge e whose endpoints run
 * on different devices (its interval is [finish of the producer, arrival]):
 * execution_j = power.busy_j · Σ_{i on j} execTime[i][j];
 * transfer_j = power.transfer_j · Σ_{e sent or received by j} d_e (sender
 * and receiver both pay, as a task's source and its device do in `evaluate`);
 * active_j = length of the union of j's execution and transfer intervals
 * (a send overlapping an execution counts once);
 * idle_j = power.idle_j · max(0, makespan − active_j), for every device, one
 * that runs no task included (all devices are on from 0 to the makespan, as
 * in `evaluate`; idle power 0 models switching off); energy = Σ_j (execution_j
 * + transfer_j + idle_j). cost_j = perSecond_j · billedSeconds(active_j): 0
 * when active_j = 0, else max(minimum_j, ⌈active_j / g_j⌉ · g_j) (a used
 * device pays at least one billing unit); cost = Σ_j cost_j. On a graph
 * without edges, with the same run orders, this is `evaluate`'s sequential
 * energy and cost of the problem with the same times and zero transfer times.
 * Unlike `evaluate`, where a source's uploads add to its idle time, a
 * workflow device's transfers replace its idle time.
 *
 * Complexity: O(n·m + m² + e log n) to validate, O((n + e) log(n + e) + m) to evaluate.
 *
 * @param workflow - The workflow (validated, never mutated).
 * @param placement - `placement[i]`: device index of task i (an array or any typed array, e.g. `Int32Array`; every value an integer in 0..m−1).
 * @param order - `order[j]`: the tasks device j runs, in run order (an array or typed array per device); each device's list must hold exactly the tasks placed on it.
 * @returns The {@link WorkflowSchedule}.
 * @throws {@link InputTypeError} for a malformed workflow, placement or order (wrong lengths, non-integers).
 * @throws {@link InputRangeError} for an index out of range, an order that is not a permutation of its device's tasks, orders that contradict precedence (a deadlock: the message names the blocked task and what it waits for), or power or price figures whose energy or cost overflows to Infinity.
 * @throws {@link InfeasibleError} for a task placed on a device where it cannot run.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
 *   execTime: [[2, 1], [3, 1], [2, 2]],
 *   edges: [{ from: 'a', to: 'b', data: 4 }, { from: 'a', to: 'c', data: 1 }],
 *   network: { bandwidth: 2, latency: 0.5 },
 * };
 * const s = evaluateWorkflow(w, [0, 1, 0], [[0, 2], [1]]);
 * s.tasks.map((t) => [t.start, t.finish]); // [[0, 2], [4.5, 5.5], [2, 4]]
 * s.metrics.makespan;                      // 5.5
 * s.metrics.dataMovedBetweenTiers;         // [{ from: 'edge', to: 'cloud', data: 4, edges: 1 }]
 * ```
 *
 * @example
 * Energy and cost: the phone sends 8 MB to the VM (0.5 + 8/4 = 2.5 s) while
 * it runs `preview`, and receives 2 MB back (1 s).
 * ```ts
 * const w = {
 *   tasks: [{ id: 'capture' }, { id: 'detect' }, { id: 'preview' }, { id: 'show' }],
 *   devices: [
 *     { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2, idle: 1 } },
 *     { id: 'vm', tier: 'cloud', power: { busy: 120, transfer: 40, idle: 60 }, price: { perSecond: 0.001, granularity: 3600 } },
 *   ],
 *   execTime: [[2, 1], [8, 2], [3, 3], [1, 1]],
 *   edges: [
 *     { from: 'capture', to: 'detect', data: 8 }, { from: 'capture', to: 'preview', data: 1 },
 *     { from: 'detect', to: 'show', data: 2 }, { from: 'preview', to: 'show', data: 0 },
 *   ],
 *   network: { bandwidth: 4, latency: 0.5 },
 * };
 * const s = evaluateWorkflow(w, [0, 1, 0, 0], [[0, 2, 3], [1]]);
 * s.metrics.makespan;            // 8.5
 * s.metrics.energy.perDevice[0]; // { execution: 24, transfer: 7, idle: 1.5, total: 32.5 }   phone active 7 s
 * s.metrics.energy.perDevice[1]; // { execution: 240, transfer: 140, idle: 180, total: 560 } vm active 5.5 s
 * s.metrics.energy.total;        // 592.5
 * s.metrics.cost.perDevice;      // [0, 3.6]   5.5 s billed as one hour
 * ```
 */
export function evaluateWorkflow(workflow: Workflow, placement: ArrayLike<number>, order: ArrayLike<ArrayLike<number>>): WorkflowSchedule {
  const fn = 'evaluateWorkflow';
  const cw = compileWorkflowFor(fn, workflow);
  checkPlan(fn, cw, placement, order);
  // Plain copies once checked: typed arrays and array-likes time like arrays; the caller's objects are never kept.
  const schedule = evaluateCompiled(fn, cw, Array.from(placement), Array.from(order, (row) => Array.from(row)));
  checkEnergyFinite(fn, schedule.metrics);
  return schedule;
}

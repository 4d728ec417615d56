/**
 * The energy and money a workflow schedule uses: per device, execution,
 * transfer (every edge's data it sends or receives) and idle power over
 * time, and its active time billed as the independent-task `cost` bills
 * busy time.
 * @internal
 * @module
 */
import { rangeReason } from '../internal/errors.js';
import { deviceCost, noCost } from '../schedule/cost.js';
import { joules, noEnergy } from '../schedule/energy.js';
import type { CostMetrics, DeviceEnergy, EnergyMetrics } from '../schedule/types.js';
import { transferTime } from './comm.js';
import type { WorkflowScheduledTask, WorkflowTransfer } from './scheduleTypes.js';
import type { CompiledWorkflow } from './types.js';

/** Length of the union of the intervals [starts[k], ends[k]] (zero-length ones add nothing). */
function unionLength(starts: number[], ends: number[]): number {
  const idx = starts.map((_, k) => k).sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  let total = 0;
  let from = 0;
  let to = -Infinity;
  for (const k of idx) {
    const s = starts[k]!;
    const e = ends[k]!;
    if (!(e > s)) continue;
    if (s > to) {
      if (to > from) total += to - from;
      from = s;
      to = e;
    } else if (e > to) to = e;
  }
  if (to > from) total += to - from;
  return total;
}

/** The energy and cost metrics of a workflow schedule. @internal */
export interface WorkflowEnergyCost {
  readonly energy: EnergyMetrics;
  readonly cost: CostMetrics;
}

/**
 * Per device, its active seconds: the length of the union of its execution
 * intervals [start, finish] and the intervals [finish of the producer,
 * arrival] of the edges it sends or receives between different devices
 * (overlaps counted once). Also returns the execution and transfer seconds
 * (Σ execTime of its tasks in task order; Σ latency + data / bandwidth of
 * those edges in edge order). O((n + e) log(n + e) + m). @internal
 */
export function activeTimes(cw: CompiledWorkflow, tasks: readonly WorkflowScheduledTask[], transfers: readonly WorkflowTransfer[]): { active: Float64Array; exec: Float64Array; transfer: Float64Array } {
  const { m, exec } = cw;
  const execS = new Float64Array(m);
  const transferS = new Float64Array(m);
  const starts: number[][] = Array.from({ length: m }, () => []);
  const ends: number[][] = Array.from({ length: m }, () => []);
  for (const t of tasks) {
    execS[t.device] = execS[t.device]! + exec[t.task * m + t.device]!;
    starts[t.device]!.push(t.start);
    ends[t.device]!.push(t.finish);
  }
  for (const x of transfers) {
    if (x.fromDevice === x.toDevice) continue;
    const d = transferTime(cw, x.edge, x.fromDevice, x.toDevice);
    for (const j of [x.fromDevice, x.toDevice]) {
      transferS[j] = transferS[j]! + d;
      starts[j]!.push(x.start);
      ends[j]!.push(x.arrival);
    }
  }
  const active = new Float64Array(m);
  for (let j = 0; j < m; j++) active[j] = unionLength(starts[j]!, ends[j]!);
  return { active, exec: execS, transfer: transferS };
}

/**
 * Energy (joules) and cost (currency units) of a timed workflow schedule.
 *
 * Formula, per device j, over the tasks i placed on j and the edges e whose
 * producer and consumer run on different devices (transfer interval
 * [finish_producer, arrival_e] of length d_e = latency + data / bandwidth):
 * - execution_j = power.busy_j · Σ_{i on j} execTime[i][j]
 * - transfer_j = power.transfer_j · Σ_{e sent or received by j} d_e (the
 *   sender and the receiver both pay for the whole transfer; overlapping
 *   transfers each pay, as they overlap in time without contention)
 * - active_j = length of the union of j's execution intervals and the
 *   transfer intervals of the edges it sends or receives (overlaps counted once)
 * - idle_j = power.idle_j · max(0, makespan − active_j): every device, one that
 *   runs no task included, is on from 0 to the makespan, as in the
 *   independent-task `evaluate` (idle power 0 models switching off)
 * - cost_j = perSecond_j · billedSeconds(active_j, granularity_j, minimum_j)
 *   (0 when active_j = 0; a used device pays at least one billing unit)
 *
 * energy = Σ_j (execution_j + transfer_j + idle_j); cost = Σ_j cost_j.
 * Devices without `power` or `price` contribute 0 (a workflow with neither
 * is not even timed again). Sums run in task index, then edge index order.
 *
 * Complexity: O((n + e) log(n + e) + m).
 *
 * @param cw - The compiled workflow.
 * @param tasks - The schedule's tasks (device, start, finish), in task order.
 * @param transfers - The schedule's transfers, in edge order.
 * @param makespan - The schedule's makespan.
 * @returns Energy per device and in total, cost per device and in total.
 * @internal
 */
export function workflowEnergyCost(cw: CompiledWorkflow, tasks: readonly WorkflowScheduledTask[], transfers: readonly WorkflowTransfer[], makespan: number): WorkflowEnergyCost {
  const { m, powerBusy, powerTransfer, powerIdle, pricePerSecond } = cw;
  let any = false;
  for (let j = 0; j < m && !any; j++) any = powerBusy[j]! > 0 || powerTransfer[j]! > 0 || powerIdle[j]! > 0 || pricePerSecond[j]! > 0;
  if (!any) return { energy: noEnergy(m), cost: noCost(m) };
  const { active, exec: execS, transfer: transferS } = activeTimes(cw, tasks, transfers);
  const perDevice = new Array<DeviceEnergy>(m);
  const perDeviceCost = new Array<number>(m);
  let energyTotal = 0;
  let costTotal = 0;
  for (let j = 0; j < m; j++) {
    const a = active[j]!;
    const execution = joules(powerBusy[j]!, execS[j]!);
    const transfer = joules(powerTransfer[j]!, transferS[j]!);
    const gap = makespan - a;
    const idle = joules(powerIdle[j]!, gap > 0 ? gap : 0);
    const total = execution + transfer + idle;
    perDevice[j] = { execution, transfer, idle, total };
    energyTotal += total;
    const c = deviceCost(cw, j, a);
    perDeviceCost[j] = c;
    costTotal += c;
  }
  return { energy: { total: energyTotal, perDevice }, cost: { total: costTotal, perDevice: perDeviceCost } };
}

/**
 * Throws when a schedule's energy or cost overflowed to Infinity (watts or
 * prices so large that their products with the times leave the range of a
 * double), with the message `evaluate` gives for problems. O(1). @internal
 */
export function checkEnergyFinite(fn: string, metrics: { readonly energy: EnergyMetrics; readonly cost: CostMetrics }): void {
  if (metrics.energy.total === Infinity || metrics.cost.total === Infinity) {
    rangeReason(fn, 'workflow.devices', 'have power or price figures whose products with the times overflow the range of a double (the energy or cost would be Infinity); rescale them');
  }
}

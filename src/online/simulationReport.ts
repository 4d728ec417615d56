/**
 * The summary of a finished simulation: metrics and the realized schedule.
 * @internal
 * @module
 */
import { noCost } from '../schedule/cost.js';
import { noEnergy } from '../schedule/energy.js';
import type { DeadlineMiss, DeviceUsage, Schedule, ScheduledTask } from '../schedule/types.js';
import type { SimDeviceStats, SimEvent, SimulationResult } from './simulationTypes.js';

/**
 * Metrics (makespan, responses, p95 by nearest rank, deadline misses,
 * utilizations, data moved) and the realized sequential schedule of a run;
 * `ratio(j)` gives device j's learnt ratio at the end. O(n log n + m).
 * @internal
 */
export function report(
  strategy: SimulationResult['strategy'],
  tasks: readonly { readonly deadline?: number; readonly priority?: number; readonly dataSize?: number }[],
  ids: readonly string[],
  arrival: Float64Array,
  device: Int32Array,
  start: Float64Array,
  transfer: Float64Array,
  exec: Float64Array,
  finish: Float64Array,
  busy: Float64Array,
  moved: Float64Array,
  ran: readonly number[][],
  devs: readonly { readonly id: string }[],
  ratio: (j: number) => number,
  events: number,
  log: SimEvent[],
): SimulationResult {
  const n = tasks.length;
  const m = devs.length;
  let makespan = 0;
  let flowtime = 0;
  let weightedFlowtime = 0;
  let totalTransfer = 0;
  let dataMoved = 0;
  const response = new Float64Array(n);
  const scheduled: ScheduledTask[] = new Array<ScheduledTask>(n);
  const misses: DeadlineMiss[] = [];
  for (let k = 0; k < n; k++) {
    const f = finish[k]!;
    const task = tasks[k]!;
    if (f > makespan) makespan = f;
    flowtime += f;
    weightedFlowtime += (task.priority ?? 0) * f;
    totalTransfer += transfer[k]!;
    dataMoved += task.dataSize ?? 0;
    response[k] = f - arrival[k]!;
    scheduled[k] = { task: k, id: ids[k]!, device: device[k]!, start: start[k]!, transfer: transfer[k]!, exec: exec[k]!, finish: f };
    if (task.deadline !== undefined && f > arrival[k]! + task.deadline) misses.push({ task: k, id: ids[k]!, lateness: f - arrival[k]! - task.deadline });
  }
  let sumResponse = 0;
  for (let k = 0; k < n; k++) sumResponse += response[k]!;
  const sorted = response.slice().sort();
  const p95 = n === 0 ? 0 : sorted[Math.ceil(0.95 * n) - 1]!;
  let maxBusy = 0;
  let sumBusy = 0;
  const usage: DeviceUsage[] = [];
  const stats: SimDeviceStats[] = [];
  for (let j = 0; j < m; j++) {
    const b = busy[j]!;
    maxBusy = Math.max(maxBusy, b);
    sumBusy += b;
    const utilization = makespan > 0 ? b / makespan : 0;
    usage.push({ device: j, id: devs[j]!.id, busy: b, utilization, tasks: ran[j]!.slice() });
    stats.push({ id: devs[j]!.id, tasks: ran[j]!.length, busy: b, utilization, dataMoved: moved[j]!, ratio: ratio(j) });
  }
  const schedule: Schedule = {
    costModel: 'sequential',
    assignment: Array.from(device),
    tasks: scheduled,
    devices: usage,
    metrics: { makespan, flowtime, weightedFlowtime, totalTransfer, deadlineMisses: misses, loadImbalance: sumBusy > 0 ? maxBusy / (sumBusy / m) : 0, energy: noEnergy(m), cost: noCost(m) },
  };
  return {
    strategy,
    metrics: { tasks: n, makespan, meanResponse: n === 0 ? 0 : sumResponse / n, p95Response: p95, deadlineMisses: misses.length, dataMoved, events, devices: stats },
    schedule,
    arrivals: Array.from(arrival),
    events: log,
  };
}

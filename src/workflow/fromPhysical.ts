/**
 * Build a {@link Workflow} from physical quantities: work per task, speed and
 * network link per device, data size per edge.
 * @module
 */
import { checkArray, checkNonNegative, checkObject, checkOneOf, checkPositive, notNonNegativeOrInfinity, rangeError, rangeReason, typeError } from '../internal/errors.js';
import { Report } from '../problem/check.js';
import { compileEnergy } from '../problem/compileEnergy.js';
import type { DevicePower, DevicePrice, Tier } from '../problem/types.js';
import type { Workflow, WorkflowDevice, WorkflowEdge, WorkflowTask } from './types.js';
import { MAX_WORKFLOW_DEVICES } from './compile.js';

/** A task described physically, for {@link workflowFromPhysical}. */
export interface PhysicalWorkflowTask {
  /** Unique id. @defaultValue `t<i>` (0-based index) */
  readonly id?: string;
  /** Computation to perform, in operations (e.g. megacycles or GFLOP), finite and ≥ 0. */
  readonly work: number;
  /** Copied to the workflow. @defaultValue none (0) */
  readonly priority?: number;
  /** Earliest start, seconds. @defaultValue none (0) */
  readonly release?: number;
  /** Due time, seconds (`Infinity` = none). @defaultValue none */
  readonly deadline?: number;
}

/** A device described physically, for {@link workflowFromPhysical}. */
export interface PhysicalWorkflowDevice {
  /** Unique id. @defaultValue `d<j>` (0-based index) */
  readonly id?: string;
  /** `'edge'`, `'fog'` or `'cloud'`. */
  readonly tier: Tier;
  /** Operations per second (e.g. megacycles per second = MHz), finite and > 0. */
  readonly speed: number;
  /**
   * Bandwidth of the device's network link, in data units per second (the
   * unit of the edges' `size`, e.g. MB/s), > 0; `Infinity` = free.
   * @defaultValue Infinity
   */
  readonly bandwidth?: number;
  /** One-way latency of the device's link, seconds ≥ 0. @defaultValue 0 */
  readonly latency?: number;
  /** Time at which the device becomes free, seconds. @defaultValue 0 */
  readonly ready?: number;
  /** Power draw in watts (busy, transfer, idle), copied. @defaultValue none (0 W) */
  readonly power?: DevicePower;
  /** Price of active time (per second, billing granularity, minimum), copied. @defaultValue none (free) */
  readonly price?: DevicePrice;
}

/** A precedence edge described physically, for {@link workflowFromPhysical}. */
export interface PhysicalWorkflowEdge {
  /** Producer task id. */
  readonly from: string;
  /** Consumer task id. */
  readonly to: string;
  /** Data the consumer needs from the producer, in data units (bytes, MB, ...), finite and ≥ 0. */
  readonly size: number;
}

/**
 * Builds a workflow from physical quantities, in one consistent set of units
 * (work in operations, speed in operations per second, sizes in a data unit
 * and bandwidths in that unit per second, latencies in seconds):
 *
 * - `execTime[i][j] = work_i / speed_j`
 * - edge data = `size` (in the data unit)
 * - between devices p ≠ q: `bandwidth[p][q] = min(bandwidth_p, bandwidth_q)`
 *   (a transfer goes through both links and runs at the slower one) and
 *   `latency[p][q] = latency_p + latency_q`; the diagonal is unused (the same
 *   device costs 0), written as `Infinity` and `0`.
 *
 * so moving an edge's data from p to q takes
 * `latency_p + latency_q + size / min(bandwidth_p, bandwidth_q)` seconds.
 * A device's `power` (watts) and `price` are copied (validated as
 * `compileWorkflow` does); with times in seconds the schedule's energy is in
 * joules (see `evaluateWorkflow`).
 * This is the per-device-link special case of the workflow's m×m network;
 * write the matrices directly for anything else. Ids default to
 * `t0, t1, ...` and `d0, d1, ...`. Edge ids are not checked here
 * (`compileWorkflow` does that, with cycles and duplicates).
 *
 * Complexity: O(n·m + m² + e).
 *
 * @param tasks - Work of each task.
 * @param devices - Tier, speed and network link of each device.
 * @param edges - Data size of each precedence edge.
 * @returns A new plain {@link Workflow} with `execTime` n×m, the edges and a network (m×m matrices) filled.
 * @throws {@link InputTypeError} for non-arrays, non-objects, a missing field, a bad tier or a bad id.
 * @throws {@link InputTypeError} for an unknown key in `power` or `price`, or a `power` or `price` that is not an object.
 * @throws {@link InputRangeError} for NaN, negative or infinite quantities (other than an infinite bandwidth or deadline), watts or prices among them, a zero speed or bandwidth, a price granularity ≤ 0, an execution time that overflows to Infinity, or more than 8192 devices (checked first: the m × m tables are never built).
 *
 * @example
 * ```ts
 * const w = workflowFromPhysical(
 *   [{ id: 'decode', work: 2000 }, { id: 'detect', work: 8000 }],        // megacycles
 *   [
 *     { id: 'cam', tier: 'edge', speed: 1000, bandwidth: 10, latency: 0.01 },   // 1 GHz, 10 MB/s uplink
 *     { id: 'dc', tier: 'cloud', speed: 4000, bandwidth: 100, latency: 0.04 },
 *   ],
 *   [{ from: 'decode', to: 'detect', size: 5 }],                          // 5 MB
 * );
 * w.execTime;          // [[2, 0.5], [8, 2]]
 * w.network.bandwidth; // [[Infinity, 10], [10, Infinity]]
 * w.network.latency;   // [[0, 0.05], [0.05, 0]]   cam -> dc moves 5 MB in 0.05 + 5/10 = 0.55 s
 * ```
 */
export function workflowFromPhysical(
  tasks: readonly PhysicalWorkflowTask[],
  devices: readonly PhysicalWorkflowDevice[],
  edges: readonly PhysicalWorkflowEdge[],
): Workflow & { readonly network: { readonly bandwidth: number[][]; readonly latency: number[][] } } {
  const fn = 'workflowFromPhysical';
  checkArray(fn, 'tasks', tasks);
  checkArray(fn, 'devices', devices);
  checkArray(fn, 'edges', edges);
  const n = tasks.length;
  const m = devices.length;
  if (m > MAX_WORKFLOW_DEVICES) rangeReason(fn, 'devices', `has ${m} devices: the m × m bandwidth and latency tables would need ${m * m} entries each; at most ${MAX_WORKFLOW_DEVICES} devices are supported`);
  const work = new Float64Array(n);
  const outTasks: WorkflowTask[] = [];
  for (let i = 0; i < n; i++) {
    const t: unknown = tasks[i];
    checkObject(fn, `tasks[${i}]`, t);
    work[i] = checkNonNegative(fn, `tasks[${i}].work`, t.work);
    const spec: Record<string, unknown> = { id: id(fn, `tasks[${i}].id`, t.id, `t${i}`) };
    if (t.priority !== undefined) spec.priority = checkNonNegative(fn, `tasks[${i}].priority`, t.priority);
    if (t.release !== undefined) spec.release = checkNonNegative(fn, `tasks[${i}].release`, t.release);
    if (t.deadline !== undefined) spec.deadline = nonNegativeOrInfinity(fn, `tasks[${i}].deadline`, t.deadline);
    outTasks.push(spec as unknown as WorkflowTask);
  }
  const speed = new Float64Array(m);
  const link = new Float64Array(m);
  const delay = new Float64Array(m);
  const outDevices: WorkflowDevice[] = [];
  for (let j = 0; j < m; j++) {
    const d: unknown = devices[j];
    checkObject(fn, `devices[${j}]`, d);
    const tier = checkOneOf(fn, `devices[${j}].tier`, d.tier, ['edge', 'fog', 'cloud'] as const);
    speed[j] = checkPositive(fn, `devices[${j}].speed`, d.speed);
    const bw = d.bandwidth === undefined ? Infinity : nonNegativeOrInfinity(fn, `devices[${j}].bandwidth`, d.bandwidth);
    if (bw === 0) rangeError(fn, `devices[${j}].bandwidth`, 'a number > 0 or Infinity', bw);
    link[j] = bw;
    delay[j] = d.latency === undefined ? 0 : checkNonNegative(fn, `devices[${j}].latency`, d.latency);
    const spec: Record<string, unknown> = { id: id(fn, `devices[${j}].id`, d.id, `d${j}`), tier };
    if (d.ready !== undefined) spec.ready = checkNonNegative(fn, `devices[${j}].ready`, d.ready);
    if (d.power !== undefined) spec.power = { ...(d.power as object) };
    if (d.price !== undefined) spec.price = { ...(d.price as object) };
    outDevices.push(spec as unknown as WorkflowDevice);
  }
  // power and price: the problem validator's checks, fields named devices[j].power.busy and so on.
  compileEnergy(fn, [], devices, outDevices.map((d) => d.id), new Report(false), '');
  const outEdges: WorkflowEdge[] = [];
  for (let k = 0; k < edges.length; k++) {
    const e: unknown = edges[k];
    checkObject(fn, `edges[${k}]`, e);
    if (typeof e.from !== 'string') typeError(fn, `edges[${k}].from`, 'a task id (string)', e.from);
    if (typeof e.to !== 'string') typeError(fn, `edges[${k}].to`, 'a task id (string)', e.to);
    outEdges.push({ from: e.from, to: e.to, data: checkNonNegative(fn, `edges[${k}].size`, e.size) });
  }
  const execTime: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(m);
    for (let j = 0; j < m; j++) {
      const x = work[i]! / speed[j]!;
      if (!Number.isFinite(x)) rangeReason(fn, `tasks[${i}].work`, `on devices[${j}] gives an execution time that overflows to Infinity (work / speed)`);
      row[j] = x;
    }
    execTime.push(row);
  }
  const bandwidth: number[][] = [];
  const latency: number[][] = [];
  for (let p = 0; p < m; p++) {
    const b = new Array<number>(m);
    const l = new Array<number>(m);
    for (let q = 0; q < m; q++) {
      b[q] = p === q ? Infinity : Math.min(link[p]!, link[q]!);
      l[q] = p === q ? 0 : delay[p]! + delay[q]!;
      if (!Number.isFinite(l[q]!)) rangeReason(fn, `devices[${p}].latency`, `plus devices[${q}].latency overflows to Infinity`);
    }
    bandwidth.push(b);
    latency.push(l);
  }
  return { tasks: outTasks, devices: outDevices, execTime, edges: outEdges, network: { bandwidth, latency } };
}

function id(fn: string, field: string, v: unknown, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || v === '') typeError(fn, field, 'a non-empty string', v);
  return v;
}

function nonNegativeOrInfinity(fn: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0)) notNonNegativeOrInfinity(fn, field, v);
  return v;
}

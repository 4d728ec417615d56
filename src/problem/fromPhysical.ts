/**
 * Build a {@link Problem} from physical quantities: work and data size per
 * task, speed, bandwidth and per-transfer overheads per device.
 * @module
 */
import { TIER_NAMES, checkArray, checkNonNegative, checkObject, checkOneOf, checkPositive, notNonNegativeOrInfinity, rangeError, rangeReason, typeError } from '../internal/errors.js';
import type { PriorityCriteria } from '../models/priority.js';
import { InfeasibleError } from '../errors.js';
import { Report } from './check.js';
import { compileFor } from './compile.js';
import { compileEnergy } from './compileEnergy.js';
import type { DevicePower, DevicePrice, DeviceSpec, Problem, TaskSpec, Tier } from './types.js';

/** A task described physically, for {@link problemFromPhysical}. */
export interface PhysicalTask {
  /** Unique id. @defaultValue `t<i>` (0-based index) */
  readonly id?: string;
  /** Computation to perform, in work units (e.g. megacycles), finite and ≥ 0. */
  readonly work: number;
  /** Input data to move to the device, in data units (e.g. megabits), finite and ≥ 0. */
  readonly dataSize: number;
  /** Explicit priority, copied to the problem. @defaultValue none */
  readonly priority?: number;
  /** Priority criteria, copied to the problem. @defaultValue none */
  readonly criteria?: PriorityCriteria;
  /** Resource demand, copied. @defaultValue none (0) */
  readonly demand?: number;
  /** Release time, in time units. @defaultValue none (0) */
  readonly release?: number;
  /** Deadline, in time units. @defaultValue none */
  readonly deadline?: number;
  /** Id of the device holding the task's data (it pays the upload energy), copied. @defaultValue none */
  readonly source?: string;
}

/** A device described physically, for {@link problemFromPhysical}. */
export interface PhysicalDevice {
  /** Unique id. @defaultValue `d<j>` (0-based index) */
  readonly id?: string;
  /** Edge device, fog node or cloud (a label: transfer times come from bandwidth and overheads). */
  readonly tier: Tier;
  /** Work units per time unit (e.g. megacycles per second = MHz), finite and > 0. */
  readonly speed: number;
  /**
   * Data units per time unit (e.g. megabits per second), > 0; `Infinity` =
   * the data size costs nothing to send (e.g. the data is already local).
   * @defaultValue Infinity
   */
  readonly bandwidth?: number;
  /** One-way network latency per transfer, in time units. @defaultValue 0 */
  readonly latency?: number;
  /** Time to pack (serialize) a task's data for this device. @defaultValue 0 */
  readonly pack?: number;
  /** Time to unpack it on the device. @defaultValue 0 */
  readonly unpack?: number;
  /** Time at which the device becomes free. @defaultValue 0 */
  readonly ready?: number;
  /** Remaining resource budget. @defaultValue Infinity */
  readonly budget?: number;
  /** Power draw in watts (busy, transfer, idle), copied. @defaultValue none (0 W) */
  readonly power?: DevicePower;
  /** Price of busy time (per second, billing granularity, minimum), copied. @defaultValue none (free) */
  readonly price?: DevicePrice;
}

const TASK_OPTIONAL = ['priority', 'demand', 'release'] as const;

/**
 * Builds a problem from physical quantities, with one consistent set of
 * units (e.g. work in megacycles, speed in MHz, data in megabits, bandwidth
 * in Mbit/s, every time in seconds):
 *
 * - `execTime[i][j] = work_i / speed_j`
 * - `transferTime[i][j] = pack_j + latency_j + dataSize_i / bandwidth_j + unpack_j`
 *
 * the seed's transfer model Td = Tp + Ts + Tr (section 4.2) with the send
 * time Ts = latency + size / bandwidth. Optional task and device fields are
 * copied, among them a device's `power` (watts) and `price`, and a task's
 * `source` (the device holding its data, which spends its transfer power on
 * the upload when the task runs elsewhere); with times in seconds the
 * schedule's energy is in joules. Ids default to `t0, t1, ...` and `d0, d1, ...`.
 *
 * Complexity: O(n·m).
 *
 * @param tasks - Work and data size of each task.
 * @param devices - Tier, speed, bandwidth and overheads of each device.
 * @returns A new plain {@link Problem} with both matrices filled.
 * @throws {@link InputTypeError} for non-arrays, non-objects, a missing field, a bad tier or id.
 * @throws {@link InputTypeError} for an unknown key in `power` or `price`, or a non-string `source`.
 * @throws {@link InputRangeError} for NaN, negative or infinite quantities (other than an infinite bandwidth, deadline or budget), a zero speed or bandwidth, a price granularity ≤ 0, a `source` naming no device, or a time that overflows to Infinity.
 *
 * @example
 * ```ts
 * const p = problemFromPhysical(
 *   [{ work: 2000, dataSize: 80 }],                        // 2000 Mcycles, 80 Mbit
 *   [
 *     { tier: 'edge', speed: 1000 },                       // 1 GHz, data already local (bandwidth Infinity)
 *     { tier: 'cloud', speed: 4000, bandwidth: 40, latency: 0.05, pack: 0.1, unpack: 0.1 },
 *   ],
 * );
 * p.execTime;     // [[2, 0.5]]
 * p.transferTime; // [[0, 2.25]]   0.1 + 0.05 + 80/40 + 0.1
 * ```
 */
export function problemFromPhysical(tasks: readonly PhysicalTask[], devices: readonly PhysicalDevice[]): Problem {
  const fn = 'problemFromPhysical';
  checkArray(fn, 'tasks', tasks);
  checkArray(fn, 'devices', devices);
  const n = tasks.length;
  const m = devices.length;
  const work = new Float64Array(n);
  const size = new Float64Array(n);
  const outTasks: TaskSpec[] = [];
  for (let i = 0; i < n; i++) {
    const t: unknown = tasks[i];
    checkObject(fn, `tasks[${i}]`, t);
    work[i] = checkNonNegative(fn, `tasks[${i}].work`, t.work);
    size[i] = checkNonNegative(fn, `tasks[${i}].dataSize`, t.dataSize);
    const spec: Record<string, unknown> = { id: id(fn, `tasks[${i}].id`, t.id, `t${i}`) };
    for (const k of TASK_OPTIONAL) if (t[k] !== undefined) spec[k] = checkNonNegative(fn, `tasks[${i}].${k}`, t[k]);
    if (t.deadline !== undefined) spec.deadline = nonNegativeOrInfinity(fn, `tasks[${i}].deadline`, t.deadline);
    if (t.criteria !== undefined) {
      const c: unknown = t.criteria;
      checkObject(fn, `tasks[${i}].criteria`, c);
      spec.criteria = {
        importance: checkNonNegative(fn, `tasks[${i}].criteria.importance`, c.importance),
        urgency: checkNonNegative(fn, `tasks[${i}].criteria.urgency`, c.urgency),
        satisfaction: checkNonNegative(fn, `tasks[${i}].criteria.satisfaction`, c.satisfaction),
      };
    }
    outTasks.push(spec as unknown as TaskSpec);
  }
  const speed = new Float64Array(m);
  const bandwidth = new Float64Array(m);
  const overhead = new Float64Array(m);
  const outDevices: DeviceSpec[] = [];
  for (let j = 0; j < m; j++) {
    const d: unknown = devices[j];
    checkObject(fn, `devices[${j}]`, d);
    // The tier is a label (transfer times come from bandwidth and overheads), so every tier is accepted, as in compileProblem.
    const tier = checkOneOf(fn, `devices[${j}].tier`, d.tier, TIER_NAMES as readonly Tier[]);
    speed[j] = checkPositive(fn, `devices[${j}].speed`, d.speed);
    const bw = d.bandwidth === undefined ? Infinity : nonNegativeOrInfinity(fn, `devices[${j}].bandwidth`, d.bandwidth);
    if (bw === 0) rangeError(fn, `devices[${j}].bandwidth`, 'a number > 0 or Infinity', bw);
    bandwidth[j] = bw;
    let o = 0;
    for (const k of ['pack', 'latency', 'unpack'] as const) if (d[k] !== undefined) o += checkNonNegative(fn, `devices[${j}].${k}`, d[k]);
    overhead[j] = o;
    const spec: Record<string, unknown> = { id: id(fn, `devices[${j}].id`, d.id, `d${j}`), tier };
    if (d.ready !== undefined) spec.ready = checkNonNegative(fn, `devices[${j}].ready`, d.ready);
    if (d.budget !== undefined) spec.budget = nonNegativeOrInfinity(fn, `devices[${j}].budget`, d.budget);
    if (d.power !== undefined) spec.power = { ...(d.power as object) };
    if (d.price !== undefined) spec.price = { ...(d.price as object) };
    outDevices.push(spec as unknown as DeviceSpec);
  }
  compileEnergy(fn, tasks, devices, outDevices.map((d) => d.id), new Report(false), '');
  tasks.forEach((t, i) => {
    if (t.source !== undefined) (outTasks[i] as { source?: string }).source = t.source;
  });
  const execTime: number[][] = [];
  const transferTime: number[][] = [];
  for (let i = 0; i < n; i++) {
    const er = new Array<number>(m);
    const tr = new Array<number>(m);
    for (let j = 0; j < m; j++) {
      const e = work[i]! / speed[j]!;
      const x = overhead[j]! + size[i]! / bandwidth[j]!;
      if (!Number.isFinite(e) || !Number.isFinite(x)) {
        rangeReason(fn, `tasks[${i}]`, `on devices[${j}] gives a time that overflows to Infinity (work / speed or dataSize / bandwidth)`);
      }
      er[j] = e;
      tr[j] = x;
    }
    execTime.push(er);
    transferTime.push(tr);
  }
  const problem: Problem = { tasks: outTasks, devices: outDevices, execTime, transferTime };
  // Validate what later calls rely on (unique ids, sums of times) here, under this function's name.
  // An infeasible problem is still a problem (solvers report it); anything else is the builder's error.
  try {
    compileFor('problemFromPhysical', problem);
  } catch (e) {
    if (!(e instanceof InfeasibleError)) throw e;
  }
  return problem;
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

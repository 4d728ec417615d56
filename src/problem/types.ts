/**
 * The scheduling problem: plain, JSON-serializable data at the boundary, and
 * its compiled dense form that every solver shares.
 * @module
 */
import type { PriorityCriteria } from '../models/priority.js';

/** Where a device runs: on an edge box, a fog node (between edge and cloud) or in the cloud. */
export type Tier = 'edge' | 'fog' | 'cloud';

/** One task of a {@link Problem}. */
export interface TaskSpec {
  /** Unique id (used in traces, JSON output and the online API). */
  readonly id: string;
  /**
   * Explicit priority (higher first), finite and ≥ 0. When absent, computed from `criteria`
   * (normalized form over the problem's tasks); when both are absent, 0.
   */
  readonly priority?: number;
  /** Priority criteria (importance, urgency, satisfaction). */
  readonly criteria?: PriorityCriteria;
  /** Resource demand on any device, checked against device budgets by capacity-aware solvers. */
  readonly demand?: number;
  /** Earliest start time. @defaultValue 0 */
  readonly release?: number;
  /** Due time; finishing later counts as a deadline miss. @defaultValue none */
  readonly deadline?: number;
  /**
   * Id of the device that holds the task's input data (e.g. the phone that
   * took the photo). When the task runs on another device k, the source spends
   * its `power.transfer` watts for the task's transfer time transferTime[i][k]
   * (the upload), beside whatever else it does. Only energy uses it.
   * @defaultValue none (no device pays for sending)
   */
  readonly source?: string;
}

/**
 * Electrical power a device draws, in watts (W = J/s), per state. Every
 * field is finite and ≥ 0; an absent field counts 0.
 */
export interface DevicePower {
  /** Watts while executing a task. @defaultValue 0 */
  readonly busy?: number;
  /**
   * Watts while receiving a task's data (its transfer time on this device),
   * and, for a task whose `source` is this device but which runs elsewhere,
   * while sending it. @defaultValue 0
   */
  readonly transfer?: number;
  /**
   * Watts while idle between time 0 and the makespan (every device is on for
   * the whole schedule; 0 models a device that is switched off when idle).
   * @defaultValue 0
   */
  readonly idle?: number;
}

/**
 * What a device charges for its busy time, in one currency unit (the same for
 * every device). Billed time is the busy time rounded up to whole billing
 * units, and at least `minimum` seconds once the device is used at all.
 */
export interface DevicePrice {
  /** Currency units per second of billed time; finite, ≥ 0. */
  readonly perSecond: number;
  /** Billing unit in seconds, finite and > 0: 1 = per-second, 3600 = per-hour billing. @defaultValue 1 */
  readonly granularity?: number;
  /** Minimum billed seconds when the device runs any task; finite, ≥ 0. @defaultValue 0 */
  readonly minimum?: number;
}

/** One device of a {@link Problem}. */
export interface DeviceSpec {
  /** Unique id. */
  readonly id: string;
  /** Edge device, fog node or cloud. */
  readonly tier: Tier;
  /** Time at which the device becomes free. @defaultValue 0 */
  readonly ready?: number;
  /** Remaining resource budget (sum of assigned demands may not exceed it). @defaultValue Infinity */
  readonly budget?: number;
  /** Power draw in watts per state; used by the `energy` metric. @defaultValue none (the device contributes 0 J) */
  readonly power?: DevicePower;
  /** Price of busy time; used by the `cost` metric. @defaultValue none (the device is free) */
  readonly price?: DevicePrice;
}

/**
 * A scheduling problem: n tasks, m devices, an n×m execution-time matrix
 * (`Infinity` = the task cannot run there) and an optional n×m transfer-time
 * matrix (default all 0). Plain data; `compileProblem` validates it (every
 * rule is listed there). For files use `problemToJson` / `parseProblemJson`,
 * which write `Infinity` as the string `"Infinity"` (plain `JSON.stringify`
 * would write `null`, which the reader rejects: NaN becomes `null` too).
 */
export interface Problem {
  readonly tasks: readonly TaskSpec[];
  readonly devices: readonly DeviceSpec[];
  /** `execTime[i][j]`: time to run task i on device j; `Infinity` = forbidden. */
  readonly execTime: readonly (readonly number[])[];
  /** `transferTime[i][j]`: time to move task i's data to device j; `Infinity` = unreachable (forbidden too). @defaultValue all 0 */
  readonly transferTime?: readonly (readonly number[])[];
}

/**
 * A validated problem in dense typed arrays, row-major (`exec[i * m + j]`).
 * Built once by `compileProblem`; solvers read it, never write it.
 */
export interface CompiledProblem {
  /** Number of tasks. */
  readonly n: number;
  /** Number of devices. */
  readonly m: number;
  /** n·m execution times, row-major; `Infinity` = forbidden. */
  readonly exec: Float64Array;
  /** n·m transfer times, row-major (0 where not given). */
  readonly transfer: Float64Array;
  /** Per task: the priority used for ordering (higher first). */
  readonly priority: Float64Array;
  /**
   * The task indices by priority, highest first, ties to the lowest index,
   * decided in exact arithmetic (normalized priorities from criteria compare
   * as fractions, not as rounded doubles). Set by `compileProblem` when some
   * priority comes from criteria; otherwise sorting `priority` is exact.
   */
  readonly priorityOrder?: Int32Array;
  /** Per task: release time (0 default). */
  readonly release: Float64Array;
  /** Per task: deadline (`Infinity` when none). */
  readonly deadline: Float64Array;
  /** Per task: demand (0 default). */
  readonly demand: Float64Array;
  /** Per device: ready time (0 default). */
  readonly ready: Float64Array;
  /** Per device: budget (`Infinity` default). */
  readonly budget: Float64Array;
  /** Per device: 0 = edge, 1 = cloud, 2 = fog. */
  readonly tier: Uint8Array;
  /** Per device: watts while executing (0 default). */
  readonly powerBusy: Float64Array;
  /** Per device: watts while receiving or sending a task's data (0 default). */
  readonly powerTransfer: Float64Array;
  /** Per device: watts while idle within [0, makespan] (0 default). */
  readonly powerIdle: Float64Array;
  /** Per device: currency units per billed second (0 default). */
  readonly pricePerSecond: Float64Array;
  /** Per device: billing unit in seconds, > 0 (1 default). */
  readonly priceGranularity: Float64Array;
  /** Per device: minimum billed seconds once used (0 default). */
  readonly priceMinimum: Float64Array;
  /** Per task: index of its source device, −1 when none. */
  readonly source: Int32Array;
  readonly taskIds: readonly string[];
  readonly deviceIds: readonly string[];
}

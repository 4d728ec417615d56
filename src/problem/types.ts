/**
 * The scheduling problem: plain, JSON-serializable data at the boundary, and
 * its compiled dense form that every solver shares.
 * @module
 */
import type { PriorityCriteria } from '../models/priority.js';

/** Where a device runs. */
export type Tier = 'edge' | 'cloud';

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
}

/** One device of a {@link Problem}. */
export interface DeviceSpec {
  /** Unique id. */
  readonly id: string;
  /** Edge device or cloud. */
  readonly tier: Tier;
  /** Time at which the device becomes free. @defaultValue 0 */
  readonly ready?: number;
  /** Remaining resource budget (sum of assigned demands may not exceed it). @defaultValue Infinity */
  readonly budget?: number;
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
  /** Per device: 0 = edge, 1 = cloud. */
  readonly tier: Uint8Array;
  readonly taskIds: readonly string[];
  readonly deviceIds: readonly string[];
}

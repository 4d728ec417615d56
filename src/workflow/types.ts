/**
 * The task-graph model: a {@link Workflow} is plain, JSON-serializable data at
 * the boundary; `compileWorkflow` validates it once and builds the dense
 * {@link CompiledWorkflow} every workflow scheduler shares.
 *
 * Moving data d from device p to q takes `latency[p][q] + d / bandwidth[p][q]`,
 * 0 when p === q. With the default network (bandwidth 1, latency 0) an edge's
 * data IS its communication time, which is how the papers' sample graphs
 * (Topcuoglu et al. 2002, Arabnejad and Barbosa 2014) are written.
 * @module
 */
import type { DevicePower, DevicePrice, Tier } from '../problem/types.js';

/** One task (node) of a {@link Workflow}. */
export interface WorkflowTask {
  /** Unique id; edges name tasks by it. */
  readonly id: string;
  /** Finite, ≥ 0, higher first (the article's rule, strategy `'seed'`). @defaultValue 0 */
  readonly priority?: number;
  /** Earliest start, seconds. @defaultValue 0 */
  readonly release?: number;
  /** Due time, seconds; finishing later counts as a deadline miss. @defaultValue none */
  readonly deadline?: number;
}

/** One device (processor) of a {@link Workflow}. */
export interface WorkflowDevice {
  /** Unique id. */
  readonly id: string;
  /** Where the device runs: `'edge'`, `'fog'` or `'cloud'`. */
  readonly tier: Tier;
  /** Time at which the device becomes free, seconds. @defaultValue 0 */
  readonly ready?: number;
  /**
   * Power draw in watts while executing, transferring and idle (the problem
   * devices' type); used by the `energy` metric, see `evaluateWorkflow`.
   * @defaultValue none (the device contributes 0 J)
   */
  readonly power?: DevicePower;
  /**
   * Price of the device's active time (per second, billing granularity,
   * minimum; the problem devices' type); used by the `cost` metric.
   * @defaultValue none (the device is free)
   */
  readonly price?: DevicePrice;
}

/** A precedence edge: `to` needs `data` produced by `from`. */
export interface WorkflowEdge {
  /** Task id of the producer. */
  readonly from: string;
  /** Task id of the consumer. */
  readonly to: string;
  /** Data volume ≥ 0, in data units (e.g. MB); bandwidth is in data units per second. */
  readonly data: number;
}

/** The network between devices. */
export interface Network {
  /** m×m, or one number for every pair; data units per second, > 0, Infinity = free. Diagonal ignored (same device costs 0). @defaultValue 1 */
  readonly bandwidth?: number | readonly (readonly number[])[];
  /** m×m, or one number for every pair; seconds ≥ 0. Diagonal ignored. @defaultValue 0 */
  readonly latency?: number | readonly (readonly number[])[];
}

/** A task graph on devices: tasks, devices, execution times, edges, network. */
export interface Workflow {
  readonly tasks: readonly WorkflowTask[];
  readonly devices: readonly WorkflowDevice[];
  /** `execTime[i][j]` seconds; `Infinity` = task i cannot run on device j. */
  readonly execTime: readonly (readonly number[])[];
  readonly edges: readonly WorkflowEdge[];
  /** @defaultValue bandwidth 1, latency 0 between every pair of devices */
  readonly network?: Network;
}

/**
 * A validated {@link Workflow} in dense typed arrays, built once by
 * `compileWorkflow`; schedulers read it, never write it.
 */
export interface CompiledWorkflow {
  /** Number of tasks. */
  readonly n: number;
  /** Number of devices. */
  readonly m: number;
  /** n·m execution times, row-major (`exec[i * m + j]`); `Infinity` = forbidden. */
  readonly exec: Float64Array;
  /** Per task: release time (0 default). */
  readonly release: Float64Array;
  /** Per task: deadline (`Infinity` when none). */
  readonly deadline: Float64Array;
  /** Per task: priority (0 default). */
  readonly priority: Float64Array;
  /** Per device: ready time (0 default). */
  readonly ready: Float64Array;
  /** Per device: 0 = edge, 1 = cloud, 2 = fog. */
  readonly tier: Uint8Array;
  /** Per device: watts while executing (0 default). */
  readonly powerBusy: Float64Array;
  /** Per device: watts while sending or receiving an edge's data (0 default). */
  readonly powerTransfer: Float64Array;
  /** Per device: watts while idle within [0, makespan] (0 default). */
  readonly powerIdle: Float64Array;
  /** Per device: currency units per billed second (0 default). */
  readonly pricePerSecond: Float64Array;
  /** Per device: billing unit in seconds, > 0 (1 default). */
  readonly priceGranularity: Float64Array;
  /** Per device: minimum billed seconds once used (0 default). */
  readonly priceMinimum: Float64Array;
  /** CSR successors: task i's successors are `succ[succStart[i] .. succStart[i+1])`. */
  readonly succStart: Int32Array;
  /** CSR successor task indices, ascending per task. */
  readonly succ: Int32Array;
  /** Index into the input `edges` array of each `succ` entry. */
  readonly succEdge: Int32Array;
  /** CSR predecessors: task i's predecessors are `pred[predStart[i] .. predStart[i+1])`. */
  readonly predStart: Int32Array;
  /** CSR predecessor task indices, ascending per task. */
  readonly pred: Int32Array;
  /** Index into the input `edges` array of each `pred` entry. */
  readonly predEdge: Int32Array;
  /** Per input edge: its data volume. */
  readonly data: Float64Array;
  /** m·m bandwidth, row-major (diagonal Infinity: same device is free). */
  readonly bandwidth: Float64Array;
  /** m·m latency, row-major (diagonal 0). */
  readonly latency: Float64Array;
  /** A topological order: Kahn's algorithm taking the lowest-index ready task first. */
  readonly topo: Int32Array;
  readonly taskIds: readonly string[];
  readonly deviceIds: readonly string[];
}

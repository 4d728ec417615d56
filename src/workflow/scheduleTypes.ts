/**
 * What evaluating and scheduling a workflow produce: a timed schedule, its
 * metrics, and a solution with its lower bound.
 * @module
 */
import type { Tier } from '../problem/types.js';
import type { CostMetrics, EnergyMetrics } from '../schedule/types.js';

/** One task's place in a workflow schedule. */
export interface WorkflowScheduledTask {
  /** Task index. */
  readonly task: number;
  /** Task id. */
  readonly id: string;
  /** Device index. */
  readonly device: number;
  /** Start: max(release, device ready, previous task on the device finishes, every input's arrival). */
  readonly start: number;
  /** start + execTime[task][device]. */
  readonly finish: number;
}

/** One edge's data movement. */
export interface WorkflowTransfer {
  /** Index into `workflow.edges`. */
  readonly edge: number;
  /** Producer task index. */
  readonly from: number;
  /** Consumer task index. */
  readonly to: number;
  readonly fromDevice: number;
  readonly toDevice: number;
  /** When the data leaves: the producer's finish. */
  readonly start: number;
  /** start + latency + data / bandwidth (start itself on the same device). */
  readonly arrival: number;
  /** Data volume. */
  readonly data: number;
}

/** An idle interval of a device. */
export interface IdleGap {
  readonly start: number;
  readonly end: number;
}

/** One device's summary. */
export interface WorkflowDeviceUsage {
  readonly device: number;
  readonly id: string;
  readonly tier: Tier;
  /** Task indices in run order. */
  readonly tasks: readonly number[];
  /** Σ execution time of its tasks. */
  readonly busy: number;
  /** makespan − busy: idle time within [0, makespan]. */
  readonly idle: number;
  /** busy / makespan (0 when the makespan is 0). */
  readonly utilization: number;
  /** Idle intervals of positive length within [0, makespan], in time order. */
  readonly gaps: readonly IdleGap[];
}

/** A deadline the schedule misses. */
export interface WorkflowDeadlineMiss {
  readonly task: number;
  readonly id: string;
  /** finish − deadline (> 0). */
  readonly lateness: number;
}

/** Data moved from devices of one tier to devices of another (from ≠ to). */
export interface TierFlow {
  readonly from: Tier;
  readonly to: Tier;
  /** Σ data of edges whose endpoints run on different devices with these tiers. */
  readonly data: number;
  /** How many such edges. */
  readonly edges: number;
}

/** Summary numbers of a workflow schedule. */
export interface WorkflowMetrics {
  /** Latest finish (0 with no tasks). */
  readonly makespan: number;
  /** Σ finish. */
  readonly flowtime: number;
  /** Tasks finishing after their deadline, in task order. */
  readonly deadlineMisses: readonly WorkflowDeadlineMiss[];
  /** Σ data of edges between different devices. */
  readonly dataMoved: number;
  /** Data moved between different tiers per ordered tier pair (from ≠ to; edge, fog, cloud order), pairs with at least one such edge only. Data between two devices of the same tier counts in `dataMoved` only. */
  readonly dataMovedBetweenTiers: readonly TierFlow[];
  /**
   * Energy in joules, total and per device (execution, transfer, idle), from
   * the devices' `power` (devices without it contribute 0). In a workflow a
   * device's `transfer` counts every edge transfer it sends or receives
   * between different devices, and `idle` the time within [0, makespan] when
   * it neither executes nor transfers; the formula is in `evaluateWorkflow`.
   */
  readonly energy: EnergyMetrics;
  /** Money in the devices' currency unit, total and per device, billed on each device's active time (devices without `price` contribute 0). */
  readonly cost: CostMetrics;
}

/** The result of {@link evaluateWorkflow}. */
export interface WorkflowSchedule {
  /** `placement[i]`: device of task i. */
  readonly placement: readonly number[];
  /** `order[j]`: task indices device j runs, in order. */
  readonly order: readonly (readonly number[])[];
  /** One entry per task, in task order. */
  readonly tasks: readonly WorkflowScheduledTask[];
  /** One entry per edge, in edge order. */
  readonly transfers: readonly WorkflowTransfer[];
  /** One entry per device, in device order. */
  readonly devices: readonly WorkflowDeviceUsage[];
  readonly metrics: WorkflowMetrics;
}

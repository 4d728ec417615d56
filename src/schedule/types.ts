/**
 * What evaluating an assignment produces: a timed schedule and its metrics.
 * @module
 */
import type { BudgetOverrun } from './overruns.js';

/**
 * How task times combine on a device.
 * - `'independent'`: the seed's model: a task's finish is release + transfer
 *   + execution, with no waiting for other tasks on the same device (the
 *   published assignment gives totals 38, 54, 64, 54, 38).
 * - `'sequential'`: each device runs its tasks one at a time (in a documented
 *   order), transfer before execution, starting at the device's ready time.
 */
export type CostModel = 'independent' | 'sequential';

/** One task's place in a schedule. */
export interface ScheduledTask {
  /** Task index in the problem. */
  readonly task: number;
  /** Task id. */
  readonly id: string;
  /** Device index. */
  readonly device: number;
  /** When the transfer starts. */
  readonly start: number;
  /** Transfer duration. */
  readonly transfer: number;
  /** Execution duration. */
  readonly exec: number;
  /** start + (transfer + exec). */
  readonly finish: number;
}

/** One device's summary. */
export interface DeviceUsage {
  readonly device: number;
  readonly id: string;
  /** Sum of transfer + exec of its tasks. */
  readonly busy: number;
  /** busy / makespan (0 when the makespan is 0). */
  readonly utilization: number;
  /** Task indices in the order the device runs them. */
  readonly tasks: readonly number[];
}

/** A deadline the schedule misses. */
export interface DeadlineMiss {
  readonly task: number;
  readonly id: string;
  /** finish − deadline (> 0). */
  readonly lateness: number;
}

/** Summary numbers of a schedule. */
export interface ScheduleMetrics {
  /** Latest finish time. */
  readonly makespan: number;
  /** Σ finish. */
  readonly flowtime: number;
  /** Σ priority · finish. */
  readonly weightedFlowtime: number;
  /** Σ transfer time. */
  readonly totalTransfer: number;
  /** Tasks finishing after their deadline. */
  readonly deadlineMisses: readonly DeadlineMiss[];
  /** max busy / mean busy over all devices (1 = perfectly balanced; 0 when no device is busy: no tasks, or every time 0). */
  readonly loadImbalance: number;
  /** Energy in joules, total and per device (execution, transfer, idle); 0 for devices without `power`. */
  readonly energy: EnergyMetrics;
  /** Money in the problem's currency unit, total and per device; 0 for devices without `price`. */
  readonly cost: CostMetrics;
  /**
   * Devices whose assigned demands exceed their budget, with the amount
   * (empty when every budget is respected). Set by `evaluate` and `solve`
   * (strategies that ignore budgets by design report their overruns here);
   * absent from `simulate`'s schedule, whose devices have no budgets.
   */
  readonly budgetOverruns?: readonly BudgetOverrun[];
}

/** The result of evaluating an assignment. */
export interface Schedule {
  readonly costModel: CostModel;
  /** `assignment[i]`: device index of task i. */
  readonly assignment: readonly number[];
  /** One entry per task, in task order. */
  readonly tasks: readonly ScheduledTask[];
  /** One entry per device, in device order. */
  readonly devices: readonly DeviceUsage[];
  readonly metrics: ScheduleMetrics;
}

/** One device's energy in joules, split by state. */
export interface DeviceEnergy {
  /** power.busy · Σ execution time of its tasks. */
  readonly execution: number;
  /** power.transfer · (Σ transfer time of its tasks + Σ upload time of tasks it is the source of that run elsewhere). */
  readonly transfer: number;
  /** power.idle · max(0, makespan − busy). */
  readonly idle: number;
  /** execution + transfer + idle. */
  readonly total: number;
}

/** A schedule's energy in joules (devices without `power` contribute 0). */
export interface EnergyMetrics {
  /** Σ over devices of their total. */
  readonly total: number;
  /** One entry per device, in device order. */
  readonly perDevice: readonly DeviceEnergy[];
}

/** A schedule's money cost in the problem's currency unit (devices without `price` contribute 0). */
export interface CostMetrics {
  /** Σ over devices. */
  readonly total: number;
  /** perSecond · max(minimum, ⌈busy / granularity⌉ · granularity) for a used device, 0 for an unused one; in device order. */
  readonly perDevice: readonly number[];
}

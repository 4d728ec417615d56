/**
 * The inputs and outputs of `simulate`: devices with speed, latency
 * and bandwidth, a workload (Poisson arrivals or a trace), a policy, and the
 * event log and metrics it produces.
 * @module
 */
import type { PriorityCriteria } from '../models/priority.js';
import type { Tier } from '../problem/types.js';
import type { Schedule } from '../schedule/types.js';
import type { TimeObjective } from '../solvers/registry.js';
import type { StrategyName } from '../solvers/strategies.js';

/** A device of a simulation: how fast it computes and how data reaches it. */
export interface SimDevice {
  /** Unique id. */
  readonly id: string;
  /** Edge device or cloud. */
  readonly tier: Tier;
  /** Work units per time unit (> 0): a task's nominal execution time is `work / speed`. */
  readonly speed: number;
  /** Fixed delay of every transfer to this device. @defaultValue 0 */
  readonly latency?: number;
  /** Data units per time unit (> 0): transfer time = latency + data / bandwidth. @defaultValue Infinity (size costs nothing) */
  readonly bandwidth?: number;
  /**
   * How much slower than its nominal speed the device really runs (true
   * execution = nominal × slowdown). The scheduler does not know it; the
   * online estimator learns it from completions. @defaultValue 1
   */
  readonly slowdown?: number;
}

/** A task of a simulation workload. */
export interface SimTask {
  /** Amount of computation (≥ 0), in the units of {@link SimDevice.speed}. */
  readonly work: number;
  /** Input data to move to the chosen device (≥ 0), as in `PhysicalTask`. @defaultValue 0 */
  readonly dataSize?: number;
  /** Relative deadline: due `deadline` time units after arrival. @defaultValue none */
  readonly deadline?: number;
  /** Explicit priority (higher first). @defaultValue from `criteria` within each batch, else 0 */
  readonly priority?: number;
  /** Priority criteria (seed, section 4.1). @defaultValue none */
  readonly criteria?: PriorityCriteria;
}

/**
 * Poisson arrivals: `count` tasks whose inter-arrival times are exponential
 * with mean `1 / rate`, the first at time Exp(rate); each arrival is a copy
 * of a template drawn uniformly at random from `tasks`.
 */
export interface PoissonWorkload {
  readonly kind: 'poisson';
  /** Arrivals per time unit (> 0). */
  readonly rate: number;
  /** Number of arrivals. */
  readonly count: number;
  /** Task templates (at least one). */
  readonly tasks: readonly SimTask[];
}

/** One arrival of a {@link TraceWorkload}. */
export interface TraceArrival {
  /** Arrival time (≥ 0). */
  readonly time: number;
  /** The task. */
  readonly task: SimTask;
}

/** Arrivals from a trace, taken in time order (ties in input order). */
export interface TraceWorkload {
  readonly kind: 'trace';
  readonly arrivals: readonly TraceArrival[];
}

/** What arrives during a simulation. */
export type Workload = PoissonWorkload | TraceWorkload;

/** How a simulated coordinator places tasks: a strategy of `solve` over the online state. */
export interface SimulationPolicy {
  /** The strategy applied to each batch (`'seed'` is the article's rule). */
  readonly strategy: StrategyName;
  /**
   * 0: map every arrival as it comes (arrivals at the same instant form one
   * batch). > 0: batch mode with a mapping event every `batchInterval` time
   * units (Maheswaran et al. 1999): tasks that arrived since the last one
   * are placed together, which is where Min-Min, Sufferage and friends
   * differ from MCT (on a batch of one they all choose alike).
   * @defaultValue 0
   */
  readonly batchInterval?: number;
  /** Smoothing factor of the online ratio estimator (0 = do not learn). @defaultValue 0.3 */
  readonly smoothing?: number;
  /** Objective passed to the strategy (a time objective: the online scheduler has no watts or prices). @defaultValue `'makespan'` */
  readonly objective?: TimeObjective;
  /**
   * Time budget per mapping event for iterative strategies, in ms (a run is
   * reproducible only when the iteration budget binds first).
   * @defaultValue `solve`'s default
   */
  readonly timeLimitMs?: number;
  /** Iteration budget per mapping event for iterative strategies. @defaultValue `solve`'s default */
  readonly maxIterations?: number;
}

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Seed of every random draw (arrival times, templates, execution noise) and of randomized strategies; an integer in [0, 2^32 − 1]. @defaultValue 0 */
  readonly seed?: number;
  /**
   * Coefficient of variation of the execution-time noise: true execution =
   * nominal × slowdown × u, u uniform on [1 − √3·c, 1 + √3·c] (mean 1,
   * standard deviation c); c in [0, 0.5]. @defaultValue 0
   */
  readonly execNoise?: number;
  /** Keep the event log (turn off for long runs to save memory). @defaultValue true */
  readonly recordEvents?: boolean;
}

/** One entry of the event log. */
export interface SimEvent {
  /** Simulated time. */
  readonly time: number;
  /** `'arrival'`, `'assign'` (a decision), `'start'` (transfer begins), `'finish'`. */
  readonly kind: 'arrival' | 'assign' | 'start' | 'finish';
  /** Task id (`task-<k>` for the k-th arrival, 0-based). */
  readonly task: string;
  /** Device id (`null` for arrivals). */
  readonly device: string | null;
}

/** Per-device totals of a simulation. */
export interface SimDeviceStats {
  /** Device id. */
  readonly id: string;
  /** Tasks it ran. */
  readonly tasks: number;
  /** Time spent transferring and executing. */
  readonly busy: number;
  /** busy / makespan (0 when the makespan is 0). */
  readonly utilization: number;
  /** Data moved to it. */
  readonly dataMoved: number;
  /** Its learnt observed ÷ expected ratio at the end. */
  readonly ratio: number;
}

/** Summary numbers of a simulation. */
export interface SimMetrics {
  /** Tasks completed (= arrivals). */
  readonly tasks: number;
  /** Time of the last completion (0 with no tasks). */
  readonly makespan: number;
  /** Mean of finish − arrival (0 with no tasks). */
  readonly meanResponse: number;
  /** 95th percentile of finish − arrival, nearest rank: the ⌈0.95·n⌉-th smallest (0 with no tasks). */
  readonly p95Response: number;
  /** Tasks finishing after arrival + deadline. */
  readonly deadlineMisses: number;
  /** Σ data of all tasks (every task's data moves to its device). */
  readonly dataMoved: number;
  /** Events taken from the event queue: arrivals, mapping events and finishes (starts happen inside them). */
  readonly events: number;
  /** Per device, in device order. */
  readonly devices: readonly SimDeviceStats[];
}

/** What `simulate` returns: plain, JSON-serializable data. */
export interface SimulationResult {
  /** The strategy of the policy. */
  readonly strategy: StrategyName;
  readonly metrics: SimMetrics;
  /** What actually happened, as a sequential {@link Schedule} (task i = the i-th arrival); draw it with `scheduleToSvg`. */
  readonly schedule: Schedule;
  /** Arrival time of each task. */
  readonly arrivals: readonly number[];
  /** The event log in processing order (empty when `recordEvents` is false). */
  readonly events: readonly SimEvent[];
}


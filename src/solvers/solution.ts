/**
 * What {@link solve} takes and returns: its options, the solution and its
 * bound (types only, and the trace-size default).
 * @module
 */
import type { Schedule, ScheduleMetrics, CostModel } from '../schedule/types.js';
import type { ConstraintReport, ObjectiveWeights, SolveConstraints } from './objective.js';
import type { BoundKind, Objective, TaskDecision } from './registry.js';
import type { StrategyName, strategyNames } from './strategies.js';
import type { solve } from './solve.js';

/**
 * The largest n·m for which the decision trace is recorded by default. The
 * trace holds one candidate per allowed (task, device) pair, so it costs
 * O(n·m) objects: 8 192 for a 512×16 Braun instance, but 2 million (about
 * 100 MB of JSON) at 8192×256.
 */
export const TRACE_DEFAULT_MAX_PAIRS = 65_536;

/** Options of {@link solve}. */
export interface SolveOptions {
  /**
   * Which strategy to run; see {@link strategyNames}.
   * @defaultValue `'min-min'`
   */
  readonly strategy?: StrategyName;
  /**
   * What to optimize: an {@link Objective} name or a weighted sum
   * ({@link ObjectiveWeights}, e.g. `{makespan: 1, energy: 0.01}`). For
   * `'makespan'`, `'flowtime'` and `'weighted-flowtime'` without
   * constraints the strategies run as published: the list heuristics follow
   * their own rule regardless (they aim at makespan); `'duplex'` keeps
   * whichever of Min-Min and Max-Min is better by this objective;
   * `'local-search'` searches for the objective asked (its makespan search
   * for `'makespan'`, the objective-aware search for the flowtimes). For
   * `'energy'`, `'cost'`, a weighted sum, or any objective with
   * `constraints`, `'mct'`, `'min-min'`, `'max-min'`, `'duplex'` and
   * `'local-search'` run their objective-aware variants (the device choice
   * minimizes the marginal objective); the other strategies reject
   * `'energy'`, `'cost'` and weighted sums.
   * @defaultValue `'makespan'`
   */
  readonly objective?: Objective | ObjectiveWeights;
  /**
   * Limits: a deadline on the makespan, a money budget, an energy budget
   * ({@link SolveConstraints}). The objective-aware strategies skip devices
   * that would break them (and, when a task fits nowhere, take the device
   * breaking them least); every strategy reports the outcome in
   * `Solution.constraints`. No strategy throws for a broken limit.
   * @defaultValue none
   */
  readonly constraints?: SolveConstraints;
  /**
   * The cost model the result is evaluated under (see `evaluate`). The list
   * heuristics always estimate completion times with the `'sequential'`
   * model (Braun et al.'s), since under `'independent'` (no waiting) every
   * one of them would reduce to MET.
   * @defaultValue `'sequential'`
   */
  readonly costModel?: CostModel;
  /**
   * Seed for randomized strategies (an integer in [0, 2^32 − 1]); the
   * deterministic heuristics ignore it.
   * @defaultValue 0
   */
  readonly seed?: number;
  /**
   * Wall-clock budget in milliseconds for iterative strategies (finite, ≥ 0),
   * their start included. The list heuristics finish in one run and ignore
   * it. Outside the budget: validating, compiling and evaluating the problem
   * (O(n·m)), and for `'local-search'` the first rounds of its Lagrangian
   * bound, at most max(10·n·m, 5·10^7) multiply-and-compare steps (about
   * 0.1-0.25 s at 20 000 × 64), so that the bound it reports does not depend
   * on the clock. Measured at 20 000 × 64 with 2000 ms: 2.03 s
   * (inconsistent) and 2.18 s (consistent) end to end. Under budgets
   * `'local-search'` first runs the capacity-aware Min-Min to its end
   * (O(n²·m), counted in the limit but not cut by it). It is a safety
   * net: `'local-search'` bounds each phase by its own work count, and the
   * limit only cuts; a run it cuts anywhere reports `stoppedEarly: true`
   * (and may differ from run to run with the machine's load), a run it cuts
   * nowhere gives the same answer on every run.
   * @defaultValue 10000
   */
  readonly timeLimitMs?: number;
  /**
   * Iteration budget for iterative strategies (an integer ≥ 0). For
   * `'local-search'` (makespan) it counts search attempts; its start
   * (Min-Min, the descent, the priced start's fixed 40·n price rounds within
   * [100, 20 000]) runs in full even at 0, so `maxIterations: 0` gives the
   * start and its Lagrangian bound.
   * @defaultValue 100000
   */
  readonly maxIterations?: number;
  /**
   * Record the per-task decision trace (`Solution.trace`). Off, the trace is
   * empty and the run allocates no per-candidate objects. `'local-search'`
   * makes no per-task decisions in a mapping order (it moves and swaps
   * tasks), so its trace is empty either way.
   * @defaultValue `true` when n·m ≤ 65 536 ({@link TRACE_DEFAULT_MAX_PAIRS}), else `false`
   */
  readonly trace?: boolean;
}

/** A lower bound and what it is. */
export interface SolutionBound {
  /** The bound. */
  readonly value: number;
  /** What it is: see {@link BoundKind}. */
  readonly kind: BoundKind;
}

/** What {@link solve} returns: plain, JSON-serializable data. */
export interface Solution {
  /** The strategy that produced it. */
  readonly strategy: StrategyName;
  /** `assignment[i]`: device index of task i. */
  readonly assignment: number[];
  /** The schedule's makespan under the requested cost model. */
  readonly makespan: number;
  /** The evaluated schedule (the strategy's mapping order is each device's run order). */
  readonly schedule: Schedule;
  /** The schedule's metrics (same object as `schedule.metrics`). */
  readonly metrics: ScheduleMetrics;
  /** One decision per task, in mapping order; empty when `options.trace` is off, and always for `'local-search'` (no mapping order). */
  readonly trace: TaskDecision[];
  /** Whether a time or iteration budget stopped the strategy early. */
  readonly stoppedEarly: boolean;
  /** A lower bound on the makespan of any assignment under the cost model (`makespanLowerBound`, or a strategy's own, whichever is larger; an `'exhaustive'` bound of `'local-search'` under budgets is over the assignments that keep every budget); equals `bound.value`. */
  readonly lowerBound: number;
  /** The bound the gap is measured against: its value and what it is (`'combinatorial'`, `'lagrangian'`, `'exhaustive'`, `'lp'`). */
  readonly bound: SolutionBound;
  /**
   * (makespan − lowerBound) / lowerBound: how far above the bound the result
   * may be. 0 proves that no assignment has a smaller makespan (for
   * `'local-search'` under budgets with bound kind `'exhaustive'`: no
   * assignment that keeps every budget); the result is then a proved optimum
   * only if it also keeps every budget (`metrics.budgetOverruns` empty): the
   * other bounds ignore budgets, and so does `'optimal-flowtime'`, so with
   * budgets its gap 0 can belong to a schedule that breaks one
   * (`'local-search'` and the capacity-aware list heuristics keep them).
   * When the bound is 0: 0 if the makespan is 0 too, else `Infinity`.
   */
  readonly gap: number;
  /** How the solution stands against `options.constraints` (present only when they were given). */
  readonly constraints?: ConstraintReport;
}

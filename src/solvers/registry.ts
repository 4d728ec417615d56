/**
 * The shape every assignment strategy shares: what it is given, what it
 * returns, and the per-task decision trace it records. Built-in strategies
 * are listed in `strategies.ts`; `solve` runs them.
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import type { CostModel } from '../schedule/types.js';

/**
 * What a solver optimizes (and what `'duplex'` compares its two candidates
 * by):
 * - `'makespan'`: the latest finish time;
 * - `'flowtime'`: the sum of finish times;
 * - `'weighted-flowtime'`: the sum of priority · finish;
 * - `'energy'`: the schedule's energy in joules (see `evaluate`);
 * - `'cost'`: the schedule's money cost (see `evaluate`).
 */
export type Objective = 'makespan' | 'flowtime' | 'weighted-flowtime' | 'energy' | 'cost';

/**
 * The time objectives: the {@link Objective}s that need no watts or prices,
 * the only ones the online scheduler (`submit`, `simulate`) accepts, so that
 * passing `'energy'` or `'cost'` there is a compile-time error as well as an
 * `InputTypeError` at run time.
 */
export type TimeObjective = 'makespan' | 'flowtime' | 'weighted-flowtime';

/**
 * What a reported lower bound is:
 * - `'combinatorial'`: `makespanLowerBound` (each task alone, and the total
 *   minimum work spread over the devices); under the `'independent'` cost
 *   model this is the exact optimum;
 * - `'lagrangian'`: the LP-dual bound Σ_i min_j y_j p_ij that
 *   `'local-search'` computes from its prices (at best the LP bound);
 * - `'exhaustive'`: the optimum itself, proved by enumerating every
 *   assignment (`'local-search'` on tiny instances without release times;
 *   when device budgets bind, every assignment that keeps them, so it bounds
 *   those only);
 * - `'lp'`: the LP relaxation through HiGHS (`makespanLpBound`; the CLI's
 *   `--lp-bound`).
 */
export type BoundKind = 'combinatorial' | 'lagrangian' | 'exhaustive' | 'lp';

/**
 * Everything a strategy is given. The problem is compiled and validated
 * once, before any strategy runs; strategies read it and never write it.
 * @internal
 */
export interface StrategyContext {
  /** The compiled problem (dense, row-major typed arrays). */
  readonly cp: CompiledProblem;
  /** The model the result is evaluated under. */
  readonly costModel: CostModel;
  /** What to optimize. */
  readonly objective: Objective;
  /** Seed for randomized strategies (deterministic ones ignore it). */
  readonly seed: number;
  /** Wall-clock budget for iterative strategies, in milliseconds. */
  readonly timeLimitMs: number;
  /** Iteration budget for iterative strategies. */
  readonly maxIterations: number;
  /** Whether to record the per-task decision trace (see {@link TaskDecision}). */
  readonly trace: boolean;
  /**
   * Σ_i min_j (transfer + exec) summed in row order (`RowScan.minSum` of the
   * compile that made `cp`), when the caller has it: Duplex's cut then
   * skips a pass over the matrix. Never set for another `cp`.
   */
  readonly rowMinSum?: number;
}

/** One candidate device of a {@link TaskDecision}, with its score (lower is better). */
export interface DecisionCandidate {
  /** Device index. */
  readonly device: number;
  /**
   * The score the strategy ranked devices by when it placed the task; lower
   * is better. For the completion-time strategies (`'seed'`, `'mct'`,
   * `'min-min'`, `'max-min'`, `'duplex'`, both sufferages) it is the
   * completion time the task would have on that device at that moment; for
   * `'met'` the task's own transfer + execution time; for `'olb'` the time
   * the device becomes available.
   */
  readonly score: number;
}

/** A device a task could not be placed on, and why. */
export interface DecisionExclusion {
  /** Device index. */
  readonly device: number;
  /** Why, e.g. `'forbidden: execTime is Infinity'`. */
  readonly reason: string;
}

/**
 * Why a task went where it went: the candidate devices with their scores at
 * the moment of the decision, the chosen one, the margin to the runner-up,
 * and every excluded device with the reason.
 */
export interface TaskDecision {
  /** Task index. */
  readonly task: number;
  /** Position of this decision in the mapping order (0 = first task placed). */
  readonly step: number;
  /** Allowed devices in index order, each with its score (lower is better). */
  readonly candidates: readonly DecisionCandidate[];
  /** The chosen device index. */
  readonly chosen: number;
  /**
   * Score of the best other candidate minus the chosen one's score (≥ 0 for
   * every built-in heuristic, which picks a best-scoring device; for
   * `'sufferage'` and `'sufferage-greedy'` this is the task's sufferage). 0
   * when there is no other candidate (a single allowed device) or on a tie.
   */
  readonly margin: number;
  /** Devices the task could not use, in index order, with the reason. */
  readonly excluded: readonly DecisionExclusion[];
}

/** What a strategy returns. @internal */
export interface StrategyResult {
  /** `assignment[i]`: device index of task i. */
  readonly assignment: Int32Array;
  /**
   * A permutation of the task indices: the mapping order. Under the
   * `'sequential'` cost model each device runs its tasks in this order.
   */
  readonly order: Int32Array;
  /** One decision per task, in mapping order (empty when tracing is off). */
  readonly trace: readonly TaskDecision[];
  /** Whether a time or iteration budget stopped the strategy. */
  readonly stoppedEarly: boolean;
  /**
   * A makespan lower bound under the context's cost model that the strategy
   * proved (e.g. from a relaxation); `solve` reports the larger of this and
   * its own bound.
   */
  readonly lowerBound?: number;
  /** What `lowerBound` is (see {@link BoundKind}). @defaultValue `'combinatorial'` */
  readonly boundKind?: BoundKind;
  /** Iterations performed, for iterative strategies. */
  readonly iterations?: number;
}

/** A named assignment strategy. @internal */
export interface Strategy {
  /** The name `solve` knows it by. */
  readonly name: string;
  /** One line: the rule and its source. */
  readonly summary: string;
  /** Runs the strategy (pure: same context, same result). */
  readonly run: (ctx: StrategyContext) => StrategyResult;
}

/**
 * The shapes shared by the Pareto-front functions: objective names, one
 * point of a front, and the front itself.
 * @module
 */

/**
 * An objective a front can trade off (every one minimized): the schedule's
 * `makespan` and `flowtime` (seconds), `energy` (joules) and `cost`
 * (currency units), as `evaluate` reports them.
 */
export type ParetoObjective = 'makespan' | 'flowtime' | 'energy' | 'cost';

/** One point of a Pareto front: a schedule and its objective vector. */
export interface ParetoPoint {
  /** `assignment[i]`: device index of task i. */
  readonly assignment: number[];
  /**
   * The run order the objectives were evaluated with (a permutation of the
   * task indices): on each device, shortest processing time first, ties by
   * the lowest task index. `evaluate(problem, assignment, {order})` gives
   * the same metrics.
   */
  readonly order: number[];
  /** The objective values, in the order of `ParetoFront.objectives`. */
  readonly objectives: number[];
}

/** What `paretoFront` returns: plain, JSON-serializable data. */
export interface ParetoFront {
  /** The non-dominated points, sorted by their objective vectors (lexicographically, ascending); no two with the same vector. */
  readonly points: ParetoPoint[];
  /** The objective names, in the order of each point's `objectives`. */
  readonly objectives: ParetoObjective[];
  /** The method that produced it. */
  readonly method: 'exact' | 'nsga2';
  /**
   * `'optimal'`: the front is proved complete (every ε-subproblem of the
   * exact method solved to optimality). `'feasible'`: every point is a real
   * schedule with its exact objective values, but the set may be incomplete
   * or dominated by unseen schedules (always so for NSGA-II).
   */
  readonly status: 'optimal' | 'feasible';
  /** `status === 'optimal'`. */
  readonly proved: boolean;
  /** Whether a time limit (or a generation/subproblem limit) stopped the method before it finished. */
  readonly stoppedEarly: boolean;
  /** A sentence saying why the status is what it is. */
  readonly reason: string;
}

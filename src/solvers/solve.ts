/**
 * The one entry point to every assignment strategy.
 * @module
 */
import { checkInteger, checkNonNegative, checkOneOf, checkOptions } from '../internal/errors.js';
import { checkBoolean } from '../internal/primitives.js';
import { compileFor } from '../problem/compile.js';
import type { Problem } from '../problem/types.js';
import { evaluateCompiled } from '../schedule/evaluate.js';
import { lowerBoundCompiled } from '../schedule/lowerBound.js';
import type { CostModel, Schedule, ScheduleMetrics } from '../schedule/types.js';
import type { Objective, StrategyContext, TaskDecision } from './registry.js';
import { STRATEGIES, strategyNames, type StrategyName } from './strategies.js';

export type { StrategyName } from './strategies.js';
export type { Objective, TaskDecision } from './registry.js';

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
   * What to optimize. The list heuristics follow their own rule regardless
   * (they aim at makespan); `'duplex'` keeps whichever of Min-Min and
   * Max-Min is better by this objective; exact and search strategies
   * optimize it.
   * @defaultValue `'makespan'`
   */
  readonly objective?: Objective;
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
   * Wall-clock budget in milliseconds for iterative strategies (finite, ≥ 0).
   * The list heuristics finish in one run and ignore it.
   * @defaultValue 10000
   */
  readonly timeLimitMs?: number;
  /**
   * Iteration budget for iterative strategies (an integer ≥ 0).
   * @defaultValue 100000
   */
  readonly maxIterations?: number;
  /**
   * Record the per-task decision trace (`Solution.trace`). Off, the trace is
   * empty and the run allocates no per-candidate objects.
   * @defaultValue `true` when n·m ≤ 65 536 ({@link TRACE_DEFAULT_MAX_PAIRS}), else `false`
   */
  readonly trace?: boolean;
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
  /** One decision per task, in mapping order; empty when `options.trace` is off. */
  readonly trace: TaskDecision[];
  /** Whether a time or iteration budget stopped the strategy early. */
  readonly stoppedEarly: boolean;
  /** A lower bound on the makespan of any assignment under the cost model (`makespanLowerBound`, or a strategy's own, whichever is larger). */
  readonly lowerBound: number;
  /**
   * (makespan − lowerBound) / lowerBound: how far above the bound the result
   * may be (0 = provably optimal). When the bound is 0: 0 if the makespan is
   * 0 too, else `Infinity`.
   */
  readonly gap: number;
}

const FN = 'solve';
const OPTION_KEYS = ['strategy', 'objective', 'costModel', 'seed', 'timeLimitMs', 'maxIterations', 'trace'];
const OBJECTIVES: readonly Objective[] = ['makespan', 'flowtime', 'weighted-flowtime'];
const COST_MODELS: readonly CostModel[] = ['independent', 'sequential'];

/**
 * Assigns every task of `problem` to one device with the chosen strategy,
 * evaluates the result, and explains each decision.
 *
 * Steps: validate the options, then validate and compile the problem once
 * (`compileProblem`); run the strategy on the compiled arrays; evaluate its
 * assignment under `costModel` with the strategy's mapping order as each
 * device's run order; bound the makespan from below (`makespanLowerBound`)
 * and report the gap. The output shares nothing with the input and is the
 * same, byte for byte, for the same input and options.
 *
 * Built-in strategies ({@link strategyNames}): `'seed'` (the article's rule,
 * made explicit), Braun et al. 2001's `'olb'`, `'met'`, `'mct'`,
 * `'min-min'`, `'max-min'`, `'duplex'`, and `'sufferage'` (Maheswaran et
 * al. 1999) and `'sufferage-greedy'`. All use the `'sequential'` model
 * internally (a device's availability starts at its ready time, 0 in Braun,
 * and advances as tasks are placed), never choose a forbidden pair
 * (`Infinity`), and break ties by the lowest index. Device budgets and task
 * demands are not enforced by these heuristics.
 *
 * Complexity: O(n·m) to compile and bound, plus the strategy's own (O(n·m)
 * for OLB, MET, MCT and seed; O(n² + R·m) for the batch heuristics, see each).
 *
 * @param problem - The problem (validated, never mutated).
 * @param options - {@link SolveOptions}.
 * @returns A {@link Solution}.
 * @throws {@link InputTypeError} for an unknown option key, an unknown `options.strategy` (the message lists the known ones), a wrong option type, or a malformed problem.
 * @throws {@link InputRangeError} for an out-of-range option (negative time limit, non-integer seed) or a bad number in the problem.
 * @throws {@link InfeasibleError} for a task that no device can run.
 *
 * @example
 * ```ts
 * const s = solve({
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
 *   execTime: [[4, 6], [3, 3], [5, 1]],
 * });
 * s.assignment;           // [0, 0, 1]
 * s.makespan;             // 7
 * s.lowerBound;           // 4
 * s.trace[0];
 * // { task: 2, step: 0, candidates: [{ device: 0, score: 5 }, { device: 1, score: 1 }],
 * //   chosen: 1, margin: 4, excluded: [] }
 * ```
 */
export function solve(problem: Problem, options?: SolveOptions): Solution {
  const o = checkOptions(FN, options, OPTION_KEYS);
  const strategy = o.strategy === undefined ? 'min-min' : checkOneOf(FN, 'options.strategy', o.strategy, strategyNames);
  const objective = o.objective === undefined ? 'makespan' : checkOneOf(FN, 'options.objective', o.objective, OBJECTIVES);
  const costModel = o.costModel === undefined ? 'sequential' : checkOneOf(FN, 'options.costModel', o.costModel, COST_MODELS);
  const seed = o.seed === undefined ? 0 : checkInteger(FN, 'options.seed', o.seed, 0, 0xffffffff);
  const timeLimitMs = o.timeLimitMs === undefined ? 10_000 : checkNonNegative(FN, 'options.timeLimitMs', o.timeLimitMs);
  const maxIterations = o.maxIterations === undefined ? 100_000 : checkInteger(FN, 'options.maxIterations', o.maxIterations, 0);
  const traceOption = o.trace === undefined ? undefined : checkBoolean(FN, 'options.trace', o.trace);

  const cp = compileFor(FN, problem);
  const trace = traceOption ?? cp.n * cp.m <= TRACE_DEFAULT_MAX_PAIRS;
  const ctx: StrategyContext = { cp, costModel, objective, seed, timeLimitMs, maxIterations, trace };
  const result = STRATEGIES[strategy].run(ctx);
  const schedule = evaluateCompiled(cp, result.assignment, costModel, result.order);
  const makespan = schedule.metrics.makespan;
  const own = result.lowerBound ?? 0;
  const bound = lowerBoundCompiled(cp, costModel);
  const lowerBound = own > bound ? own : bound;
  const gap = lowerBound > 0 ? (makespan - lowerBound) / lowerBound : makespan === 0 ? 0 : Infinity;
  return {
    strategy,
    assignment: schedule.assignment.slice(),
    makespan,
    schedule,
    metrics: schedule.metrics,
    trace: trace ? Array.from(result.trace) : [],
    stoppedEarly: result.stoppedEarly,
    lowerBound,
    gap,
  };
}

/**
 * The one entry point to every assignment strategy (its options and result
 * types are in `solution.ts`).
 * @module
 */
import { checkInteger, checkNonNegative, checkOneOf, checkOptions, describe, rangeReason } from '../internal/errors.js';
import { checkBoolean } from '../internal/primitives.js';
import { releaseScanned } from '../problem/buffers.js';
import { compileScanned } from '../problem/compile.js';
import type { Problem } from '../problem/types.js';
import { evaluateCompiled } from '../schedule/evaluate.js';
import { lowerBoundCompiled } from '../schedule/lowerBound.js';
import type { CostModel } from '../schedule/types.js';
import { constraintReport, readConstraints, readObjective } from './objective.js';
import { TRACE_DEFAULT_MAX_PAIRS, type Solution, type SolutionBound, type SolveOptions } from './solution.js';
import { OBJECTIVE_STRATEGIES, runObjectiveStrategy } from './objectiveStrategies.js';
import type { Objective, StrategyContext } from './registry.js';
import { STRATEGIES, strategyNames, type StrategyName } from './strategies.js';
import { budgetsMatter, CAPACITY_AWARE, runCapacityAware, type CapacityAwareName } from './heuristics/capacityAware.js';

export type { StrategyName } from './strategies.js';
export type { BoundKind, Objective, TaskDecision } from './registry.js';
export type { ObjectiveWeights, SolveConstraints, ConstraintReport, ConstraintViolation } from './objective.js';
export type { SolveOptions, Solution, SolutionBound } from './solution.js';

export { TRACE_DEFAULT_MAX_PAIRS } from './solution.js';

const FN = 'solve';
const OPTION_KEYS = ['strategy', 'objective', 'costModel', 'seed', 'timeLimitMs', 'maxIterations', 'trace', 'constraints'];
const TIME_OBJECTIVES: readonly Objective[] = ['makespan', 'flowtime', 'weighted-flowtime'];
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
 * al. 1999) and `'sufferage-greedy'` (list heuristics); `'optimal-flowtime'`
 * (the exact minimum Σ finish times, R‖ΣC as a linear sum assignment) and
 * `'local-search'` (the objective asked, seeded, bounded by `timeLimitMs`
 * and `maxIterations`). The list heuristics use the `'sequential'` model
 * internally (a device's availability starts at its ready time, 0 in Braun,
 * and advances as tasks are placed), never choose a forbidden pair
 * (`Infinity`), and break ties by the lowest index.
 *
 * Capacities: when some device budget is finite and some task demand is
 * positive, these list heuristics (and `'duplex'`) run in their
 * capacity-aware form: the same rule, skipping a device whose remaining
 * budget (budget − demands already placed there) cannot take the task; a
 * task that then fits nowhere throws an `InfeasibleError` naming
 * `problem.tasks[i].demand` (saying whether infeasibility is proved or only
 * this greedy order failed). The objective-aware `'mct'`, `'min-min'`,
 * `'max-min'` and `'duplex'` (energy, cost, weighted sums, or any
 * constraints) keep budgets the same way: a device whose remaining budget
 * cannot take the task is skipped like a forbidden pair (never taken as the
 * "breaks the limits least" fallback), with the same `InfeasibleError`
 * (`'duplex'` throws when either of its two variants does). `'local-search'`
 * keeps budgets too: it starts from the capacity-aware Min-Min (same
 * `InfeasibleError` when that fails; on at most 2^15 assignments it
 * enumerates those within budgets and throws when none exists) and never
 * takes a move or swap that breaks one. `'optimal-flowtime'` ignores budgets
 * by design; every overrun of any result is reported in
 * `metrics.budgetOverruns` (device, demand, budget, amount).
 *
 * What each strategy optimizes (`options.objective`, `options.constraints`):
 *
 * | strategy | makespan, flowtime, no constraints | energy, cost, weighted sums, or any constraints |
 * |---|---|---|
 * | `'mct'`, `'min-min'`, `'max-min'` | the published completion-time rule | same task-order rule; each device choice minimizes the marginal weighted objective (Δmakespan, finish, priority · finish, Δenergy, Δcost with billing units) estimated with the sequential model; devices breaking a limit are skipped; a task that fits nowhere goes where it breaks the limits least; with budgets, a device whose remaining budget cannot take the task is never considered, and a task that fits no budget throws `InfeasibleError` |
 * | `'duplex'` | better of Min-Min and Max-Min by the objective | better of the two objective-aware variants by (violation, objective); with budgets, both keep them |
 * | `'local-search'` | makespan: makespan search from Min-Min; flowtime, weighted flowtime: first-improvement moves from the objective-aware Min-Min, alternating with Smith's rule (WSPT) on each device's run order | first-improvement moves from the objective-aware Min-Min, lexicographic (violation, objective), exact re-evaluation under `costModel` (for the flowtimes alternating with Smith's run order); with budgets the moves keep them |
 * | `'seed'`, `'olb'`, `'met'`, `'sufferage'`, `'sufferage-greedy'`, `'optimal-flowtime'` | their own rule | reject `'energy'`, `'cost'` and weighted sums (InputRangeError); with constraints, run their rule and report |
 *
 * With `constraints`, `Solution.constraints` lists the broken limits and
 * those no assignment can meet (lower bounds); a broken limit never throws.
 * The lower bound and gap stay about the makespan.
 *
 * Complexity: O(n·m) to compile and bound, plus the strategy's own (O(n·m)
 * for OLB, MET, MCT and seed; O(n² + R·m) for the batch heuristics, see each;
 * O(n²·m) for the objective-aware Min-Min and Max-Min; O(n + m) per move
 * evaluated by the objective-aware local search, plus O(n) per budget check).
 *
 * @param problem - The problem (validated, never mutated).
 * @param options - {@link SolveOptions}.
 * @returns A {@link Solution}.
 * @throws {@link InputTypeError} for an unknown option key, an unknown `options.strategy` (the message lists the known ones), a wrong option type, or a malformed problem.
 * @throws {@link InputRangeError} for an out-of-range option (negative time limit, non-integer seed, negative weight or limit), an energy, cost or weighted objective with a strategy that cannot optimize it, or a bad number in the problem.
 * @throws {@link InfeasibleError} for a task that no device can run, or (capacity-aware strategies, and the objective-aware `'mct'`, `'min-min'`, `'max-min'`, `'duplex'` when budgets can bind) a task whose demand fits on no device, naming `problem.tasks[i].demand`.
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
 * s.bound;                // { value: 4, kind: 'combinatorial' }
 * s.trace[0];
 * // { task: 2, step: 0, candidates: [{ device: 0, score: 5 }, { device: 1, score: 1 }],
 * //   chosen: 1, margin: 4, excluded: [] }
 *
 * // Energy: the edge draws 2 W, the cloud 40 W while busy.
 * const green = solve({
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [{ id: 'edge', tier: 'edge', power: { busy: 2 } }, { id: 'cloud', tier: 'cloud', power: { busy: 40 } }],
 *   execTime: [[4, 1], [4, 1]],
 * }, { objective: 'energy', constraints: { makespan: 5 } });
 * green.assignment;                 // [0, 1]  (both on the edge would take 8 > 5)
 * green.metrics.energy.total;       // 48     (2 W · 4 s + 40 W · 1 s)
 * green.constraints!.satisfied;     // true
 * ```
 */
export function solve(problem: Problem, options?: SolveOptions): Solution {
  const o = checkOptions(FN, options, OPTION_KEYS);
  const strategy = o.strategy === undefined ? 'min-min' : checkOneOf(FN, 'options.strategy', o.strategy, strategyNames);
  const spec = readObjective(FN, o.objective);
  const limits = readConstraints(FN, o.constraints);
  const published = spec.name !== undefined && TIME_OBJECTIVES.includes(spec.name);
  // 'local-search' asked for flowtime or weighted flowtime runs the objective-aware search (its makespan search would answer another question).
  const aware = OBJECTIVE_STRATEGIES.includes(strategy) && (!published || limits !== undefined || (strategy === 'local-search' && spec.name !== 'makespan'));
  if (!published && !aware) {
    rangeReason(FN, 'options.objective', `cannot be optimized by strategy '${strategy}' (it follows its own rule); use one of ${OBJECTIVE_STRATEGIES.map((x) => `'${x}'`).join(', ')}`);
  }
  // 'optimal-flowtime' proves the unweighted flowtime optimum only: asked for the weighted one it would return that answer silently.
  // ('makespan', the default, stays accepted as for every strategy that follows its own rule.)
  if (strategy === 'optimal-flowtime' && spec.name === 'weighted-flowtime') {
    rangeReason(FN, 'options.objective', `cannot be optimized by strategy 'optimal-flowtime' (it minimizes the unweighted flowtime only), got ${describe(o.objective)}; use objective 'flowtime', or one of ${OBJECTIVE_STRATEGIES.map((x) => `'${x}'`).join(', ')} for ${describe(o.objective)}`);
  }
  const objective: Objective = spec.name ?? 'makespan';
  const costModel = o.costModel === undefined ? 'sequential' : checkOneOf(FN, 'options.costModel', o.costModel, COST_MODELS);
  const seed = o.seed === undefined ? 0 : checkInteger(FN, 'options.seed', o.seed, 0, 0xffffffff);
  const timeLimitMs = o.timeLimitMs === undefined ? 10_000 : checkNonNegative(FN, 'options.timeLimitMs', o.timeLimitMs);
  const maxIterations = o.maxIterations === undefined ? 100_000 : checkInteger(FN, 'options.maxIterations', o.maxIterations, 0);
  const traceOption = o.trace === undefined ? undefined : checkBoolean(FN, 'options.trace', o.trace);

  const { cp, scan } = compileScanned(FN, problem);
  const trace = traceOption ?? cp.n * cp.m <= TRACE_DEFAULT_MAX_PAIRS;
  const ctx: StrategyContext = { cp, costModel, objective, seed, timeLimitMs, maxIterations, trace, rowMinSum: scan.minSum };
  // Energy, cost, weighted objectives and constraints: the objective-aware
  // variants (they keep budgets that can bind, as the capacity-aware forms;
  // 'local-search' through its own start and moves). Otherwise the
  // capacity-aware form when budgets bind ('local-search' checks budgets itself).
  const capacityAware = (CAPACITY_AWARE as readonly string[]).includes(strategy);
  const result = aware
    ? runObjectiveStrategy(cp, strategy, { costModel, weights: spec.weights, limits, trace, maxIterations, timeLimitMs })
    : capacityAware && budgetsMatter(cp)
      ? runCapacityAware(ctx, strategy as CapacityAwareName)
      : STRATEGIES[strategy].run(ctx);
  const schedule = evaluateCompiled(cp, result.assignment, costModel, result.order);
  const makespan = schedule.metrics.makespan;
  const own = result.lowerBound ?? 0;
  const combinatorial = lowerBoundCompiled(cp, costModel, scan);
  // The strategy's own bound when it is at least as strong (an 'exhaustive' proof wins ties).
  const ownWins = result.boundKind !== undefined && (own > combinatorial || (own === combinatorial && result.boundKind === 'exhaustive'));
  const lowerBound = ownWins ? own : combinatorial;
  const bound: SolutionBound = { value: lowerBound, kind: ownWins ? result.boundKind! : 'combinatorial' };
  const gap = gapTo(makespan, lowerBound);
  const solution: Solution = {
    strategy,
    assignment: schedule.assignment.slice(),
    makespan,
    schedule,
    metrics: schedule.metrics,
    trace: trace ? Array.from(result.trace) : [],
    stoppedEarly: result.stoppedEarly,
    lowerBound,
    bound,
    gap,
    ...(limits !== undefined ? { constraints: constraintReport(cp, schedule.metrics, limits, costModel) } : {}),
  };
  // The solution holds numbers and fresh arrays only: the compiled matrix can serve the next call.
  releaseScanned(cp);
  return solution;
}

/** (makespan − bound) / bound; 0 when both are 0, `Infinity` when only the bound is. @internal */
export function gapTo(makespan: number, bound: number): number {
  return bound > 0 ? (makespan - bound) / bound : makespan === 0 ? 0 : Infinity;
}

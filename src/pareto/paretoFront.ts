/**
 * The public entry to Pareto fronts: validated options, the exact
 * (ε-constraint over HiGHS) or NSGA-II method, and exact objective values
 * for every point returned.
 * @module
 */
import { checkInteger, checkNonNegative, checkOneOf, checkOptions, infeasible, rangeReason } from '../internal/errors.js';
import { compileFor } from '../problem/compile.js';
import type { CompiledProblem, Problem } from '../problem/types.js';
import type { CostModel } from '../schedule/types.js';
import { budgetsMatter, checkBudgetsPossible, withinBudgets } from './budgets.js';
import { Deadline } from '../internal/deadline.js';
import { nonDominatedUnchecked } from './dominance.js';
import { exactFront } from './exact.js';
import { nsga2Compiled, type Nsga2Stage } from './nsga2.js';
import { checkCostModel, checkObjectives, objectiveVectorCompiled } from './objectives.js';
import { SEED_STRATEGIES, seedAssignments } from './seeds.js';
import type { ParetoFront, ParetoObjective, ParetoPoint } from './types.js';

/** Options of {@link paretoFront}. */
export interface ParetoFrontOptions {
  /** The objectives to trade off, in order: two or three distinct names of `'makespan'`, `'flowtime'`, `'energy'`, `'cost'` (all minimized). */
  readonly objectives: readonly ParetoObjective[];
  /**
   * `'exact'`: the complete front by the augmented ε-constraint method over a
   * mixed-integer model solved by HiGHS (the optional `highs` package), for
   * small instances. `'nsga2'`: NSGA-II, for any size, no proof.
   * @defaultValue `'nsga2'`
   */
  readonly method?: 'exact' | 'nsga2';
  /**
   * The cost model schedules are timed with (see `evaluate`). The exact
   * method needs every task's release time to be 0 under `'sequential'`.
   * @defaultValue `'sequential'`
   */
  readonly costModel?: CostModel;
  /** Seed of NSGA-II's generator (an integer in [0, 2^32 − 1]); the exact method ignores it. @defaultValue 0 */
  readonly seed?: number;
  /** NSGA-II's population size (an integer in [2, 10 000]). @defaultValue 100 */
  readonly populationSize?: number;
  /** NSGA-II's number of generations (an integer ≥ 0). About 1 to 2 s on 20 tasks × 4 devices; large instances usually meet the time limit first. @defaultValue 1000 */
  readonly maxGenerations?: number;
  /**
   * Wall-clock budget in milliseconds (finite, ≥ 0) of the whole call, from
   * its entry (validation and seeding included). NSGA-II checks it before
   * each seed, inside the critical and memetic descents, and every
   * ~0.1 ms of evaluations in its generations and final local search, and
   * keeps back the time its final exact evaluation of the points will take;
   * when it passes, the non-dominated set of every schedule evaluated so far
   * is returned. A list heuristic, once started, runs to its end (tens of ms
   * at 1000 × 16); when the limit leaves no time for the first one, the
   * answer is MCT's schedule alone (one O(n·m) pass). The exact method gives
   * each subproblem what is left; building its model and HiGHS's reading of
   * it are not cut (seconds at 200 × 8 with flowtime). Either
   * way, stopping early is reported and never changes the answer of a run
   * that finishes within the limit.
   * @defaultValue 10000 for `'nsga2'`, 60000 for `'exact'`
   */
  readonly timeLimitMs?: number;
}

const FN = 'paretoFront';
const KEYS = ['objectives', 'method', 'costModel', 'seed', 'populationSize', 'maxGenerations', 'timeLimitMs'];
const METHODS = ['exact', 'nsga2'] as const;
/** Which objective the exact method minimizes (the first present) while bounding the others. */
const PRIMARY_PREFERENCE: readonly ParetoObjective[] = ['flowtime', 'energy', 'cost', 'makespan'];
/** Where NSGA-II was when the deadline stopped it, for the reason. */
const STAGE_TEXT: Record<Nsga2Stage, string> = {
  'first population': 'while evaluating the first population',
  'memetic start': 'in the memetic step before the first generation',
  generation: 'during a generation',
  'memetic end': 'in the memetic step after the last generation',
  'Pareto local search': 'in the Pareto local search',
};

/**
 * The Pareto front of an independent-task problem over two or three of
 * makespan, flowtime, energy and cost: the schedules no other schedule beats
 * on every objective at once, each with its assignment and exact objective
 * vector.
 *
 * Every point is evaluated by the library's evaluator (see
 * `objectiveVector`: each device runs its tasks shortest first), the set is
 * filtered to its non-dominated members (of equal vectors the first found is
 * kept) and sorted by objective vector.
 *
 * Methods:
 * - `'exact'`: the ε-constraint method in its augmented form (AUGMECON,
 *   Mavrotas 2009, Applied Mathematics and Computation 213(2), section 3):
 *   minimize one objective (energy, else cost, else flowtime: bounding a
 *   makespan proves much faster than minimizing it) subject to upper bounds
 *   ε on the others,
 *   rewarding their slack, and step each ε just below the value found (by 1
 *   for integer data, otherwise by a relative 1e-6) until infeasible. The
 *   model: binary x_ij, makespan C ≥ ready_j + Σ_i p_ij x_ij per used device
 *   (or C ≥ release_i + Σ_j p_ij x_ij, independent model), energy linear in x
 *   and C (idle = power.idle · (C − busy)), cost with integer billing units
 *   per device and a binary "used" for the minimum charge, flowtime by the
 *   positional formulation of R||ΣC. `status: 'optimal'` (and `proved`) only
 *   when every subproblem was solved to optimality; a time limit or a
 *   solver stop gives `'feasible'` with the reason.
 * - `'nsga2'`: NSGA-II (Deb, Pratap, Agarwal, Meyarivan 2002, IEEE TEC 6(2)):
 *   fast non-dominated sort, crowding distance, binary tournament, uniform
 *   crossover, one-task reassignment as mutation, seeded (`seed`) and
 *   started from the schedules of Min-Min, MCT, MET, OLB, Max-Min,
 *   Sufferage, the article's rule, Duplex and Sufferage-greedy, of those
 *   within 10 % of the shortest of their makespans after the local search's
 *   critical descent (moves and swaps off the most loaded device), of the
 *   local search (min(20 000, 1.6e6 / (n·m)) moves, skipped below 200), of the
 *   energy- or cost-aware Min-Min and MCT (`solve`'s `objective`) for those
 *   objectives, and from per-task energy- and cost-greedy assignments. Not
 *   part of Deb et al. 2002, a memetic step (local search inside the
 *   evolutionary algorithm): before the first generation and after the last,
 *   each objective's best schedule is improved by a dominance descent
 *   (single-task moves kept only when no objective gets worse and one gets
 *   better, or fewer devices end at the makespan; at most 2e7 / (n·(m + 1))
 *   evaluations, at least 1000, cut only by the time limit). After the generations, a Pareto
 *   local search (single-task moves from up to 2N archive points, at most
 *   as many evaluations as the generations made) polishes the archive; the
 *   result is the non-dominated set of every schedule it evaluated. Always
 *   `status: 'feasible'`.
 *
 * Budgets: every point keeps Σ demand_i over the tasks on device j within
 * budget_j (`devices[j].budget`, `tasks[i].demand`), checked in exact
 * arithmetic on the given doubles (the GAP's check). The exact method adds
 * the knapsack rows Σ_i demand_i·x_ij ≤ budget_j to every subproblem; an
 * answer HiGHS returns over a budget (within its tolerances) is cut off by a
 * no-good row (Σ_i x_{i,a_i} ≤ n − 1) and the subproblem solved again
 * (past 100 such cuts it is dropped and the front not reported proved). NSGA-II ranks by constrained domination
 * (Deb et al. 2002, section VI: a within-budget schedule dominates an
 * over-budget one, two over-budget ones compare by total overrun, two
 * within-budget ones by ordinary domination), in the tournament and the
 * sort, and keeps only within-budget schedules in its archive; its memetic
 * descents take no move that increases the overrun, and its list-heuristic
 * seeds are the capacity-aware ones (one that gets stuck is skipped). No within-budget schedule
 * found: an empty front, with the reason saying so.
 *
 * Complexity: exact, exponential in the worst case (one MILP per front point
 * and grid level); NSGA-II, O(G·(N·n·m + M·N²)) for G generations of N.
 *
 * @param problem - The problem (validated, never mutated).
 * @param options - {@link ParetoFrontOptions}; `objectives` is required.
 * @returns A promise of the {@link ParetoFront}.
 * @throws {@link InputTypeError} (as a rejection) for a malformed problem, an unknown option, method or objective, or fewer than two or more than three objectives.
 * @throws {@link InputRangeError} (as a rejection) for an out-of-range option, a repeated objective, release times with the exact method under the sequential model, or the exact method without the `highs` package.
 * @throws {@link InfeasibleError} (as a rejection) for a task that no device can run, or when no assignment keeps within the device budgets: a task's demand above the budget of every device it can run on, total demand above the total budget, or (exact method) two HiGHS runs agreeing that the budget rows admit no assignment.
 *
 * @example
 * ```ts
 * const problem = {
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [
 *     { id: 'edge', tier: 'edge', power: { busy: 5 } },
 *     { id: 'cloud', tier: 'cloud', power: { busy: 40 } },
 *   ],
 *   execTime: [[4, 1], [6, 2]],
 * };
 * const front = await paretoFront(problem, { objectives: ['makespan', 'energy'], method: 'exact' });
 * front.points.map((p) => p.objectives); // [[3, 120], [4, 100], [6, 70], [10, 50]]
 * front.proved;                          // true
 * ```
 */
export async function paretoFront(problem: Problem, options: ParetoFrontOptions): Promise<ParetoFront> {
  const entry = performance.now();
  const o = checkOptions(FN, options, KEYS);
  const objectives = checkObjectives(FN, 'options.objectives', o.objectives);
  const method = o.method === undefined ? 'nsga2' : checkOneOf(FN, 'options.method', o.method, METHODS);
  const costModel = checkCostModel(FN, o.costModel);
  const seed = o.seed === undefined ? 0 : checkInteger(FN, 'options.seed', o.seed, 0, 0xffffffff);
  const populationSize = o.populationSize === undefined ? 100 : checkInteger(FN, 'options.populationSize', o.populationSize, 2, 10_000);
  const maxGenerations = o.maxGenerations === undefined ? 1000 : checkInteger(FN, 'options.maxGenerations', o.maxGenerations, 0);
  const timeLimitMs = o.timeLimitMs === undefined ? (method === 'exact' ? 60_000 : 10_000) : checkNonNegative(FN, 'options.timeLimitMs', o.timeLimitMs);
  // One deadline for the whole call, from its entry: validation, seeding, search and the final evaluation.
  const deadline = new Deadline(entry + timeLimitMs);
  const cp = compileFor(FN, problem);
  checkBudgetsPossible(FN, cp);
  const budgets = budgetsMatter(cp);
  const noneWithin = 'no schedule found keeps within the device budgets, so the front is empty (an over-budget schedule is never a point)';

  if (method === 'exact') {
    if (costModel === 'sequential') {
      for (let i = 0; i < cp.n; i++) {
        if (cp.release[i]! > 0) {
          rangeReason(FN, `problem.tasks[${i}].release`, `is ${cp.release[i]!}: the exact method models the sequential cost model without release times (the makespan would depend on the run order); use costModel 'independent' or method 'nsga2'`);
        }
      }
    }
    // The primary (minimized) objective is the one HiGHS proves fastest; the others become ε bounds.
    // Minimizing a makespan is much slower to prove than bounding it (measured on 20 × 4: 60 s
    // unfinished against 24 s), so makespan is primary only when nothing else is asked for.
    const internal = [...objectives].sort((a, b) => PRIMARY_PREFERENCE.indexOf(a) - PRIMARY_PREFERENCE.indexOf(b));
    const r = await exactFront(FN, cp, internal, costModel, deadline.at);
    if (r.infeasible) infeasible(FN, 'problem.devices', `have budgets that no assignment of the tasks' demands keeps within (${r.reason}; the problem is infeasible)`);
    const status = r.complete ? 'optimal' : 'feasible';
    // An unfinished run that found nothing still answers with the heuristics' schedules (at least MCT's) within budgets.
    const assignments = r.assignments.length > 0 ? r.assignments : seedAssignments(problem, cp, objectives, deadline).assignments;
    const points = frontOf(cp, assignments, objectives, costModel, budgets);
    return { points, objectives, method, status, proved: r.complete, stoppedEarly: r.stoppedEarly, reason: points.length === 0 ? `${r.reason}; ${noneWithin}` : r.reason };
  }
  // No tasks: the empty schedule is the only point, whatever the method (nothing to search, nothing unproved).
  if (cp.n === 0) {
    return { points: frontOf(cp, [new Int32Array(0)], objectives, costModel, budgets), objectives, method, status: 'optimal', proved: true, stoppedEarly: false, reason: 'no tasks: the empty schedule is the only point' };
  }
  const seeds = seedAssignments(problem, cp, objectives, deadline);
  const noProof = 'the points are real schedules, with no proof that the front is complete';
  if (seeds.cut) {
    const computed = `${seeds.heuristics} of the ${SEED_STRATEGIES.length} list heuristics${seeds.heuristics === 0 ? ', MCT as the one schedule' : ''}`;
    const reason = `NSGA-II stopped at the time limit after 0 of ${maxGenerations} generations, while computing its seeds (${computed}); ${noProof}`;
    const points = frontOf(cp, seeds.assignments, objectives, costModel, budgets);
    return { points, objectives, method, status: 'feasible', proved: false, stoppedEarly: true, reason: points.length === 0 ? `${reason}; ${noneWithin}` : reason };
  }
  // The final pass's work per point, which NSGA-II times to keep its duration back from the deadline.
  const finish = (a: Int32Array): void => void objectiveVectorCompiled(cp, a, objectives, costModel);
  const r = nsga2Compiled(cp, objectives, costModel, seeds.assignments, { populationSize, maxGenerations, deadline, finish, seed, crossoverRate: 0.9, budgets });
  const reason = r.stoppedIn !== undefined
    ? `NSGA-II stopped at the time limit after ${r.generations} of ${maxGenerations} generations, ${STAGE_TEXT[r.stoppedIn]}; ${noProof}`
    : `NSGA-II ran ${r.generations} generations of ${populationSize}; ${noProof}`;
  const points = frontOf(cp, r.assignments, objectives, costModel, budgets);
  return { points, objectives, method, status: 'feasible', proved: false, stoppedEarly: r.stoppedEarly, reason: points.length === 0 ? `${reason}; ${noneWithin}` : reason };
}

/** Exact vectors, non-dominated filter (first of equal vectors kept), lexicographic order. */
function frontOf(cp: CompiledProblem, assignments: readonly Int32Array[], objectives: readonly ParetoObjective[], costModel: CostModel, budgets: boolean): ParetoPoint[] {
  // Only schedules within every budget (exactly) are points.
  const within = budgets ? assignments.filter((a) => withinBudgets(cp, a)) : assignments;
  const evaluated = within.map((a) => ({ assignment: Array.from(a), ...objectiveVectorCompiled(cp, a, objectives, costModel) }));
  for (const p of evaluated) {
    if (p.objectives.some((v) => !Number.isFinite(v))) rangeReason(FN, 'problem', 'has values whose sums overflow the range of a double; rescale the times, watts or prices');
  }
  const keep = nonDominatedUnchecked(evaluated.map((p) => p.objectives));
  const points = keep.map((k) => evaluated[k]!);
  points.sort((a, b) => {
    for (let d = 0; d < a.objectives.length; d++) if (a.objectives[d] !== b.objectives[d]) return a.objectives[d]! - b.objectives[d]!;
    return 0;
  });
  return points.map((p) => ({ assignment: p.assignment, order: p.order, objectives: p.objectives }));
}

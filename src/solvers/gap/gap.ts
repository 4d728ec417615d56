/**
 * The generalized assignment problem (capacity-constrained assignment):
 * types, validation and `solveGap`.
 * @module
 */
import { checkInteger, checkNonNegative, checkOneOf, checkOptions, rangeError } from '../../internal/errors.js';
import { loadHighs } from '../../internal/highs.js';
import { compileGap } from './gapCompile.js';
import { gapEnumerate, ENUMERATION_LIMIT } from './gapEnumerate.js';
import { gapExact, type GapExactResult } from './gapExact.js';
import { gapHeuristic } from './gapHeuristic.js';

export { compileGap } from './gapCompile.js';

/**
 * A generalized assignment instance, task-major like `Problem.execTime`:
 * n tasks, m devices. Each task goes to exactly one device; the demands of
 * the tasks on a device may not exceed its budget.
 */
export interface GapInstance {
  /** Instance name (OR-Library style, e.g. `'c515-1'`), when known. */
  readonly name?: string;
  /**
   * `cost[i][j]`: cost (or profit, when maximizing) of task i on device j.
   * `Infinity` (`-Infinity` when maximizing) forbids the pair.
   */
  readonly cost: readonly (readonly number[])[];
  /** `demand[i][j]` ≥ 0: resource task i consumes on device j (`Infinity` forbids the pair). */
  readonly demand: readonly (readonly number[])[];
  /** `budget[j]` ≥ 0: capacity of device j (`Infinity` = unconstrained). */
  readonly budget: readonly number[];
}

/** Options of {@link solveGap}. */
export interface SolveGapOptions {
  /**
   * Minimize total cost or maximize total profit.
   * @defaultValue `'min'`
   */
  readonly sense?: 'min' | 'max';
  /**
   * `'exact'`: binary integer program solved by HiGHS (needs the optional
   * `highs` package; warm-started with the heuristic's solution), proved
   * optimal unless a limit stops it. `'heuristic'`: regret-greedy
   * construction plus seeded tabu search, no dependency.
   * @defaultValue `'exact'`
   */
  readonly method?: 'exact' | 'heuristic';
  /**
   * Wall-clock budget in milliseconds (finite, ≥ 0). It may stop a search
   * early (`stoppedEarly: true`, `reason: 'time'`), but a run that finishes
   * within it gives the same answer whatever the clock: nothing else reads
   * the clock. HiGHS runs synchronously: it blocks the thread while solving.
   * A heuristic run cut by the clock depends on the machine's speed and load
   * (how many iterations fit); for an answer that does not, bound the run by
   * `maxIterations` and give a generous `timeLimitMs`.
   * @defaultValue 10000
   */
  readonly timeLimitMs?: number;
  /**
   * Seed of the heuristic's random moves (an integer in [0, 2^32 − 1]).
   * @defaultValue 0
   */
  readonly seed?: number;
  /**
   * Iteration budget of the heuristic (one iteration = one tabu-search move:
   * a shift, a swap or an ejection chain); the exact method's warm start uses
   * min(maxIterations, 500). The heuristic also ends by itself after
   * max(20 000, 500n) iterations without a better solution.
   * @defaultValue 100000
   */
  readonly maxIterations?: number;
  /**
   * Exact method: the relative gap accepted as a proof of optimality, in
   * [0, 1]: `'optimal'` means value − bound ≤ relativeGap · Σ_i
   * |cost[i][assignment[i]]| (the objective's magnitude), or, when every
   * cost is an integer, value − bound < 1. Passed to HiGHS as `mip_rel_gap`.
   * @defaultValue 1e-9
   */
  readonly relativeGap?: number;
  /**
   * Exact method: HiGHS's primal and integrality feasibility tolerance, in
   * [1e-10, 1e-3] (on budgets rescaled to about 1). Whatever it is, every
   * answer is re-checked with exact budget sums before it is reported.
   * @defaultValue 1e-7
   */
  readonly feasibilityTolerance?: number;
}

/** Why a {@link GapSolution} is `'feasible'` or `'unknown'` rather than proved. */
export type GapReason = 'time' | 'iterations' | 'numerical' | 'heuristic' | 'disputed';

/** What {@link solveGap} resolves to. */
export interface GapSolution {
  /**
   * `assignment[i]`: device of task i; all -1 when no feasible assignment
   * was found.
   */
  readonly assignment: number[];
  /** Total cost (or profit) of the assignment, summed in task order; `Infinity` (`-Infinity` when maximizing) when none was found. */
  readonly value: number;
  /**
   * `'optimal'`: proved optimal: value − bound ≤ relativeGap · Σ_i
   * |cost[i][assignment[i]]| (or < 1 for integral costs), with a bound that
   * two independent HiGHS runs both reach (neither refuted by a cheaper
   * assignment), exhaustive search on tiny instances (m^n ≤ 65536), or,
   * for either method, every task on one of its cheapest devices.
   * `'feasible'`: respects every budget (exact sums), optimality not proved.
   * `'infeasible'`: proved that no assignment respects the budgets exactly
   * (a task with no device, two independent HiGHS runs finding even the
   * tolerance-relaxed model infeasible with no assignment found, or
   * exhaustive search on tiny instances). `'unknown'`: no feasible
   * assignment found and infeasibility not proved.
   */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  /**
   * With `'feasible'` and `'unknown'`: why there is no proof. `'time'`:
   * `timeLimitMs` ran out; `'iterations'`: `maxIterations` (or a HiGHS
   * limit) ran out; `'numerical'`: HiGHS's answers broke a budget or its
   * bound did not close the gap at the documented tolerance (re-solves
   * included); `'heuristic'`: the heuristic converged, and it proves
   * optimality only when every task sits on its cheapest device;
   * `'disputed'`: HiGHS's independent runs (presolve on and off, the model
   * in reverse order, another random seed) did not agree on the claim, so
   * it is not reported (a solver fault; the best exactly feasible
   * assignment found is kept).
   */
  readonly reason?: GapReason;
  /**
   * A proved bound on the optimum (a lower bound when minimizing, an upper
   * bound when maximizing): with `'optimal'`, the agreed HiGHS dual bound
   * (or the exhaustive optimum); otherwise the capacity-free bound Σ_i
   * best_j cost[i][j] (one HiGHS run's dual bound is not a proof). Absent
   * when infeasibility was proved.
   */
  readonly bound?: number;
  /** Whether the time or iteration budget stopped the search (false when it converged or proved its answer). */
  readonly stoppedEarly: boolean;
  /** Heuristic iterations performed. */
  readonly iterations: number;
}

/**
 * A validated GAP in dense arrays, always as a minimization: `cost` is
 * negated when maximizing; `allowed` is 0 for forbidden pairs and for pairs
 * whose demand alone exceeds the budget.
 * @internal
 */
export interface CompiledGap {
  readonly n: number;
  readonly m: number;
  readonly cost: Float64Array;
  readonly demand: Float64Array;
  readonly budget: Float64Array;
  readonly allowed: Uint8Array;
  /** 1 when maximizing (cost negated), else 0. */
  readonly negated: boolean;
  /** Whether every allowed cost is an integer (then an objective gap < 1 proves optimality). */
  readonly integral: boolean;
}

/** Iterations of the exact method's warm start (never cut by the clock, so the answer does not depend on it). */
const WARM_START_ITERATIONS = 500;

/**
 * Solves a generalized assignment problem: minimize Σ_i cost[i][x(i)] (or
 * maximize, for profits) over maps x: tasks → devices with
 * Σ_{i: x(i)=j} demand[i][j] ≤ budget[j] for every device j.
 *
 * Exact: the binary program min Σ c_ij x_ij, Σ_j x_ij = 1, Σ_i a_ij x_ij ≤
 * b_j, passed as arrays to HiGHS (Huangfu & Hall 2018), loaded lazily from
 * the optional `highs` package, on a copy rescaled by powers of two (costs
 * near the objective's magnitude, each budget near 1) without the pairs that
 * cannot beat the warm start. Every answer is re-checked with exact budget
 * sums; one that HiGHS's feasibility tolerance let through is cut off and
 * the model re-solved. HiGHS's proofs are checked: an `'optimal'` or
 * `'infeasible'` stands only when a second, independent run of the final
 * model (presolve flipped, or the model in reverse order) makes the same
 * claim and no assignment found refutes it (up to two more runs settle a
 * disagreement), or, when m^n ≤ 65536, by exhaustive search; this costs
 * one more solve of the final model on larger instances (up to three when
 * runs disagree), none on tiny ones. Otherwise the status is `'feasible'`
 * or `'unknown'` with reason `'disputed'`. Heuristic: regret-greedy construction (Martello &
 * Toth 1981) under four desirability measures, then tabu search with shift
 * and swap moves on a penalized objective (cost + Σ_j α_j · overload_j, the
 * weights adapted by strategic oscillation; Díaz & Fernández, EJOR 132,
 * 2001), seeded. Instances with m^n ≤ 65536 that end without a
 * feasible assignment (or, exact, with numerical trouble) are settled by
 * exhaustive search.
 *
 * Supported magnitudes: every finite cost (or profit), as long as the sum
 * over tasks of each task's largest |cost| is a finite double (else an
 * {@link InputRangeError} on `instance.cost`); every finite demand and
 * budget ≥ 0 (`Infinity` forbids a pair / leaves a budget unconstrained).
 *
 * Complexity: heuristic O(n·m + 64n) per iteration (all shifts, a rotating
 * window of 64 swap and chain partners per task), for at most `maxIterations`
 * iterations; exact: exponential in the worst case
 * (NP-hard), bounded by `timeLimitMs`.
 *
 * @param instance - A task-major instance (see {@link parseOrLibraryGap}); never mutated.
 * @param options - {@link SolveGapOptions}.
 * @returns A promise of the {@link GapSolution}.
 * @throws (rejects with) {@link InputTypeError} for a malformed instance or options,
 *   {@link InputRangeError} for NaN, negative demands or budgets, the wrong infinity,
 *   costs whose totals overflow, options out of range, when `method: 'exact'` is asked
 *   and `highs` is not installed, or when HiGHS itself fails (out of memory, a solver error).
 * @example
 * ```ts
 * const g = { cost: [[1, 4], [2, 5], [3, 6]], demand: [[1, 2], [1, 2], [1, 2]], budget: [2, 4] };
 * await solveGap(g, { method: 'heuristic' });
 * // { assignment: [0, 1, 0], value: 9, status: 'feasible', reason: 'heuristic', bound: 6, ... } (or an equal-cost twin)
 * await solveGap(g, { method: 'exact' }); // status 'optimal', value 9, bound 9
 * ```
 */
export async function solveGap(instance: GapInstance, options?: SolveGapOptions): Promise<GapSolution> {
  const fn = 'solveGap';
  const o = checkOptions(fn, options, ['sense', 'method', 'timeLimitMs', 'seed', 'maxIterations', 'relativeGap', 'feasibilityTolerance']);
  const sense = o.sense === undefined ? 'min' : checkOneOf(fn, 'options.sense', o.sense, ['min', 'max'] as const);
  const method = o.method === undefined ? 'exact' : checkOneOf(fn, 'options.method', o.method, ['exact', 'heuristic'] as const);
  const timeLimitMs = o.timeLimitMs === undefined ? 10_000 : checkNonNegative(fn, 'options.timeLimitMs', o.timeLimitMs);
  const seed = o.seed === undefined ? 0 : checkInteger(fn, 'options.seed', o.seed, 0, 0xffffffff);
  const maxIterations = o.maxIterations === undefined ? 100_000 : checkInteger(fn, 'options.maxIterations', o.maxIterations);
  const relativeGap = o.relativeGap === undefined ? 1e-9 : checkNonNegative(fn, 'options.relativeGap', o.relativeGap);
  if (relativeGap > 1) rangeError(fn, 'options.relativeGap', 'a number in [0, 1]', relativeGap);
  const feasibilityTolerance = o.feasibilityTolerance === undefined ? 1e-7 : checkNonNegative(fn, 'options.feasibilityTolerance', o.feasibilityTolerance);
  if (!(feasibilityTolerance >= 1e-10 && feasibilityTolerance <= 1e-3)) rangeError(fn, 'options.feasibilityTolerance', 'a number in [1e-10, 1e-3]', feasibilityTolerance);
  const g = compileGap(fn, instance, sense === 'max');
  if (method === 'exact') await loadHighs(fn); // fail fast, before any work, when highs is missing
  const deadline = performance.now() + timeLimitMs;
  const h = gapHeuristic(g, { seed, deadline, maxIterations: method === 'exact' ? Math.min(maxIterations, WARM_START_ITERATIONS) : maxIterations });
  let result: GapExactResult;
  if (method === 'heuristic') {
    result = {
      assignment: h.assignment,
      status: h.optimal ? 'optimal' : h.assignment !== undefined ? 'feasible' : h.provedInfeasible ? 'infeasible' : 'unknown',
      bound: h.provedInfeasible ? undefined : capacityFreeBound(g),
      stoppedEarly: h.stoppedEarly,
      reason: h.optimal || h.provedInfeasible ? undefined : (h.stoppedBy ?? 'heuristic'),
    };
  } else if (h.optimal || h.provedInfeasible) {
    result = { assignment: h.assignment, status: h.optimal ? 'optimal' : 'infeasible', bound: h.optimal ? h.cost : undefined, stoppedEarly: false, reason: undefined };
  } else if (h.stoppedBy === 'time') {
    // The clock ran out during the warm start: report it rather than start HiGHS without time.
    result = { assignment: h.assignment, status: h.assignment === undefined ? 'unknown' : 'feasible', bound: capacityFreeBound(g), stoppedEarly: true, reason: 'time' };
  } else {
    result = await gapExact(fn, g, h.assignment, { relativeGap, feasibilityTolerance, deadline });
  }
  if ((result.status === 'unknown' || result.reason === 'numerical' || result.reason === 'disputed') && g.m ** g.n <= ENUMERATION_LIMIT) {
    const e = gapEnumerate(g);
    result = e === undefined
      ? { assignment: undefined, status: 'infeasible', bound: undefined, stoppedEarly: false, reason: undefined }
      : { assignment: e.assignment, status: 'optimal', bound: e.cost, stoppedEarly: false, reason: undefined };
  }
  if ((result.status === 'feasible' || result.status === 'unknown') && result.bound === undefined) {
    const cf = capacityFreeBound(g);
    if (cf !== undefined) result = { ...result, bound: cf };
  }
  const sign = g.negated ? -1 : 1;
  const assignment = new Array<number>(g.n).fill(-1);
  let value = sign * Infinity;
  if (result.assignment !== undefined) {
    value = 0;
    for (let i = 0; i < g.n; i++) {
      const j = result.assignment[i] as number;
      assignment[i] = j;
      value += sign * (g.cost[i * g.m + j] as number);
    }
    value += 0;
  }
  return {
    assignment,
    value,
    status: result.status,
    ...(result.reason === undefined ? {} : { reason: result.reason }),
    ...(result.bound === undefined ? {} : { bound: sign * result.bound + 0 }),
    stoppedEarly: result.stoppedEarly,
    iterations: h.iterations,
  };
}

/** Σ_i min_j cost[i][j] over allowed pairs (minimization form): a valid bound ignoring budgets. */
function capacityFreeBound(g: CompiledGap): number | undefined {
  let total = 0;
  for (let i = 0; i < g.n; i++) {
    let best = Infinity;
    for (let j = 0; j < g.m; j++) {
      const k = i * g.m + j;
      if (g.allowed[k] === 1 && (g.cost[k] as number) < best) best = g.cost[k] as number;
    }
    if (best === Infinity) return undefined;
    total += best;
  }
  return total;
}


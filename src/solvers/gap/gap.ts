/**
 * The generalized assignment problem (capacity-constrained assignment):
 * types, validation and `solveGap`.
 * @module
 */
import {
  checkArray,
  checkInteger,
  checkNonNegative,
  checkObject,
  checkOneOf,
  checkOptions,
  rangeError,
  typeError,
} from '../../internal/errors.js';
import { checkString } from '../../internal/primitives.js';
import { loadHighs } from '../../internal/highs.js';
import { gapExact } from './gapExact.js';
import { gapHeuristic } from './gapHeuristic.js';

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
   * optimal unless the time limit stops it. `'heuristic'`: regret-greedy
   * construction plus seeded local search, no dependency.
   * @defaultValue `'exact'`
   */
  readonly method?: 'exact' | 'heuristic';
  /**
   * Wall-clock budget in milliseconds (finite, ≥ 0). The heuristic also
   * stops at `maxIterations`; HiGHS at this limit reports its best solution
   * and bound. HiGHS runs synchronously: it blocks the thread while solving.
   * @defaultValue 10000
   */
  readonly timeLimitMs?: number;
  /**
   * Seed of the heuristic's random moves (an integer in [0, 2^32 − 1]).
   * @defaultValue 0
   */
  readonly seed?: number;
  /**
   * Iteration budget of the heuristic (one iteration = one perturbation and
   * descent). The heuristic also ends by itself after max(5000, 50n)
   * iterations without a better solution. The result is reproducible byte
   * for byte when the time limit does not end the search.
   * @defaultValue 100000
   */
  readonly maxIterations?: number;
}

/** What {@link solveGap} resolves to. */
export interface GapSolution {
  /**
   * `assignment[i]`: device of task i; all -1 when no feasible assignment
   * was found.
   */
  readonly assignment: number[];
  /** Total cost (or profit) of the assignment; `Infinity` (`-Infinity` when maximizing) when none was found. */
  readonly value: number;
  /**
   * `'optimal'`: proved optimal (exact method). `'feasible'`: respects every
   * budget, optimality not proved. `'infeasible'`: proved that no assignment
   * respects the budgets. `'unknown'`: the time or iteration budget ran out
   * before any feasible assignment was found and before infeasibility was
   * proved (`stoppedEarly` is true); give it more time.
   */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  /**
   * A proved bound on the optimum (a lower bound when minimizing, an upper
   * bound when maximizing): HiGHS's dual bound for the exact method, the
   * capacity-free bound Σ_i best_j cost[i][j] for the heuristic. Absent
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

/**
 * Solves a generalized assignment problem: minimize Σ_i cost[i][x(i)] (or
 * maximize, for profits) over maps x: tasks → devices with
 * Σ_{i: x(i)=j} demand[i][j] ≤ budget[j] for every device j.
 *
 * Exact: the binary program min Σ c_ij x_ij, Σ_j x_ij = 1, Σ_i a_ij x_ij ≤
 * b_j, written in LP format and solved by HiGHS (Huangfu & Hall 2018),
 * loaded lazily from the optional `highs` package. Heuristic: regret-greedy
 * construction (Martello & Toth 1981) under four desirability measures,
 * then iterated local search with shift and swap moves on a penalized
 * objective (cost + λ · overload, λ adapted), seeded.
 *
 * Complexity: heuristic O(n·m) per shift pass and O(n²) per swap pass, for
 * at most `maxIterations` rounds; exact: exponential in the worst case
 * (NP-hard), bounded by `timeLimitMs`.
 *
 * @param instance - A task-major instance (see {@link parseOrLibraryGap}); never mutated.
 * @param options - {@link SolveGapOptions}.
 * @returns A promise of the {@link GapSolution}.
 * @throws (rejects with) {@link InputTypeError} for a malformed instance or options,
 *   {@link InputRangeError} for NaN, negative demands or budgets, the wrong infinity,
 *   or when `method: 'exact'` is asked and `highs` is not installed.
 * @example
 * ```ts
 * const g = { cost: [[1, 4], [2, 5], [3, 6]], demand: [[1, 2], [1, 2], [1, 2]], budget: [2, 4] };
 * await solveGap(g, { method: 'heuristic' });
 * // { assignment: [0, 1, 0], value: 9, status: 'feasible', bound: 6, ... } (or an equal-cost twin)
 * await solveGap(g, { method: 'exact' }); // status 'optimal', value 9, bound 9
 * ```
 */
export async function solveGap(instance: GapInstance, options?: SolveGapOptions): Promise<GapSolution> {
  const fn = 'solveGap';
  const o = checkOptions(fn, options, ['sense', 'method', 'timeLimitMs', 'seed', 'maxIterations']);
  const sense = o.sense === undefined ? 'min' : checkOneOf(fn, 'options.sense', o.sense, ['min', 'max'] as const);
  const method = o.method === undefined ? 'exact' : checkOneOf(fn, 'options.method', o.method, ['exact', 'heuristic'] as const);
  const timeLimitMs = o.timeLimitMs === undefined ? 10_000 : checkNonNegative(fn, 'options.timeLimitMs', o.timeLimitMs);
  const seed = o.seed === undefined ? 0 : checkInteger(fn, 'options.seed', o.seed, 0, 0xffffffff);
  const maxIterations = o.maxIterations === undefined ? 100_000 : checkInteger(fn, 'options.maxIterations', o.maxIterations);
  const g = compileGap(fn, instance, sense === 'max');
  if (method === 'exact') await loadHighs(fn); // fail fast, before any work, when highs is missing
  const start = performance.now();
  const deadline = start + timeLimitMs;
  const heuristicShare = method === 'exact' ? Math.min(timeLimitMs * 0.1, 1000) : timeLimitMs;
  const h = gapHeuristic(g, { seed, deadline: start + heuristicShare, maxIterations: method === 'exact' ? Math.min(maxIterations, 2000) : maxIterations });
  const result =
    method === 'heuristic'
      ? {
          assignment: h.assignment,
          status: h.optimal ? ('optimal' as const) : h.assignment !== undefined ? ('feasible' as const) : h.provedInfeasible ? ('infeasible' as const) : ('unknown' as const),
          bound: h.provedInfeasible ? undefined : capacityFreeBound(g),
          stoppedEarly: h.stoppedEarly,
        }
      : h.optimal || h.provedInfeasible
        ? { assignment: h.assignment, status: h.optimal ? ('optimal' as const) : ('infeasible' as const), bound: h.optimal ? h.cost : undefined, stoppedEarly: false }
        : await gapExact(fn, g, h.assignment, Math.max(0, deadline - performance.now()));
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

/**
 * Validates a {@link GapInstance} and compiles it (minimization form).
 * @internal
 */
export function compileGap(fn: string, instance: GapInstance, maximize: boolean): CompiledGap {
  checkObject(fn, 'instance', instance);
  if (instance.name !== undefined) checkString(fn, 'instance.name', instance.name);
  checkArray(fn, 'instance.cost', instance.cost);
  checkArray(fn, 'instance.demand', instance.demand);
  checkArray(fn, 'instance.budget', instance.budget);
  const n = instance.cost.length;
  const m = instance.budget.length;
  if (instance.demand.length !== n) typeError(fn, 'instance.demand', `an array of length ${n} (as instance.cost)`, instance.demand);
  const budget = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const b: unknown = instance.budget[j];
    if (b !== Infinity) checkNonNegative(fn, `instance.budget[${j}]`, b);
    budget[j] = b as number;
  }
  const cost = new Float64Array(n * m);
  const demand = new Float64Array(n * m);
  const allowed = new Uint8Array(n * m);
  const forbidden = maximize ? -Infinity : Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const cRow: unknown = instance.cost[i];
    const aRow: unknown = instance.demand[i];
    checkArray(fn, `instance.cost[${i}]`, cRow);
    checkArray(fn, `instance.demand[${i}]`, aRow);
    if (cRow.length !== m) typeError(fn, `instance.cost[${i}]`, `an array of length ${m} (one per budget)`, cRow);
    if (aRow.length !== m) typeError(fn, `instance.demand[${i}]`, `an array of length ${m} (one per budget)`, aRow);
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const c: unknown = cRow[j];
      const a: unknown = aRow[j];
      if (typeof c !== 'number') typeError(fn, `instance.cost[${i}][${j}]`, 'a number', c);
      if (c !== forbidden && !Number.isFinite(c)) {
        rangeError(fn, `instance.cost[${i}][${j}]`, `a finite number or ${maximize ? '-Infinity' : 'Infinity'} (forbidden)`, c);
      }
      if (a !== Infinity) checkNonNegative(fn, `instance.demand[${i}][${j}]`, a);
      const ok = c !== forbidden && a !== Infinity && (a as number) <= (budget[j] as number);
      allowed[k] = ok ? 1 : 0;
      cost[k] = ok ? (maximize ? -c : c) : 0;
      demand[k] = ok ? (a as number) : 0;
      if (ok && !Number.isInteger(c)) integral = false;
    }
  }
  return { n, m, cost, demand, budget, allowed, negated: maximize, integral };
}

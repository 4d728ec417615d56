/**
 * The exact Pareto front by the augmented ε-constraint method (AUGMECON,
 * Mavrotas 2009) over a mixed-integer model solved by the optional HiGHS.
 * The path behind `paretoFront(…, {method: 'exact'})`; no validation here.
 * @internal
 * @module
 */
import { loadHighs, type HighsLike } from '../internal/highs.js';
import type { CompiledProblem } from '../problem/types.js';
import type { CostModel } from '../schedule/types.js';
import { budgetsMatter, withinBudgets } from './budgets.js';
import { addTerm, exactLpText, expr, rowText } from './exactLp.js';
import { buildExactModel, SAFE_RANGE, type ExactModel } from './exactModel.js';
import { objectiveVectorCompiled } from './objectives.js';
import type { ParetoObjective } from './types.js';

/**
 * Relative tolerance of the ε steps for objectives whose values need not be
 * integers: after a point with value v, the next subproblem asks for at most
 * v − 1e-6 · max(1, |v|). Two non-dominated points closer than that in an
 * objective may be merged into one. @internal
 */
export const EPSILON_RELATIVE_STEP = 1e-6;

/** At most this many no-good cuts (one per over-budget HiGHS answer) before such answers are only dropped. */
const MAX_BUDGET_CUTS = 100;

/** AUGMECON's weight of the scaled secondary objectives (< 1/2, so with integral primaries it never trades a unit of the primary). @internal */
const AUGMENTATION = 1e-3;

/** Outcome of {@link exactFront}: assignments of the points found (to be re-evaluated and filtered) and the proof status. @internal */
export interface ExactOutcome {
  readonly assignments: Int32Array[];
  readonly complete: boolean;
  readonly stoppedEarly: boolean;
  readonly subproblems: number;
  readonly reason: string;
  /** HiGHS's runs agreed that even the first subproblem (no ε bound) is infeasible: no assignment keeps within budgets. */
  readonly infeasible: boolean;
}

/** What one run (or the runs together) say of a subproblem. @internal */
export type SubResult = { kind: 'optimal'; assignment: Int32Array; value: number } | { kind: 'disputed'; assignment: Int32Array; value: number } | { kind: 'infeasible' } | { kind: 'incomplete'; assignment: Int32Array | undefined; why: string };

/**
 * Enumerates the front: objective 0 is minimized subject to objective k ≤
 * ε_k for the others. With two objectives ε_1 starts unbounded and after each
 * point w becomes w_1 − step; with three, an outer loop over ε_2 (next value:
 * the largest third objective found in the inner loop, minus a step) runs
 * the two-objective loop over ε_1. The step is 1 for an objective whose
 * values are all integers (integer data), else {@link EPSILON_RELATIVE_STEP}
 * relative. When the primary objective is integral one solve per grid point
 * minimizes f_0 + δ Σ_k f_k / s_k (AUGMECON's slack reward in the equivalent
 * form; s_k bounds f_k, δ = 1e-3); otherwise two: min f_0, then the scaled
 * secondaries with f_0 fixed at its optimum. The front is complete when every
 * subproblem was solved to optimality or proved infeasible.
 *
 * Budgets: the model has the rows Σ_i demand_i·x_ij ≤ budget_j; every
 * assignment HiGHS returns is re-checked in exact arithmetic
 * (`withinBudgets`). One over a budget (HiGHS's tolerance let it through) is
 * cut off by a no-good row Σ_i x_{i,a_i} ≤ n − 1 and the subproblem solved
 * again (at most 100 cuts; then it is dropped and the front not complete).
 * When two runs agree that the first subproblem (no ε bound) is infeasible,
 * `infeasible` is true: no assignment keeps within budgets.
 *
 * `deadline` is a `performance.now()` reading (the caller's whole budget:
 * loading HiGHS and building the model count against it). Each subproblem
 * gets what is left as HiGHS's `time_limit`; none starts after it, and the
 * model is not built when no time is left. Not bounded: building the model,
 * each subproblem's LP text (O(n·m) terms, O(n²·m) for flowtime) and HiGHS's
 * reading of it (measured at 200 × 8 with flowtime: 0.5 s, 0.7 s for 17.5 MB
 * of text, 4.6 s to read it), and HiGHS past its own limit between its checks.
 * @internal
 */
export async function exactFront(fn: string, cp: CompiledProblem, objectives: readonly ParetoObjective[], costModel: CostModel, deadline: number): Promise<ExactOutcome> {
  const highs = await loadHighs(fn);
  if (cp.n === 0) return { assignments: [new Int32Array(0)], complete: true, stoppedEarly: false, subproblems: 0, reason: 'no tasks: the empty schedule is the only point', infeasible: false };
  // No time left: not even the model is built (the caller falls back to the heuristics' schedules).
  if (performance.now() >= deadline) return { assignments: [], complete: false, stoppedEarly: true, subproblems: 0, reason: 'the time limit was reached before the first ε-constraint subproblem: the points are real schedules, but the front may be incomplete', infeasible: false };
  let model = buildExactModel(cp, objectives, costModel);
  const dims = objectives.length;
  const steps = (v: number, k: number): number => (model.integral[k] ? 1 : EPSILON_RELATIVE_STEP * Math.max(1, Math.abs(v)));
  const found: Int32Array[] = [];
  let subproblems = 0;
  let complete = true;
  let why = '';
  let stopped = false;
  let disputed = 0;
  let overBudget = 0;
  let cuts = 0;
  let firstInfeasible = false;
  const budgets = budgetsMatter(cp);
  // An assignment HiGHS returns within its tolerances but over a budget in exact arithmetic is
  // never a point. It is cut off by a no-good row (Σ_i x_{i,a_i} ≤ n − 1: it removes that one
  // assignment, which no budget admits, so the proof stands) and the subproblem solved again;
  // past MAX_BUDGET_CUTS it is only dropped and the front not reported proved.
  const cut = (a: Int32Array): boolean => {
    if (cuts >= MAX_BUDGET_CUTS) return false;
    const e = expr();
    for (let i = 0; i < cp.n; i++) addTerm(e, `x${i}_${a[i]!}`, 1);
    model = { ...model, rows: [...model.rows, rowText(`g${cuts}`, e, '<=', cp.n - 1)] };
    cuts++;
    return true;
  };
  const keep = (a: Int32Array): boolean => {
    if (!budgets || withinBudgets(cp, a)) return true;
    overBudget++;
    return false;
  };

  const solve = (upper: number[]): SubResult | 'time' => {
    const remaining = deadline - performance.now();
    if (remaining <= 0) return 'time';
    subproblems++;
    // An objective with no variable term is a constant: its bound holds or not.
    for (let k = 1; k < dims; k++) {
      const e = model.objectives[k]!;
      if (e.terms.size === 0 && e.constant > upper[k]!) return { kind: 'infeasible' };
    }
    const weights = model.objectives.map((_, k) => (k === 0 ? 1 : model.integral[0] ? AUGMENTATION / model.scale[k]! : 0));
    const first = run(highs, model, weights, upper, remaining, model.integral[0] ? 1e-6 : 1e-9);
    if (first.kind === 'disputed') disputed++;
    if ((first.kind !== 'optimal' && first.kind !== 'disputed') || model.integral[0]) return first;
    // Lexicographic second stage: the secondaries, with f_0 held at its optimum.
    const left = deadline - performance.now();
    if (left <= 0) return { kind: 'incomplete', assignment: first.assignment, why: 'the time limit was reached' };
    const fixed = upper.slice();
    fixed[0] = first.value + 1e-9 * Math.max(1, Math.abs(first.value));
    const second = run(highs, model, model.objectives.map((_, k) => (k === 0 ? 0 : 1 / model.scale[k]!)), fixed, left, 1e-9);
    if (second.kind === 'disputed') disputed++;
    return second.kind === 'optimal' || second.kind === 'disputed' ? { ...second, kind: first.kind } : { kind: first.kind, assignment: first.assignment, value: first.value };
  };

  /** The two-objective sweep over ε_1 with ε_2 fixed; returns the largest third objective seen, or undefined when nothing was feasible. */
  const sweep = (eps2: number): number | undefined | 'time' => {
    let eps1 = Infinity;
    let maxThird: number | undefined;
    for (;;) {
      const upper = dims === 3 ? [Infinity, eps1, eps2] : [Infinity, eps1];
      const r = solve(upper);
      if (r === 'time') return 'time';
      if (r.kind === 'infeasible') {
        if (eps1 === Infinity && eps2 === Infinity) firstInfeasible = true;
        return maxThird;
      }
      if (r.kind === 'incomplete') {
        complete = false;
        why = r.why;
        if (r.assignment !== undefined && keep(r.assignment)) found.push(r.assignment);
        return 'time';
      }
      if (budgets && !withinBudgets(cp, r.assignment) && cut(r.assignment)) continue;
      if (keep(r.assignment)) found.push(r.assignment);
      const w = objectiveVectorCompiled(cp, r.assignment, objectives, costModel).objectives;
      if (dims === 3) maxThird = maxThird === undefined ? w[2]! : Math.max(maxThird, w[2]!);
      const v = Math.min(w[1]!, eps1);
      eps1 = v - steps(v, 1);
    }
  };

  let eps2 = Infinity;
  for (;;) {
    const top = sweep(eps2);
    if (top === 'time') {
      stopped = true;
      break;
    }
    if (top === undefined || dims === 2) break;
    const v = Math.min(top, eps2);
    eps2 = v - steps(v, 2);
  }
  if (stopped) {
    complete = false;
    if (why === '') why = 'the time limit was reached';
  }
  if (complete && firstInfeasible && budgets && overBudget === 0 && model.wellScaled) {
    // Two runs agreed that no assignment satisfies the budget rows (and nothing refuted it).
    return { assignments: [], complete: true, stoppedEarly: false, subproblems, reason: 'HiGHS proved (two runs agreeing) that no assignment keeps within the device budgets', infeasible: true };
  }
  if (complete && overBudget > 0) {
    complete = false;
    why = `HiGHS returned ${overBudget} ${overBudget === 1 ? 'assignment' : 'assignments'} over a device budget in exact arithmetic (within its tolerances); ${overBudget === 1 ? 'it was' : 'they were'} dropped`;
  }
  if (complete && found.length === 0) {
    // Every problem that compiles has a schedule within budgets or none was proved: HiGHS must have misjudged the model.
    complete = false;
    why = 'HiGHS found no schedule at all (numerical trouble)';
  }
  if (complete && disputed > 0) {
    complete = false;
    why = `HiGHS's runs (without presolve, with it, and over reversed rows) could not agree on ${disputed} of them (a solver fault; the best schedule found was kept each time)`;
  }
  if (complete && !model.wellScaled) {
    complete = false;
    why = `the data have magnitudes outside [${SAFE_RANGE[0]}, ${SAFE_RANGE[1]}], where the solver's tolerances cannot prove the front; rescale the units`;
  }
  const reason = complete
    ? `${subproblems === 1 ? 'the one ε-constraint subproblem was' : `every one of the ${subproblems} ε-constraint subproblems was`} solved to optimality or proved infeasible: the front is complete`
    : `${why} after ${subproblems} ε-constraint ${subproblems === 1 ? 'subproblem' : 'subproblems'}: the points are real schedules, but the front may be incomplete`;
  return { assignments: found, complete, stoppedEarly: stopped, subproblems, reason, infeasible: false };
}

/**
 * One ε-constraint subproblem, solved by HiGHS more than once. Each single
 * run has been caught misjudging a subproblem (found by the enumeration
 * oracle in test/pareto/exact.test.ts): with presolve, "optimal" at flowtime
 * 22.75 where 20.75 is feasible (6 × 3, quarter-unit data); without it,
 * "infeasible" for energy ≤ 196 where an assignment of energy 178 exists
 * (5 × 3, flowtime and energy; scipy's HiGHS and HiGHS with presolve find
 * it). So the subproblem is solved without presolve and with it; when the
 * two disagree, again without and with presolve over the rows in reverse
 * order (the same model, other paths through the solver), until two agree. A claim is refuted by
 * a schedule another run found: "infeasible" by any schedule, "optimal at v"
 * by one below v (beyond the MIP gap). The result counts as solved when two
 * runs make the same unrefuted claim (both infeasible, or both optimal at
 * the best value found); otherwise it is `disputed`: the best schedule is
 * kept and the front is not reported proved. A run that throws (HiGHS's
 * presolve has failed with status −1 on a bound a hair below a feasible
 * value) is not counted as a claim; if no two runs can agree the result is
 * disputed, and with no schedule at all incomplete, never a raw dependency
 * error. Each run gets the time the ones before it left.
 */
function run(highs: HighsLike, model: ExactModel, weights: readonly number[], upper: readonly number[], timeLimitMs: number, absGap: number): SubResult {
  const start = performance.now();
  const claims: SubResult[] = [];
  let failure = '';
  const attempt = (presolve: boolean, reverse: boolean): SubResult | undefined => {
    const left = timeLimitMs - (performance.now() - start);
    if (left <= 0) return { kind: 'incomplete', assignment: best(claims), why: 'the time limit was reached' };
    try {
      const r = runOnce(highs, model, weights, upper, left, absGap, presolve, reverse);
      if (r.kind === 'incomplete') return { ...r, assignment: r.assignment ?? best(claims) };
      claims.push(r);
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
    return undefined;
  };
  const stop = attempt(false, false) ?? attempt(true, false);
  if (stop !== undefined) return stop;
  const agreed = agreement(claims, absGap);
  if (agreed !== undefined) return agreed;
  for (const presolve of [false, true]) {
    const stopped = attempt(presolve, true);
    if (stopped !== undefined) return stopped;
    const settled = agreement(claims, absGap);
    if (settled !== undefined) return settled;
  }
  const top = bestClaim(claims);
  if (top === undefined) {
    return { kind: 'incomplete', assignment: undefined, why: failure !== '' ? `HiGHS failed on a subproblem (${failure})` : 'HiGHS could not settle a subproblem' };
  }
  return { ...top, kind: 'disputed' };
}

type Solved = Extract<SubResult, { kind: 'optimal' }>;

/** The optimal claim of least value (first on ties). */
function bestClaim(claims: readonly SubResult[]): Solved | undefined {
  let top: Solved | undefined;
  for (const c of claims) if (c.kind === 'optimal' && (top === undefined || c.value < top.value)) top = c;
  return top;
}

function best(claims: readonly SubResult[]): Int32Array | undefined {
  return bestClaim(claims)?.assignment;
}

/** The claim two runs make unrefuted, if any: both infeasible with no schedule found, or both optimal at the least value found (within the MIP gap `absGap`). @internal */
export function agreement(claims: readonly SubResult[], absGap: number): SubResult | undefined {
  const top = bestClaim(claims);
  if (top === undefined) return claims.filter((c) => c.kind === 'infeasible').length >= 2 ? { kind: 'infeasible' } : undefined;
  const tol = absGap + 1e-9 * Math.max(1, Math.abs(top.value));
  const same = claims.filter((c) => c.kind === 'optimal' && c.value - top.value <= tol).length;
  return same >= 2 ? top : undefined;
}

function runOnce(highs: HighsLike, model: ExactModel, weights: readonly number[], upper: readonly number[], timeLimitMs: number, absGap: number, presolve: boolean, reverseRows: boolean): SubResult {
  const text = exactLpText(model, weights, upper, reverseRows);
  const st = highs.constants.modelStatus;
  return highs.withModel({ format: 'lp', data: text }, (hm) => {
    // Tight feasibility tolerances: the ε bounds of non-integral objectives sit 1e-6 (relative) below a
    // feasible value, which HiGHS's defaults (1e-6 integrality, 1e-7 primal) would blur.
    hm.options.set({ output_flag: false, presolve: presolve ? 'choose' : 'off', mip_feasibility_tolerance: 1e-9, primal_feasibility_tolerance: 1e-9, time_limit: Math.max(0.001, timeLimitMs / 1000), mip_rel_gap: 0, mip_abs_gap: absGap });
    hm.run();
    const status = hm.getModelStatus();
    if (status === st.infeasible) return { kind: 'infeasible' } as const;
    const hasPrimal = Number(hm.info.get('primal_solution_status')) === 2;
    const assignment = hasPrimal ? decode(model, hm.getSolution().colValue) : undefined;
    if (status === st.optimal && assignment !== undefined) return { kind: 'optimal', assignment, value: hm.getObjectiveValue() } as const;
    const name = Object.entries(st).find(([, v]) => v === status)?.[0] ?? String(status);
    return { kind: 'incomplete', assignment, why: name === 'timeLimit' ? 'the time limit was reached' : `HiGHS stopped with model status '${name}'` } as const;
  });
}

function decode(model: ExactModel, col: ArrayLike<number>): Int32Array | undefined {
  const { n, m } = model;
  const a = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = model.xColumn[i * m + j]!;
      if (c >= 0 && (col[c] as number) > 0.5) a[i] = j;
    }
    if (a[i] === -1) return undefined;
  }
  return a;
}

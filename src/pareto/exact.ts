/**
 * The exact Pareto front by the augmented ε-constraint method (AUGMECON,
 * Mavrotas 2009) over a mixed-integer model solved by the optional HiGHS.
 * The path behind `paretoFront(…, {method: 'exact'})`; no validation here.
 * @internal
 * @module
 */
import { loadHighs } from '../internal/highs.js';
import type { CompiledProblem } from '../problem/types.js';
import type { CostModel } from '../schedule/types.js';
import { budgetsMatter, withinBudgets } from './budgets.js';
import { addTerm, expr, rowText } from './exactLp.js';
import { buildExactModel, SAFE_RANGE, type ExactModel } from './exactModel.js';
import { run, type SubResult } from './exactRuns.js';
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

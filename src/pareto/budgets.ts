/**
 * Device budgets in Pareto fronts: Σ demand_i over the tasks on device j ≤
 * budget_j, checked exactly on every point returned, the total overrun that
 * NSGA-II's constrained domination compares, and the simple proofs that no
 * assignment fits.
 *
 * {@link withinBudgets} is exact (real arithmetic on the doubles, order-free),
 * unlike `fitsBudget` in `src/solvers/search/budgetFit.ts`, which sums in run
 * order with rounding so as to agree with the overruns a schedule's metrics
 * report; the two differ only by rounding (a few ulps), and each serves its
 * own promise (a proved front here, overrun-free metrics there).
 * @internal
 * @module
 */
import { infeasible } from '../internal/errors.js';
import type { CompiledProblem } from '../problem/types.js';
import { sumAtMost } from '../solvers/gap/gapExactCheck.js';
import { budgetsMatter } from '../solvers/heuristics/capacityAware.js';

export { budgetsMatter };

/**
 * Whether `asg` keeps every device's summed demand within its budget, in
 * real arithmetic on the given doubles (no tolerance: `sumAtMost`, as the
 * GAP's verdicts). O(n + m). @internal
 */
export function withinBudgets(cp: CompiledProblem, asg: ArrayLike<number>): boolean {
  const per: number[][] = Array.from({ length: cp.m }, () => []);
  for (let i = 0; i < cp.n; i++) per[asg[i]!]!.push(cp.demand[i]!);
  for (let j = 0; j < cp.m; j++) if (!sumAtMost(per[j]!, cp.budget[j]!)) return false;
  return true;
}

/**
 * Σ_j max(0, Σ_{i on j} demand_i − budget_j) in double arithmetic, 0 when
 * the assignment is within budgets exactly (so that 0 means feasible and
 * any positive value infeasible, whatever the rounding). `load` is scratch
 * of length m. O(n + m). @internal
 */
export function totalOverrun(cp: CompiledProblem, asg: ArrayLike<number>, load: Float64Array): number {
  load.fill(0);
  for (let i = 0; i < cp.n; i++) load[asg[i]!] = load[asg[i]!]! + cp.demand[i]!;
  let over = 0;
  for (let j = 0; j < cp.m; j++) if (load[j]! > cp.budget[j]!) over += load[j]! - cp.budget[j]!;
  if (over > 0) return over;
  // The rounded sums fit; an exact overrun hidden by rounding still counts (as the least positive amount).
  return withinBudgets(cp, asg) ? 0 : Number.MIN_VALUE;
}

/**
 * Throws {@link InfeasibleError} when a simple argument proves that no
 * assignment keeps within budgets: a task whose demand exceeds the budget
 * of every device it can run on, or demands whose total exceeds the total
 * budget (exact comparisons). O(n·m). @internal
 */
export function checkBudgetsPossible(fn: string, cp: CompiledProblem): void {
  if (!budgetsMatter(cp)) return;
  const { n, m, exec, transfer, demand, budget } = cp;
  for (let i = 0; i < n; i++) {
    let fits = false;
    for (let j = 0; j < m && !fits; j++) fits = exec[i * m + j]! + transfer[i * m + j]! < Infinity && sumAtMost([demand[i]!], budget[j]!);
    if (!fits) infeasible(fn, `problem.tasks[${i}].demand`, `(${demand[i]!}) of task ${JSON.stringify(cp.taskIds[i]!)} exceeds the budget of every device it can run on, so no assignment keeps within budgets (the problem is infeasible)`);
  }
  let total = Infinity;
  for (let j = 0; j < m; j++) total = j === 0 ? budget[0]! : total + budget[j]!;
  if (total < Infinity && !sumAtMost(Array.from(demand), total) && sumAtMost(Array.from(budget), total)) {
    // total is a rounded sum: the comparison is exact only when the budgets add up to it exactly
    // (then Σ demand > total = Σ budget); otherwise no claim is made here.
    let exactTotal = true;
    let s = 0;
    for (let j = 0; j < m; j++) {
      // Knuth's TwoSum: the exact rounding error of s + b.
      const b = budget[j]!;
      const t = s + b;
      const bb = t - s;
      if (s - (t - bb) + (b - bb) !== 0) exactTotal = false;
      s = t;
    }
    if (exactTotal) infeasible(fn, 'problem.tasks', `have demands totalling more than the budgets of all devices together (${total}), so no assignment keeps within budgets (the problem is infeasible)`);
  }
}

/**
 * Device budgets during a search: whether the demands a device holds fit its
 * budget, summed in the same order and arithmetic as the reported
 * `metrics.budgetOverruns`, so a result that passed this check never shows
 * an overrun (not even a rounding-only one).
 *
 * Not the same test as `withinBudgets` in `src/pareto/budgets.ts`, on
 * purpose: that one decides Σ demand ≤ budget in real arithmetic (exact, no
 * order), as the GAP's verdicts do, for fronts that claim feasibility; this
 * one follows the run order and the rounding of the reported overruns, so
 * that `solve`'s local search never returns a schedule whose own metrics
 * list an overrun. They differ only when rounding hides or makes an overrun
 * of a few ulps (demands 1 and 2^-53 against budget 1: the rounded sum is 1
 * and fits, the real sum does not).
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';

/**
 * Whether the tasks of `assignment` on device j, their demands summed in run
 * `order`, fit its budget (Σ demand ≤ budget). Removing a task never breaks
 * a budget (rounded sums of non-negative terms are monotone), so a move
 * needs only its receiving device checked. O(n). @internal
 */
export function fitsBudget(cp: CompiledProblem, assignment: ArrayLike<number>, order: ArrayLike<number>, j: number): boolean {
  const budget = cp.budget[j]!;
  if (budget === Infinity) return true;
  let demand = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (assignment[i] === j) demand += cp.demand[i]!;
  }
  return demand <= budget;
}

/** Whether every device's demands fit its budget ({@link fitsBudget} for each). O(n·m). @internal */
export function fitsAllBudgets(cp: CompiledProblem, assignment: ArrayLike<number>, order: ArrayLike<number>): boolean {
  for (let j = 0; j < cp.m; j++) if (!fitsBudget(cp, assignment, order, j)) return false;
  return true;
}

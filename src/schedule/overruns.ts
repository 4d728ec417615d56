/**
 * Budget overruns of an assignment: where the demands placed on a device
 * exceed its budget. Reported in every evaluated schedule's metrics, so a
 * strategy that ignores budgets by design never hides an overrun.
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';

/** One device whose assigned demands exceed its budget. */
export interface BudgetOverrun {
  /** Device index. */
  readonly device: number;
  /** Device id. */
  readonly id: string;
  /** Σ demand of the tasks assigned to it (summed in its run order). */
  readonly demand: number;
  /** Its budget. */
  readonly budget: number;
  /** demand − budget (> 0). */
  readonly amount: number;
}

/**
 * Every device whose summed task demand exceeds its budget, in device order:
 * {device, id, demand, budget, amount = demand − budget}. Demands are summed
 * in each device's run order (`tasks`), the order in which the
 * capacity-aware heuristics checked them, so a result they produced never
 * shows a rounding-only overrun. O(n + m). @internal
 */
export function budgetOverruns(cp: CompiledProblem, runOrder: readonly (readonly number[])[]): BudgetOverrun[] {
  const out: BudgetOverrun[] = [];
  for (let j = 0; j < cp.m; j++) {
    const budget = cp.budget[j]!;
    if (budget === Infinity) continue;
    let demand = 0;
    for (const i of runOrder[j]!) demand += cp.demand[i]!;
    if (demand > budget) out.push({ device: j, id: cp.deviceIds[j]!, demand, budget, amount: demand - budget });
  }
  return out;
}

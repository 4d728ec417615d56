/**
 * Dispatch of the objective-aware variants: which strategies can optimize
 * energy, cost and weighted sums under limits, and how.
 * @internal
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import type { CostModel } from '../schedule/types.js';
import { objectiveGreedy } from './heuristics/objectiveGreedy.js';
import { createMeasure, measure, violationOf } from './objective.js';
import type { StrategyResult } from './registry.js';
import { objectiveSearch } from './search/objectiveSearch.js';
import { budgetsMatter } from './heuristics/capacityAware.js';
import { budgetStart } from './search/budgetSearch.js';
import { fitsAllBudgets } from './search/budgetFit.js';
import { finishWeights, flowtimeSearch } from './search/flowtimeSearch.js';
import type { StrategyName } from './strategies.js';

/** Strategies with an objective-aware variant (energy, cost, weighted sums, limits). @internal */
export const OBJECTIVE_STRATEGIES: readonly StrategyName[] = ['mct', 'min-min', 'max-min', 'duplex', 'local-search'];

/** Settings of {@link runObjectiveStrategy}. @internal */
export interface ObjectiveRun {
  readonly costModel: CostModel;
  readonly weights: Float64Array;
  readonly limits: Float64Array | undefined;
  readonly trace: boolean;
  readonly maxIterations: number;
  readonly timeLimitMs: number;
}

/** (violation, objective) of a result, measured under the cost model. */
function key(cp: CompiledProblem, r: StrategyResult, run: ObjectiveRun): [number, number] {
  const v = measure(createMeasure(cp, run.costModel), r.assignment, r.order);
  let obj = 0;
  for (let k = 0; k < 5; k++) if (run.weights[k]! > 0) obj += run.weights[k]! * v[k]!;
  return [violationOf(v[0]!, v[4]!, v[3]!, run.limits), obj];
}

/**
 * Runs the objective-aware variant of `strategy` (one of
 * {@link OBJECTIVE_STRATEGIES}): `'mct'`, `'min-min'`, `'max-min'` the
 * objective greedy with that rule; `'duplex'` the better of the Min-Min and
 * Max-Min variants by (violation, objective), Min-Min on a tie; when budgets
 * can bind (`budgetsMatter`) these four keep them as the capacity-aware forms
 * do (a device whose remaining budget cannot take the task is skipped; a task
 * that fits nowhere throws their `InfeasibleError`, for `'duplex'` as soon as
 * either variant throws);
 * `'local-search'` the descent from the Min-Min variant (for flowtime and
 * weighted flowtime alternating with Smith's run order, `flowtimeSearch`);
 * when budgets can bind, `'local-search'` keeps them (a start over a budget
 * is replaced by the capacity-aware Min-Min, whose `InfeasibleError` it
 * throws, or, on at most 2^15 assignments, by the within-budget enumeration
 * of `budgetSearch`, which throws only when no assignment keeps the budgets;
 * no move breaks one). @internal
 */
export function runObjectiveStrategy(cp: CompiledProblem, strategy: StrategyName, run: ObjectiveRun): StrategyResult {
  const limits = run.limits ?? Float64Array.of(Infinity, Infinity, Infinity);
  switch (strategy) {
    case 'mct':
    case 'min-min':
    case 'max-min':
      return objectiveGreedy(cp, strategy, run.weights, limits, run.trace, true, budgetsMatter(cp));
    case 'duplex': {
      const keep = budgetsMatter(cp);
      const a = objectiveGreedy(cp, 'min-min', run.weights, limits, run.trace, true, keep);
      const b = objectiveGreedy(cp, 'max-min', run.weights, limits, run.trace, true, keep);
      const [va, oa] = key(cp, a, run);
      const [vb, ob] = key(cp, b, run);
      return vb < va || (vb === va && ob < oa) ? b : a;
    }
    default: {
      // Budgets that can bind are kept: a greedy start over a budget gives way to the capacity-aware Min-Min, and no move breaks one.
      const keep = budgetsMatter(cp);
      // The start ignores budgets (unchanged decisions); one over a budget is replaced below.
      let start = objectiveGreedy(cp, 'min-min', run.weights, limits, false);
      if (keep && !fitsAllBudgets(cp, start.assignment, start.order)) {
        // On at most 2^15 assignments a greedy failure proves nothing: the enumeration of budgetSearch finds a
        // within-budget start (the makespan-best) or proves that none exists.
        start = budgetStart({ cp, costModel: run.costModel, objective: 'makespan', seed: 0, timeLimitMs: run.timeLimitMs, maxIterations: run.maxIterations, trace: false });
      }
      const settings = { costModel: run.costModel, weights: run.weights, limits: run.limits, maxIterations: run.maxIterations, timeLimitMs: run.timeLimitMs, ...(keep ? { keepBudgets: true } : {}) };
      // Flowtime and weighted flowtime: the run order follows Smith's rule too.
      const weight = finishWeights(cp, run.weights);
      return weight !== undefined ? flowtimeSearch(cp, start, settings, weight) : objectiveSearch(cp, start, settings);
    }
  }
}

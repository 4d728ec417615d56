/**
 * Duplex (Braun et al. 2001, heuristic 8).
 * @module
 */
import { evaluateCompiled } from '../../schedule/evaluate.js';
import type { ScheduleMetrics } from '../../schedule/types.js';
import { batchMinCompletion } from './min-min.js';
import type { Objective, Strategy, StrategyContext, StrategyResult } from '../registry.js';

/** The value of `objective` in a schedule's metrics. @internal */
export function objectiveValue(metrics: ScheduleMetrics, objective: Objective): number {
  switch (objective) {
    case 'makespan':
      return metrics.makespan;
    case 'flowtime':
      return metrics.flowtime;
    case 'weighted-flowtime':
      return metrics.weightedFlowtime;
    case 'energy':
      return metrics.energy.total;
    case 'cost':
      return metrics.cost.total;
  }
}

function runDuplex(ctx: StrategyContext): StrategyResult {
  const { cp, costModel, objective } = ctx;
  const a = batchMinCompletion(ctx, false);
  const b = batchMinCompletion(ctx, true);
  const va = objectiveValue(evaluateCompiled(cp, a.assignment, costModel, a.order).metrics, objective);
  const vb = objectiveValue(evaluateCompiled(cp, b.assignment, costModel, b.order).metrics, objective);
  return vb < va ? b : a;
}

/**
 * `'duplex'`: Duplex (Braun et al. 2001, "Duplex"): runs Min-Min and
 * Max-Min and keeps the better result, judged by the requested objective
 * (makespan by default) under the requested cost model; Min-Min's result on
 * a tie. The trace is the kept heuristic's trace.
 *
 * Complexity: twice Min-Min's, plus two O(n + m) evaluations.
 */
export const duplex: Strategy = {
  name: 'duplex',
  summary: 'Duplex (Braun et al. 2001): run Min-Min and Max-Min, keep the better (by the objective; Min-Min on a tie).',
  run: runDuplex,
};

/**
 * Duplex (Braun et al. 2001, heuristic 8).
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';
import { evaluateCompiled } from '../../schedule/evaluate.js';
import type { CostModel, ScheduleMetrics } from '../../schedule/types.js';
import { maxMinUnless } from './maxMinLoops.js';
import { minMinUntil, releasesNeverWait } from './min-min.js';
import { sortedColumns } from './sortedColumns.js';
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

/**
 * The value of `objective` for an assignment run in `order` under
 * `costModel`, with the floating-point operations of `evaluateCompiled`
 * (times in `order`, sums in task index order) but no schedule objects.
 * O(n + m). @internal
 */
export function objectiveOf(cp: CompiledProblem, assignment: Int32Array, order: Int32Array, costModel: CostModel, objective: Objective): number {
  const { n, m, exec, transfer, release, priority } = cp;
  const free = costModel === 'sequential' ? cp.ready.slice() : undefined;
  const finish = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const j = assignment[i]!;
    const p = transfer[i * m + j]! + exec[i * m + j]!;
    let s = release[i]!;
    if (free !== undefined && free[j]! > s) s = free[j]!;
    const f = s + p;
    if (free !== undefined) free[j] = f;
    finish[i] = f;
  }
  let makespan = 0;
  let flowtime = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const f = finish[i]!;
    if (f > makespan) makespan = f;
    flowtime += f;
    weighted += priority[i]! * f;
  }
  if (objective === 'energy' || objective === 'cost') return objectiveValue(evaluateCompiled(cp, assignment, costModel, order).metrics, objective);
  return objective === 'makespan' ? makespan : objective === 'flowtime' ? flowtime : weighted;
}

function runDuplex(ctx: StrategyContext): StrategyResult {
  const { cp, costModel, objective } = ctx;
  // Both loops read the same sorted columns when releases never wait: sort once.
  const columns = releasesNeverWait(cp) ? sortedColumns(cp) : undefined;
  const a = minMinUntil(ctx, Infinity, columns)!;
  const va = objectiveOf(cp, a.assignment, a.order, costModel, objective);
  // Max-Min's sequential makespan is the largest completion time it places:
  // once one reaches Min-Min's makespan it cannot win (Min-Min wins ties).
  const b = maxMinUnless(ctx, columns, objective === 'makespan' && costModel === 'sequential' ? va : Infinity);
  if (b === null) return a;
  const vb = objectiveOf(cp, b.assignment, b.order, costModel, objective);
  return vb < va ? b : a;
}

/**
 * `'duplex'`: Duplex (Braun et al. 2001, "Duplex"): runs Min-Min and
 * Max-Min and keeps the better result, judged by the requested objective
 * (makespan by default) under the requested cost model; Min-Min's result on
 * a tie. The trace is the kept heuristic's trace.
 *
 * Complexity: Min-Min's plus Max-Min's (when releases never wait they
 * share one sort of the columns, O(m·n log n)), plus two O(n + m)
 * objective computations (no schedule objects). For the makespan under the
 * `'sequential'` model with releases that never wait, Max-Min stops as soon
 * as it places a task completing at or after Min-Min's makespan (it can no
 * longer win), or a volume bound on its makespan reaches Min-Min's: after
 * 23 to 74 of the 512 steps on the Braun instances.
 */
export const duplex: Strategy = {
  name: 'duplex',
  summary: 'Duplex (Braun et al. 2001): run Min-Min and Max-Min, keep the better (by the objective; Min-Min on a tie).',
  run: runDuplex,
};

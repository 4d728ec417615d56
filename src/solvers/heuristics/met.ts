/**
 * MET, minimum execution time (Braun et al. 2001, heuristic 2).
 * @module
 */
import { decision, heuristicResult } from './completion.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

function runMet(ctx: StrategyContext): StrategyResult {
  const { cp } = ctx;
  const { n, m, exec, transfer } = cp;
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;
  for (let i = 0; i < n; i++) {
    const base = i * m;
    let best = -1;
    let bestCost = Infinity;
    for (let j = 0; j < m; j++) {
      const cost = transfer[base + j]! + exec[base + j]!;
      if (cost < bestCost) {
        bestCost = cost;
        best = j;
      }
    }
    if (row !== undefined) {
      for (let j = 0; j < m; j++) row[j] = transfer[base + j]! + exec[base + j]!;
      trace.push(decision(cp, i, i, row, best));
    }
    assignment[i] = best;
    order[i] = i;
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * `'met'`: Minimum Execution Time (Braun et al. 2001, "MET"; originally
 * "limited best assignment" in SmartNet). Each task, in index order, goes to
 * the device where its own cost transfer[i][j] + exec[i][j] is smallest,
 * regardless of how busy that device already is (so on consistent instances
 * every task lands on the same fast device). Lowest device index wins ties;
 * forbidden pairs (`Infinity`) are never chosen. The trace scores are these
 * costs. Under the `'sequential'` model each device runs its tasks in index
 * order.
 *
 * Complexity: O(n·m) time, one pass over the matrix.
 */
export const met: Strategy = {
  name: 'met',
  summary: 'Minimum Execution Time (Braun et al. 2001): each task to the device where its transfer + execution is smallest, ignoring load.',
  run: runMet,
};

/**
 * MCT, minimum completion time (Braun et al. 2001, heuristic 3).
 * @module
 */
import { completionRow, decision, heuristicResult, initialAvailability } from './completion.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Places the tasks one by one in the given order, each on the device with
 * the smallest completion time ct(i, j) = max(avail[j], release[i]) +
 * transfer[i][j] + exec[i][j] (lowest device index on ties), then advances
 * that device's availability. O(n·m) time, one pass over the matrix. Shared
 * by `'mct'` (index order) and `'seed'` (priority order).
 * @internal
 */
export function mctInOrder(ctx: StrategyContext, order: Int32Array): StrategyResult {
  const { cp } = ctx;
  const { n, m, exec, transfer, release } = cp;
  const avail = initialAvailability(cp);
  const assignment = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;
  for (let step = 0; step < n; step++) {
    const i = order[step]!;
    const r = release[i]!;
    const base = i * m;
    let best = -1;
    let bestCt = Infinity;
    for (let j = 0; j < m; j++) {
      const a = avail[j]!;
      const ct = (a > r ? a : r) + (transfer[base + j]! + exec[base + j]!);
      if (ct < bestCt) {
        bestCt = ct;
        best = j;
      }
    }
    if (row !== undefined) {
      completionRow(cp, avail, i, row);
      trace.push(decision(cp, i, step, row, best));
    }
    assignment[i] = best;
    // place(cp, avail, i, best) inlined: bestCt is that ct (none when best is -1).
    if (best >= 0) avail[best] = bestCt;
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * `'mct'`: Minimum Completion Time (Braun et al. 2001, "MCT"; originally
 * from SmartNet). Tasks in index order; each goes to the device where it
 * would finish first, given what is already placed:
 *   ct(i, j) = max(avail[j], release[i]) + transfer[i][j] + exec[i][j],
 * with avail[j] starting at the device's ready time (0 in Braun) and
 * advancing to ct when a task is placed (the `'sequential'` model). Lowest
 * device index wins ties; forbidden pairs (`Infinity`) are never chosen.
 *
 * Complexity: O(n·m) time, one pass over the matrix; O(n + m) memory.
 */
export const mct: Strategy = {
  name: 'mct',
  summary: 'Minimum Completion Time (Braun et al. 2001): tasks in index order, each to the device where it finishes first.',
  run: (ctx) => {
    const order = new Int32Array(ctx.cp.n);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return mctInOrder(ctx, order);
  },
};

/**
 * OLB, opportunistic load balancing (Braun et al. 2001, heuristic 1).
 * @module
 */
import { decision, heuristicResult, initialAvailability, place } from './completion.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

function runOlb(ctx: StrategyContext): StrategyResult {
  const { cp } = ctx;
  const { n, m, exec, transfer } = cp;
  const avail = initialAvailability(cp);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * m;
    let best = -1;
    let bestAvail = Infinity;
    for (let j = 0; j < m; j++) {
      const a = avail[j]!;
      if (a < bestAvail && transfer[base + j]! + exec[base + j]! < Infinity) {
        bestAvail = a;
        best = j;
      }
    }
    if (ctx.trace) trace.push(decision(cp, i, i, avail, best));
    assignment[i] = best;
    order[i] = i;
    place(cp, avail, i, best);
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * `'olb'`: Opportunistic Load Balancing (Braun et al. 2001, "OLB"; from
 * SmartNet). Each task, in index order, goes to the allowed device that
 * becomes available first (smallest avail[j], starting at the device's ready
 * time, 0 in Braun), regardless of how long the task takes there; then
 * avail[j] = max(avail[j], release[i]) + transfer[i][j] + exec[i][j] (the
 * `'sequential'` model). Lowest device index wins ties; forbidden pairs
 * (`Infinity`) are never chosen. The trace scores are the availabilities.
 *
 * Complexity: O(n·m) time, one pass over the matrix.
 */
export const olb: Strategy = {
  name: 'olb',
  summary: 'Opportunistic Load Balancing (Braun et al. 2001): each task, in index order, to the device that becomes free first.',
  run: runOlb,
};

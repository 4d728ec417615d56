/**
 * The seed article's own assignment rule (section 3.2), made explicit.
 * @module
 */
import { mctInOrder } from './mct.js';
import type { Strategy, StrategyContext, StrategyResult } from '../registry.js';

/**
 * Task indices by priority, highest first; equal priorities by lowest index.
 * @internal
 */
export function priorityOrder(priority: Float64Array): Int32Array {
  const order = new Int32Array(priority.length);
  let sorted = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    if (i > 0 && priority[i]! > priority[i - 1]!) sorted = false;
  }
  // Non-increasing priorities (all equal, say): the index order is already the sorted one.
  if (sorted) return order;
  return order.sort((a, b) => priority[b]! - priority[a]! || a - b);
}

function runSeed(ctx: StrategyContext): StrategyResult {
  return mctInOrder(ctx, ctx.cp.priorityOrder ?? priorityOrder(ctx.cp.priority));
}

/**
 * `'seed'`: the article's rule (section 3.2, steps 1-2, paraphrased): sort
 * the tasks by priority, then give each to a device according to the
 * available resources, choosing the device with the best combination of
 * load and transfer time (the justification in section 4.3).
 *
 * The article never says how load and transfer combine, its load score
 * (L = C·R/T, section 4.2) is a property of a device alone, not of a
 * (task, device) pair, and its published loads are not reproducible (see
 * `workedExample`). This library resolves the rule in time units:
 * - tasks in priority order (the compiled `priority`: explicit, else the
 *   normalized form of the criteria; higher first), equal priorities by
 *   lowest task index;
 * - each task to the device minimizing
 *   load[j] + transfer[i][j] + exec[i][j], where load[j] is the device's
 *   current busy horizon max(avail[j], release[i]) (its ready time plus the
 *   work already placed on it); lowest device index wins ties; forbidden
 *   pairs (`Infinity`) are never chosen.
 * That is MCT applied in priority order instead of index order, under the
 * `'sequential'` model.
 *
 * On the worked example (tasks and devices numbered from 1 in this prose,
 * as in the article; arrays are 0-based), `workedExampleProblem(30)` (every task costs
 * 20/30/40/50 on devices 1-4 plus transfers 18/24/24 and, for the cloud,
 * the chosen 30), the normalized priorities are 0.8, 0.667, 0.667, 0.667,
 * 0.2, so tasks go in index order, and the rule gives `[0, 1, 2, 0, 3]`
 * (0-based devices; sequential makespan 80) where the article publishes
 * `[0, 1, 2, 1, 0]` (sequential makespan 108). Tasks 1-3 agree. Task 4
 * goes to device 1, free at 38 (38 + 18 + 20 = 76), not to the published
 * device 2, busy until 54 (54 + 24 + 30 = 108); task 5 then goes to the idle
 * cloud (30 + 50 = 80) rather than device 2 (54 + 54 = 108). With a cloud
 * transfer of 58 or more the cloud never wins and the rule gives
 * `[0, 1, 2, 0, 1]`. No cloud transfer time makes the rule reproduce the
 * published assignment: under any reading in which load accumulates, task 4
 * is better off on device 1 than on device 2, and under the article's
 * `'independent'` model (no waiting, no load) every task's best device is
 * device 1. The published assignment is kept as data (`workedExample`) and
 * can be evaluated, but no strategy claims to produce it.
 *
 * Complexity: O(n log n + n·m) time.
 *
 * @example
 * ```ts
 * solve(workedExampleProblem(30), { strategy: 'seed' }).assignment;
 * // [0, 1, 2, 0, 3]   (published: [0, 1, 2, 1, 0])
 * ```
 */
export const seed: Strategy = {
  name: 'seed',
  summary: "The article's rule: tasks by priority, each to the device minimizing current load + transfer + execution time.",
  run: runSeed,
};

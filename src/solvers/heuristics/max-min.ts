/**
 * Max-Min (Braun et al. 2001, heuristic 7).
 * @module
 */
import { batchMinCompletion } from './min-min.js';
import type { Strategy } from '../registry.js';

/**
 * `'max-min'`: Max-Min (Ibarra and Kim 1977; Braun et al. 2001, "Max-min").
 * Repeatedly: for every unmapped task find its minimum completion time
 * ct(i, j) = max(avail[j], release[i]) + transfer[i][j] + exec[i][j] over
 * the allowed devices; map the task whose minimum is LARGEST to that device
 * (long tasks first, so short ones fill the gaps); advance the device's
 * availability. Machines start at their ready time (0 in Braun); the
 * `'sequential'` model; lowest index wins ties (task and device); forbidden
 * pairs (`Infinity`) are never chosen.
 *
 * Same incremental loop as `'min-min'` (a heap of the tasks by best
 * completion time, largest first; only tasks whose best device just became
 * busier are rescanned), identical to the plain O(n²·m) loop.
 *
 * Complexity: O(n·m + n log n + R·(m + log n)) time, R ≤ n²/2 rescans.
 */
export const maxMin: Strategy = {
  name: 'max-min',
  summary: 'Max-Min (Braun et al. 2001): repeatedly map the task with the largest minimum completion time.',
  run: (ctx) => batchMinCompletion(ctx, true),
};

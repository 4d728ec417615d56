/**
 * 'max-min' on task graphs: Max-Min (Braun et al. 2001) lifted to the ready list.
 * @module
 */
import type { WorkflowPlan } from '../listState.js';
import { readyList } from '../readyList.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * 'max-min': among the ready tasks, the one whose earliest finish is largest, to its earliest-finish device, appended. Ties by lowest index.
 *
 * Complexity: O(e·m + n·R·m), R the largest ready set (O(n²·m) worst case).
 * @internal
 */
export function maxMin(cw: CompiledWorkflow): WorkflowPlan {
  return readyList(cw, 'max-min');
}

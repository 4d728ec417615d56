/**
 * 'min-min' on task graphs: Min-Min (Braun et al. 2001) lifted to the ready list.
 * @module
 */
import type { WorkflowPlan } from '../listState.js';
import { readyList } from '../readyList.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * 'min-min': among the ready tasks, the one whose earliest finish is smallest, to that device, appended. Ties by lowest index.
 *
 * Complexity: O(e·m + n·R·m), R the largest ready set (O(n²·m) worst case).
 * @internal
 */
export function minMin(cw: CompiledWorkflow): WorkflowPlan {
  return readyList(cw, 'min-min');
}

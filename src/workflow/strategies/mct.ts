/**
 * 'mct' on task graphs: MCT (minimum completion time, Braun et al. 2001) lifted to the ready list.
 * @module
 */
import type { WorkflowPlan } from '../listState.js';
import { readyList } from '../readyList.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * 'mct': the lowest-index ready task to the device where it finishes earliest (data arrival included), appended. Ties by lowest index.
 *
 * Complexity: O(e·m + n·m).
 * @internal
 */
export function mct(cw: CompiledWorkflow): WorkflowPlan {
  return readyList(cw, 'mct');
}

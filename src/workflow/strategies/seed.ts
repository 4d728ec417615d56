/**
 * 'seed' on task graphs: the seed article's priority rule (section 3.2) lifted to the ready list.
 * @module
 */
import type { WorkflowPlan } from '../listState.js';
import { readyList } from '../readyList.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * 'seed': among the ready tasks, the one of highest task priority (ties lowest index), to the device where it finishes earliest (data arrival included), appended. Ties by lowest index.
 *
 * Complexity: O(e·m + n·R).
 * @internal
 */
export function seed(cw: CompiledWorkflow): WorkflowPlan {
  return readyList(cw, 'seed');
}

/**
 * 'sufferage' on task graphs: Sufferage (Maheswaran et al. 1999), greedy form lifted to the ready list.
 * @module
 */
import type { WorkflowPlan } from '../listState.js';
import { readyList } from '../readyList.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * 'sufferage': among the ready tasks, the one with the largest sufferage (second-best minus best finish; Infinity with one allowed device), to its earliest-finish device, appended. Ties by lowest index.
 *
 * Complexity: O(e·m + n·R·m), R the largest ready set (O(n²·m) worst case).
 * @internal
 */
export function sufferage(cw: CompiledWorkflow): WorkflowPlan {
  return readyList(cw, 'sufferage');
}

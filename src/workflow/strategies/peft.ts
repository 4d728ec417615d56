/**
 * PEFT: Predict Earliest Finish Time (Arabnejad and Barbosa 2014, section 3).
 * @module
 */
import { listSchedule } from '../listSchedule.js';
import type { WorkflowPlan } from '../listState.js';
import { octCompiled, octRanks } from '../optimisticCostTable.js';
import { earliestFinish } from '../select.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * PEFT: tasks by decreasing rank_oct (the mean of the task's optimistic cost
 * table row; among ready tasks, ties lowest index), each to the device
 * minimizing O_EFT = EFT + OCT(task, device), insertion-based.
 *
 * Complexity: O(e·m) for the table, then O(e·m + n²·m) worst case for the
 * insertion-based placement (as HEFT).
 * @internal
 */
export function peft(cw: CompiledWorkflow): WorkflowPlan {
  const oct = octCompiled(cw);
  return listSchedule(cw, octRanks(cw, oct), (st, i) => earliestFinish(st, i, true, oct));
}

/**
 * HEFT: Heterogeneous Earliest Finish Time (Topcuoglu, Hariri and Wu 2002,
 * section 4.2).
 * @module
 */
import { listSchedule } from '../listSchedule.js';
import type { WorkflowPlan } from '../listState.js';
import { upwardRanksCompiled } from '../ranks.js';
import { earliestFinish } from '../select.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * HEFT: tasks by decreasing upward rank (among ready tasks, ties lowest
 * index), each to the device with the earliest finish time, inserting into
 * an idle slot when it fits (the paper's insertion-based policy).
 *
 * Complexity: O(n·m + m² + e log n) for the ranks and topological order,
 * then O(e·m + n²·m) worst case for the placement (each of the n·m slot
 * searches may scan up to n intervals; a binary search skips the intervals
 * that end before the data-ready time, so appends cost O(log n)). The
 * paper states O(e·p) for dense graphs (e ∝ n²), the same bound.
 * @internal
 */
export function heft(cw: CompiledWorkflow): WorkflowPlan {
  return listSchedule(cw, upwardRanksCompiled(cw), (st, i) => earliestFinish(st, i, true));
}

/**
 * The list-scheduling driver every priority-based strategy shares: pop the
 * ready task with the highest priority (ties: lowest index), let the
 * strategy's selection rule place it, release its successors.
 * @internal
 * @module
 */
import { ListState, type WorkflowPlan } from './listState.js';
import { ReadyQueue } from './readyQueue.js';
import type { Choice } from './select.js';
import type { CompiledWorkflow } from './types.js';

/**
 * Runs the list scheduler. Only ready tasks are popped, so the result respects
 * precedence even when priorities tie along an edge (zero costs).
 * O(n log n + e) plus the selection rule's cost per task.
 * @internal
 */
export function listSchedule(cw: CompiledWorkflow, priority: ArrayLike<number>, select: (st: ListState, i: number) => Choice): WorkflowPlan {
  const { n, predStart, succStart, succ } = cw;
  const st = new ListState(cw);
  const waiting = new Int32Array(n);
  const ready = new ReadyQueue(n, priority);
  for (let i = 0; i < n; i++) {
    waiting[i] = predStart[i + 1]! - predStart[i]!;
    if (waiting[i] === 0) ready.push(i);
  }
  while (ready.size > 0) {
    const i = ready.pop();
    const c = select(st, i);
    st.place(i, c.device, c.start, c.finish, c.pos);
    for (let k = succStart[i]!; k < succStart[i + 1]!; k++) if (--waiting[succ[k]!]! === 0) ready.push(succ[k]!);
  }
  return st.plan();
}

/**
 * CPOP: Critical-Path-on-a-Processor (Topcuoglu, Hariri and Wu 2002,
 * section 4.3).
 * @module
 */
import { criticalPathCompiled } from '../criticalPath.js';
import { listSchedule } from '../listSchedule.js';
import type { WorkflowPlan } from '../listState.js';
import { earliestFinish, finishOn, type Choice } from '../select.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * CPOP: tasks by decreasing rank_u + rank_d (among ready tasks, ties lowest
 * index); a critical-path task goes to the critical-path device (the one
 * minimizing the path's summed execution time), any other task to the device
 * with the earliest finish, insertion-based. A path task that the path
 * device forbids is placed by earliest finish.
 *
 * Complexity: O(e·m + n²·m) worst case (as HEFT).
 * @internal
 */
export function cpop(cw: CompiledWorkflow): WorkflowPlan {
  const { path, priority } = criticalPathCompiled(cw);
  const onPath = new Uint8Array(cw.n);
  for (const i of path.tasks) onPath[i] = 1;
  const dev = path.device;
  const c: Choice = { device: 0, start: 0, finish: 0, pos: 0 };
  return listSchedule(cw, priority, (st, i) =>
    onPath[i] === 1 && dev !== null && cw.exec[i * cw.m + dev]! < Infinity ? finishOn(st, i, dev, true, c) : earliestFinish(st, i, true),
  );
}

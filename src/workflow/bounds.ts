/**
 * Lower bounds on the makespan of any schedule of a workflow.
 * @module
 */
import { compileWorkflowFor } from './compile.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** The two bounds and their max on a compiled workflow. @internal */
export function lowerBoundsCompiled(cw: CompiledWorkflow): { path: number; work: number; bound: number } {
  const { n, m, exec, release, ready, topo, predStart, pred } = cw;
  const fin = new Float64Array(n);
  let path = 0;
  let work = 0;
  for (let k = 0; k < n; k++) {
    const i = topo[k]!;
    let fastest = Infinity;
    let earliest = Infinity;
    for (let j = 0; j < m; j++) {
      const x = exec[i * m + j]!;
      if (x === Infinity) continue;
      if (x < fastest) fastest = x;
      if (ready[j]! < earliest) earliest = ready[j]!;
    }
    let t = release[i]! > earliest ? release[i]! : earliest;
    for (let p = predStart[i]!; p < predStart[i + 1]!; p++) if (fin[pred[p]!]! > t) t = fin[pred[p]!]!;
    fin[i] = t + fastest;
    if (fin[i]! > path) path = fin[i]!;
  }
  // Summed in task index order, not topological order: the same tasks give the same sum whatever the edges.
  for (let i = 0; i < n; i++) {
    let fastest = Infinity;
    for (let j = 0; j < m; j++) {
      const x = exec[i * m + j]!;
      if (x < fastest) fastest = x;
    }
    work += fastest;
  }
  if (m > 0) work /= m;
  return { path, work, bound: path > work ? path : work };
}

/** What {@link workflowLowerBound} returns. */
export interface WorkflowLowerBound {
  /** Critical-path bound: longest path with each task on its fastest allowed device, communication free, starts ≥ release and ≥ the earliest ready time among the task's allowed devices. */
  readonly path: number;
  /** Work bound: Σ over tasks of the fastest allowed execution time, divided by m. */
  readonly work: number;
  /** max(path, work). */
  readonly bound: number;
}

/**
 * Lower bounds on the makespan of every schedule of a workflow.
 *
 * Formulas: path = max over tasks of f_i, f_i = max(release_i, min over
 * allowed j of ready_j, max over predecessors p of f_p) + min over allowed j
 * of execTime[i][j] (communication relaxed to 0); work = Σ_i min_j
 * execTime[i][j] / m (no device runs two tasks at once; any idle time only
 * adds). Both relax the problem, so every feasible schedule's makespan is
 * ≥ max(path, work).
 *
 * Complexity: O(n·m + e) after compiling.
 *
 * @param workflow - The workflow (validated, never mutated).
 * @returns A {@link WorkflowLowerBound}.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`.
 *
 * @example
 * ```ts
 * workflowLowerBound({
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
 *   execTime: [[2, 4], [3, 1], [5, 5]],
 *   edges: [{ from: 'a', to: 'b', data: 9 }],
 * }); // { path: 5, work: 4, bound: 5 }
 * ```
 */
export function workflowLowerBound(workflow: Workflow): WorkflowLowerBound {
  return lowerBoundsCompiled(compileWorkflowFor('workflowLowerBound', workflow));
}

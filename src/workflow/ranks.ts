/**
 * Upward and downward ranks (Topcuoglu, Hariri and Wu 2002, section 4.1):
 * the task priorities of HEFT and CPOP.
 * @module
 */
import { meanComm, meanExec } from './comm.js';
import { compileWorkflowFor } from './compile.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** Upward ranks on a compiled workflow. @internal */
export function upwardRanksCompiled(cw: CompiledWorkflow, w = meanExec(cw), c = meanComm(cw)): Float64Array {
  const { n, topo, succStart, succ, succEdge } = cw;
  const rank = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = topo[k]!;
    let tail = 0;
    for (let s = succStart[i]!; s < succStart[i + 1]!; s++) {
      const x = c[succEdge[s]!]! + rank[succ[s]!]!;
      if (x > tail) tail = x;
    }
    rank[i] = w[i]! + tail;
  }
  return rank;
}

/** Downward ranks on a compiled workflow. @internal */
export function downwardRanksCompiled(cw: CompiledWorkflow, w = meanExec(cw), c = meanComm(cw)): Float64Array {
  const { n, topo, predStart, pred, predEdge } = cw;
  const rank = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = topo[k]!;
    let head = 0;
    for (let p = predStart[i]!; p < predStart[i + 1]!; p++) {
      const j = pred[p]!;
      const x = rank[j]! + w[j]! + c[predEdge[p]!]!;
      if (x > head) head = x;
    }
    rank[i] = head;
  }
  return rank;
}

/**
 * Upward rank of every task: the length of the longest path from the task to
 * an exit task, counting mean execution and mean communication costs.
 *
 * Formula (Topcuoglu et al. 2002, eq. 7): rank_u(i) = w̄_i + max over
 * successors s of (c̄_{i,s} + rank_u(s)), rank_u(exit) = w̄_exit, where w̄_i is
 * the mean execution time of task i over its allowed devices (finite
 * `execTime`) and c̄_{i,s} = mean latency + data · mean(1 / bandwidth), means
 * over ordered device pairs p ≠ q (the mean transfer time; 0 with one device).
 *
 * Complexity: O(n·m + m² + e log n) (compile included), O(n + e) for the ranks.
 *
 * @param workflow - The workflow (validated, never mutated).
 * @returns rank_u per task, in task order.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
 *   execTime: [[2, 4], [1, Infinity]],
 *   edges: [{ from: 'a', to: 'b', data: 5 }],
 * };
 * upwardRanks(w); // [9, 1]  (3 + 5 + 1, then 1)
 * ```
 */
export function upwardRanks(workflow: Workflow): number[] {
  return Array.from(upwardRanksCompiled(compileWorkflowFor('upwardRanks', workflow)));
}

/**
 * Downward rank of every task: the length of the longest path from an entry
 * task to the task, excluding the task's own cost.
 *
 * Formula (Topcuoglu et al. 2002, eq. 8): rank_d(i) = max over predecessors p
 * of (rank_d(p) + w̄_p + c̄_{p,i}), rank_d(entry) = 0, with the same means as
 * {@link upwardRanks}.
 *
 * Complexity: O(n·m + m² + e log n) (compile included), O(n + e) for the ranks.
 *
 * @param workflow - The workflow (validated, never mutated).
 * @returns rank_d per task, in task order.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
 *   execTime: [[2, 4], [1, Infinity]],
 *   edges: [{ from: 'a', to: 'b', data: 5 }],
 * };
 * downwardRanks(w); // [0, 8]  (0 + 3 + 5)
 * ```
 */
export function downwardRanks(workflow: Workflow): number[] {
  return Array.from(downwardRanksCompiled(compileWorkflowFor('downwardRanks', workflow)));
}

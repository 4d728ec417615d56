/**
 * The critical path of a task graph under mean costs, as CPOP uses it
 * (Topcuoglu, Hariri and Wu 2002, section 4.3).
 * @module
 */
import { meanComm, meanExec } from './comm.js';
import { compileWorkflowFor } from './compile.js';
import { downwardRanksCompiled, upwardRanksCompiled } from './ranks.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** What {@link criticalPath} returns. */
export interface CriticalPath {
  /** Task indices on the path, entry first. Empty for an empty workflow. */
  readonly tasks: number[];
  /** Their ids. */
  readonly ids: string[];
  /** |CP|: the path's length under mean costs (rank_u + rank_d of its tasks). */
  readonly length: number;
  /** The device minimizing the summed execution time of the path's tasks (CPOP's critical-path processor); `null` when every device forbids one of them. */
  readonly device: number | null;
}

/** Relative tolerance for "priority equals |CP|" (the two are equal in exact arithmetic; sums may differ in the last bits). */
const TOL = 1e-9;

/** The critical path and the per-task priority rank_u + rank_d on a compiled workflow. @internal */
export function criticalPathCompiled(cw: CompiledWorkflow): { path: CriticalPath; priority: Float64Array } {
  const { n, m, exec, predStart, succStart, succ } = cw;
  const w = meanExec(cw);
  const c = meanComm(cw);
  const up = upwardRanksCompiled(cw, w, c);
  const down = downwardRanksCompiled(cw, w, c);
  const priority = new Float64Array(n);
  for (let i = 0; i < n; i++) priority[i] = up[i]! + down[i]!;
  let entry = -1;
  for (let i = 0; i < n; i++) {
    if (predStart[i + 1] === predStart[i] && (entry < 0 || priority[i]! > priority[entry]!)) entry = i;
  }
  if (entry < 0) return { path: { tasks: [], ids: [], length: 0, device: null }, priority };
  const length = priority[entry]!;
  const tol = TOL * Math.max(1, Math.abs(length));
  const tasks = [entry];
  for (let i = entry; ; ) {
    let next = -1;
    for (let k = succStart[i]!; k < succStart[i + 1]! && next < 0; k++) {
      if (Math.abs(priority[succ[k]!]! - length) <= tol) next = succ[k]!;
    }
    if (next < 0) break;
    tasks.push(next);
    i = next;
  }
  let device: number | null = null;
  let best = Infinity;
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (const i of tasks) sum += exec[i * m + j]!;
    if (sum < best) {
      best = sum;
      device = j;
    }
  }
  return { path: { tasks, ids: tasks.map((i) => cw.taskIds[i]!), length, device }, priority };
}

/**
 * The critical path: from the entry task of highest priority, repeatedly the
 * lowest-index successor whose priority equals |CP|, until an exit task.
 *
 * Formula (Topcuoglu et al. 2002, section 4.3): priority(i) = rank_u(i) +
 * rank_d(i) (see `upwardRanks`, `downwardRanks`); |CP| = priority of the
 * entry task; a task is on the path when its priority equals |CP| (relative
 * tolerance 1e-9, the sums differ only by rounding). The critical-path device
 * minimizes Σ execTime over the path's tasks (ties lowest index).
 *
 * Complexity: O(n·m + m² + e log n) (compile included); O(n + e + |CP|·m) after.
 *
 * @param workflow - The workflow (validated, never mutated).
 * @returns A {@link CriticalPath}.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
 *   execTime: [[2, 4], [1, 3], [6, 2]],
 *   edges: [{ from: 'a', to: 'b', data: 1 }, { from: 'a', to: 'c', data: 1 }],
 * };
 * criticalPath(w); // { tasks: [0, 2], ids: ['a', 'c'], length: 8, device: 1 }
 * ```
 */
export function criticalPath(workflow: Workflow): CriticalPath {
  return criticalPathCompiled(compileWorkflowFor('criticalPath', workflow)).path;
}

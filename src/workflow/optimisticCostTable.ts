/**
 * PEFT's optimistic cost table (Arabnejad and Barbosa 2014, section 3.1).
 * @module
 */
import { meanComm } from './comm.js';
import { compileWorkflowFor } from './compile.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** The OCT on a compiled workflow, n·m row-major. @internal */
export function octCompiled(cw: CompiledWorkflow, c = meanComm(cw)): Float64Array {
  const { n, m, exec, topo, succStart, succ, succEdge } = cw;
  const oct = new Float64Array(n * m);
  const x = new Float64Array(m);
  for (let k = n - 1; k >= 0; k--) {
    const i = topo[k]!;
    for (let s = succStart[i]!; s < succStart[i + 1]!; s++) {
      const t = succ[s]!;
      const cost = c[succEdge[s]!]!;
      // min over w of OCT(t, w) + w(t, w) + c̄·[w ≠ p] = min(X_p, min_w X_w + c̄)
      let best = Infinity;
      for (let w = 0; w < m; w++) {
        const v = oct[t * m + w]! + exec[t * m + w]!;
        x[w] = v;
        if (v < best) best = v;
      }
      const moved = best + cost;
      for (let p = 0; p < m; p++) {
        const v = x[p]! < moved ? x[p]! : moved;
        if (v > oct[i * m + p]!) oct[i * m + p] = v;
      }
    }
  }
  return oct;
}

/** rank_oct per task: mean of the task's OCT row over its allowed devices. @internal */
export function octRanks(cw: CompiledWorkflow, oct: Float64Array): Float64Array {
  const { n, m, exec } = cw;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let p = 0; p < m; p++) {
      if (exec[i * m + p]! < Infinity) {
        sum += oct[i * m + p]!;
        count++;
      }
    }
    out[i] = sum / count;
  }
  return out;
}

/**
 * PEFT's optimistic cost table: for task i on device p, the longest of the
 * shortest paths from i's successors to an exit task, when i runs on p and
 * every later task gets its best device with processor availability ignored.
 *
 * Formula (Arabnejad and Barbosa 2014, eq. 6): OCT(i, p) = max over
 * successors t of min over devices w of (OCT(t, w) + w(t, w) + c̄_{i,t}·[w ≠ p]),
 * OCT(exit, p) = 0; w(t, w) is `execTime` (`Infinity` where forbidden, so
 * never the min), c̄ the mean transfer time over ordered device pairs p ≠ q
 * (as in `upwardRanks`). PEFT ranks tasks by rank_oct(i) = the mean of row i
 * over i's allowed devices.
 *
 * Complexity: O(n·m + e·m) after compiling (the inner min over w is computed
 * once per successor: min(X_p, min_w X_w + c̄)).
 *
 * @param workflow - The workflow (validated, never mutated).
 * @returns OCT as n rows of m numbers.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
 *   execTime: [[2, 4], [1, 9]],
 *   edges: [{ from: 'a', to: 'b', data: 5 }],
 * };
 * optimisticCostTable(w); // [[1, 6], [0, 0]]
 * ```
 */
export function optimisticCostTable(workflow: Workflow): number[][] {
  const cw = compileWorkflowFor('optimisticCostTable', workflow);
  const oct = octCompiled(cw);
  const rows: number[][] = [];
  for (let i = 0; i < cw.n; i++) rows.push(Array.from(oct.subarray(i * cw.m, (i + 1) * cw.m)));
  return rows;
}

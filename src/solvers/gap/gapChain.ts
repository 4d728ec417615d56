/**
 * Longer ejection chains for the GAP tabu search: a two-move chain (task i1
 * to the device of task i2, i2 on to a third device) extended greedily,
 * one ejection at a time, after Yagiura, Ibaraki & Glover, "An ejection
 * chain approach for the generalized assignment problem", INFORMS J.
 * Comput. 16(2) (2004) §3.3 (ejection chains: each moved task takes the
 * place of the next, the last one goes to a device of its own choice).
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';
import { shift, type State } from './gapSearchState.js';

/** What a tabu step knows when it extends a chain: weights, overloads, tabu list, and each task's two best non-tabu shifts. @internal */
export interface Neighbours {
  readonly alpha: Float64Array;
  readonly over: Float64Array;
  readonly tabu: Int32Array;
  readonly iter: number;
  readonly to1: Int32Array;
  readonly to2: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
}

/**
 * Greedy extension of a chain head (i1 → device of i2). A chain
 * i_1 → j_2, i_2 → j_3, …, i_t → l moves each task i_k onto the device
 * j_{k+1} of the next one and the last onto a device l; every device
 * appears once (j_1, …, j_t, l distinct), so the change of
 * cost + Σ_j α_j·overload_j is a sum of independent per-device terms.
 * From the head, level by level, the next ejected task is the one whose
 * ejection plus its own best closing move (to a device not in the chain)
 * changes the objective least (ties: lowest task index); the cheapest
 * closed chain seen on the way is kept. Only non-tabu placements are
 * used. Complexity O(depth·(n + m)) per call, no allocation.
 * @internal
 */
export class ChainExtender {
  /** The tasks of the best chain found by {@link ChainExtender.extend} and, in `dest`, the device each goes to. */
  readonly tasks: Int32Array;
  readonly dest: Int32Array;
  /** Number of tasks in the best chain (0 when none), and its delta. */
  length = 0;
  delta = Infinity;
  private readonly path: Int32Array;
  private readonly used: Int32Array;
  private stamp = 0;
  constructor(
    private readonly g: CompiledGap,
    private readonly maxDepth: number,
  ) {
    this.tasks = new Int32Array(maxDepth);
    this.dest = new Int32Array(maxDepth);
    this.path = new Int32Array(maxDepth);
    this.used = new Int32Array(g.m);
  }

  /** Delta of the last {@link ChainExtender.close}. */
  private closeDelta = Infinity;

  /**
   * The best non-tabu device for task i other than its own and those in the
   * chain (−1 when none); its delta (cost change plus the weighted overload
   * change of the arrival device; the own device's term belongs to the
   * chain) goes to `closeDelta`. The step's two best devices per task
   * (`to1`, `to2`, deltas `d1`, `d2`, computed on the same loads and
   * weights) answer unless both are in the chain; then the row is scanned.
   */
  private close(s: State, k: Neighbours, i: number): number {
    const { m, cost, demand, budget, allowed } = this.g;
    const t1 = k.to1[i] as number;
    if (t1 < 0 || this.used[t1] !== this.stamp) {
      this.closeDelta = t1 < 0 ? Infinity : (k.d1[i] as number);
      return t1;
    }
    const t2 = k.to2[i] as number;
    if (t2 < 0 || this.used[t2] !== this.stamp) {
      this.closeDelta = t2 < 0 ? Infinity : (k.d2[i] as number);
      return t2;
    }
    const j = s.asg[i] as number;
    const cj = cost[i * m + j] as number;
    let best = -1;
    let v = Infinity;
    for (let q = 0, kk = i * m; q < m; q++, kk++) {
      if (q === j || this.used[q] === this.stamp || allowed[kk] === 0 || (k.tabu[kk] as number) > k.iter) continue;
      const dOq = Math.max(0, (s.load[q] as number) + (demand[kk] as number) - (budget[q] as number)) - (k.over[q] as number);
      const d = (cost[kk] as number) - cj + (k.alpha[q] as number) * dOq;
      if (d < v) {
        v = d;
        best = q;
      }
    }
    this.closeDelta = v;
    return best;
  }

  /**
   * Extends the head (i1 → device of i2) greedily up to `maxDepth` tasks;
   * afterwards `tasks`/`dest`/`length`/`delta` describe the cheapest closed
   * chain of at least three tasks seen (length 0 when none).
   */
  extend(s: State, k: Neighbours, i1: number, i2: number): void {
    const { n, m, cost, demand, budget, allowed } = this.g;
    const { alpha, over, tabu, iter, d1 } = k;
    const { asg, load } = s;
    this.length = 0;
    this.delta = Infinity;
    this.stamp++;
    const used = this.used;
    const path = this.path;
    const j1 = asg[i1] as number;
    const j2 = asg[i2] as number;
    const k11 = i1 * m + j1;
    const k12 = i1 * m + j2;
    const k22 = i2 * m + j2;
    used[j1] = this.stamp;
    used[j2] = this.stamp;
    path[0] = i1;
    path[1] = i2;
    // Partial delta of the open chain: every move so far, with the last task's own device already left.
    let partial =
      (cost[k12] as number) - (cost[k11] as number) +
      (alpha[j1] as number) * (Math.max(0, (load[j1] as number) - (demand[k11] as number) - (budget[j1] as number)) - (over[j1] as number)) +
      (alpha[j2] as number) * (Math.max(0, (load[j2] as number) - (demand[k22] as number) + (demand[k12] as number) - (budget[j2] as number)) - (over[j2] as number));
    let last = i2;
    // A lower bound on every closing move (all of them are at least the least best-shift delta of any task).
    let minClose = Infinity;
    for (let i = 0; i < n; i++) minClose = Math.min(minClose, d1[i] as number);
    for (let depth = 2; depth < this.maxDepth; depth++) {
      const jl = asg[last] as number;
      const cl = cost[last * m + jl] as number;
      let bestV = Infinity;
      let bestI = -1;
      let bestStep = 0;
      for (let i = 0; i < n; i++) {
        const ji = asg[i] as number;
        if (used[ji] === this.stamp) continue;
        const kin = last * m + ji;
        if (allowed[kin] === 0 || (tabu[kin] as number) > iter) continue;
        const kii = i * m + ji;
        const stepD =
          (cost[kin] as number) - cl +
          (alpha[ji] as number) * (Math.max(0, (load[ji] as number) - (demand[kii] as number) + (demand[kin] as number) - (budget[ji] as number)) - (over[ji] as number));
        if (partial + stepD + minClose >= bestV) continue;
        this.close(s, k, i);
        const v = partial + stepD + this.closeDelta;
        if (v < bestV) {
          bestV = v;
          bestI = i;
          bestStep = stepD;
        }
      }
      if (bestI < 0) return;
      path[depth] = bestI;
      used[asg[bestI] as number] = this.stamp;
      partial += bestStep;
      last = bestI;
      if (bestV < this.delta) {
        const l = this.close(s, k, bestI);
        if (l < 0) continue;
        this.delta = bestV;
        this.length = depth + 1;
        for (let t = 0; t <= depth; t++) {
          this.tasks[t] = path[t] as number;
          this.dest[t] = t < depth ? (asg[path[t + 1] as number] as number) : l;
        }
      }
    }
  }

  /** Applies the chain found by the last {@link ChainExtender.extend}, making each moved task's old device tabu for it until iter + tenure. */
  apply(s: State, tabu: Int32Array, iter: number, tenure: number): void {
    const m = this.g.m;
    for (let t = 0; t < this.length; t++) {
      const i = this.tasks[t] as number;
      tabu[i * m + (s.asg[i] as number)] = iter + tenure;
    }
    // Last task first: each move then lands on a device its predecessor has not entered yet (any order gives the same state).
    for (let t = this.length - 1; t >= 0; t--) shift(this.g, s, this.tasks[t] as number, this.dest[t] as number);
  }
}

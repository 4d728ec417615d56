/**
 * One step of the GAP tabu search: the best admissible shift, swap or
 * ejection chain (two moves, or longer when grown greedily from the best
 * two-move one) on
 * cost + Σ_j α_j·overload_j, with per-device penalty weights that adapt to
 * the search (strategic oscillation). Díaz & Fernández, "A tabu search
 * heuristic for the generalized assignment problem", EJOR 132 (2001) §3
 * (shift/swap neighbourhoods, adaptive penalty); per-device weights as in
 * Yagiura, Ibaraki & Glover, INFORMS J. Comput. 16(2) (2004) §3.2.
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';
import { ChainExtender, type Neighbours } from './gapChain.js';
import { shift, type State } from './gapSearchState.js';

/** Relative rounding noise of a move's delta (loads drift by a few ulps of the scaled budgets, which are about 1). */
const NOISE = 1e-12;
/**
 * Swap and chain partners per task and step: a window that rotates by its width each step (all pairs every
 * ⌈(n−1)/W⌉ steps). 64 rather than 32: on gapd at a fixed iteration budget (20 000, seeds 0-3), with the
 * proportional weights of {@link TabuSearch.adapt}, every one of d10100-d20200 ended lower on average (bench/GAP.md).
 */
const SWAP_WINDOW = 64;

/** Tabu memory, penalty weights and the move chosen by {@link TabuSearch.step}. @internal */
export class TabuSearch implements Neighbours {
  /** tabu[i·m + j]: the iteration until which moving task i onto device j is tabu. */
  readonly tabu: Int32Array;
  /** Penalty weight of each device's overload. */
  readonly alpha: Float64Array;
  /** Each device's overload at the start of the current step. */
  readonly over: Float64Array;
  /** Per task: the two non-tabu devices other than its own whose penalized shift delta (cost + weighted overload there) is least, and those deltas. */
  readonly to1: Int32Array;
  readonly to2: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** The iteration of the current step. */
  iter = 0;
  /** Extends the step's best two-move chain into longer ones (undefined: chains of two only). */
  private readonly extender: ChainExtender | undefined;
  /**
   * @param chainDepth - the longest ejection chain a step considers, in tasks (≤ 2: chains of two only); longer
   *   chains grow greedily from the step's best two-move chain ({@link ChainExtender}).
   */
  constructor(
    private readonly g: CompiledGap,
    private readonly lambda0: number,
    chainDepth = 2,
  ) {
    this.extender = chainDepth > 2 ? new ChainExtender(g, chainDepth) : undefined;
    this.tabu = new Int32Array(g.n * g.m);
    this.alpha = new Float64Array(g.m).fill(lambda0);
    this.over = new Float64Array(g.m);
    this.to1 = new Int32Array(g.n);
    this.to2 = new Int32Array(g.n);
    this.d1 = new Float64Array(g.n);
    this.d2 = new Float64Array(g.n);
  }

  /** Forgets the tabu list and resets every weight to λ0. */
  reset(): void {
    this.tabu.fill(0);
    this.alpha.fill(this.lambda0);
  }

  /**
   * Applies the best admissible shift, swap or chain to `s` (ties: first
   * found, shifts before swaps and chains, lowest task index). A chain
   * (an ejection chain of length two, after Yagiura, Ibaraki & Glover 2004)
   * moves task i1 to the device j2 of task i2 and i2 on to a third device
   * l ∉ {j1, j2}, the best for i2 alone (l's load does not depend on i1's
   * move, so the two best devices of every task are computed once per step).
   * A move is admissible when no task lands on a device tabu for it, or
   * (shifts and swaps) when it reaches a state with no overload cheaper than
   * `bestCost` (aspiration). The moved tasks' old devices become tabu for
   * them for `tenure` iterations. Returns false when no move is admissible
   * (then `s` is unchanged). Swaps and chains: each task with a window of
   * 64 partners that rotates every step; `chains = false` leaves chains out.
   * With `chainDepth` > 2 the step's best two-move chain is also extended
   * greedily into longer ejection chains ({@link ChainExtender}: non-tabu
   * placements only, no aspiration), and the cheapest of them replaces the
   * move above when its delta is strictly lower.
   * Complexity: O(n·m + 64n), plus O(chainDepth·(n + m)) for the extension.
   */
  step(s: State, iter: number, tenure: number, bestCost: number, chains = true): boolean {
    const { n, m, cost, demand, budget, allowed } = this.g;
    const { asg, load } = s;
    const { tabu, alpha, over } = this;
    this.iter = iter;
    for (let j = 0; j < m; j++) over[j] = Math.max(0, (load[j] as number) - (budget[j] as number));
    const aspire = (dc: number, dOver: number): boolean => s.over + dOver <= 1e-12 && s.cost + dc < bestCost - NOISE * (Math.abs(bestCost) + 1e-300);
    let bestD = Infinity;
    let bi = -1;
    let bk = -1;
    let bi2 = -1;
    let bl = -1;
    // The best two-move chain's head (i1, i2), for the longer chains.
    let chainD = Infinity;
    let ci1 = -1;
    let ci2 = -1;
    const { to1, to2, d1, d2 } = this;
    for (let i = 0; i < n; i++) {
      const j = asg[i] as number;
      const kj = i * m + j;
      const cj = cost[kj] as number;
      const lj = load[j] as number;
      const oj = over[j] as number;
      const dOj = Math.max(0, lj - (demand[kj] as number) - (budget[j] as number)) - oj;
      const pj = (alpha[j] as number) * dOj;
      let t1 = -1;
      let t2 = -1;
      let v1 = Infinity;
      let v2 = Infinity;
      for (let k = 0, kk = i * m; k < m; k++, kk++) {
        if (k === j || allowed[kk] === 0) continue;
        const dOk = Math.max(0, (load[k] as number) + (demand[kk] as number) - (budget[k] as number)) - (over[k] as number);
        const dc = (cost[kk] as number) - cj;
        const dk = dc + (alpha[k] as number) * dOk;
        if ((tabu[kk] as number) <= iter) {
          if (dk < v1) {
            v2 = v1;
            t2 = t1;
            v1 = dk;
            t1 = k;
          } else if (dk < v2) {
            v2 = dk;
            t2 = k;
          }
        }
        const d = dk + pj;
        if (d < bestD && ((tabu[kk] as number) <= iter || aspire(dc, dOj + dOk))) {
          bestD = d;
          bi = i;
          bk = k;
        }
      }
      to1[i] = t1;
      to2[i] = t2;
      d1[i] = v1;
      d2[i] = v2;
    }
    const width = Math.min(n - 1, SWAP_WINDOW);
    const offset = n > 1 ? (iter * width) % (n - 1) : 0;
    for (let i1 = 0; i1 < n; i1++) {
      const j1 = asg[i1] as number;
      const k11 = i1 * m + j1;
      const c11 = cost[k11] as number;
      const a11 = demand[k11] as number;
      const l1 = load[j1] as number;
      const b1 = budget[j1] as number;
      const o1 = over[j1] as number;
      const w1 = alpha[j1] as number;
      const dOut1 = Math.max(0, l1 - a11 - b1) - o1;
      for (let t = 0; t < width; t++) {
        // i2 = (i1 + 1 + ((offset + t) mod (n − 1))) mod n, without divisions (offset < n − 1, t < n − 1).
        let r = offset + t;
        if (r >= n - 1) r -= n - 1;
        let i2 = i1 + 1 + r;
        if (i2 >= n) i2 -= n;
        const j2 = asg[i2] as number;
        if (j1 === j2) continue;
        const k12 = i1 * m + j2;
        const k21 = i2 * m + j1;
        if (allowed[k12] === 0) continue;
        const k22 = i2 * m + j2;
        const dO2 = Math.max(0, (load[j2] as number) - (demand[k22] as number) + (demand[k12] as number) - (budget[j2] as number)) - (over[j2] as number);
        if (allowed[k21] === 1) {
          // Swap: i1 to j2, i2 to j1.
          const dc = (cost[k12] as number) + (cost[k21] as number) - c11 - (cost[k22] as number);
          const dO1 = Math.max(0, l1 - a11 + (demand[k21] as number) - b1) - o1;
          const d = dc + w1 * dO1 + (alpha[j2] as number) * dO2;
          if (d < bestD && (((tabu[k12] as number) <= iter && (tabu[k21] as number) <= iter) || aspire(dc, dO1 + dO2))) {
            bestD = d;
            bi = i1;
            bk = -1;
            bi2 = i2;
            bl = -1;
          }
        }
        if (!chains) continue;
        // Chain (ejection chain of length 2): i1 to j2, i2 on to its best non-tabu device l ∉ {j1, j2}
        // (l's delta does not depend on i1: l differs from both devices i1 touches).
        const alt = to1[i2] === j1;
        const l = alt ? (to2[i2] as number) : (to1[i2] as number);
        if (l < 0 || (tabu[k12] as number) > iter) continue;
        const d = (cost[k12] as number) - c11 + w1 * dOut1 + (alpha[j2] as number) * dO2 + (alt ? (d2[i2] as number) : (d1[i2] as number));
        if (d < chainD) {
          chainD = d;
          ci1 = i1;
          ci2 = i2;
        }
        if (d < bestD) {
          bestD = d;
          bi = i1;
          bk = -1;
          bi2 = i2;
          bl = l;
        }
      }
    }
    const ext = this.extender;
    if (ext !== undefined && ci1 >= 0) {
      ext.extend(s, this, ci1, ci2);
      if (ext.length > 0 && ext.delta < bestD) {
        ext.apply(s, tabu, iter, tenure);
        return true;
      }
    }
    if (bi < 0) return false;
    if (bk >= 0) {
      tabu[bi * m + (asg[bi] as number)] = iter + tenure;
      shift(this.g, s, bi, bk);
    } else {
      const j1 = asg[bi] as number;
      const j2 = asg[bi2] as number;
      tabu[bi * m + j1] = iter + tenure;
      tabu[bi2 * m + j2] = iter + tenure;
      shift(this.g, s, bi, j2);
      shift(this.g, s, bi2, bl >= 0 ? bl : j1);
    }
    return true;
  }

  /**
   * Strategic oscillation: while `s` overloads some device, the weight of
   * each overloaded device j grows by the factor 1 + (up − 1)·o_j / max_k o_k
   * (o_j its overload: the most overloaded device by `up`, the others in
   * proportion, as in Yagiura, Ibaraki & Glover 2004 §3.2); once no device
   * is overloaded, every weight shrinks by `down` (within [λ0/1000,
   * λ0·10^9]). Complexity O(m).
   */
  adapt(s: State, up: number, down: number): void {
    const { m, budget } = this.g;
    const lo = this.lambda0 * 1e-3;
    const hi = this.lambda0 * 1e9;
    if (s.over > 0) {
      let most = 0;
      for (let j = 0; j < m; j++) most = Math.max(most, (s.load[j] as number) - (budget[j] as number));
      for (let j = 0; j < m; j++) {
        const o = (s.load[j] as number) - (budget[j] as number);
        if (o > 0) this.alpha[j] = Math.min(hi, (this.alpha[j] as number) * (1 + ((up - 1) * o) / most));
      }
    } else {
      for (let j = 0; j < m; j++) this.alpha[j] = Math.max(lo, (this.alpha[j] as number) * down);
    }
  }
}

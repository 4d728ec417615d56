/**
 * Path relinking for the GAP tabu search: a pool of elite feasible
 * solutions, and the walk from one of them toward another that gives the
 * search its next start. Yagiura, Ibaraki & Glover, "A path relinking
 * approach with ejection chains for the generalized assignment problem",
 * EJOR 169 (2006) 548-569 (reference set, path generation).
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';
import { overDelta, shift, type State } from './gapSearchState.js';

/**
 * Up to `size` distinct feasible assignments with their costs (on the
 * scaled instance the search runs on). A full pool keeps an offer only when
 * it is strictly cheaper than its most expensive member, which it replaces
 * (the last one on ties). @internal
 */
export class ElitePool {
  readonly members: Int32Array[] = [];
  readonly costs: number[] = [];
  constructor(private readonly size: number) {}

  /** Offers a copy of `asg` (cost `c`); returns whether the pool kept it. O(size · n). */
  offer(asg: Int32Array, c: number): boolean {
    for (const e of this.members) if (sameAssignment(e, asg)) return false;
    if (this.members.length < this.size) {
      this.members.push(Int32Array.from(asg));
      this.costs.push(c);
      return true;
    }
    let w = 0;
    for (let e = 1; e < this.costs.length; e++) if ((this.costs[e] as number) >= (this.costs[w] as number)) w = e;
    if (!(c < (this.costs[w] as number))) return false;
    this.members[w] = Int32Array.from(asg);
    this.costs[w] = c;
    return true;
  }
}

/** Whether two assignments are equal task by task. */
export function sameAssignment(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Number of tasks on different devices in `a` and `b`. */
export function distance(a: Int32Array, b: Int32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

/**
 * Walks `s` toward `guide`: `steps` times (at most the distance), moves the
 * task whose shift to its device in `guide` changes cost + Σ_j α_j ·
 * overload_j the least (ties: lowest task index), so every step brings `s`
 * one task closer to `guide`. Tasks whose guide device is forbidden to them
 * never differ (both ends are assignments of the same instance).
 * Complexity O(steps · n).
 */
export function relink(g: CompiledGap, s: State, guide: Int32Array, alpha: Float64Array, steps: number): void {
  const { n, m, cost, demand, budget } = g;
  const { asg, load } = s;
  for (let t = 0; t < steps; t++) {
    let bi = -1;
    let bestD = Infinity;
    for (let i = 0; i < n; i++) {
      const j = asg[i] as number;
      const k = guide[i] as number;
      if (j === k) continue;
      const kj = i * m + j;
      const kk = i * m + k;
      const d =
        (cost[kk] as number) - (cost[kj] as number) +
        (alpha[j] as number) * overDelta(load[j] as number, budget[j] as number, -(demand[kj] as number)) +
        (alpha[k] as number) * overDelta(load[k] as number, budget[k] as number, demand[kk] as number);
      if (d < bestD) {
        bestD = d;
        bi = i;
      }
    }
    if (bi < 0) return;
    shift(g, s, bi, guide[bi] as number);
  }
}

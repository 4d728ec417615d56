/**
 * Lower bounds on the makespan of any schedule of a workflow.
 * @module
 */
import { compileWorkflowFor } from './compile.js';
import type { CompiledWorkflow, Workflow } from './types.js';

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/** The exponent of the lowest set bit of a finite v ≠ 0: v is an odd multiple of 2^result. */
function lowBit(v: number): number {
  BITS[0] = v;
  const lo = WORDS[0]!;
  const hi = WORDS[1]!;
  const biased = (hi >>> 20) & 0x7ff;
  const high = (hi & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  const tz = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + (31 - Math.clz32(high & -high));
  return (biased === 0 ? -1074 : biased - 1075) + tz;
}

/**
 * Whether every sum of any subset of `values` (finite ones) is exact in
 * double precision: all are multiples of 2^q for the smallest low bit q,
 * and the sum of their magnitudes is below 2^53 · 2^q. Independent of the
 * order and of which subsets are summed (so of the edges).
 */
function sumsExact(values: readonly Float64Array[]): boolean {
  let q = Infinity;
  let total = 0;
  for (const arr of values) {
    for (let k = 0; k < arr.length; k++) {
      const v = arr[k]!;
      if (v === 0 || !Number.isFinite(v)) continue;
      const e = lowBit(v);
      if (e < q) q = e;
      total += Math.abs(v);
    }
  }
  return q === Infinity || total < 2 ** (53 + q);
}

/** Whether q·m equals w exactly (Dekker's TwoProduct, Veltkamp split). */
function exactProduct(q: number, m: number, w: number): boolean {
  const p = q * m;
  if (p !== w || !Number.isFinite(p)) return p === w;
  const split = (x: number): [number, number] => {
    const c = 134217729 * x;
    const hi = c - (c - x);
    return [hi, x - hi];
  };
  const [qh, ql] = split(q);
  const [mh, ml] = split(m);
  return ((qh * mh - p) + qh * ml + ql * mh) + ql * ml === 0;
}

/**
 * `x` lowered by (terms + 1) units in the last place when the arithmetic
 * that produced it was inexact: every sum of the same `terms` numbers, in
 * any order and rounded to nearest, is then at least the result (each
 * rounding moves a sum by at most half a unit of the final magnitude), so a
 * schedule's makespan, summed in its own order, never falls below the
 * bound by rounding. Exact arithmetic (integer data, most dyadic data) keeps
 * `x` as it is. Safe over the whole double range: the margin is computed as
 * x·ε·(terms + 1) (no overflow near 1.8e308), is at least (terms + 1) times
 * the smallest subnormal (a unit in the last place never goes below it),
 * and the result is clamped at 0 (every makespan is ≥ 0).
 */
function safeBelow(x: number, inexact: boolean, terms: number): number {
  if (!inexact || !(x > 0) || x === Infinity) return x;
  const scaled = x * (terms + 1);
  const margin = Number.isFinite(scaled) ? scaled * Number.EPSILON : x * Number.EPSILON * (terms + 1);
  const floor = (terms + 1) * Number.MIN_VALUE;
  const lowered = x - (margin > floor ? margin : floor);
  return lowered > 0 ? lowered : 0;
}

/** The two bounds and their max on a compiled workflow. @internal */
export function lowerBoundsCompiled(cw: CompiledWorkflow): { path: number; work: number; bound: number } {
  const { n, m, exec, release, ready, topo, predStart, pred } = cw;
  const fin = new Float64Array(n);
  let path = 0;
  let work = 0;
  // Every path and work sum adds releases, ready times and each task's fastest allowed time: exact or not for all alike.
  // A schedule adds times at least these (slower devices, transfers); rounded addition is monotone, so its
  // computed makespan is at least the same sums over these values, which are exact when they are.
  const fastestOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let f = Infinity;
    for (let j = 0; j < m; j++) if (exec[i * m + j]! < f) f = exec[i * m + j]!;
    fastestOf[i] = f;
  }
  const inexact = !sumsExact([fastestOf, release, ready]);
  let workInexact = inexact;
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
  if (m > 0) {
    const q = work / m;
    if (!exactProduct(q, m, work)) workInexact = true;
    work = q;
  }
  path = safeBelow(path, inexact, n);
  work = safeBelow(work, workInexact, n + 1);
  // compileWorkflow rejects data whose worst-case schedule time overflows, so both are finite; a sum that
  // still rounded up to Infinity is replaced by the largest double, below every (finite) makespan's sum.
  if (path === Infinity) path = Number.MAX_VALUE;
  if (work === Infinity) work = Number.MAX_VALUE;
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
 * ≥ max(path, work). When a sum or the division was inexact in double
 * precision (judged from the data alone: all values multiples of one power
 * of two 2^q with their total below 2^(53+q) make every sum exact; the
 * division is checked by Dekker's TwoProduct), that bound is lowered by
 * (n + 2) units in the last place, so that no schedule's
 * makespan, added up in another order, falls below it by rounding; with
 * exact arithmetic (integer data) the bounds are the exact values. Only the
 * values the bounds add (releases, ready times, each task's fastest allowed
 * time) are judged, so a huge time on a slower device does not make integer
 * sums inexact. The bounds are finite and ≥ 0 over the whole double range,
 * subnormals included (the ulp margin never overflows and is at least the
 * smallest subnormal per term). They never overflow to Infinity:
 * `compileWorkflow` rejects workflows whose worst-case schedule time is not
 * finite, and a sum that rounds up to Infinity anyway would be returned as
 * `Number.MAX_VALUE` (still ≤ every makespan, which is then at least that).
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

/**
 * Exact arithmetic for the GAP's verdicts: whether an assignment respects
 * every budget (the sum of doubles compared exactly, not within a
 * tolerance), its objective's magnitude, and whether it is optimal by the
 * capacity-free argument. Every status `solveGap` reports goes through here.
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';

/** Unit roundoff of a double. */
const U = 2 ** -53;

/**
 * A double as an integer multiple of 2^-1074 (the smallest subnormal), so
 * that sums of doubles are exact as `bigint`s. Finite input only.
 */
function scaled(x: number): bigint {
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  // value = mant · 2^(exp − 1075) (normal, with the hidden bit) or mant · 2^-1074 (subnormal).
  let shift = 0n;
  if (exp !== 0) {
    mant |= 1n << 52n;
    shift = BigInt(exp - 1);
  }
  const v = mant << shift;
  return x < 0 ? -v : v;
}

/**
 * Whether Σ values ≤ limit holds exactly (real arithmetic on the given
 * doubles). Decided by the rounded sum when its error bound (n·u·Σ|v|)
 * leaves no doubt, else by exact integer arithmetic. `limit` may be
 * Infinity; values are finite.
 * @internal
 */
export function sumAtMost(values: readonly number[] | Float64Array, limit: number): boolean {
  if (limit === Infinity) return true;
  let s = 0;
  let abs = 0;
  for (const v of values) {
    s += v;
    abs += Math.abs(v);
  }
  const err = 2 * values.length * U * abs;
  if (Number.isFinite(s) && Number.isFinite(err)) {
    if (s + err <= limit && s + err !== Infinity) return true;
    if (s - err > limit) return false;
  }
  let exact = 0n;
  for (const v of values) exact += scaled(v);
  return exact <= scaled(limit);
}

/**
 * Whether `asg` places every task on an allowed device and keeps every
 * device's total demand within its budget, exactly.
 * @internal
 */
export function exactlyFeasible(g: CompiledGap, asg: Int32Array): boolean {
  const { n, m, allowed, demand, budget } = g;
  if (asg.length !== n) return false;
  const per: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) {
    const j = asg[i] as number;
    if (j < 0 || j >= m || allowed[i * m + j] === 0) return false;
    (per[j] as number[]).push(demand[i * m + j] as number);
  }
  for (let j = 0; j < m; j++) if (!sumAtMost(per[j] as number[], budget[j] as number)) return false;
  return true;
}

/** Σ_i cost[i][asg[i]] (minimization form), summed in task order. @internal */
export function costOf(g: CompiledGap, asg: Int32Array): number {
  let s = 0;
  for (let i = 0; i < g.n; i++) s += g.cost[i * g.m + (asg[i] as number)] as number;
  return s;
}

/**
 * The objective's magnitude at `asg`: Σ_i |cost[i][asg[i]]|. Tolerances on
 * the optimality gap are relative to it (never to the range of the costs,
 * so a huge cost on a pair the solution does not use changes nothing).
 * @internal
 */
export function magnitudeOf(g: CompiledGap, asg: Int32Array): number {
  let s = 0;
  for (let i = 0; i < g.n; i++) s += Math.abs(g.cost[i * g.m + (asg[i] as number)] as number);
  return s;
}

/** min_j cost[i][j] over allowed pairs, per task (Infinity when none). @internal */
export function taskMinima(g: CompiledGap): Float64Array {
  const { n, m, cost, allowed } = g;
  const out = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    for (let k = i * m; k < (i + 1) * m; k++) if (allowed[k] === 1 && (cost[k] as number) < (out[i] as number)) out[i] = cost[k] as number;
  }
  return out;
}

/**
 * Whether every task sits on one of its cheapest allowed devices: then no
 * assignment, feasible or not, costs less, so a feasible `asg` is optimal
 * (an exact proof: only comparisons, no arithmetic).
 * @internal
 */
export function everyTaskAtItsMinimum(g: CompiledGap, asg: Int32Array, minima: Float64Array): boolean {
  for (let i = 0; i < g.n; i++) if ((g.cost[i * g.m + (asg[i] as number)] as number) !== minima[i]) return false;
  return true;
}

/**
 * Whether `value` is proved optimal by a lower `bound` at the documented
 * tolerance: value − bound ≤ relativeGap · magnitude, or, when every cost is
 * an integer, value − bound < 1 (the optimum is an integer ≥ bound).
 * @internal
 */
export function gapClosed(value: number, bound: number, magnitude: number, relativeGap: number, integral: boolean): boolean {
  const gap = value - bound;
  if (!(gap === gap)) return false;
  if (gap <= relativeGap * magnitude) return true;
  return integral && Number.isSafeInteger(value) && gap < 1 - 1e-6;
}

/** A set of tasks whose demands on `device` exceed its budget exactly (a knapsack cover). @internal */
export interface GapCover {
  readonly device: number;
  readonly tasks: Int32Array;
}

/**
 * For each device whose budget `asg` breaks exactly, a minimal-size cover:
 * its tasks by decreasing demand (ties: lowest index) until their exact sum
 * exceeds the budget. No assignment may put a whole cover on its device, so
 * Σ_{i ∈ C} x_ij ≤ |C| − 1 is valid for the exact problem (it cuts off
 * every assignment sharing that overrun, not only `asg`).
 * @internal
 */
export function violatedCovers(g: CompiledGap, asg: Int32Array): GapCover[] {
  const { n, m, demand, budget } = g;
  const out: GapCover[] = [];
  for (let j = 0; j < m; j++) {
    const tasks: number[] = [];
    for (let i = 0; i < n; i++) if (asg[i] === j) tasks.push(i);
    const values = tasks.map((i) => demand[i * m + j] as number);
    if (sumAtMost(values, budget[j] as number)) continue;
    tasks.sort((a, b) => (demand[b * m + j] as number) - (demand[a * m + j] as number) || a - b);
    const cover: number[] = [];
    const taken: number[] = [];
    for (const i of tasks) {
      cover.push(i);
      taken.push(demand[i * m + j] as number);
      if (!sumAtMost(taken, budget[j] as number)) break;
    }
    out.push({ device: j, tasks: Int32Array.from(cover) });
  }
  return out;
}

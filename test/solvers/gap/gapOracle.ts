/**
 * Independent references for the GAP tests: exact budget sums by rational
 * arithmetic (each double as a bigint over a power of two, found by
 * doubling, not by reading its bits as the library does) and brute force.
 */
import type { GapInstance } from '../../../src/solvers/gap/gap.js';

/** x = num / 2^k exactly, for a finite double x. */
function asFraction(x: number): { num: bigint; k: number } {
  let k = 0;
  let y = x;
  while (!Number.isInteger(y)) {
    y *= 2;
    k++;
  }
  return { num: BigInt(y), k };
}

/** Σ values ≤ limit in exact arithmetic (limit may be Infinity). */
export function exactSumAtMost(values: readonly number[], limit: number): boolean {
  if (limit === Infinity) return true;
  const parts = [...values, limit].map(asFraction);
  const k = Math.max(...parts.map((p) => p.k));
  let sum = 0n;
  for (const p of parts.slice(0, -1)) sum += p.num << BigInt(k - p.k);
  const l = parts[parts.length - 1]!;
  return sum <= l.num << BigInt(k - l.k);
}

/** Every task on an allowed pair, every budget respected exactly. */
export function exactlyRespectsBudgets(g: GapInstance, assignment: readonly number[], sense: 'min' | 'max'): boolean {
  const m = g.budget.length;
  const per: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < g.cost.length; i++) {
    const j = assignment[i]!;
    if (!(j >= 0 && j < m)) return false;
    const c = g.cost[i]![j]!;
    if (c === (sense === 'max' ? -Infinity : Infinity) || g.demand[i]![j] === Infinity) return false;
    per[j]!.push(g.demand[i]![j]!);
  }
  return per.every((d, j) => exactSumAtMost(d, g.budget[j]!));
}

/** Σ_i cost[i][assignment[i]] summed in task order (as solveGap reports its value). */
export function valueOf(g: GapInstance, assignment: readonly number[]): number {
  let v = 0;
  for (let i = 0; i < g.cost.length; i++) v += g.cost[i]![assignment[i]!]!;
  return v;
}

/** Brute-force optimum over all m^n assignments with exact budget sums (first best in lexicographic order), or undefined when none fits. */
export function bruteGap(g: GapInstance, sense: 'min' | 'max'): { value: number; assignment: number[] } | undefined {
  const n = g.cost.length;
  const m = g.budget.length;
  const asg = new Array<number>(n).fill(0);
  let best: { value: number; assignment: number[] } | undefined;
  const rec = (i: number): void => {
    if (i === n) {
      const v = valueOf(g, asg);
      if (!Number.isFinite(v)) return;
      if (best !== undefined && !(sense === 'min' ? v < best.value : v > best.value)) return;
      if (!exactlyRespectsBudgets(g, asg, sense)) return;
      best = { value: v, assignment: [...asg] };
      return;
    }
    for (let j = 0; j < m; j++) {
      asg[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

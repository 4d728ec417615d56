/**
 * Orders tasks by priority in exact arithmetic, so that priorities equal as
 * numbers (not merely as rounded doubles) are ties, broken by the lowest
 * index. Normalized priorities A/ΣA + B/ΣB + C/ΣC are sums of fractions: the
 * seed's tasks 2, 3 and 4 all have 2/3, which rounds to 0.66666666666666674,
 * 0.66666666666666674 and 0.66666666666666663; sorting the doubles would
 * order them by rounding noise.
 * @internal
 * @module
 */
import type { PriorityCriteria } from '../models/priority.js';

/** A non-negative rational num / den (den > 0). */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const KEYS = ['importance', 'urgency', 'satisfaction'] as const;
const view = new DataView(new ArrayBuffer(8));

/** A finite double ≥ 0 as mantissa · 2^exp, exactly. */
function split(x: number): { mant: bigint; exp: number } {
  if (x === 0) return { mant: 0n, exp: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? { mant: frac, exp: -1074 } : { mant: frac | (1n << 52n), exp: biased - 1075 };
}

/** A finite double ≥ 0 as an exact fraction. */
function fraction(x: number): Fraction {
  const { mant, exp } = split(x);
  return exp >= 0 ? { num: mant << BigInt(exp), den: 1n } : { num: mant, den: 1n << BigInt(-exp) };
}

/**
 * Relative distance beyond which two computed priorities are ordered by
 * their doubles: a normalized priority is within n·2^-52 (relative) of its
 * exact value, far below 1e-6 for any n this library holds, so doubles
 * further apart than this are ordered as their exact values are.
 */
const CLOSE = 1e-6;

/**
 * The task indices by priority, highest first, ties (in exact arithmetic)
 * to the lowest index; `undefined` when no priority comes from criteria
 * (sorting the given doubles is then already exact).
 *
 * Exact values: an explicit priority is the double given; a task with
 * criteria and no explicit priority has Σ_k x_ik / S_k over the three
 * criteria, S_k summed over every task with criteria; each column is
 * scaled by a power of two to integers (which leaves x/S unchanged), so
 * the value is N_i / (S_A·S_B·S_C) with N_i = X_iA·S_B·S_C + X_iB·S_A·S_C +
 * X_iC·S_A·S_B in BigInt. Two priorities compare by their doubles when
 * these differ by more than a relative 1e-6, else by cross-multiplying the
 * exact fractions. O(n log n) comparisons; BigInt work only for near ties.
 * @internal
 */
export function exactPriorityOrder(
  priority: Float64Array, criteria: readonly (PriorityCriteria | undefined)[], explicit: Uint8Array,
): Int32Array | undefined {
  const n = priority.length;
  const withCriteria: number[] = [];
  let derived = false;
  for (let i = 0; i < n; i++) {
    if (criteria[i] === undefined) continue;
    withCriteria.push(i);
    if (explicit[i] === 0) derived = true;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (!derived) return undefined;
  const exact = new Array<Fraction | undefined>(n);
  let columns: { scaled: bigint[][]; sums: bigint[] } | undefined;
  const scaledColumns = (): { scaled: bigint[][]; sums: bigint[] } => {
    // scaled[k][q]: criterion k of task withCriteria[q] times 2^-minExp_k, an integer.
    const scaled: bigint[][] = [];
    const sums: bigint[] = [];
    for (const key of KEYS) {
      const parts = withCriteria.map((i) => split(criteria[i]![key]));
      let minExp = Infinity;
      for (const p of parts) if (p.mant !== 0n && p.exp < minExp) minExp = p.exp;
      if (minExp === Infinity) minExp = 0;
      const col = parts.map((p) => p.mant << BigInt(p.exp - minExp));
      scaled.push(col);
      sums.push(col.reduce((a, b) => a + b, 0n));
    }
    return { scaled, sums };
  };
  const position = new Map(withCriteria.map((i, q) => [i, q]));
  const value = (i: number): Fraction => {
    const known = exact[i];
    if (known !== undefined) return known;
    let f: Fraction;
    if (explicit[i] === 1 || criteria[i] === undefined) {
      f = fraction(priority[i]!);
    } else {
      columns ??= scaledColumns();
      const { scaled, sums } = columns;
      const q = position.get(i)!;
      const [sa, sb, sc] = sums as [bigint, bigint, bigint];
      f = { num: scaled[0]![q]! * sb * sc + scaled[1]![q]! * sa * sc + scaled[2]![q]! * sa * sb, den: sa * sb * sc };
    }
    exact[i] = f;
    return f;
  };
  return order.sort((a, b) => {
    const fa = priority[a]!;
    const fb = priority[b]!;
    const scale = fa > fb ? fa : fb;
    if (Math.abs(fa - fb) > CLOSE * scale) return fb - fa;
    const x = value(a);
    const y = value(b);
    const lhs = y.num * x.den;
    const rhs = x.num * y.den;
    return lhs > rhs ? 1 : lhs < rhs ? -1 : a - b;
  });
}

/**
 * Pareto dominance between objective vectors (every objective minimized).
 * @module
 */
import { at, checkArray, checkFinite, typeReason } from '../internal/errors.js';

/**
 * Validates one objective vector: an array of finite numbers of length `dim`
 * (or of length ≥ 1 when `dim` is undefined). Returns its length.
 * @internal
 */
export function checkVector(fn: string, field: string, v: unknown, dim: number | undefined): number {
  checkArray(fn, field, v);
  if (dim === undefined ? v.length === 0 : v.length !== dim) {
    typeReason(fn, field, dim === undefined ? 'must hold at least one objective value, got an empty array' : `has ${v.length} objective values, expected ${dim} (every vector must have the same length)`);
  }
  for (let k = 0; k < v.length; k++) checkFinite(fn, `${field}[${k}]`, v[k]);
  return v.length;
}

/** Dominance without validation. @internal */
export function dominatesUnchecked(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let strict = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x > y) return false;
    if (x < y) strict = true;
  }
  return strict;
}

/**
 * Whether `a` Pareto-dominates `b` when every objective is minimized.
 *
 * Formula: a ≺ b ⇔ a_k ≤ b_k for every k and a_k < b_k for some k. Exact
 * comparisons (no tolerance): equal vectors do not dominate each other.
 * Source: Deb, Pratap, Agarwal, Meyarivan 2002, IEEE TEC 6(2), section II.
 *
 * Complexity: O(d) for d objectives.
 *
 * @param a - An objective vector (finite numbers).
 * @param b - An objective vector of the same length.
 * @returns `true` when `a` dominates `b`.
 * @throws {@link InputTypeError} when either is not an array, is empty, or the lengths differ.
 * @throws {@link InputRangeError} for a NaN or infinite value.
 *
 * @example
 * ```ts
 * dominates([1, 2], [1, 3]); // true
 * dominates([1, 2], [1, 2]); // false (equal)
 * dominates([1, 3], [2, 2]); // false (a trade-off)
 * ```
 */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  const d = checkVector('dominates', 'a', a, undefined);
  checkVector('dominates', 'b', b, d);
  return dominatesUnchecked(a, b);
}

/** Indices of the non-dominated vectors, without validation (see {@link nonDominated}). @internal */
export function nonDominatedUnchecked(points: readonly ArrayLike<number>[]): number[] {
  const out: number[] = [];
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    let keep = true;
    for (let j = 0; j < n && keep; j++) {
      if (j === i) continue;
      const q = points[j]!;
      if (dominatesUnchecked(q, p)) keep = false;
      else if (j < i && equalVectors(q, p)) keep = false; // a duplicate: the lowest index stays
    }
    if (keep) out.push(i);
  }
  return out;
}

function equalVectors(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The indices of the non-dominated vectors of a set (every objective
 * minimized), in increasing index order.
 *
 * A vector is kept when no other vector dominates it (see {@link dominates});
 * of several equal vectors only the one with the lowest index is kept, so the
 * result has no duplicate vectors and is the same for the same input.
 *
 * Complexity: O(N²·d) for N vectors of d objectives (a pairwise scan; fine
 * for the fronts and populations of a few thousand vectors this library
 * handles).
 *
 * @param points - Objective vectors, all of the same length ≥ 1, finite.
 * @returns The indices of the non-dominated vectors, ascending.
 * @throws {@link InputTypeError} when `points` is not an array, a vector is not an array or is empty, or lengths differ (naming `points[i]`).
 * @throws {@link InputRangeError} for a NaN or infinite value (naming `points[i][k]`).
 *
 * @example
 * ```ts
 * nonDominated([[3, 1], [1, 3], [2, 2], [3, 3], [1, 3]]); // [0, 1, 2]
 * ```
 */
export function nonDominated(points: readonly (readonly number[])[]): number[] {
  const fn = 'nonDominated';
  checkArray(fn, 'points', points);
  let d: number | undefined;
  for (let i = 0; i < points.length; i++) d = checkVector(fn, at('points', i), points[i], d);
  return nonDominatedUnchecked(points);
}

/**
 * The hypervolume indicator of a set of objective vectors (minimization).
 * @module
 */
import { at, checkArray, typeReason } from '../internal/errors.js';
import { checkVector } from './dominance.js';

/**
 * The volume of the region dominated by `points` and bounded by `reference`
 * (every objective minimized), exactly, for 1, 2 or 3 objectives.
 *
 * Formula: HV(P, r) = λ(⋃_{p ∈ P} [p_1, r_1] × … × [p_d, r_d]), λ the
 * Lebesgue measure (Zitzler and Thiele 1998). A point that does not strictly
 * dominate the reference in every coordinate (some p_k ≥ r_k) spans an empty
 * box and is ignored: it adds 0 and is not an error. Duplicates and dominated
 * points add nothing.
 *
 * Algorithms: d = 1, r − min p. d = 2, sort by the first objective and sweep
 * (each point adds the rectangle between it and the previous best second
 * objective). d = 3, slicing along the third objective (the HSO idea, While,
 * Hingston, Barone, Huband 2006, IEEE TEC 10(1), section III): points sorted
 * by the third objective; each slab between consecutive levels adds its
 * thickness times the 2-objective volume of the points below it.
 *
 * Complexity: O(N log N) for d ≤ 2, O(N² log N) for d = 3.
 *
 * @param points - Objective vectors of length d (1 ≤ d ≤ 3), finite; may be empty (volume 0).
 * @param reference - The reference point, length d, finite.
 * @returns The hypervolume (≥ 0).
 * @throws {@link InputTypeError} for a non-array, an empty reference, more than 3 objectives, or a vector whose length differs from the reference's (naming `points[i]`).
 * @throws {@link InputRangeError} for a NaN or infinite coordinate (naming `points[i][k]` or `reference[k]`).
 *
 * @example
 * ```ts
 * hypervolume([[1, 3], [2, 2], [3, 1]], [4, 4]); // 6
 * hypervolume([[1, 1, 1], [2, 2, 0]], [3, 3, 3]); // 9
 * hypervolume([[5, 1]], [4, 4]); // 0 (does not dominate the reference: ignored)
 * ```
 */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const fn = 'hypervolume';
  const d = checkVector(fn, 'reference', reference, undefined);
  if (d > 3) typeReason(fn, 'reference', `has ${d} objectives; the exact hypervolume is implemented for 1, 2 or 3`);
  checkArray(fn, 'points', points);
  for (let i = 0; i < points.length; i++) checkVector(fn, at('points', i), points[i], d);
  return hypervolumeUnchecked(points, reference);
}

/** {@link hypervolume} without validation. @internal */
export function hypervolumeUnchecked(points: readonly ArrayLike<number>[], reference: ArrayLike<number>): number {
  const d = reference.length;
  const inside = points.filter((p) => {
    for (let k = 0; k < d; k++) if (!(p[k]! < reference[k]!)) return false;
    return true;
  });
  if (inside.length === 0) return 0;
  if (d === 1) {
    let best = Infinity;
    for (const p of inside) if (p[0]! < best) best = p[0]!;
    return reference[0]! - best;
  }
  if (d === 2) return area(inside.map((p) => [p[0]!, p[1]!] as const), reference[0]!, reference[1]!);
  const sorted = inside.slice().sort((a, b) => a[2]! - b[2]!);
  const slab: (readonly [number, number])[] = [];
  let volume = 0;
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!;
    slab.push([p[0]!, p[1]!]);
    const top = k + 1 < sorted.length ? sorted[k + 1]![2]! : reference[2]!;
    if (top > p[2]!) volume += area(slab, reference[0]!, reference[1]!) * (top - p[2]!);
  }
  return volume;
}

/** The 2-objective volume of points that all strictly dominate (rx, ry). */
function area(points: readonly (readonly [number, number])[], rx: number, ry: number): number {
  const s = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let prevY = ry;
  for (const [x, y] of s) {
    if (y < prevY) {
      total += (rx - x) * (prevY - y);
      prevY = y;
    }
  }
  return total;
}

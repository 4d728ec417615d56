/**
 * The ranking of NSGA-II (Deb, Pratap, Agarwal, Meyarivan 2002, IEEE TEC
 * 6(2), section III): fast non-dominated sort and crowding distance over
 * flat objective vectors.
 * @internal
 * @module
 */

/**
 * Fast non-dominated sort (Deb et al. 2002, section III-A): the rank (0 =
 * first front) of each of `count` vectors of `dims` values in `f`, and the
 * fronts as index lists in increasing index order. O(dims · count²).
 * With `violation` (≥ 0 per vector, 0 = feasible), constrained domination
 * (Deb et al. 2002, section VI): a feasible vector dominates an infeasible
 * one, of two infeasible ones the smaller violation dominates, two feasible
 * ones compare by ordinary domination.
 * @internal
 */
export function fastNonDominatedSort(f: Float64Array, count: number, dims: number, violation?: Float64Array): { rank: Int32Array; fronts: number[][] } {
  const rank = new Int32Array(count);
  const dominatedCount = new Int32Array(count);
  const dominatesList: number[][] = Array.from({ length: count }, () => []);
  for (let p = 0; p < count; p++) {
    const po = p * dims;
    for (let q = p + 1; q < count; q++) {
      const qo = q * dims;
      // One pass: does p beat q somewhere, does q beat p somewhere.
      let pBetter = false;
      let qBetter = false;
      const vp = violation === undefined ? 0 : violation[p]!;
      const vq = violation === undefined ? 0 : violation[q]!;
      if (vp > 0 || vq > 0) {
        // Constrained domination: by violation alone when either is infeasible (equal violations: neither).
        pBetter = vp < vq;
        qBetter = vq < vp;
      } else {
        for (let d = 0; d < dims; d++) {
          const x = f[po + d]!;
          const y = f[qo + d]!;
          if (x < y) pBetter = true;
          else if (y < x) qBetter = true;
        }
      }
      if (pBetter && !qBetter) {
        dominatesList[p]!.push(q);
        dominatedCount[q]!++;
      } else if (qBetter && !pBetter) {
        dominatesList[q]!.push(p);
        dominatedCount[p]!++;
      }
    }
  }
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let p = 0; p < count; p++) if (dominatedCount[p] === 0) current.push(p);
  let r = 0;
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const p of current) {
      rank[p] = r;
      for (const q of dominatesList[p]!) if (--dominatedCount[q]! === 0) next.push(q);
    }
    next.sort((x, y) => x - y);
    current = next;
    r++;
  }
  return { rank, fronts };
}

/**
 * Crowding distance of the members of one front (section III-B): per
 * objective, sorted by value (ties by index), the two ends get Infinity and
 * each inner member the normalized gap between its neighbours. Writes into
 * `dist` at the members' indices. O(dims · k log k).
 * @internal
 */
export function crowdingDistance(f: Float64Array, dims: number, front: readonly number[], dist: Float64Array): void {
  for (const p of front) dist[p] = 0;
  if (front.length <= 2) {
    for (const p of front) dist[p] = Infinity;
    return;
  }
  const sorted = front.slice();
  for (let d = 0; d < dims; d++) {
    sorted.sort((x, y) => f[x * dims + d]! - f[y * dims + d]! || x - y);
    const lo = f[sorted[0]! * dims + d]!;
    const hi = f[sorted[sorted.length - 1]! * dims + d]!;
    dist[sorted[0]!] = Infinity;
    dist[sorted[sorted.length - 1]!] = Infinity;
    if (!(hi > lo)) continue;
    for (let k = 1; k < sorted.length - 1; k++) {
      const p = sorted[k]!;
      dist[p] = dist[p]! + (f[sorted[k + 1]! * dims + d]! - f[sorted[k - 1]! * dims + d]!) / (hi - lo);
    }
  }
}

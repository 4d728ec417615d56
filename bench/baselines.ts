/**
 * The plain baselines the heuristic benchmarks and the speed scripts
 * (scripts/bench-maxmin.ts, bench-sufferage.ts, solve-overhead.ts) measure
 * against, in one place so every ratio is to the same code.
 * @module
 */
import type { CompiledProblem } from '../src/problem/types.js';

/** Row minima of transfer + exec: one read of every matrix entry. */
export function onePass(cp: CompiledProblem): number {
  const { n, m, exec, transfer } = cp;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let k = i * m, end = k + m; k < end; k++) {
      const c = transfer[k]! + exec[k]!;
      if (c < best) best = c;
    }
    total += best;
  }
  return total;
}

/** Min-Min with a full rescan of every unmapped task every step. O(n²·m). */
export function minMinFullRescan(cp: CompiledProblem): number {
  const { n, m, exec, transfer, release } = cp;
  const avail = Float64Array.from(cp.ready);
  const mapped = new Uint8Array(n);
  let makespan = 0;
  for (let step = 0; step < n; step++) {
    let pick = -1;
    let pickDev = -1;
    let pickCt = Infinity;
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      const r = release[i]!;
      for (let j = 0, k = i * m; j < m; j++, k++) {
        const a = avail[j]!;
        const ct = (a > r ? a : r) + (transfer[k]! + exec[k]!);
        if (ct < pickCt) {
          pickCt = ct;
          pick = i;
          pickDev = j;
        }
      }
    }
    mapped[pick] = 1;
    avail[pickDev] = pickCt;
    if (pickCt > makespan) makespan = pickCt;
  }
  return makespan;
}

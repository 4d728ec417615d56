/**
 * The construction step of the GAP heuristic: regret-greedy placement
 * (Martello & Toth 1981, MTHG) under one desirability measure.
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';

/**
 * Regret-greedy construction (Martello & Toth 1981, MTHG): repeatedly place
 * the unplaced task whose best and second-best fitting devices differ most
 * in desirability `f` (lower is better; a task with one fitting device has
 * infinite regret), on its best device. A task that fits nowhere goes to the
 * allowed device with the most room left (the result then overloads it).
 * Top-two devices are kept per task and rescanned only when the chosen
 * device was one of them. Ties: lowest index.
 * @internal
 */
export function regretGreedy(g: CompiledGap, f: Float64Array): Int32Array {
  const { n, m, demand, allowed } = g;
  const room = Float64Array.from(g.budget);
  const asg = new Int32Array(n).fill(-1);
  const b1 = new Int32Array(n);
  const b2 = new Int32Array(n);
  const v1 = new Float64Array(n);
  const v2 = new Float64Array(n);
  const scan = (i: number): void => {
    let d1 = -1;
    let d2 = -1;
    let f1 = Infinity;
    let f2 = Infinity;
    for (let j = 0, k = i * m; j < m; j++, k++) {
      if (allowed[k] === 0 || (demand[k] as number) > (room[j] as number)) continue;
      const v = f[k] as number;
      if (v < f1) {
        d2 = d1;
        f2 = f1;
        d1 = j;
        f1 = v;
      } else if (v < f2) {
        d2 = j;
        f2 = v;
      }
    }
    b1[i] = d1;
    b2[i] = d2;
    v1[i] = f1;
    v2[i] = f2;
  };
  const open = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    open[i] = i;
    scan(i);
  }
  for (let count = n; count > 0; count--) {
    let pos = 0;
    let bestRegret = -Infinity;
    for (let p = 0; p < count; p++) {
      const i = open[p] as number;
      // No fitting device: most urgent of all.
      const r = b1[i] === -1 ? Infinity : b2[i] === -1 ? Number.MAX_VALUE : (v2[i] as number) - (v1[i] as number);
      if (r > bestRegret || (r === bestRegret && i < (open[pos] as number))) {
        bestRegret = r;
        pos = p;
      }
    }
    const i = open[pos] as number;
    open[pos] = open[count - 1] as number;
    let j = b1[i] as number;
    if (j === -1) {
      let most = -Infinity;
      for (let jj = 0, k = i * m; jj < m; jj++, k++) {
        if (allowed[k] === 1 && (room[jj] as number) - (demand[k] as number) > most) {
          most = (room[jj] as number) - (demand[k] as number);
          j = jj;
        }
      }
    }
    asg[i] = j;
    room[j] = (room[j] as number) - (demand[i * m + j] as number);
    for (let p = 0; p < count - 1; p++) {
      const t = open[p] as number;
      if (b1[t] === j || b2[t] === j) scan(t);
    }
  }
  return asg;
}


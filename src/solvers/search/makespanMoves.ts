/**
 * The move machinery of the makespan search (strategy `'local-search'`):
 * the critical-device descent, the overflow descent and annealing toward a
 * target makespan, all on the {@link Loads} state of `makespanLoads.ts`
 * (the LP-priced start and its bound are in `pricedStart.ts`). Private to
 * `solvers/`.
 * @internal
 * @module
 */
import { randomIndex, type Rng } from '../../internal/random.js';
import { Deadline } from '../../internal/deadline.js';
import { Loads, makespanOf } from './makespanLoads.js';

/** A deadline that never passes (the clock is then never read). */
const NEVER = new Deadline(Infinity);

/**
 * Steepest descent on the critical device: the best move of one of its
 * tasks to another device, else the best swap with a task elsewhere, such
 * that both touched devices end strictly below the current critical load.
 * Each step lowers the critical device's load, so the sorted load vector
 * decreases lexicographically and the descent ends, or stops at the
 * `deadline` (a cut leaves `deadline.expired` true). Returns the number of
 * steps taken.
 */
export function descend(s: Loads, deadline: Deadline = NEVER): number {
  const { n, m, p, asg, load, members, count } = s;
  let steps = 0;
  for (;;) {
    if (deadline.passed()) return steps;
    const c = s.critical();
    if (c < 0) return steps;
    const lc = load[c] as number;
    let bestVal = lc;
    let bi = -1;
    let bk = -1;
    let bi2 = -1;
    const nc = count[c] as number;
    for (let a = 0; a < nc; a++) {
      const i = members[c * n + a] as number;
      const rest = lc - (p[i * m + c] as number);
      for (let k = 0; k < m; k++) {
        if (k === c) continue;
        const nk = (load[k] as number) + (p[i * m + k] as number);
        const v = nk > rest ? nk : rest;
        if (v < bestVal) {
          bestVal = v;
          bi = i;
          bk = k;
        }
      }
    }
    if (bi < 0) {
      // The swap scan is O(count[c] · n): the deadline is read per task; a cut scan applies nothing.
      for (let a = 0; a < nc; a++) {
        if (deadline.passed()) return steps;
        const i = members[c * n + a] as number;
        const pic = p[i * m + c] as number;
        for (let k = 0; k < m; k++) {
          if (k === c) continue;
          const pik = p[i * m + k] as number;
          if (pik === Infinity) continue;
          const lk = load[k] as number;
          const nkk = count[k] as number;
          for (let b = 0; b < nkk; b++) {
            const i2 = members[k * n + b] as number;
            const newC = lc - pic + (p[i2 * m + c] as number);
            const newK = lk - (p[i2 * m + k] as number) + pik;
            const v = newC > newK ? newC : newK;
            if (v < bestVal) {
              bestVal = v;
              bi = i;
              bk = k;
              bi2 = i2;
            }
          }
        }
      }
    }
    if (bi < 0) return steps;
    if (bi2 >= 0) s.move(bi2, asg[bi] as number);
    s.move(bi, bk);
    steps++;
  }
}

/** max(0, x − t). */
function over(x: number, t: number): number {
  return x > t ? x - t : 0;
}

/**
 * Descent on the overflow above a target makespan t:
 *   O = Σ_j max(0, load_j − t) + μ · Σ_j load_j
 * (μ small: among equal overflows, less total work). Each step applies the
 * best move of a task off an overflowing device, or else the best swap of
 * such a task with a task elsewhere; it stops when no step lowers O.
 * Returns the remaining overflow Σ_j max(0, load_j − t). Stops at the
 * `deadline` (a cut leaves `deadline.expired` true), read before each step and, in the swap scan
 * (O(n) per task scanned), before each task; a scan cut by it applies no move.
 */
export function descendOverflow(s: Loads, t: number, mu: number, deadline: Deadline = NEVER): number {
  const { n, m, p, asg, load, members, count } = s;
  for (;;) {
    if (deadline.passed()) break;
    let best = -1e-12 * t;
    let bi = -1;
    let bk = -1;
    let bi2 = -1;
    for (let j = 0; j < m; j++) {
      const lj = load[j] as number;
      if (lj <= t || (count[j] as number) === 0) continue;
      const oj = lj - t;
      const nj = count[j] as number;
      for (let a = 0; a < nj; a++) {
        const i = members[j * n + a] as number;
        const pij = p[i * m + j] as number;
        const dj = over(lj - pij, t) - oj;
        for (let k = 0; k < m; k++) {
          if (k === j) continue;
          const pik = p[i * m + k] as number;
          if (pik === Infinity) continue;
          const lk = load[k] as number;
          const d = dj + over(lk + pik, t) - over(lk, t) + mu * (pik - pij);
          if (d < best) {
            best = d;
            bi = i;
            bk = k;
            bi2 = -1;
          }
        }
      }
    }
    if (bi < 0) {
      // One swap scan costs O(Σ overflowing members · n): seconds at 20 000 × 64, so
      // the deadline is read per task scanned, and a cut scan applies nothing.
      swaps: for (let j = 0; j < m; j++) {
        const lj = load[j] as number;
        if (lj <= t || (count[j] as number) === 0) continue;
        const oj = lj - t;
        const nj = count[j] as number;
        for (let a = 0; a < nj; a++) {
          if (deadline.passed()) {
            bi = -1;
            break swaps;
          }
          const i = members[j * n + a] as number;
          const pij = p[i * m + j] as number;
          for (let k = 0; k < m; k++) {
            if (k === j) continue;
            const pik = p[i * m + k] as number;
            if (pik === Infinity) continue;
            const lk = load[k] as number;
            const ok = over(lk, t);
            const nk = count[k] as number;
            for (let b = 0; b < nk; b++) {
              const i2 = members[k * n + b] as number;
              const pi2j = p[i2 * m + j] as number;
              const pi2k = p[i2 * m + k] as number;
              const d = over(lj - pij + pi2j, t) - oj + over(lk - pi2k + pik, t) - ok + mu * (pik + pi2j - pij - pi2k);
              if (d < best) {
                best = d;
                bi = i;
                bk = k;
                bi2 = i2;
              }
            }
          }
        }
      }
    }
    if (bi < 0) break;
    if (bi2 >= 0) s.move(bi2, asg[bi] as number);
    s.move(bi, bk);
  }
  let total = 0;
  for (let j = 0; j < m; j++) if ((count[j] as number) > 0) total += over(load[j] as number, t);
  return total;
}

/**
 * Simulated annealing on the overflow above target t (objective
 * Σ_j max(0, load_j − t) + μ·Σ_j load_j), random moves and swaps, mostly
 * off overflowing devices; temperature falls geometrically from temp0 to
 * temp0·1e-3 over `steps` proposals. Stops early when the overflow reaches
 * 0, or at the `deadline` (read every 1024 proposals; a cut leaves
 * `deadline.expired` true). Returns the remaining overflow.
 *
 * With `near` (k devices per task, `nearestDevices` of `pricedStart.ts`) a proposal sends
 * task i to one of its own k near devices, drawn uniformly, instead of any
 * device: the size reduction of Fanjul-Peyro & Ruiz (2011, Section 3)
 * applied to the neighbourhood, so that proposals are not spent on devices
 * many times slower for the task (on Braun's high machine heterogeneity,
 * most of them). The partner of a swap is still any task of that device.
 */
export function anneal(s: Loads, t: number, mu: number, rng: Rng, steps: number, temp0: number, deadline: Deadline = NEVER, near?: Int32Array): number {
  const { n, m, p, asg, load, members, count } = s;
  const k0 = near === undefined ? 0 : near.length / n;
  let overflow = 0;
  for (let j = 0; j < m; j++) if ((count[j] as number) > 0) overflow += over(load[j] as number, t);
  const cool = Math.pow(1e-3, 1 / Math.max(1, steps));
  let temp = temp0;
  for (let step = 0; step < steps && overflow > 0; step++, temp *= cool) {
    if ((step & 1023) === 1023 && deadline.passed()) break;
    const i = randomIndex(rng, n);
    const j = asg[i] as number;
    const lj = load[j] as number;
    if (lj <= t && rng() < 0.9) continue; // focus on overflowing devices
    const k = near === undefined ? randomIndex(rng, m) : (near[i * k0 + randomIndex(rng, k0)] as number);
    if (k === j) continue;
    const pij = p[i * m + j] as number;
    const pik = p[i * m + k] as number;
    if (pik === Infinity) continue;
    const lk = load[k] as number;
    const nk = count[k] as number;
    let i2 = -1;
    let newJ = lj - pij;
    let newK = lk + pik;
    let dw = pik - pij;
    if (nk > 0 && rng() < 0.5) {
      i2 = members[k * n + randomIndex(rng, nk)] as number;
      const pi2j = p[i2 * m + j] as number;
      if (pi2j === Infinity) continue;
      const pi2k = p[i2 * m + k] as number;
      newJ += pi2j;
      newK -= pi2k;
      dw += pi2j - pi2k;
    }
    const dOver = over(newJ, t) - over(lj, t) + over(newK, t) - over(lk, t);
    const d = dOver + mu * dw;
    if (d <= 0 || rng() < Math.exp(-d / temp)) {
      if (i2 >= 0) s.move(i2, j);
      s.move(i, k);
      overflow += dOver;
      if (overflow < 1e-9 * t) {
        overflow = 0;
        for (let q = 0; q < m; q++) if ((count[q] as number) > 0) overflow += over(load[q] as number, t);
      }
    }
  }
  return overflow;
}

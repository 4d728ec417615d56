/**
 * The LP-priced start of the makespan search (strategy `'local-search'`),
 * the Lagrangian (LP-dual) lower bound its prices prove, and each task's
 * nearest devices at those prices (the annealing's size reduction).
 * Private to `solvers/`.
 * @internal
 * @module
 */
import type { Deadline } from '../../internal/deadline.js';
import { Loads, makespanOf } from './makespanLoads.js';
import { descend } from './makespanMoves.js';

/**
 * Price rounds that run whatever the clock says, so the Lagrangian bound
 * is always worth reporting: 100, fewer on large instances (at most about
 * 5·10^7 multiplications in all), at least 10. Each is O(n·m).
 */
export const minPriceRounds = (n: number, m: number): number => Math.min(100, Math.max(10, Math.floor(5e7 / Math.max(1, n * m))));

/**
 * A start near the LP optimum, by prices: each task goes to the device
 * minimizing w_j · p_ij; the prices follow the loads multiplicatively,
 * w_j ← w_j · exp(η (load_j − mean) / mean), so overloaded devices get
 * dearer (a subgradient method on the dual of the R‖Cmax LP, whose optimal
 * prices make the cheapest-device assignment balanced). Each priced
 * assignment is polished by the critical descent; the best is returned,
 * with the best Lagrangian lower bound seen over the rounds
 * ({@link lagrangianBound}) and the prices that gave it (scaled to sum m,
 * all 1 when no round ran).
 *
 * Runs exactly `rounds` rounds (a work count, the same on every run) unless
 * the `deadline` passes: the clock is read once per round, and from then on
 * only the first {@link minPriceRounds} rounds still run, without their
 * descents; `deadline.expired` then tells the caller the clock cut it.
 */
export function pricedStart(n: number, m: number, p: Float64Array, ready: Float64Array, rounds: number, deadline: Deadline): { asg: Int32Array; span: number; bound: number; prices: Float64Array } {
  const w = new Float64Array(m).fill(1);
  const prices = new Float64Array(m).fill(1);
  const asg = new Int32Array(n);
  const load = new Float64Array(m);
  let best = new Int32Array(n);
  let bestSpan = Infinity;
  let bound = 0;
  const forced = minPriceRounds(n, m);
  for (let r = 0; r < rounds; r++) {
    // The first rounds always run: they give the Lagrangian bound even when the clock is spent.
    const late = deadline.passed();
    if (late && r >= forced) break;
    load.set(ready);
    let priced = 0;
    for (let i = 0; i < n; i++) {
      let bj = 0;
      let bv = Infinity;
      for (let j = 0; j < m; j++) {
        const v = (w[j] as number) * (p[i * m + j] as number);
        if (v < bv) {
          bv = v;
          bj = j;
        }
      }
      asg[i] = bj;
      load[bj] = (load[bj] as number) + (p[i * m + bj] as number);
      priced += bv;
    }
    const dual = lagrangianBound(priced, w, n, m);
    if (dual > bound) {
      bound = dual;
      prices.set(w);
    }
    let mean = 0;
    for (let j = 0; j < m; j++) mean += load[j] as number;
    mean /= m;
    if (!late && (r % 10 === 9 || r === rounds - 1)) {
      const s = new Loads(n, m, p, ready, asg);
      descend(s, deadline);
      const span = makespanOf(s);
      if (span < bestSpan) {
        bestSpan = span;
        best = Int32Array.from(s.asg);
      }
    }
    const eta = 0.5 / Math.sqrt(r + 1);
    let norm = 0;
    for (let j = 0; j < m; j++) {
      w[j] = (w[j] as number) * Math.exp((eta * ((load[j] as number) - mean)) / Math.max(mean, 1e-300));
      norm += w[j] as number;
    }
    for (let j = 0; j < m; j++) w[j] = ((w[j] as number) * m) / norm;
  }
  return { asg: best, span: bestSpan, bound, prices };
}

/**
 * Each task's `k` devices of least priced time w_j · p_ij, cheapest first
 * (lowest index on ties): task i's list is `out[i·k .. i·k + k)`. The
 * size reduction of Fanjul-Peyro & Ruiz (2011), "Size-reduction heuristics
 * for the unrelated parallel machines scheduling problem", Computers &
 * Operations Research 38(1), Section 3 (each job keeps only its best
 * machines), with the LP-dual prices w as the measure: a task's near-LP
 * devices are those of least reduced cost. O(n·m·k); k is clamped to
 * [1, m].
 */
export function nearestDevices(n: number, m: number, p: Float64Array, w: Float64Array, k: number): Int32Array {
  const kk = Math.max(1, Math.min(m, k));
  const out = new Int32Array(n * kk);
  const taken = new Uint8Array(m);
  for (let i = 0; i < n; i++) {
    taken.fill(0);
    for (let r = 0; r < kk; r++) {
      let bj = -1;
      let bv = Infinity;
      for (let j = 0; j < m; j++) {
        if (taken[j] === 1) continue;
        const v = (w[j] as number) * (p[i * m + j] as number);
        if (bj < 0 || v < bv) {
          bv = v;
          bj = j;
        }
      }
      taken[bj] = 1;
      out[i * kk + r] = bj;
    }
  }
  return out;
}

/**
 * The Lagrangian (LP dual) bound of R‖Cmax at prices w: for any y ≥ 0 with
 * Σ y_j = 1, every assignment has makespan ≥ Σ_j y_j · work_j ≥
 * Σ_i min_j y_j p_ij (work_j: the p_ij placed on j, ready times and
 * releases only add to the makespan). With y = w / Σw this is
 * `priced / Σw`, where `priced` = Σ_i min_j w_j p_ij; by LP duality the
 * best prices give exactly the LP bound. Shaved by (n + m + 2)·2^-52
 * (relative) so that rounding in the sums never lifts it above the true
 * value.
 */
export function lagrangianBound(priced: number, w: Float64Array, n: number, m: number): number {
  let total = 0;
  for (let j = 0; j < m; j++) total += w[j] as number;
  if (!(total > 0) || !Number.isFinite(priced)) return 0;
  return (priced / total) * (1 - (n + m + 2) * 2 ** -52);
}

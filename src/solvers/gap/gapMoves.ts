/**
 * The neighbourhoods of the GAP local search: descent by shifts and swaps on
 * the penalized objective, and the random kick between descents.
 * @internal
 * @module
 */
import { randomIndex, type Rng } from '../../internal/random.js';
import type { CompiledGap } from './gap.js';
import { overDelta, shift, type State } from './gapSearchState.js';

/** Relative rounding noise of a move's delta (loads drift by a few ulps of the scaled budgets, which are about 1). */
const NOISE = 1e-12;

/**
 * Local descent on cost + λ·overload: best shift per task, then first
 * improving swap per task, until neither improves. A move counts as an
 * improvement when it gains more than 1e-12 of the magnitudes it compares
 * (costs about 1 after `scaleForSearch`). Swap scanning is O(n²)
 * per pass; above 1500 tasks it samples 64 partners per task.
 */
export function descend(g: CompiledGap, s: State, lambda: number, rng: Rng): void {
  const { n, m, cost, demand, budget, allowed } = g;
  const { asg, load } = s;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n; i++) {
      const j = asg[i] as number;
      const kj = i * m + j;
      const relJ = overDelta(load[j] as number, budget[j] as number, -(demand[kj] as number));
      let best = 0;
      let to = -1;
      for (let k = 0, kk = i * m; k < m; k++, kk++) {
        if (k === j || allowed[kk] === 0) continue;
        const pen = lambda * (relJ + overDelta(load[k] as number, budget[k] as number, demand[kk] as number));
        const d = (cost[kk] as number) - (cost[kj] as number) + pen;
        // Improvement beyond rounding of the terms compared (not of all costs).
        if (d < best && d < -NOISE * (Math.abs(cost[kk] as number) + Math.abs(cost[kj] as number) + Math.abs(pen) + (pen === 0 ? 0 : lambda))) {
          best = d;
          to = k;
        }
      }
      if (to >= 0) {
        shift(g, s, i, to);
        improved = true;
      }
    }
    if (improved) continue;
    const sampled = n > 1500;
    for (let i1 = 0; i1 < n; i1++) {
      const j1 = asg[i1] as number;
      const tries = sampled ? 64 : n - i1 - 1;
      for (let t = 0; t < tries; t++) {
        const i2 = sampled ? randomIndex(rng, n) : i1 + 1 + t;
        const j2 = asg[i2] as number;
        if (j1 === j2) continue;
        const k12 = i1 * m + j2;
        const k21 = i2 * m + j1;
        if (allowed[k12] === 0 || allowed[k21] === 0) continue;
        const k11 = i1 * m + j1;
        const k22 = i2 * m + j2;
        const dc = (cost[k12] as number) + (cost[k21] as number) - (cost[k11] as number) - (cost[k22] as number);
        const d1 = (demand[k21] as number) - (demand[k11] as number);
        const d2 = (demand[k12] as number) - (demand[k22] as number);
        const pen = lambda * (overDelta(load[j1] as number, budget[j1] as number, d1) + overDelta(load[j2] as number, budget[j2] as number, d2));
        const d = dc + pen;
        const scale = Math.abs(cost[k12] as number) + Math.abs(cost[k21] as number) + Math.abs(cost[k11] as number) + Math.abs(cost[k22] as number) + Math.abs(pen) + (pen === 0 ? 0 : lambda);
        if (d < -NOISE * scale) {
          shift(g, s, i1, j2);
          shift(g, s, i2, j1);
          improved = true;
          break;
        }
      }
    }
  }
}

/** Random kick: a few random shifts and swaps among allowed pairs. */
export function perturb(g: CompiledGap, s: State, rng: Rng, strength: number): void {
  const { n, m, allowed } = g;
  for (let t = 0; t < strength; t++) {
    const i = randomIndex(rng, n);
    if (rng() < 0.5) {
      const k = randomIndex(rng, m);
      if (allowed[i * m + k] === 1 && k !== s.asg[i]) shift(g, s, i, k);
    } else {
      const i2 = randomIndex(rng, n);
      const j1 = s.asg[i] as number;
      const j2 = s.asg[i2] as number;
      if (j1 !== j2 && allowed[i * m + j2] === 1 && allowed[i2 * m + j1] === 1) {
        shift(g, s, i, j2);
        shift(g, s, i2, j1);
      }
    }
  }
}


/**
 * Feasible descent: shifts and swaps that keep every device within its
 * (scaled) budget and lower the cost by more than 1e-12 of the costs they
 * change, best shift per task then first swap per task, until none is left.
 * Run on the best solution of a search so that no single feasible shift or
 * swap improves what is returned. Complexity: O(n·m + n²) per pass.
 */
export function polish(g: CompiledGap, s: State): void {
  const { n, m, cost, demand, budget, allowed } = g;
  const { asg, load } = s;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n; i++) {
      const j = asg[i] as number;
      const kj = i * m + j;
      let best = 0;
      let to = -1;
      for (let k = 0, kk = i * m; k < m; k++, kk++) {
        if (k === j || allowed[kk] === 0 || (load[k] as number) + (demand[kk] as number) > (budget[k] as number)) continue;
        const d = (cost[kk] as number) - (cost[kj] as number);
        if (d < best && d < -NOISE * (Math.abs(cost[kk] as number) + Math.abs(cost[kj] as number))) {
          best = d;
          to = k;
        }
      }
      if (to >= 0) {
        shift(g, s, i, to);
        improved = true;
      }
    }
    if (improved) continue;
    for (let i1 = 0; i1 < n && !improved; i1++) {
      const j1 = asg[i1] as number;
      const k11 = i1 * m + j1;
      for (let i2 = i1 + 1; i2 < n; i2++) {
        const j2 = asg[i2] as number;
        if (j1 === j2) continue;
        const k12 = i1 * m + j2;
        const k21 = i2 * m + j1;
        if (allowed[k12] === 0 || allowed[k21] === 0) continue;
        const k22 = i2 * m + j2;
        const dc = (cost[k12] as number) + (cost[k21] as number) - (cost[k11] as number) - (cost[k22] as number);
        const scale = Math.abs(cost[k12] as number) + Math.abs(cost[k21] as number) + Math.abs(cost[k11] as number) + Math.abs(cost[k22] as number);
        if (!(dc < -NOISE * scale)) continue;
        if ((load[j1] as number) - (demand[k11] as number) + (demand[k21] as number) > (budget[j1] as number)) continue;
        if ((load[j2] as number) - (demand[k22] as number) + (demand[k12] as number) > (budget[j2] as number)) continue;
        shift(g, s, i1, j2);
        shift(g, s, i2, j1);
        improved = true;
        break;
      }
    }
  }
}

/**
 * Power-of-two rescaling of a compiled GAP, so that searches and solvers
 * work on numbers near 1 whatever the input's magnitudes. Multiplying by a
 * power of two is exact (barring underflow below 2^-1074 of the largest
 * value, far below any tolerance used), so order and feasibility are kept.
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';

/** x · 2^k, exact unless the result leaves the range of doubles (two steps, so 2^k itself never overflows). @internal */
export function mulPow2(x: number, k: number): number {
  const h = Math.trunc(k / 2);
  return x * 2 ** h * 2 ** (k - h);
}

/** The k with 2^k · x in [1/2, 1) for finite x > 0 (0 for x = 0). @internal */
export function exponentToUnit(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  let k = -Math.floor(Math.log2(x)) - 1;
  // log2 may be off by one near powers of two (and for subnormals): settle exactly.
  while (mulPow2(x, k) >= 1) k--;
  while (mulPow2(x, k) < 0.5) k++;
  return k;
}

/**
 * A copy of `g` with costs scaled so the largest |allowed cost| is in
 * [1/2, 1), and each device's demands and budget scaled so a finite
 * positive budget is in [1/2, 1) (an infinite budget: the device's largest
 * demand). `allowed`, `n`, `m`, `negated`, `integral` are shared.
 * @internal
 */
export function scaleForSearch(g: CompiledGap): CompiledGap {
  const { n, m, allowed } = g;
  let maxC = 0;
  for (let k = 0; k < n * m; k++) if (allowed[k] === 1) maxC = Math.max(maxC, Math.abs(g.cost[k] as number));
  const kc = exponentToUnit(maxC);
  const cost = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) cost[k] = mulPow2(g.cost[k] as number, kc);
  const demand = new Float64Array(n * m);
  const budget = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const b = g.budget[j] as number;
    let ref = b;
    if (b === Infinity) {
      ref = 0;
      for (let i = 0; i < n; i++) if (allowed[i * m + j] === 1) ref = Math.max(ref, g.demand[i * m + j] as number);
    }
    const kj = exponentToUnit(ref);
    budget[j] = b === Infinity ? Infinity : mulPow2(b, kj);
    for (let i = 0; i < n; i++) demand[i * m + j] = mulPow2(g.demand[i * m + j] as number, kj);
  }
  return { ...g, cost, demand, budget };
}

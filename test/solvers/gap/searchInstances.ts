// Shared by the GAP local-search tests (gapChain, gapRelink, gapTabu):
// small integer instances with per-device penalty weights, and the
// penalized objective recomputed from scratch (no library code beyond the
// compiled instance's arrays).
import fc from 'fast-check';
import type { compileGap } from '../../../src/solvers/gap/gapCompile.js';

/** The shape of the instances: task and device counts, and whether some pairs are forbidden (cost Infinity, about 1 in 10). */
export interface SearchInstanceShape {
  readonly n: readonly [min: number, max: number];
  readonly m: readonly [min: number, max: number];
  readonly forbidden?: boolean;
}

/** An instance: integer costs in [-9, 9], demands in [0, 5], budgets in [5, 9] (overloads common), weights α_j in [1, 8]. */
export interface SearchInstance {
  readonly cost: number[][];
  readonly demand: number[][];
  readonly budget: number[];
  readonly alpha: number[];
}

/**
 * Instances of the given shape, each with the extra fields `extras(n, m)`
 * draws (start assignments, tabu flags, ...).
 */
export function searchInstanceArb<E extends Record<string, unknown>>(shape: SearchInstanceShape, extras: (n: number, m: number) => { [K in keyof E]: fc.Arbitrary<E[K]> }): fc.Arbitrary<SearchInstance & E> {
  const costArb = shape.forbidden === true ? fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -9, max: 9 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }) : fc.integer({ min: -9, max: 9 });
  return fc.record({ n: fc.integer({ min: shape.n[0], max: shape.n[1] }), m: fc.integer({ min: shape.m[0], max: shape.m[1] }) }).chain(({ n, m }) =>
    fc.record({
      cost: fc.array(fc.array(costArb, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      demand: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      budget: fc.array(fc.integer({ min: 5, max: 9 }), { minLength: m, maxLength: m }),
      alpha: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: m, maxLength: m }),
      ...extras(n, m),
    }) as unknown as fc.Arbitrary<SearchInstance & E>,
  );
}

/** cost + Σ_j α_j · overload_j of an assignment, recomputed from scratch. */
export function penalized(g: ReturnType<typeof compileGap>, asg: ArrayLike<number>, alpha: ArrayLike<number>): number {
  const load = new Array<number>(g.m).fill(0);
  let c = 0;
  for (let i = 0; i < g.n; i++) {
    c += g.cost[i * g.m + asg[i]!]!;
    load[asg[i]!] = load[asg[i]!]! + g.demand[i * g.m + asg[i]!]!;
  }
  return c + load.reduce((s, l, j) => s + alpha[j]! * Math.max(0, l - g.budget[j]!), 0);
}

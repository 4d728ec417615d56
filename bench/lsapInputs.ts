/**
 * The seeded LSAP benchmark matrices, shared by bench/lsap.bench.ts and
 * scripts/bench-lsap-compare.ts (which writes them to a file for scipy, so
 * every implementation solves exactly the same numbers): n×n, uniform in
 * [0, 1), from the library's mulberry32 generator seeded with n, row-major.
 */
import { createRng } from '../src/internal/random.js';

/** The n×n matrix as a row-major Float64Array. */
export function lsapMatrix(n: number): Float64Array {
  const rng = createRng(n);
  const a = new Float64Array(n * n);
  for (let k = 0; k < a.length; k++) a[k] = rng();
  return a;
}

/** The same matrix as an array of rows (what the npm peers take). */
export function lsapRows(n: number): number[][] {
  const a = lsapMatrix(n);
  return Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)));
}

/** The benchmark sizes of the issue. */
export const LSAP_SIZES = [100, 500, 1000, 2000] as const;

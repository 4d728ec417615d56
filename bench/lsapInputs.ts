/**
 * The seeded LSAP benchmark matrices, shared by bench/lsap.bench.ts and
 * scripts/bench-lsap-compare.ts (which writes them to a file for scipy, so
 * every implementation solves exactly the same numbers), row-major. The
 * uniform ones come from the library's mulberry32 generator seeded with n
 * (rows); the structured ones are closed forms:
 * - `uniform`: n×n, uniform in [0, 1);
 * - `ij`: c[i][j] = i·j (the optimum is the anti-diagonal; hard for
 *   Jonker–Volgenant's initialization: every column's minimum is in row 0);
 * - `equal`: every entry 1 (every permutation is optimal);
 * - `rank1`: c[i][j] = a_i·b_j with a, b uniform in [1, 2) (seeded);
 * - `int1000`: rows×cols integers uniform in 1..1000 (the rectangular shapes).
 */
import { createRng } from '../src/internal/random.js';

/** A benchmark matrix family. */
export type LsapKind = 'uniform' | 'ij' | 'equal' | 'rank1' | 'int1000';

/** One benchmark shape. */
export interface LsapShape {
  readonly kind: LsapKind;
  readonly rows: number;
  readonly cols: number;
}

/** A short name such as `uniform 500×500`. */
export function shapeName(s: LsapShape): string {
  return `${s.kind} ${s.rows}×${s.cols}`;
}

/** The rows×cols matrix of `kind` as a row-major Float64Array. */
export function lsapShapeMatrix(s: LsapShape): Float64Array {
  const { kind, rows, cols } = s;
  const a = new Float64Array(rows * cols);
  if (kind === 'uniform' || kind === 'int1000') {
    const rng = createRng(rows);
    for (let k = 0; k < a.length; k++) a[k] = kind === 'uniform' ? rng() : 1 + Math.floor(rng() * 1000);
  } else if (kind === 'ij') {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[i * cols + j] = i * j;
  } else if (kind === 'equal') {
    a.fill(1);
  } else {
    const rng = createRng(rows + 7);
    const u = Float64Array.from({ length: rows }, () => 1 + rng());
    const w = Float64Array.from({ length: cols }, () => 1 + rng());
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[i * cols + j] = (u[i] as number) * (w[j] as number);
  }
  return a;
}

/** A row-major matrix as an array of rows (what the npm peers take). */
export function toRows(a: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols)));
}

/** The n×n uniform matrix as a row-major Float64Array. */
export function lsapMatrix(n: number): Float64Array {
  return lsapShapeMatrix({ kind: 'uniform', rows: n, cols: n });
}

/** The same matrix as an array of rows (what the npm peers take). */
export function lsapRows(n: number): number[][] {
  return toRows(lsapMatrix(n), n, n);
}

/** The benchmark sizes of the uniform square matrices. */
export const LSAP_SIZES = [100, 500, 1000, 2000] as const;

/**
 * Every shape the issue (15) names: uniform and the structured families at
 * n = 100 to 2000, and the rectangular integer shapes (solved as given, not
 * padded to square).
 */
export const LSAP_SHAPES: readonly LsapShape[] = [
  ...(['uniform', 'ij', 'equal', 'rank1'] as const).flatMap((kind) =>
    [100, 200, 300, 500, 1000, 2000].map((n) => ({ kind, rows: n, cols: n })),
  ),
  { kind: 'int1000', rows: 500, cols: 800 },
  { kind: 'int1000', rows: 300, cols: 900 },
  { kind: 'int1000', rows: 1000, cols: 3000 },
  { kind: 'uniform', rows: 500, cols: 800 },
  { kind: 'uniform', rows: 300, cols: 900 },
  { kind: 'uniform', rows: 1000, cols: 3000 },
];

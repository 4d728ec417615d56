/**
 * A fast path of the LSAP kernel for square matrices that are Monge up to a
 * reordering of their rows and columns, such as c_ij = i·j, rank-one
 * c_ij = a_i·b_j and constant matrices: the shortest augmenting paths take
 * Θ(n³) steps on them (every row's path displaces most earlier rows), while
 * the optimum is known in closed form.
 *
 * A matrix is Monge when c_ij + c_i'j' ≤ c_ij' + c_i'j for all i < i',
 * j < j'; then the identity assignment is optimal (Hoffman 1963, "On simple
 * linear programming problems", Proc. Symp. Pure Math. 7; Burkard, Klinz &
 * Rudolf 1996, "Perspectives of Monge properties in optimization", Discrete
 * Appl. Math. 70, section 3), and the north-west corner rule's basis, cells
 * (k, k) and (k, k + 1), gives dual values u, v with c − u − v ≥ 0
 * everywhere. {@link lsapMonge} tries four orders of rows and columns (as
 * given; columns reversed; rows by ascending row sum with columns by
 * descending or ascending column sum, ties by index), computes the north-west
 * corner duals of the "k-th row to k-th column" assignment in O(n), and
 * accepts it only when the dual certificate c_ij − v_j ≥ u_i holds on the
 * whole matrix (one O(n²) pass, usually left after a few entries when it
 * fails), checked exactly: every assigned c − v is computed without
 * rounding, and a rounded c − v equal to u is settled by the sign of its
 * rounding error (see {@link reducedCostNonNegative}). So nothing is assumed
 * about the matrix, and no rounding can make it accept a suboptimal
 * assignment (with costs of very different magnitudes it refuses instead):
 * a matrix that is not Monge in any of these orders is refused.
 * @internal
 * @module
 */

/**
 * The optimal assignment of the finite n×n matrix `c` (row-major) when one
 * of the four orders (see the module doc) makes it Monge and the duals
 * certify it; undefined otherwise. Complexity: O(n²) (two passes for the
 * sums, one for each certificate tried, most of them cut short), O(n) extra
 * memory; O(1) for most matrices that are not Monge in any order (a
 * sampled necessary condition refuses them first).
 * @internal
 */
export function lsapMonge(c: Float64Array, n: number): Int32Array | undefined {
  if (!mongeCandidate(c, n)) return undefined;
  const rowOrder = new Int32Array(n);
  const colOrder = new Int32Array(n);
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  const x = new Int32Array(n);
  for (let k = 0; k < n; k++) rowOrder[k] = k;
  for (let k = 0; k < n; k++) colOrder[k] = k;
  if (certify(c, n, rowOrder, colOrder, x, u, v)) return x;
  colOrder.reverse();
  if (certify(c, n, rowOrder, colOrder, x, u, v)) return x;
  // Row and column sums (rank one a_i·b_j: the sums order a and b).
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) {
      const e = c[base + j] as number;
      s += e;
      colSum[j] = (colSum[j] as number) + e;
    }
    rowSum[i] = s;
  }
  rowOrder.sort((a, b) => (rowSum[a] as number) - (rowSum[b] as number) || a - b);
  colOrder.sort((a, b) => (colSum[b] as number) - (colSum[a] as number) || a - b);
  if (certify(c, n, rowOrder, colOrder, x, u, v)) return x;
  colOrder.sort((a, b) => (colSum[a] as number) - (colSum[b] as number) || a - b);
  if (certify(c, n, rowOrder, colOrder, x, u, v)) return x;
  return undefined;
}

/** Columns sampled by {@link mongeCandidate}. */
const SAMPLES = 32;

/**
 * A necessary condition, in O(1) work, for the matrix to be Monge after
 * some reordering of its rows and columns: for two pairs of rows, (0, n − 1)
 * and (1, n − 2), the differences d_j = c_{i'j} − c_{ij} of each pair are
 * then monotone in the same column order, so along sampled columns their
 * steps never move in opposite directions for one sample and the same
 * direction for another. Random matrices fail it within a few samples.
 */
function mongeCandidate(c: Float64Array, n: number): boolean {
  if (n < 4) return true;
  const a0 = 0;
  const a1 = (n - 1) * n;
  const b0 = n;
  const b1 = (n - 2) * n;
  const stride = Math.max(1, Math.floor(n / SAMPLES));
  let same = false;
  let opposite = false;
  let prevA = (c[a1] as number) - (c[a0] as number);
  let prevB = (c[b1] as number) - (c[b0] as number);
  for (let j = stride; j < n; j += stride) {
    const dA = (c[a1 + j] as number) - (c[a0 + j] as number);
    const dB = (c[b1 + j] as number) - (c[b0 + j] as number);
    const p = (dA - prevA) * (dB - prevB);
    if (p > 0) same = true;
    else if (p < 0) opposite = true;
    if (same && opposite) return false;
    prevA = dA;
    prevB = dB;
  }
  return true;
}

/**
 * The assignment rowOrder[k] → colOrder[k] with its north-west corner duals
 * (u_0 = 0, v at (k, k), u and v alternately along the cells (k, k + 1) and
 * (k + 1, k + 1)); writes it into `x` and returns true when c_ij − v_j ≥ u_i
 * for every (i, j), with u_i = c_{i,x_i} − v_{x_i} computed as the check
 * computes it (so the assigned cells pass exactly).
 */
function certify(c: Float64Array, n: number, rowOrder: Int32Array, colOrder: Int32Array, x: Int32Array, u: Float64Array, v: Float64Array): boolean {
  let uk = 0; // u of rowOrder[k]
  let r = rowOrder[0] as number;
  let col = colOrder[0] as number;
  v[col] = c[r * n + col] as number;
  for (let k = 0; k + 1 < n; k++) {
    const next = colOrder[k + 1] as number;
    v[next] = (c[r * n + next] as number) - uk;
    r = rowOrder[k + 1] as number;
    uk = (c[r * n + next] as number) - (v[next] as number);
  }
  for (let k = 0; k < n; k++) x[rowOrder[k] as number] = colOrder[k] as number;
  for (let i = 0; i < n; i++) {
    const base = i * n;
    const xi = x[i] as number;
    const a = c[base + xi] as number;
    const ui = a - (v[xi] as number);
    // Overflowed sums give no proof (a NaN would pass the test below); an
    // inexact u_i would leave the assigned pair a reduced cost ≠ 0.
    if (!Number.isFinite(ui) || subtractionError(a, v[xi] as number, ui) !== 0) return false;
    u[i] = ui;
  }
  for (let i = 0; i < n; i++) {
    const base = i * n;
    const ui = u[i] as number;
    for (let j = 0; j < n; j++) {
      // reducedCostNonNegative, inlined by hand (a call per tied entry cost
      // several times the pass on constant matrices).
      const a = c[base + j] as number;
      const vj = v[j] as number;
      const s = a - vj;
      if (s <= ui && (a === vj ? ui > 0 : s !== ui || subtractionError(a, vj, s) < 0)) return false;
    }
  }
  return true;
}

/**
 * The rounding error of s = fl(a − b): a − b = s + error exactly (Knuth's
 * TwoSum, TAOCP vol. 2, 4.2.2), for finite a, b, s.
 * @internal
 */
export function subtractionError(a: number, b: number, s: number): number {
  const nb = -b;
  const a1 = s - nb;
  const b1 = s - a1;
  return a - a1 + (nb - b1);
}

/**
 * Whether a − b ≥ u holds exactly, given s = fl(a − b) ≤ u (the caller's
 * fast test left it open): s < u decides it (rounding is monotone, u is a
 * double), and at s = u the sign of the rounding error does. So the
 * certificate is exact: the duals u, v, taken as real numbers, are feasible,
 * and the assigned pairs' reduced costs are exactly 0 (checked when u is
 * computed), which proves the assignment optimal by LP duality whatever the
 * magnitudes.
 * @internal
 */
export function reducedCostNonNegative(a: number, b: number, s: number, u: number): boolean {
  if (a === b) return u <= 0; // a − b = 0 exactly (the common tie: constant rows and columns)
  return s === u && subtractionError(a, b, s) >= 0;
}

/** Dual values of the identity assignment (see {@link identityDuals}). */
export interface IdentityDuals {
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/**
 * {@link identityDuals}' buffer for n ≤ 2048, reused (32 KB once allocated):
 * at n ≈ 100 two fresh `Float64Array`s cost a third of the whole
 * constant-matrix call, and right after a full garbage collection (which
 * returns free pages to the system) 10-15 µs each. Safe because every
 * caller uses the duals before the next call and never keeps them.
 */
const DUALS_REUSE_LIMIT = 4096;
let dualsScratch = new Float64Array(0);

/**
 * The north-west corner duals of the identity assignment of an n×n matrix
 * (the first order {@link lsapMonge} tries), from its entries (k, k) and
 * (k, k + 1) read through `at`, with u_i = c_ii − v_i computed as the
 * certificate c_ij − v_j ≥ u_i computes it; undefined when one of those
 * entries is not a finite number or a dual is not finite. A caller that
 * passes over the matrix anyway (the input validation) checks the
 * certificate on the way: when it holds everywhere, the identity is optimal
 * (the same proof as {@link lsapMonge}'s) and no solve is needed.
 * For n ≤ 2048 the duals are views of one reused buffer, valid until the
 * next call. Complexity: O(n).
 * @internal
 */
export function identityDuals(n: number, at: (i: number, j: number) => unknown): IdentityDuals | undefined {
  // Every entry of u and v is written below before it is read.
  if (2 * n <= DUALS_REUSE_LIMIT && dualsScratch.length < 2 * n) dualsScratch = new Float64Array(DUALS_REUSE_LIMIT);
  const u = 2 * n <= DUALS_REUSE_LIMIT ? dualsScratch.subarray(0, n) : new Float64Array(n);
  const v = 2 * n <= DUALS_REUSE_LIMIT ? dualsScratch.subarray(n, 2 * n) : new Float64Array(n);
  let uk = 0;
  for (let k = 0; k < n; k++) {
    const diag = at(k, k);
    if (typeof diag !== 'number') return undefined;
    if (k === 0) v[0] = diag;
    else uk = diag - (v[k] as number);
    if (k + 1 < n) {
      const right = at(k, k + 1);
      if (typeof right !== 'number') return undefined;
      v[k + 1] = right - uk;
    }
  }
  for (let k = 0; k < n; k++) {
    const a = at(k, k) as number;
    const ui = a - (v[k] as number);
    if (!Number.isFinite(ui) || subtractionError(a, v[k] as number, ui) !== 0) return undefined;
    u[k] = ui;
  }
  return { u, v };
}

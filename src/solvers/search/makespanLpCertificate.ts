/**
 * The proof behind `makespanLpBound`: a Lagrangian (LP-dual) lower bound on
 * the makespan, valid for any nonnegative multipliers, evaluated with
 * outward-rounded double arithmetic so that it is a bound on the real
 * number, not only on its rounded value.
 * @internal
 * @module
 */

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next double above `x` (x itself for +Infinity and NaN). @internal */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  word[0] = (word[0] as bigint) + (x > 0 ? 1n : -1n);
  return bits[0] as number;
}

/** The next double below `x` (x itself for −Infinity and NaN). @internal */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Nonnegative multipliers from HiGHS's duals: |d|, and 0 for anything not finite. */
function weight(d: number): number {
  const a = Math.abs(d);
  return Number.isFinite(a) ? a : 0;
}

/**
 * A lower bound on min over assignments x of max over used devices j of
 * r_j + Σ_{i: x(i)=j} p_ij, from multipliers w_j ≥ 0 (device rows) and
 * μ_ij ≥ 0 (rows x_ij ≤ z_j), taken as |w|, |μ| (non-finite entries as 0):
 *
 *   bound = [Σ_i min_j (w_j·p_ij + μ_ij) + Σ_j min(0, w_j·r_j − Σ_i μ_ij)] / Σ_j w_j.
 *
 * Proof: for an assignment with makespan T and z_j = 1 on used devices,
 * T·Σ_j w_j ≥ Σ_j w_j (r_j z_j + Σ_i p_ij x_ij) ≥ the same plus
 * Σ_ij μ_ij (x_ij − z_j) (each term ≤ 0); regrouping by x_ij and by z_j ∈
 * {0, 1} gives the numerator. With the LP's optimal duals it equals the LP
 * optimum (strong duality); with any others it is still a bound. Every sum,
 * product and quotient is rounded outward (the rounded-to-nearest result
 * stepped one double towards the safe side), so the value returned is ≤
 * the real bound. Pairs with p_ij = Infinity are forbidden and skipped.
 * Returns 0 when Σ w = 0 or the numerator is not positive.
 *
 * Complexity: O(n·m).
 * @param n - Tasks.
 * @param m - Devices.
 * @param p - p_ij = transfer + exec, task-major (Infinity: forbidden).
 * @param ready - r_j ≥ 0.
 * @param w - Multipliers of the device rows (length m).
 * @param mu - Multipliers of x_ij ≤ z_j, task-major (length n·m; 0 where no such row).
 * @internal
 */
export function makespanLpCertificate(n: number, m: number, p: Float64Array, ready: Float64Array, w: Float64Array, mu: Float64Array): number {
  let wSum = 0;
  for (let j = 0; j < m; j++) wSum = nextUp(wSum + weight(w[j] as number));
  if (!(wSum > 0) || wSum === Infinity) return 0;
  let num = 0;
  const muSum = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    for (let j = 0; j < m; j++) {
      const pij = p[i * m + j] as number;
      if (pij === Infinity) continue;
      const u = weight(mu[i * m + j] as number);
      muSum[j] = nextUp((muSum[j] as number) + u);
      const t = nextDown(nextDown(weight(w[j] as number) * pij) + u);
      if (t < lo) lo = t;
    }
    if (lo === Infinity) return 0;
    num = nextDown(num + Math.max(0, lo));
  }
  for (let j = 0; j < m; j++) {
    const wr = nextDown(weight(w[j] as number) * (ready[j] as number));
    const s = muSum[j] as number;
    if (wr < s) num = nextDown(num + nextDown(wr - s));
  }
  if (!(num > 0)) return 0;
  const out = nextDown(num / wSum);
  // A quotient that underflows to 0 steps down to -MIN_VALUE: 0 is the bound then.
  return Number.isFinite(out) && out > 0 ? out : 0;
}

/**
 * Exactness guard of the double-precision LSAP solve (`lsapSolve.ts`): when
 * the kernel's double-precision answer stands as it is.
 *
 * Every finite double is a dyadic rational, so the entries of a matrix are
 * integers in units of a common power of two. {@link onExactGrid} tests, in
 * one pass, whether they are integers in a unit 2^e with
 * max|c| · 4(k + 2) < 2^53 · 2^e: then every dual, path length and reduced
 * cost of the kernel (sums and differences of up to about 2k + 2 entries)
 * is an integer multiple of 2^e below 2^53 in magnitude, so no operation
 * rounds and the float result is the exact optimum. {@link narrowSpan}:
 * the entries span at most 2^26, where rounding stays far below the
 * smallest entry. Otherwise the answer goes to the exact checks
 * (`lsapCertificate.ts`, then `lsapExact.ts`).
 * @internal
 * @module
 */

/**
 * Whether every finite entry of `c` is an integer multiple of a power of two
 * 2^e with max|c| · 4(k + 2) < 2^(53 + e) (see the module doc). `+Infinity`
 * entries (forbidden) are skipped. O(n) time, stops at the first entry off
 * the grid.
 */
export function onExactGrid(c: Float64Array, k: number): boolean {
  let max = 0;
  let integral = true;
  for (let p = 0; p < c.length; p++) {
    const x = c[p] as number;
    const a = x < 0 ? -x : x;
    if (a === Infinity) continue;
    if (a > max) max = a;
    if (integral && Math.floor(x) !== x) integral = false;
  }
  if (max === 0) return true;
  // The common case in one pass: integers (the grid 2^0) small enough.
  if (integral && max * 4 * (k + 2) < 2 ** 53) return true;
  const bound = max * 4 * (k + 2);
  if (bound === Infinity) return false;
  // e: the least integer with bound < 2^(53 + e).
  let e = Math.ceil(Math.log2(bound)) - 53;
  while (bound >= 2 ** (53 + e)) e++;
  while (e > -1075 && bound < 2 ** (52 + e)) e--;
  if (e <= -1074) return true; // every double is a multiple of 2^-1074
  if (e < -1022) return false; // 2^-e would overflow: let the exact check decide
  const inv = 2 ** -e;
  for (let p = 0; p < c.length; p++) {
    const x = c[p] as number;
    if (x === Infinity) continue;
    const t = x * inv; // exact: a power of two, |t| < 2^53
    if (Math.floor(t) !== t) return false;
  }
  return true;
}

/**
 * Whether the finite nonzero entries span at most 2^26 in magnitude
 * (max |c| ≤ 2^26 · min |c|): then the kernel's rounding, about
 * k²·2^-53·max |c| on the total, stays far below the smallest entry, and
 * its double-precision optimum is kept without the exact checks (which cost
 * about 3× the solve on such data, and whose only findings there are
 * differences near 1e-17, below the rounding of the input itself). Wider
 * spans are where rounding reaches the small entries (the -2e16 example).
 * O(k·K). @internal
 */
export function narrowSpan(c: Float64Array): boolean {
  let max = 0;
  let min = Infinity;
  for (let p = 0; p < c.length; p++) {
    const a = Math.abs(c[p] as number);
    if (a === 0 || a === Infinity) continue;
    if (a > max) max = a;
    if (a < min) min = a;
  }
  return max <= min * 2 ** 26;
}

/**
 * What {@link needsExactCheck} learns in its pass over a matrix: the largest
 * and the smallest nonzero finite |c| (0 and Infinity when there is none),
 * and whether every finite entry is an integer. Invariant under
 * transposition and negation, so a pass over the input (lsapInput.ts's
 * scanStats, the WebAssembly scan) serves for the kernel's matrix when that
 * is only transposed or negated. @internal
 */
export interface SpanStats {
  readonly max: number;
  readonly min: number;
  readonly integral: boolean;
}

/**
 * Whether the kernel's answer on `c` needs the exact checks: neither
 * {@link onExactGrid} nor {@link narrowSpan} holds. One pass in the common
 * cases (small integers; a narrow span), none when `stats` (of `c`, or of a
 * transposition or negation of it) are given; the grid's second pass only
 * for wide spans off the integers. @internal
 */
export function needsExactCheck(c: Float64Array, k: number, stats?: SpanStats): boolean {
  const { max, min, integral } = stats ?? spanStats(c);
  if (max === 0) return false;
  if (integral && max * 4 * (k + 2) < 2 ** 53) return false;
  if (max <= min * 2 ** 26) return false;
  return !onExactGrid(c, k);
}

/** The {@link SpanStats} of `c` in one pass (`+Infinity` entries skipped). */
function spanStats(c: Float64Array): SpanStats {
  let max = 0;
  let min = Infinity;
  let integral = true;
  for (let p = 0; p < c.length; p++) {
    const x = c[p] as number;
    const a = x < 0 ? -x : x;
    if (a === Infinity || a === 0) continue;
    if (a > max) max = a;
    if (a < min) min = a;
    if (integral && Math.floor(x) !== x) integral = false;
  }
  return { max, min, integral };
}

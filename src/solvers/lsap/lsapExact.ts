/**
 * Exactness guard of the double-precision LSAP solve (`linearSumAssignment.ts`).
 *
 * Every finite double is a dyadic rational, so the entries of a matrix are
 * integers in units of a common power of two. {@link onExactGrid} tests, in
 * one pass, whether they are integers in a unit 2^e with
 * max|c| · 4(k + 2) < 2^53 · 2^e: then every dual, path length and reduced
 * cost of the kernel (sums and differences of up to about 2k + 2 entries)
 * is an integer multiple of 2^e below 2^53 in magnitude, so no operation
 * rounds and the float result is the exact optimum. Otherwise the kernel's
 * answer must pass the exact dual certificate of `lsapCertificate.ts`; when
 * it does not, {@link exactAssignment} decides: the Hungarian algorithm
 * (shortest augmenting paths with potentials, Kuhn 1955 / Munkres 1957, in
 * the O(k²K) form) in `BigInt` on the entries in units of their common
 * power of two; the kernel's assignment is kept when its exact total equals
 * the exact optimum (so ties resolve as before), else the exact one is used.
 * @internal
 * @module
 */

/** Largest k·k·K for which the BigInt solve runs (about 0.5-1 s at 512×512, 10 ms at 120×120); above it the caller refuses. */
export const EXACT_WORK_LIMIT = 2 ** 27;

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

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^exp with m an odd integer (x finite, nonzero). */
function decompose(x: number): { m: bigint; exp: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mHi = hi & 0xfffff;
  if (biased !== 0) mHi |= 0x100000;
  let exp = (biased === 0 ? 1 : biased) - 1075;
  let m = (BigInt(mHi) << 32n) | BigInt(lo);
  while ((m & 1n) === 0n) {
    m >>= 1n;
    exp++;
  }
  return { m: x < 0 ? -m : m, exp };
}

/** The entries of `c` as integers in units of 2^unit (null: forbidden). */
export interface Units {
  readonly values: (bigint | null)[];
  readonly unit: number;
}

/** Converts the finite entries of `c` exactly to integers in their common unit 2^unit. */
export function toUnits(c: Float64Array): Units {
  const parts: ({ m: bigint; exp: number } | null)[] = [];
  let unit = Infinity;
  for (let p = 0; p < c.length; p++) {
    const x = c[p] as number;
    if (x === Infinity) parts.push(null);
    else if (x === 0) parts.push({ m: 0n, exp: Infinity });
    else {
      const d = decompose(x);
      if (d.exp < unit) unit = d.exp;
      parts.push(d);
    }
  }
  if (unit === Infinity) unit = 0;
  const values = parts.map((d) => (d === null ? null : d.m === 0n ? 0n : d.m << BigInt(d.exp - unit)));
  return { values, unit };
}

/**
 * Minimum-cost assignment of every row of a `rows × cols` (rows ≤ cols)
 * integer matrix (null: forbidden), exactly: the Hungarian algorithm with
 * potentials in BigInt. Returns row → column, or undefined when some row
 * has no augmenting path (no assignment of every row exists).
 */
export function hungarianBig(values: readonly (bigint | null)[], rows: number, cols: number): Int32Array | undefined {
  const u = new Array<bigint>(rows + 1).fill(0n);
  const v = new Array<bigint>(cols + 1).fill(0n);
  const p = new Int32Array(cols + 1); // column (1-based) → row (1-based), 0: free
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<bigint | null>(cols + 1).fill(null);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      const ui = u[i0] as bigint;
      const base = (i0 - 1) * cols;
      let delta: bigint | null = null;
      let j1 = -1;
      for (let j = 1; j <= cols; j++) {
        if (used[j] === 1) continue;
        const c = values[base + j - 1];
        if (c !== null && c !== undefined) {
          const cur = c - ui - (v[j] as bigint);
          const mj = minv[j];
          if (mj === null || mj === undefined || cur < mj) {
            minv[j] = cur;
            way[j] = j0;
          }
        }
        const mj = minv[j];
        if (mj !== null && mj !== undefined && (delta === null || mj < delta)) {
          delta = mj;
          j1 = j;
        }
      }
      if (delta === null) return undefined;
      for (let j = 0; j <= cols; j++) {
        if (used[j] === 1) {
          const r = p[j] as number;
          u[r] = (u[r] as bigint) + delta;
          v[j] = (v[j] as bigint) - delta;
        } else {
          const mj = minv[j];
          if (mj !== null && mj !== undefined) minv[j] = mj - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const x = new Int32Array(rows);
  for (let j = 1; j <= cols; j++) if ((p[j] as number) > 0) x[(p[j] as number) - 1] = j - 1;
  return x;
}

/** Σ values[r][x[r]] exactly. */
function exactTotal(values: readonly (bigint | null)[], cols: number, x: Int32Array): bigint | undefined {
  let s = 0n;
  for (let r = 0; r < x.length; r++) {
    const c = values[r * cols + (x[r] as number)];
    if (c === null || c === undefined) return undefined;
    s += c;
  }
  return s;
}

/**
 * Σ terms rounded once to the nearest double (ties to even), as Python's
 * `math.fsum`: Shewchuk's exact expansion of non-overlapping partials
 * ("Adaptive precision floating-point arithmetic", Discrete Comput. Geom.
 * 18, 1997), then the correctly rounded top. O(len) time for ordinary sums
 * (few partials). Finite terms whose partial sums do not overflow.
 */
export function exactSum(terms: Float64Array): number {
  // partials[0..m): the expansion (the array only grows, one entry at a
  // time: no `length` write per term, which costs a runtime call).
  const partials: number[] = [];
  let m = 0;
  for (let t = 0; t < terms.length; t++) {
    let x = terms[t] as number;
    let n = 0;
    for (let q = 0; q < m; q++) {
      let y = partials[q] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[n++] = lo;
      x = hi;
    }
    partials[n] = x;
    m = n + 1;
  }
  let n = m;
  if (n === 0) return 0;
  let hi = partials[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way case: the rest of the partials decides the direction.
  const next = n > 0 ? (partials[n - 1] as number) : 0;
  if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * The exact optimum of the `rows × cols` (rows ≤ cols) minimization matrix
 * `c` given the float kernel's assignment `x`: `x` itself when its exact
 * total is optimal, else the exact Hungarian assignment.
 */
export function exactAssignment(c: Float64Array, rows: number, cols: number, x: Int32Array): Int32Array {
  const { values } = toUnits(c);
  const best = hungarianBig(values, rows, cols);
  if (best === undefined) return x; // unreachable: x is an assignment of allowed pairs
  const mine = exactTotal(values, cols, x);
  return mine !== undefined && mine === exactTotal(values, cols, best) ? x : best;
}

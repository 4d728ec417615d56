/**
 * Exact fallback of the double-precision LSAP solve (`lsapSolve.ts`): the
 * BigInt Hungarian algorithm, run when the exactness guard
 * (`lsapExactGrid.ts`) and the dual certificate both fail.
 *
 * {@link exactAssignment}: the Hungarian algorithm (shortest augmenting
 * paths with potentials, Kuhn 1955 / Munkres 1957, in the O(k²K) form) in
 * `BigInt` on the entries in units of their common power of two; the
 * kernel's assignment is kept when its exact total equals the exact optimum
 * (so ties resolve as before), else the exact one is used.
 * @internal
 * @module
 */

/** Largest k·k·K for which the BigInt solve runs (about 0.5-1 s at 512×512, 10 ms at 120×120); above it the caller refuses. */
export const EXACT_WORK_LIMIT = 2 ** 27;

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

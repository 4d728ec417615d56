/**
 * Exact optimality certificate of a float LSAP assignment (`lsapExactGrid.ts`).
 *
 * An assignment x of every row of a k × K (k ≤ K) minimization matrix is
 * optimal iff there are column duals v with v_j ≤ 0, v_j = 0 on the
 * columns x leaves free, and c_ij − v_j ≥ c_i,x(i) − v_x(i) for every
 * allowed pair (LP duality with u_i = c_i,x(i) − v_x(i); Bijsterbosch &
 * Volgenant 2010 for the rectangular form). Such v are shortest distances
 * in the graph with an edge x(i) → j of length c_ij − c_i,x(i) from a
 * source at distance 0 to every column: {@link certifyAssignment} runs
 * Bellman–Ford on it in doubles rounded down (each new v_j is the largest
 * double ≤ the exact v_x(i) + c_ij − c_i,x(i), decided exactly in BigInt
 * when the float filter is not conclusive), so at its fixed point every
 * inequality holds exactly and x is proven optimal. Rows are rescanned
 * only when their column's dual went down (a FIFO, as SPFA). It gives up
 * (false) when a free column would have to go below 0 or after
 * (min(k + 1, 64) + 1)·k row scans (a negative cycle: x not optimal;
 * rounding drift on a cycle of length 0 whose exact duals are not doubles;
 * or a long path). O(K) time per row scan; on uniform random matrices the
 * whole check costs about twice the solve (1000×1000: 46 ms against 16).
 * @internal
 * @module
 */

import { exactSum } from './lsapExactSum.js';

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e exactly (x finite), with m an integer. */
function parts(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  const mant = (BigInt((hi & 0xfffff) | (biased === 0 ? 0 : 0x100000)) << 32n) | BigInt(view.getUint32(4));
  return { m: x < 0 ? -mant : mant, e: (biased === 0 ? 1 : biased) - 1075 };
}

/** a + b − c − d = m · 2^e exactly (finite doubles). */
function exact(a: number, b: number, c: number, d: number): { m: bigint; e: number } {
  const p = [parts(a), parts(b), parts(c), parts(d)];
  const e = Math.min(p[0]!.e, p[1]!.e, p[2]!.e, p[3]!.e);
  const at = (q: { m: bigint; e: number }): bigint => q.m << BigInt(q.e - e);
  return { m: at(p[0]!) + at(p[1]!) - at(p[2]!) - at(p[3]!), e };
}

const four = new Float64Array(4);

/**
 * The sign of a + b − c − d, exactly (finite doubles whose sums do not
 * overflow): the sign of the correctly rounded sum (exactSum), which is the
 * exact sign (a sum of doubles that is nonzero never rounds to 0).
 */
export function signOf(a: number, b: number, c: number, d: number): number {
  four[0] = a;
  four[1] = b;
  four[2] = -c;
  four[3] = -d;
  return Math.sign(exactSum(four));
}

/** m · 2^e to a double within an ulp or two (sticky-bit rounding of long m, powers of two in two steps). */
function toDouble(m: bigint, e: number): number {
  const neg = m < 0n;
  let a = neg ? -m : m;
  const len = a.toString(2).length;
  let shift = 0;
  if (len > 64) {
    shift = len - 64;
    const sticky = (a & ((1n << BigInt(shift)) - 1n)) !== 0n;
    a >>= BigInt(shift);
    if (sticky) a |= 1n;
  }
  const f = e + shift;
  const half = Math.trunc(f / 2);
  const r = Number(a) * 2 ** half * 2 ** (f - half);
  return neg ? -r : r;
}

/** The largest double ≤ a + b − c exactly (finite doubles, the sum within range). */
export function roundedDown(a: number, b: number, c: number): number {
  const { m, e } = exact(a, b, c, 0);
  let w = toDouble(m, e);
  while (signOf(a, b, c, w) < 0) w = nextDown(w);
  return w;
}

/** The next double below x (finite x). */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits - 1n : bits + 1n);
  return view.getFloat64(0);
}

/** Passes before giving up (a sound limit: false only means not proven). */
const MAX_PASSES = 64;

/** Relative slack of the float filter: generous against the two roundings of t. */
const SLACK = 2 ** -48;

/**
 * Whether `x` (row → column) is an optimal assignment of the row-major
 * `rows × cols` matrix `c` (rows ≤ cols, `+Infinity`: forbidden), proven
 * exactly (see the module doc); false when not proven.
 */
export function certifyAssignment(c: Float64Array, rows: number, cols: number, x: Int32Array): boolean {
  const v = new Float64Array(cols);
  const owner = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++) owner[x[i] as number] = i;
  const budget = (Math.min(rows + 1, MAX_PASSES) + 1) * rows;
  // Rows to scan (a FIFO of rows whose column's dual went down since their
  // last scan: only their edges can have become violated).
  const queue = new Int32Array(rows);
  const queued = new Uint8Array(rows);
  // Plain Bellman–Ford in doubles first (fast, no BigInt): the exact phase
  // below then starts near the fixed point and only corrects rounding.
  for (let exact = 0; exact < 2; exact++) {
    for (let i = 0; i < rows; i++) queue[i] = i;
    queued.fill(1);
    let head = 0;
    let size = rows;
    let scans = 0;
    while (size > 0) {
      if (scans++ > budget) {
        if (exact === 1) return false;
        break;
      }
      const i = queue[head] as number;
      head = head + 1 === rows ? 0 : head + 1;
      size--;
      queued[i] = 0;
      const xi = x[i] as number;
      const base = i * cols;
      const cx = c[base + xi] as number;
      if (cx === Infinity) return false;
      const vx = v[xi] as number;
      for (let j = 0; j < cols; j++) {
        const cij = c[base + j] as number;
        if (j === xi || cij === Infinity) continue;
        // s = vx + cij − cx exactly; is v_j ≤ s?
        const t = cij - cx + vx;
        const vj = v[j] as number;
        if (exact === 0) {
          if (t >= vj || owner[j] === -1) continue;
          v[j] = t;
        } else {
          const margin = SLACK * (Math.abs(cij) + Math.abs(cx) + Math.abs(vx) + Math.abs(vj)) + 4 * Number.MIN_VALUE;
          if (t - vj > margin || signOf(vx, cij, cx, vj) >= 0) continue;
          // Violated: a free column cannot go below 0; an assigned one goes down to rd(s).
          if (owner[j] === -1) return false;
          v[j] = roundedDown(vx, cij, cx);
        }
        const r = owner[j] as number;
        if (queued[r] === 0) {
          queued[r] = 1;
          queue[(head + size) % rows] = r;
          size++;
        }
      }
    }
  }
  return true;
}

// AssemblyScript source of the dense LSAP kernel's WebAssembly module
// (compiled by scripts/build-lsap-wasm.ts into lsapDenseWasm.ts, checked
// byte for byte by test/solvers/lsap/wasm/lsapDenseWasm.test.ts). Not
// TypeScript: excluded from tsconfig.json, never imported.
//
// A line-by-line port of the dense JavaScript path of lsap.ts (lsapSquare
// after the Monge and sparse paths, lsapRectangular), lsapPaths.ts
// (shortestPath, augment) and lsapRowReduction.ts (denseRowReduction,
// settle): the same f64 operations in the same order, the same comparisons,
// so the same assignment, ties included (WebAssembly f64 arithmetic is IEEE
// 754 binary64 with round to nearest, as JavaScript's; Binaryen does not
// reassociate floating-point operations). Any change to those files must be
// mirrored here (the oracle tests in test/solvers/lsap/lsapWasm.test.ts
// compare both paths).
//
// No allocation, no runtime: every array lives in linear memory at byte
// offsets the caller passes (see lsapWasm.ts for the layout). The caller
// grows the memory.
//
// One file on purpose, though over the ~300-line guideline: it is one
// WebAssembly module (the kernel and its input scans share the linear
// memory layout and the row-reduction globals), scripts/build-lsap-wasm.ts
// compiles exactly this one source through an in-memory file system (its
// readFile serves no other file), and the committed bytes in
// lsapDenseWasm.ts are checked against a recompilation. Splitting it would
// change the build and the function layout of the committed binary for no
// gain in review: its structure mirrors the JavaScript files it ports,
// which are split by concept already.

// @ts-nocheck
/* eslint-disable */

const DENSE_STEPS_PER_ROW: i32 = 2;

@inline function ld(p: usize, k: i32): f64 { return load<f64>(p + (<usize>k << 3)); }
@inline function st(p: usize, k: i32, x: f64): void { store<f64>(p + (<usize>k << 3), x); }
@inline function li(p: usize, k: i32): i32 { return load<i32>(p + (<usize>k << 2)); }
@inline function si(p: usize, k: i32, x: i32): void { store<i32>(p + (<usize>k << 2), x); }

// Row-reduction round state (RoundState of lsapRowReduction.ts).
let current: i32 = 0;
let kept: i32 = 0;

function settle(x: usize, y: usize, v: usize, free: usize, i: i32, j1: i32, u1: f64, j2: i32, u2: f64, withinBudget: bool): void {
  if (u1 == Infinity) {
    si(free, kept++, i);
    return;
  }
  let j = j1;
  let i0 = li(y, j1);
  const lowered = ld(v, j1) - (u2 - u1);
  const lowers = u2 != Infinity && lowered < ld(v, j1);
  if (withinBudget) {
    if (lowers) st(v, j1, lowered);
    else if (i0 >= 0 && u2 != Infinity) {
      j = j2;
      i0 = li(y, j2);
    }
    if (i0 >= 0) {
      if (lowers) si(free, --current, i0);
      else si(free, kept++, i0);
    }
  } else if (i0 >= 0) {
    si(free, kept++, i0);
  }
  si(x, i, j);
  si(y, j, i);
  if (i0 >= 0 && li(x, i0) == j) si(x, i0, -1);
}

function denseRowReduction(c: usize, rows: i32, cols: i32, x: usize, y: usize, v: usize, free: usize, nFree: i32): i32 {
  current = 0;
  kept = 0;
  let steps: i32 = 0;
  let freeFrom: i32 = 0;
  while (current < nFree) {
    steps++;
    const i = li(free, current++);
    const base = <usize>i * <usize>cols;
    const row = c + (base << 3);
    let j1: i32 = -1;
    let u1: f64 = Infinity;
    let j2: i32 = -1;
    let u2: f64 = Infinity;
    for (let j: i32 = 0; j < cols; j++) {
      const r = ld(row, j) - ld(v, j);
      if (r < u2) {
        if (r >= u1) {
          u2 = r;
          j2 = j;
        } else {
          u2 = u1;
          j2 = j1;
          u1 = r;
          j1 = j;
        }
      }
    }
    if (u1 == u2 && u1 != Infinity && li(y, j1) >= 0) {
      while (freeFrom < cols && li(y, freeFrom) >= 0) freeFrom++;
      for (let j = freeFrom; j < cols; j++) {
        if (li(y, j) < 0 && ld(row, j) - ld(v, j) == u1) {
          j1 = j;
          break;
        }
      }
    }
    // steps < current · rows in doubles, as JavaScript compares it.
    settle(x, y, v, free, i, j1, u1, j2, u2, <f64>steps < <f64>current * <f64>rows && <f64>steps < <f64>DENSE_STEPS_PER_ROW * <f64>rows);
  }
  return kept;
}

function shortestPath(
  c: usize, cols: i32, start: i32, x: usize, y: usize, v: usize, pred: usize,
  col: usize, from: usize, dist: usize, dual: usize,
): i32 {
  for (let j: i32 = 0; j < cols; j++) {
    si(col, j, j);
    st(dist, j, Infinity);
    st(dual, j, ld(v, j));
  }
  let nRemaining = cols;
  let i = start;
  let h: f64 = 0;
  let minVal: f64 = 0;
  let last: i32 = -1;
  while (last == -1) {
    const row = c + ((<usize>i * <usize>cols) << 3);
    let lowest: f64 = Infinity;
    let at: i32 = 0;
    for (let k: i32 = 0; k < nRemaining; k++) {
      const r = h + ld(row, li(col, k)) - ld(dual, k);
      let dk = ld(dist, k);
      if (r < dk) {
        st(dist, k, r);
        si(from, k, i);
        dk = r;
      }
      if (dk < lowest || (dk == lowest && li(y, li(col, k)) < 0)) {
        lowest = dk;
        at = k;
      }
    }
    if (lowest == Infinity) return -1;
    minVal = lowest;
    const end = --nRemaining;
    const j = li(col, at);
    si(col, at, li(col, end));
    si(col, end, j);
    const dd = ld(dist, at);
    st(dist, at, ld(dist, end));
    st(dist, end, dd);
    const vv = ld(dual, at);
    st(dual, at, ld(dual, end));
    st(dual, end, vv);
    const ff = li(from, at);
    si(from, at, li(from, end));
    si(from, end, ff);
    if (li(y, j) < 0) last = j;
    else {
      i = li(y, j);
      const xi = li(x, i);
      h = minVal - (ld(c, i * cols + xi) - ld(v, xi));
    }
  }
  for (let k = nRemaining; k < cols; k++) {
    const j = li(col, k);
    si(pred, j, li(from, k));
    st(v, j, ld(dual, k) + ld(dist, k) - minVal);
  }
  return last;
}

function augment(x: usize, y: usize, pred: usize, start: i32, last: i32): void {
  let j = last;
  for (;;) {
    const i = li(pred, j);
    si(y, j, i);
    const next = li(x, i);
    si(x, i, j);
    if (i == start) return;
    j = next;
  }
}

function augmentAll(
  c: usize, cols: i32, x: usize, y: usize, v: usize, free: usize, nFree: i32,
  pred: usize, col: usize, from: usize, dist: usize, dual: usize,
): i32 {
  for (let f: i32 = 0; f < nFree; f++) {
    const start = li(free, f);
    const last = shortestPath(c, cols, start, x, y, v, pred, col, from, dist, dual);
    if (last < 0) return 0;
    augment(x, y, pred, start, last);
  }
  for (let j: i32 = 0; j < cols; j++) if (!isFinite<f64>(ld(v, j))) return 0;
  return 1;
}

// Column reduction and reduction transfer (lsap.ts); v and y hold the column
// minima and their rows on entry. `unique` is n bytes.
function columnReduction(c: usize, n: i32, x: usize, y: usize, v: usize, free: usize, unique: usize): i32 {
  memory.fill(unique, 1, <usize>n);
  for (let j = n - 1; j >= 0; j--) {
    if (ld(v, j) == Infinity) return -1;
    const i = li(y, j);
    if (li(x, i) == -1) si(x, i, j);
    else {
      store<u8>(unique + <usize>i, 0);
      si(y, j, -1);
    }
  }
  let nFree: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const j = li(x, i);
    if (j == -1) si(free, nFree++, i);
    else if (load<u8>(unique + <usize>i) == 1) {
      const row = c + ((<usize>i * <usize>n) << 3);
      let min: f64 = Infinity;
      for (let k: i32 = 0; k < n; k++) {
        if (k == j) continue;
        const r = ld(row, k) - ld(v, k);
        if (r < min) min = r;
      }
      if (min != Infinity) st(v, j, ld(v, j) - min);
    }
  }
  return nFree;
}

/**
 * Solves the row-major rows × cols matrix at byte offset `c` (rows ≤ cols).
 * Work area at `ws` (8-byte aligned): f64 v, dist, dual [cols each], then
 * i32 x [rows], y [cols], free [rows], pred, col, from [cols each], then
 * unique [rows bytes]. Square (`square` = 1): v and y must hold the column
 * minima and their rows (lsap.ts's lsapSquare); rectangular: everything is
 * initialized here, and `rowReduction` = 0 skips the row reduction.
 * Returns 1 with x filled (row → column), 0 when lsap.ts returns undefined.
 */
export function solve(c: usize, rows: i32, cols: i32, square: i32, rowReduction: i32, ws: usize): i32 {
  const v = ws;
  const dist = v + (<usize>cols << 3);
  const dual = dist + (<usize>cols << 3);
  const x = dual + (<usize>cols << 3);
  const y = x + (<usize>rows << 2);
  const free = y + (<usize>cols << 2);
  const pred = free + (<usize>rows << 2);
  const col = pred + (<usize>cols << 2);
  const from = col + (<usize>cols << 2);
  const unique = from + (<usize>cols << 2);
  memory.fill(x, 0xff, <usize>rows << 2);
  let nFree: i32;
  if (square != 0) {
    nFree = columnReduction(c, rows, x, y, v, free, unique);
    if (nFree < 0) return 0;
    for (let round = 0; round < 2 && nFree > 0; round++) {
      nFree = denseRowReduction(c, rows, rows, x, y, v, free, nFree);
    }
  } else {
    memory.fill(y, 0xff, <usize>cols << 2);
    memory.fill(v, 0, <usize>cols << 3);
    for (let i: i32 = 0; i < rows; i++) si(free, i, i);
    nFree = rows;
    for (let round = 0; round < 2 && nFree > 0 && rowReduction != 0; round++) {
      nFree = denseRowReduction(c, rows, cols, x, y, v, free, nFree);
    }
  }
  return augmentAll(c, cols, x, y, v, free, nFree, pred, col, from, dist, dual);
}

// Knuth's TwoSum error of s = fl(a − b) (lsapMonge.ts's subtractionError).
@inline function subtractionError(a: f64, b: f64, s: f64): f64 {
  const nb = -b;
  const a1 = s - nb;
  const b1 = s - a1;
  return a - a1 + (nb - b1);
}

/**
 * The input pass of lsapInput.ts's copyRows after the copy, on the
 * row-major square rows × cols matrix at `c` (rows = cols): returns Σ|c|
 * (in row-major order); checks the identity's Monge certificate with the
 * duals u, v (f64 [rows] each at `u`, `v`; `id` = 0: no duals, not
 * certified), stores 1 (certified) or 0 at byte `flag`, and when not
 * certified writes the column minima, ties to the lowest row, to `min`
 * (f64 [cols]) and `minRow` (i32 [cols]). On the way, the statistics of
 * lsapExactGrid.ts's needsExactCheck, written as three f64 at `stats` (8-byte
 * aligned): the largest and the smallest nonzero |c| (0 and Infinity when
 * none), and 1 when every entry is an integer (else 0). Not written when the
 * identity is certified (no solve follows). Rectangular matrices: see
 * {@link scanRect}.
 */
export function scan(c: usize, rows: i32, cols: i32, id: i32, u: usize, v: usize, min: usize, minRow: usize, flag: usize, stats: usize): f64 {
  let sumAbs: f64 = 0;
  let big: f64 = 0;
  let small: f64 = Infinity;
  let integral: i32 = 1;
  let identity = id != 0;
  let i: i32 = 0;
  // One pass while the certificate holds (a constant matrix: the only one).
  for (; i < rows && identity; i++) {
    const row = c + ((<usize>i * <usize>cols) << 3);
    const ui = ld(u, i);
    for (let j: i32 = 0; j < cols; j++) {
      const a = ld(row, j);
      const m = Math.abs(a);
      sumAbs += m;
      if (m > big) big = m;
      if (m < small && m != 0) small = m;
      integral &= <i32>(Math.floor(a) == a);
      const vj = ld(v, j);
      const r = a - vj;
      if (r <= ui) {
        if (a == vj) identity = identity && ui <= 0;
        else identity = identity && r == ui && subtractionError(a, vj, r) >= 0;
      }
    }
  }
  store<i32>(flag, identity ? 1 : 0);
  if (identity) return sumAbs;
  // Column minima, ties to the lowest row: the rows already summed, then the
  // others with their sums.
  for (let j: i32 = 0; j < cols; j++) {
    st(min, j, Infinity);
    si(minRow, j, 0);
  }
  for (let k: i32 = 0; k < i; k++) {
    const row = c + ((<usize>k * <usize>cols) << 3);
    for (let j: i32 = 0; j < cols; j++) {
      const a = ld(row, j);
      if (a < ld(min, j)) {
        st(min, j, a);
        si(minRow, j, k);
      }
    }
  }
  for (; i < rows; i++) {
    const row = c + ((<usize>i * <usize>cols) << 3);
    for (let j: i32 = 0; j < cols; j++) {
      const a = ld(row, j);
      const m = Math.abs(a);
      sumAbs += m;
      if (m > big) big = m;
      if (m < small && m != 0) small = m;
      integral &= <i32>(Math.floor(a) == a);
      if (a < ld(min, j)) {
        st(min, j, a);
        si(minRow, j, i);
      }
    }
  }
  st(stats, 0, big);
  st(stats, 1, small);
  st(stats, 2, <f64>integral);
  return sumAbs;
}

/**
 * {@link scan} for a rectangular matrix (no certificate, no minima): Σ|c|
 * and the statistics at `stats`, the entries two at a time in f64x2 lanes
 * (128-bit SIMD). Its own export, not a branch of scan, so that the
 * optimizing compiler's tier-up on the first call in a process (triggered
 * by this loop's work) compiles this small function only (measured at
 * 300×900: the first scan 1.0-1.1 ms instead of 2.2-3.7 when it was part
 * of scan).
 */
export function scanRect(c: usize, rows: i32, cols: i32, stats: usize): f64 {
  let sumAbs: f64 = 0;
  let big: f64 = 0;
  let small: f64 = Infinity;
  let integral: i32 = 1;
  // Two lanes at a time (the sum in two partial sums: Σ|c| only bounds
  // magnitudes), the odd last entry alone.
  const n = <usize>rows * <usize>cols;
  const end = c + ((n & ~(<usize>1)) << 3);
  let vs = f64x2.splat(0);
  let vbig = f64x2.splat(0);
  let vsmall = f64x2.splat(Infinity);
  let vint = i64x2.splat(-1);
  const inf = f64x2.splat(Infinity);
  const zero = f64x2.splat(0);
  for (let p = c; p < end; p += 16) {
    const a = v128.load(p);
    const m = f64x2.abs(a);
    vs = f64x2.add(vs, m);
    vbig = f64x2.pmax(vbig, m);
    vsmall = f64x2.pmin(vsmall, v128.bitselect(inf, m, f64x2.eq(m, zero)));
    vint = v128.and(vint, f64x2.eq(f64x2.floor(a), a));
  }
  sumAbs = f64x2.extract_lane(vs, 0) + f64x2.extract_lane(vs, 1);
  big = Math.max(f64x2.extract_lane(vbig, 0), f64x2.extract_lane(vbig, 1));
  small = Math.min(f64x2.extract_lane(vsmall, 0), f64x2.extract_lane(vsmall, 1));
  integral = v128.all_true<i64>(vint) ? 1 : 0;
  if ((n & 1) != 0) {
    const a = load<f64>(end);
    const m = Math.abs(a);
    sumAbs += m;
    if (m > big) big = m;
    if (m < small && m != 0) small = m;
    integral &= <i32>(Math.floor(a) == a);
  }
  st(stats, 0, big);
  st(stats, 1, small);
  st(stats, 2, <f64>integral);
  return sumAbs;
}

// AssemblyScript source of the sparse LSAP path's WebAssembly module
// (compiled by scripts/build-lsap-wasm.ts into lsapSparseWasm.ts, checked
// byte for byte by test/solvers/lsap/wasm/lsapDenseWasm.test.ts). Not
// TypeScript: excluded from tsconfig.json, never imported.
//
// A line-by-line port of lsapSparse.ts (large finite square matrices): the
// candidate graph of lsapCandidates.ts (selectCandidates, keepSmallest,
// selectKth, candidateGraph), lsapRowReduction.ts's sparseRowReduction and
// settle, the heap-based searches and the certificate: the same f64
// operations, the same comparisons, in the same order, so the same
// assignment or the same refusal (see lsapDense.as.ts for why that holds).
// Any change to those files must be mirrored here (the oracle tests in
// test/solvers/lsap/lsapWasm.test.ts compare both paths).
//
// A module of its own, beside lsapDense.as.ts: each stays under the 4 KB
// that browsers compile synchronously on the main thread, and this one is
// compiled only when a square matrix from n = 250 comes. It imports the
// dense module's memory (`env.memory`), where the matrix already is. The
// few helpers it shares with lsapDense.as.ts (ld, st, li, si, settle) are
// copied, not imported: a call across modules would cost more than they do.

// @ts-nocheck
/* eslint-disable */

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

// Layout from `ws` (8-byte aligned), E = n·cap + n edges at most:
// colMin, v, dist [f64 n each], red, scratch [f64 cap each], edgeCost,
// heapKey [f64 E each], then x, colArg, y, free [i32 n each], rowStart
// [i32 n + 1], rowLen, extra, pred, touched, finals [i32 n each], edgeCol,
// heapVal [i32 E each], fin [u8 n] (see sparseWasm in lsapWasm.ts).

const SPARSE_STEPS_PER_ROW: i32 = 8;

function selectKth(a: usize, len: i32, k: i32): f64 {
  let lo: i32 = 0;
  let hi: i32 = len - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = ld(a, lo);
    const y = ld(a, mid);
    const z = ld(a, hi);
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ld(a, i) < pivot) i++;
      while (ld(a, j) > pivot) j--;
      if (i <= j) {
        const t = ld(a, i);
        st(a, i, ld(a, j));
        st(a, j, t);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return ld(a, k);
  }
  return ld(a, k);
}

function keepSmallest(red: usize, scratch: usize, cap: i32, edgeCol: usize, at: i32, K: i32): f64 {
  memory.copy(scratch, red, <usize>cap << 3);
  const kth = selectKth(scratch, cap, K - 1);
  let ties = K;
  for (let q: i32 = 0; q < cap; q++) if (ld(scratch, q) < kth) ties--;
  let kept: i32 = 0;
  for (let q: i32 = 0; q < cap; q++) {
    const r = ld(red, q);
    if (r < kth || (r == kth && ties-- > 0)) {
      st(red, kept, r);
      si(edgeCol, at + kept, li(edgeCol, at + q));
      kept++;
    }
  }
  return kth;
}

function selectCandidates(
  c: usize, n: i32, K: i32, cap: i32, colMin: usize,
  rowStart: usize, rowLen: usize, edgeCol: usize, edgeCost: usize, red: usize, scratch: usize,
): i32 {
  let tied: i32 = 0;
  let guess: f64 = Infinity;
  for (let i: i32 = 0; i < n; i++) {
    const row = c + ((<usize>i * <usize>n) << 3);
    const at = li(rowStart, i);
    let tau = guess;
    let len: i32 = 0;
    let strict = false;
    for (let pass = 0; pass < 2; pass++) {
      len = 0;
      strict = false;
      for (let j: i32 = 0; j < n; j++) {
        const r = ld(row, j) - ld(colMin, j);
        if (r <= tau) {
          if (strict && r == tau) continue;
          st(red, len, r);
          si(edgeCol, at + len, j);
          if (++len == cap) {
            tau = keepSmallest(red, scratch, cap, edgeCol, at, K);
            len = K;
            strict = true;
          }
        }
      }
      if (len >= K || tau == Infinity) break;
      tau = Infinity;
    }
    for (let q: i32 = 0; q < len; q++) st(edgeCost, at + q, ld(row, li(edgeCol, at + q)));
    si(rowLen, i, len);
    let least: f64 = Infinity;
    let nLeast: i32 = 0;
    for (let q: i32 = 0; q < len; q++) {
      const r = ld(red, q);
      if (r < least) {
        least = r;
        nLeast = 0;
      }
      if (r == least) nLeast++;
    }
    if (nLeast >= K) tied++;
    if (i >= 15 && 4 * tied > 3 * (i + 1)) return n;
    guess = tau * Math.min(4, Math.max(0.25, (1.5 * <f64>K) / <f64>max(len, 1)));
  }
  return tied;
}

function sparseRowReduction(rowStart: usize, rowLen: usize, edgeCol: usize, edgeCost: usize, n: i32, x: usize, y: usize, v: usize, free: usize, nFree: i32): i32 {
  current = 0;
  kept = 0;
  let steps: i32 = 0;
  while (current < nFree) {
    steps++;
    const i = li(free, current++);
    const start = li(rowStart, i);
    const end = start + li(rowLen, i);
    let j1: i32 = -1;
    let u1: f64 = Infinity;
    let j2: i32 = -1;
    let u2: f64 = Infinity;
    for (let q = start; q < end; q++) {
      const j = li(edgeCol, q);
      const r = ld(edgeCost, q) - ld(v, j);
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
    // steps < current · n in doubles, as JavaScript compares it.
    settle(x, y, v, free, i, j1, u1, j2, u2, <f64>steps < <f64>current * <f64>n && <f64>steps < <f64>SPARSE_STEPS_PER_ROW * <f64>n);
  }
  return kept;
}

// The binary heap of lsapSparse.ts (heapKey, heapVal, its length).
let heapLen: i32 = 0;

function heapPush(heapKey: usize, heapVal: usize, key: f64, val: i32): void {
  let p = heapLen++;
  while (p > 0) {
    const parent = (p - 1) >> 1;
    if (ld(heapKey, parent) <= key) break;
    st(heapKey, p, ld(heapKey, parent));
    si(heapVal, p, li(heapVal, parent));
    p = parent;
  }
  st(heapKey, p, key);
  si(heapVal, p, val);
}

function heapPop(heapKey: usize, heapVal: usize): i32 {
  const top = li(heapVal, 0);
  const len = --heapLen;
  const lastKey = ld(heapKey, len);
  const lastVal = li(heapVal, len);
  let p: i32 = 0;
  for (;;) {
    let child = 2 * p + 1;
    if (child >= len) break;
    if (child + 1 < len && ld(heapKey, child + 1) < ld(heapKey, child)) child++;
    if (ld(heapKey, child) >= lastKey) break;
    st(heapKey, p, ld(heapKey, child));
    si(heapVal, p, li(heapVal, child));
    p = child;
  }
  st(heapKey, p, lastKey);
  si(heapVal, p, lastVal);
  return top;
}

// lsapSparse.ts's search: the remaining budget, or -1.
function sparseSearch(
  c: usize, n: i32, rowStart: usize, rowLen: usize, edgeCol: usize, edgeCost: usize, x: usize, y: usize, v: usize, start: i32,
  dist: usize, fin: usize, pred: usize, touched: usize, finals: usize, heapKey: usize, heapVal: usize, budget: i64,
): i64 {
  let nTouched: i32 = 0;
  let nFinal: i32 = 0;
  heapLen = 0;
  let i = start;
  let h: f64 = 0;
  let last: i32 = -1;
  let minVal: f64 = 0;
  for (;;) {
    const at = li(rowStart, i);
    const end = at + li(rowLen, i);
    budget -= <i64>(end - at);
    if (budget < 0) return -1;
    for (let q = at; q < end; q++) {
      const j = li(edgeCol, q);
      if (load<u8>(fin + <usize>j) == 1) continue;
      const r = h + ld(edgeCost, q) - ld(v, j);
      if (r < ld(dist, j)) {
        if (ld(dist, j) == Infinity) si(touched, nTouched++, j);
        st(dist, j, r);
        si(pred, j, i);
        heapPush(heapKey, heapVal, r, j);
      }
    }
    let j: i32 = -1;
    while (heapLen > 0) {
      const key = ld(heapKey, 0);
      const cand = heapPop(heapKey, heapVal);
      if (load<u8>(fin + <usize>cand) == 0 && key == ld(dist, cand)) {
        j = cand;
        break;
      }
    }
    if (j < 0) return -1;
    minVal = ld(dist, j);
    store<u8>(fin + <usize>j, 1);
    si(finals, nFinal++, j);
    if (li(y, j) < 0) {
      last = j;
      break;
    }
    i = li(y, j);
    h = minVal - (ld(c + ((<usize>i * <usize>n) << 3), j) - ld(v, j));
  }
  for (let q: i32 = 0; q < nFinal; q++) {
    const j = li(finals, q);
    st(v, j, ld(v, j) + ld(dist, j) - minVal);
    store<u8>(fin + <usize>j, 0);
  }
  for (let q: i32 = 0; q < nTouched; q++) st(dist, li(touched, q), Infinity);
  let j = last;
  for (;;) {
    const r = li(pred, j);
    si(y, j, r);
    const next = li(x, r);
    si(x, r, j);
    if (r == start) break;
    j = next;
  }
  return budget;
}

/**
 * lsapSparse.ts's lsapSparse on the n×n finite matrix at `c`, with K
 * candidates per row (list capacity `cap` = 3K), the column minima and
 * their rows at colMin and colArg (see the layout above): 1 with x filled
 * (row → column), 0 where lsapSparse returns undefined.
 */
export function sparse(c: usize, n: i32, K: i32, cap: i32, ws: usize): i32 {
  const E = n * cap + n;
  const colMin = ws;
  const v = colMin + (<usize>n << 3);
  const dist = v + (<usize>n << 3);
  const red = dist + (<usize>n << 3);
  const scratch = red + (<usize>cap << 3);
  const edgeCost = scratch + (<usize>cap << 3);
  const heapKey = edgeCost + (<usize>E << 3);
  const x = heapKey + (<usize>E << 3);
  const colArg = x + (<usize>n << 2);
  const y = colArg + (<usize>n << 2);
  const free = y + (<usize>n << 2);
  const rowStart = free + (<usize>n << 2);
  const rowLen = rowStart + (<usize>(n + 1) << 2);
  const extra = rowLen + (<usize>n << 2);
  const pred = extra + (<usize>n << 2);
  const touched = pred + (<usize>n << 2);
  const finals = touched + (<usize>n << 2);
  const edgeCol = finals + (<usize>n << 2);
  const heapVal = edgeCol + (<usize>E << 2);
  const fin = heapVal + (<usize>E << 2);
  // candidateGraph
  memory.fill(extra, 0, <usize>n << 2);
  for (let j: i32 = 0; j < n; j++) si(extra, li(colArg, j), li(extra, li(colArg, j)) + 1);
  si(rowStart, 0, 0);
  for (let i: i32 = 0; i < n; i++) si(rowStart, i + 1, li(rowStart, i) + cap + li(extra, i));
  const tied = selectCandidates(c, n, K, cap, colMin, rowStart, rowLen, edgeCol, edgeCost, red, scratch);
  if (tied > n >> 1) return 0;
  for (let j: i32 = 0; j < n; j++) {
    const i = li(colArg, j);
    const at = li(rowStart, i);
    let present = false;
    for (let q: i32 = 0; q < li(rowLen, i); q++) if (li(edgeCol, at + q) == j) present = true;
    if (!present) {
      si(edgeCol, at + li(rowLen, i), j);
      st(edgeCost, at + li(rowLen, i), ld(c + ((<usize>i * <usize>n) << 3), j));
      si(rowLen, i, li(rowLen, i) + 1);
    }
  }
  // Column reduction.
  memory.fill(x, 0xff, <usize>n << 2);
  memory.fill(y, 0xff, <usize>n << 2);
  memory.copy(v, colMin, <usize>n << 3);
  for (let j = n - 1; j >= 0; j--) {
    const i = li(colArg, j);
    if (li(x, i) == -1) {
      si(x, i, j);
      si(y, j, i);
    }
  }
  let nFree: i32 = 0;
  for (let i: i32 = 0; i < n; i++) if (li(x, i) == -1) si(free, nFree++, i);
  for (let round = 0; round < 2 && nFree > 0; round++) {
    nFree = sparseRowReduction(rowStart, rowLen, edgeCol, edgeCost, n, x, y, v, free, nFree);
  }
  // searchAll
  for (let j: i32 = 0; j < n; j++) st(dist, j, Infinity);
  memory.fill(fin, 0, <usize>n);
  let budget: i64 = <i64>n * <i64>n;
  for (let f: i32 = 0; f < nFree; f++) {
    budget = sparseSearch(c, n, rowStart, rowLen, edgeCol, edgeCost, x, y, v, li(free, f), dist, fin, pred, touched, finals, heapKey, heapVal, budget);
    if (budget < 0) return 0;
  }
  // Certificate on the full matrix (finite duals first).
  for (let j: i32 = 0; j < n; j++) if (!isFinite(ld(v, j))) return 0;
  for (let r: i32 = 0; r < n; r++) {
    const row = c + ((<usize>r * <usize>n) << 3);
    const xr = li(x, r);
    const u = ld(row, xr) - ld(v, xr);
    for (let j: i32 = 0; j < n; j++) {
      if (ld(row, j) - ld(v, j) < u) return 0;
    }
  }
  return 1;
}

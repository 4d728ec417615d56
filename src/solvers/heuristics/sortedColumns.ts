/**
 * Per-device sorted columns of the cost matrix, for the batch heuristics
 * that can read "the cheapest remaining task on device j" instead of
 * rescanning rows: for every device j, the task indices sorted by
 * (transfer[i][j] + exec[i][j], i), the sorted costs beside them, and for
 * each position the first later position holding a different cost (so runs
 * of equal costs are skipped in O(1)). Typed arrays, built once. Private to
 * `solvers/`.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';

/** The sorted columns, device-major: entries of device j at [j·n, (j+1)·n). @internal */
export interface SortedColumns {
  /** `task[j·n + p]`: the p-th task of device j by (cost, index). */
  readonly task: Int32Array;
  /** `cost[j·n + p]`: that task's transfer + exec on device j (non-decreasing in p). */
  readonly cost: Float64Array;
  /** `runEnd[j·n + p]`: the first position q > p of device j with a different cost (n if none). */
  readonly runEnd: Int32Array;
}

/**
 * Up to this many entries (n·m) {@link sortedColumns} reads the matrix
 * column by column (strided reads, sequential writes; 2.5× faster than the
 * row-major pass at 512×16), else row by row. @internal
 */
const COLUMN_READ_MAX = 1 << 16;

/** Below this length a run is sorted by insertion. */
const RUN = 16;

/**
 * Sorts `key[lo..hi)` ascending with `idx` moved alongside, stably (equal
 * keys keep their order), by insertion sort on runs of {@link RUN} and
 * bottom-up merges through the scratch arrays. Keys are never NaN.
 * O(len log len), no allocation. @internal
 */
export function stableSortPairs(key: Float64Array, idx: Int32Array, lo: number, hi: number, tmpKey: Float64Array, tmpIdx: Int32Array): void {
  for (let s = lo; s < hi; s += RUN) {
    const e = s + RUN < hi ? s + RUN : hi;
    for (let p = s + 1; p < e; p++) {
      const k = key[p]!;
      const t = idx[p]!;
      let q = p - 1;
      while (q >= s && key[q]! > k) {
        key[q + 1] = key[q]!;
        idx[q + 1] = idx[q]!;
        q--;
      }
      key[q + 1] = k;
      idx[q + 1] = t;
    }
  }
  let srcK = key;
  let srcI = idx;
  let dstK = tmpKey;
  let dstI = tmpIdx;
  for (let width = RUN; lo + width < hi; width *= 2) {
    for (let s = lo; s < hi; s += 2 * width) {
      const mid = s + width < hi ? s + width : hi;
      const e = s + 2 * width < hi ? s + 2 * width : hi;
      let a = s;
      let b = mid;
      let o = s;
      while (a < mid && b < e) {
        // Take from the right only when strictly smaller: stable.
        if (srcK[b]! < srcK[a]!) {
          dstK[o] = srcK[b]!;
          dstI[o++] = srcI[b++]!;
        } else {
          dstK[o] = srcK[a]!;
          dstI[o++] = srcI[a++]!;
        }
      }
      while (a < mid) {
        dstK[o] = srcK[a]!;
        dstI[o++] = srcI[a++]!;
      }
      while (b < e) {
        dstK[o] = srcK[b]!;
        dstI[o++] = srcI[b++]!;
      }
    }
    const k = srcK;
    srcK = dstK;
    dstK = k;
    const i = srcI;
    srcI = dstI;
    dstI = i;
  }
  if (srcK !== key) {
    key.set(srcK.subarray(lo, hi), lo);
    idx.set(srcI.subarray(lo, hi), lo);
  }
}

/**
 * Sorts `src[from..from + n)` by (value, position) into `key[at..at + n)`,
 * with the positions 0..n−1 beside them in `idx[at..at + n)`: a bucket pass
 * by value ((v − min) · n / (max − min), monotone in v, so buckets are in
 * value order; `Infinity` in a last bucket), filled in position order, then
 * one insertion pass over the whole range when no bucket of finite values
 * holds more than {@link RUN} entries (an entry never moves past its
 * bucket's start), else each bucket sorted on its own
 * ({@link stableSortPairs} for the large ones). O(n) for spread values,
 * O(n log n) at worst. `bucket`, `count`, `tmpKey` and `tmpIdx` are scratch
 * of length ≥ n, ≥ n + 2, ≥ n and ≥ n; `src` is only read. @internal
 */
export function bucketSortColumn(
  src: Float64Array,
  from: number,
  n: number,
  key: Float64Array,
  idx: Int32Array,
  at: number,
  bucket: Int32Array,
  count: Int32Array,
  tmpKey: Float64Array,
  tmpIdx: Int32Array,
): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < n; p++) {
    const v = src[from + p]!;
    if (v !== Infinity) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  bucketSortSpan(src, from, n, key, idx, at, bucket, count, tmpKey, tmpIdx, lo, hi);
}

/**
 * {@link bucketSortColumn} given `lo` and `hi`, the smallest and largest
 * finite values of `src[from..from + n)` (`Infinity` and `-Infinity` if
 * none). @internal
 */
function bucketSortSpan(
  src: Float64Array,
  from: number,
  n: number,
  key: Float64Array,
  idx: Int32Array,
  at: number,
  bucket: Int32Array,
  count: Int32Array,
  tmpKey: Float64Array,
  tmpIdx: Int32Array,
  lo: number,
  hi: number,
): void {
  const scale = n / (hi - lo);
  if (n <= RUN || !(scale < Infinity) || !(scale > 0)) {
    for (let p = 0; p < n; p++) {
      key[at + p] = src[from + p]!;
      idx[at + p] = p;
    }
    stableSortPairs(key.subarray(at, at + n), idx.subarray(at, at + n), 0, n, tmpKey, tmpIdx);
    return;
  }
  const last = n - 1;
  count.fill(0, 0, n + 2);
  for (let p = 0; p < n; p++) {
    const v = src[from + p]!;
    let b = n;
    if (v !== Infinity) {
      // (v − lo)·scale is in [0, n·(1 + ε)]: truncation is floor.
      b = ((v - lo) * scale) | 0;
      if (b > last) b = last;
    }
    bucket[p] = b;
    count[b + 1]!++;
  }
  let largest = 0; // the largest bucket of finite values
  for (let b = 0; b < n; b++) {
    const c = count[b + 1]!;
    if (c > largest) largest = c;
    count[b + 1] = c + count[b]!;
  }
  count[n + 1]! += count[n]!;
  for (let p = 0; p < n; p++) {
    const o = at + count[bucket[p]!]!++;
    key[o] = src[from + p]!;
    idx[o] = p;
  }
  if (largest <= RUN) {
    insertionSort(key, idx, at, at + n);
    return;
  }
  // count[b] is now the end of bucket b (the start of b + 1).
  const colKey = key.subarray(at, at + n);
  const colIdx = idx.subarray(at, at + n);
  for (let b = 0, s = 0; b < n; b++) {
    const e = count[b]!;
    if (e - s > RUN) stableSortPairs(colKey, colIdx, s, e, tmpKey, tmpIdx);
    else insertionSort(key, idx, at + s, at + e);
    s = e;
  }
}

/** Stable insertion sort of `key[lo..hi)` with `idx` alongside. O(len + inversions). */
function insertionSort(key: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  for (let p = lo + 1; p < hi; p++) {
    const k = key[p]!;
    if (!(key[p - 1]! > k)) continue;
    const t = idx[p]!;
    let q = p - 1;
    while (q >= lo && key[q]! > k) {
      key[q + 1] = key[q]!;
      idx[q + 1] = idx[q]!;
      q--;
    }
    key[q + 1] = k;
    idx[q + 1] = t;
  }
}

/**
 * Builds the sorted columns of `cp` (every device, costs transfer + exec
 * computed as the heuristics compute them). O(m·n log n) time at worst
 * (O(n·m) for spread values), O(n·m) memory. @internal
 */
export function sortedColumns(cp: CompiledProblem): SortedColumns {
  const { n, m, exec, transfer } = cp;
  const task = new Int32Array(n * m);
  const cost = new Float64Array(n * m);
  const runEnd = new Int32Array(n * m);
  const byColumn = new Float64Array(n * m);
  const bucket = new Int32Array(n);
  const count = new Int32Array(n + 2);
  const tmpKey = new Float64Array(n);
  const tmpIdx = new Int32Array(n);
  const lo = new Float64Array(m).fill(Infinity); // each column's smallest and largest finite cost
  const hi = new Float64Array(m).fill(-Infinity);
  if (n * m <= COLUMN_READ_MAX) {
    // Small matrices (in cache): column by column, sequential writes.
    for (let j = 0, at = 0; j < m; j++) {
      let l = Infinity;
      let h = -Infinity;
      for (let k = j, end = n * m; k < end; k += m, at++) {
        const v = transfer[k]! + exec[k]!;
        byColumn[at] = v;
        if (v !== Infinity) {
          if (v < l) l = v;
          if (v > h) h = v;
        }
      }
      lo[j] = l;
      hi[j] = h;
    }
  } else {
    // One row-major pass over the matrix (m sequential write streams): a
    // column-by-column strided read was several times slower at 8192×256.
    for (let i = 0, k = 0; i < n; i++) {
      for (let at = i, j = 0; j < m; j++, k++, at += n) {
        const v = transfer[k]! + exec[k]!;
        byColumn[at] = v;
        if (v !== Infinity) {
          if (v < lo[j]!) lo[j] = v;
          if (v > hi[j]!) hi[j] = v;
        }
      }
    }
  }
  for (let j = 0; j < m; j++) {
    const base = j * n;
    bucketSortSpan(byColumn, base, n, cost, task, base, bucket, count, tmpKey, tmpIdx, lo[j]!, hi[j]!);
    let end = n;
    for (let p = n - 1; p >= 0; p--) {
      runEnd[base + p] = end;
      if (p > 0 && cost[base + p - 1] !== cost[base + p]) end = p;
    }
  }
  return { task, cost, runEnd };
}

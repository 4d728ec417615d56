/**
 * The candidate graph of the sparse LSAP path (`lsapSparse.ts`): for each
 * row of an n×n matrix, at least K of its smallest column-reduced costs
 * c_ij − min_i' c_i'j (a few more, up to CAP_FACTOR·K, when that saves
 * work), and for each column the edge to its minimum row (so no column is
 * isolated). Stored as compressed rows: row i's edges are
 * edgeCol/edgeCost[rowStart[i] .. rowStart[i] + rowLen[i]).
 * @internal
 * @module
 */
import type { ColumnMinima } from './lsapMinima.js';

/** A candidate graph in compressed rows. */
export interface CandidateGraph {
  readonly rowStart: Int32Array;
  readonly rowLen: Int32Array;
  readonly edgeCol: Int32Array;
  readonly edgeCost: Float64Array;
  /** Total number of edges. */
  readonly nEdges: number;
}

/** Candidates per row: enough that random instances rarely need the dense fallback. */
export function candidatesPerRow(n: number): number {
  return Math.min(n, 8 + 2 * Math.ceil(Math.log2(n)));
}

/** Capacity of a row's candidate list, in multiples of K. */
const CAP_FACTOR = 3;

/**
 * Builds the candidate graph of the finite n×n matrix `c` with K
 * candidates per row; undefined when more than half of the rows tie over
 * their K smallest reduced costs (few distinct costs, such as small
 * integers: the candidates are then an arbitrary slice of the ties, the
 * graph rarely holds the optimum, and the dense algorithm does well).
 */
export function candidateGraph(c: Float64Array, n: number, K: number, minima: ColumnMinima): CandidateGraph | undefined {
  const { min: colMin, row: colArg } = minima;
  const extra = new Int32Array(n); // column-minimum edges not already among a row's candidates
  for (let j = 0; j < n; j++) extra[colArg[j] as number] = (extra[colArg[j] as number] as number) + 1;
  const cap = CAP_FACTOR * K;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i] as number) + cap + (extra[i] as number);
  const edgeCol = new Int32Array(rowStart[n] as number);
  const edgeCost = new Float64Array(rowStart[n] as number);
  const rowLen = new Int32Array(n);
  const tied = selectCandidates(c, n, K, cap, colMin, rowStart, rowLen, edgeCol, edgeCost);
  if (tied > n >> 1) return undefined;
  for (let j = 0; j < n; j++) {
    const i = colArg[j] as number;
    const at = rowStart[i] as number;
    let present = false;
    for (let q = 0; q < (rowLen[i] as number); q++) if (edgeCol[at + q] === j) present = true;
    if (!present) {
      edgeCol[at + (rowLen[i] as number)] = j;
      edgeCost[at + (rowLen[i] as number)] = c[i * n + j] as number;
      rowLen[i] = (rowLen[i] as number) + 1;
    }
  }
  let nEdges = 0;
  for (let i = 0; i < n; i++) nEdges += rowLen[i] as number;
  return { rowStart, rowLen, edgeCol, edgeCost, nEdges };
}

/**
 * For each row i, writes into edgeCol/edgeCost (from rowStart[i], length
 * rowLen[i]) columns whose reduced cost r_ij = c_ij − colMin_j is at most a
 * row threshold τ_i, such that they include K smallest r_ij and number at
 * most `cap`. τ_i starts from a guess carried over from the previous row,
 * scaled so that about 1.5·K columns pass; when the list fills up, it is cut
 * to its K smallest (see keepSmallest), τ_i becomes the K-th smallest and
 * later ties with it are skipped (one cut per row on integer costs);
 * when fewer than K pass, the row is rescanned with no threshold. On random
 * matrices most rows take one pass whose branch is rarely taken (a sorted
 * insertion per row costs several times more). Returns the number of rows
 * whose K smallest all tie, or n when most of the first 16 or more do (the
 * other rows are then left unset).
 */
function selectCandidates(
  c: Float64Array, n: number, K: number, cap: number, colMin: Float64Array,
  rowStart: Int32Array, rowLen: Int32Array, edgeCol: Int32Array, edgeCost: Float64Array,
): number {
  const red = new Float64Array(cap);
  let tied = 0;
  const scratch = new Float64Array(cap);
  let guess = Infinity;
  for (let i = 0; i < n; i++) {
    const base = i * n;
    const at = rowStart[i] as number;
    let tau = guess;
    let len = 0;
    let strict = false; // after a cut, ties with the K-th no longer enter
    for (let pass = 0; pass < 2; pass++) {
      len = 0;
      strict = false;
      for (let j = 0; j < n; j++) {
        const r = (c[base + j] as number) - (colMin[j] as number);
        if (r <= tau) {
          if (strict && r === tau) continue;
          red[len] = r;
          edgeCol[at + len] = j;
          if (++len === cap) {
            tau = keepSmallest(red, scratch, edgeCol, at, K);
            len = K;
            strict = true;
          }
        }
      }
      if (len >= K || tau === Infinity) break;
      tau = Infinity; // the guess was too low: rescan the row
    }
    for (let q = 0; q < len; q++) edgeCost[at + q] = c[base + (edgeCol[at + q] as number)] as number;
    rowLen[i] = len;
    let least = Infinity;
    let nLeast = 0;
    for (let q = 0; q < len; q++) {
      const r = red[q] as number;
      if (r < least) {
        least = r;
        nLeast = 0;
      }
      if (r === least) nLeast++;
    }
    if (nLeast >= K) tied++;
    // Ties in most of the first rows: stop early (the caller gives up).
    if (i >= 15 && 4 * tied > 3 * (i + 1)) return n;
    // Next guess: scale τ so that about 1.5·K columns would pass (the count
    // is roughly proportional to τ for small τ), within a factor 4 either way.
    guess = tau * Math.min(4, Math.max(0.25, (1.5 * K) / Math.max(len, 1)));
  }
  return tied;
}

/**
 * Cuts a full candidate list (reduced costs in `red`, columns in
 * edgeCol[at..]) to its K smallest, ties broken by position; returns the
 * K-th smallest value.
 */
function keepSmallest(red: Float64Array, scratch: Float64Array, edgeCol: Int32Array, at: number, K: number): number {
  scratch.set(red);
  const kth = selectKth(scratch, K - 1);
  // Entries below the K-th number K - ties: keep the first `ties` equal to it.
  let ties = K;
  for (let q = 0; q < scratch.length; q++) if ((scratch[q] as number) < kth) ties--;
  let kept = 0;
  for (let q = 0; q < red.length; q++) {
    const r = red[q] as number;
    if (r < kth || (r === kth && ties-- > 0)) {
      red[kept] = r;
      edgeCol[at + kept] = edgeCol[at + q] as number;
      kept++;
    }
  }
  return kth;
}

/**
 * The k-th smallest (0-based) of `a` by quickselect (Hoare partition,
 * median-of-three pivot), reordering `a`. Expected O(a.length).
 * @internal
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

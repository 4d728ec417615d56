/**
 * Augmenting row reduction (Jonker & Volgenant 1987, Computing 38, section
 * 4), the second initialization step of both LSAP kernels: each free row
 * takes its cheapest column in reduced cost c_ij − v_j, lowering that
 * column's dual to the second-cheapest level, and evicts the previous owner,
 * which is processed next. Dense rows (`lsap.ts`) and candidate lists
 * (`lsapSparse.ts`) differ only in how a row's two smallest reduced costs
 * are found; the decision that follows is one function, {@link settle}.
 * The dense round also takes a free column tied with a taken minimum rather
 * than evicting its owner (many equal costs would otherwise evict a row at
 * every step; the sparse path refuses such matrices anyway).
 *
 * Forbidden pairs (`Infinity` costs) are never taken: a row whose every
 * reduced cost is infinite stays free, and a dual is only lowered by a
 * finite amount. Columns only ever gain an owner, and only duals of columns
 * that get one are lowered, so a free column keeps its dual (the
 * rectangular kernel relies on it: v_j = 0 for every free column).
 * @internal
 * @module
 */

/**
 * Step budget of one dense round, in multiples of the rows to settle. On
 * integer costs the reduction settles almost every row quickly; on continuous
 * costs its dual decrements get tiny and it can spin for O(n²) steps, so the
 * rows still free after 2n steps go to the shortest augmenting paths instead
 * (measured on uniform random matrices, n = 50 to 1000: 2n is 10% faster than
 * 4n at n = 100 and 200, and no slower on integer costs).
 */
export const DENSE_STEPS_PER_ROW = 2;

/**
 * Steps of one sparse round, per row (8 rather than 32: a step costs K, not
 * n, and the shortest augmenting paths finish the last rows for less;
 * measured at n = 300 to 2000 on uniform random matrices).
 */
export const SPARSE_STEPS_PER_ROW = 8;

/**
 * The matching, the column duals and the free-row queue of one round, with
 * its two cursors: `current`, the next free row to process, and `kept`, the
 * count of rows left free for the next round (compacted at the front of
 * `free`).
 */
interface RoundState {
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly v: Float64Array;
  readonly free: Int32Array;
  current: number;
  kept: number;
}

/**
 * Row i has smallest reduced cost u1 at column j1 and second smallest u2 at
 * j2 (u2 = Infinity when there is none). Within the step budget it lowers
 * v[j1] to make j1 as cheap as j2 for row i, or, when that changes nothing
 * (u1 = u2), takes j2 if j2 has an owner; the evicted owner is processed
 * next (after a lowering) or deferred to the next round. Past the budget row
 * i just takes j1 and the owner is deferred.
 */
function settle(s: RoundState, i: number, j1: number, u1: number, j2: number, u2: number, withinBudget: boolean): void {
  const { x, y, v, free } = s;
  if (u1 === Infinity) {
    free[s.kept++] = i; // no allowed column: the shortest paths decide
    return;
  }
  let j = j1;
  let i0 = y[j1] as number;
  const lowered = (v[j1] as number) - (u2 - u1);
  const lowers = u2 !== Infinity && lowered < (v[j1] as number);
  if (withinBudget) {
    if (lowers) v[j1] = lowered;
    else if (i0 >= 0 && u2 !== Infinity) {
      j = j2;
      i0 = y[j2] as number;
    }
    if (i0 >= 0) {
      if (lowers) free[--s.current] = i0;
      else free[s.kept++] = i0;
    }
  } else if (i0 >= 0) {
    free[s.kept++] = i0;
  }
  x[i] = j;
  y[j] = i;
  if (i0 >= 0 && x[i0] === j) x[i0] = -1;
}

/**
 * One round over dense rows of a row-major `rows × cols` matrix (forbidden
 * pairs `Infinity`). `free[0..nFree)` lists the rows to settle; returns the
 * number still free, compacted at the front of `free`. The budget is
 * DENSE_STEPS_PER_ROW · rows steps, and a step whose count exceeds
 * current · rows (JV's guard) only takes j1.
 */
export function denseRowReduction(
  c: Float64Array, rows: number, cols: number, x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, nFree: number,
): number {
  const s: RoundState = { x, y, v, free, current: 0, kept: 0 };
  let steps = 0;
  let freeFrom = 0; // every column below it has an owner
  while (s.current < nFree) {
    steps++;
    const i = free[s.current++] as number;
    const base = i * cols;
    let j1 = -1;
    let u1 = Infinity;
    let j2 = -1;
    let u2 = Infinity;
    for (let j = 0; j < cols; j++) {
      const r = (c[base + j] as number) - (v[j] as number);
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
    // A tie at the minimum with j1 taken: a free column at the same reduced
    // cost is taken instead, with no eviction (dual feasible: u_i = u1).
    // Without this, matrices with many equal costs evict a row at every step.
    if (u1 === u2 && u1 !== Infinity && (y[j1] as number) >= 0) {
      // Columns only gain owners in a round: skip the taken prefix once.
      while (freeFrom < cols && (y[freeFrom] as number) >= 0) freeFrom++;
      for (let j = freeFrom; j < cols; j++) {
        if ((y[j] as number) < 0 && (c[base + j] as number) - (v[j] as number) === u1) {
          j1 = j;
          break;
        }
      }
    }
    settle(s, i, j1, u1, j2, u2, steps < s.current * rows && steps < DENSE_STEPS_PER_ROW * rows);
  }
  return s.kept;
}

/**
 * One round over candidate lists (row i's edges are edgeCol/edgeCost from
 * rowStart[i], rowLen[i] of them) of an n×n problem; as
 * {@link denseRowReduction} with a budget of SPARSE_STEPS_PER_ROW · n steps.
 */
export function sparseRowReduction(
  rowStart: Int32Array, rowLen: Int32Array, edgeCol: Int32Array, edgeCost: Float64Array, n: number,
  x: Int32Array, y: Int32Array, v: Float64Array, free: Int32Array, nFree: number,
): number {
  const s: RoundState = { x, y, v, free, current: 0, kept: 0 };
  let steps = 0;
  while (s.current < nFree) {
    steps++;
    const i = free[s.current++] as number;
    const start = rowStart[i] as number;
    const end = start + (rowLen[i] as number);
    let j1 = -1;
    let u1 = Infinity;
    let j2 = -1;
    let u2 = Infinity;
    for (let q = start; q < end; q++) {
      const j = edgeCol[q] as number;
      const r = (edgeCost[q] as number) - (v[j] as number);
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
    settle(s, i, j1, u1, j2, u2, steps < s.current * n && steps < SPARSE_STEPS_PER_ROW * n);
  }
  return s.kept;
}

/**
 * The proof behind every "infeasible" the LSAP reports: the size of a
 * maximum matching on the allowed pairs (finite entries) of a cost matrix,
 * by Hopcroft & Karp (SIAM J. Comput. 2(4), 1973): breadth-first layers from
 * the free rows, then vertex-disjoint shortest augmenting paths by
 * depth-first search, O(E·√V) in all. Independent of the costs' magnitudes
 * (only "finite or not" is read), so it cannot be fooled by overflow.
 * @internal
 * @module
 */

/**
 * Size of a maximum matching of rows to columns of the row-major
 * `rows × cols` matrix `c` using only finite entries. Complexity:
 * O(rows·cols·√(rows + cols)).
 * @internal
 */
export function maxAllowedMatching(c: Float64Array, rows: number, cols: number): number {
  return allowedMatching(c, rows, cols).size;
}

/** A maximum matching on the finite entries: its size and each row's column (-1: free). */
interface AllowedMatching {
  readonly size: number;
  readonly matchRow: Int32Array;
  readonly matchCol: Int32Array;
  readonly start: Int32Array;
  readonly adj: Int32Array;
}

function allowedMatching(c: Float64Array, rows: number, cols: number): AllowedMatching {
  // Adjacency in compressed rows.
  const start = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let d = 0;
    for (let j = 0; j < cols; j++) if (Number.isFinite(c[i * cols + j])) d++;
    start[i + 1] = (start[i] as number) + d;
  }
  const adj = new Int32Array(start[rows] as number);
  for (let i = 0, q = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (Number.isFinite(c[i * cols + j])) adj[q++] = j;
  const matchRow = new Int32Array(rows).fill(-1); // row → column
  const matchCol = new Int32Array(cols).fill(-1); // column → row
  const layer = new Int32Array(rows);
  const queue = new Int32Array(rows);
  const next = new Int32Array(rows); // DFS cursor into each row's edges
  const stack = new Int32Array(rows);
  let size = 0;
  for (;;) {
    // BFS layers from the free rows; `found`: some free column is reachable.
    let head = 0;
    let tail = 0;
    for (let i = 0; i < rows; i++) {
      if (matchRow[i] === -1) {
        layer[i] = 0;
        queue[tail++] = i;
      } else layer[i] = -1;
    }
    let found = false;
    while (head < tail) {
      const i = queue[head++] as number;
      for (let q = start[i] as number; q < (start[i + 1] as number); q++) {
        const r = matchCol[adj[q] as number] as number;
        if (r === -1) found = true;
        else if (layer[r] === -1) {
          layer[r] = (layer[i] as number) + 1;
          queue[tail++] = r;
        }
      }
    }
    if (!found) return { size, matchRow, matchCol, start, adj };
    // Disjoint augmenting paths along the layers (iterative DFS).
    for (let i = 0; i < rows; i++) next[i] = start[i] as number;
    for (let root = 0; root < rows; root++) {
      if (matchRow[root] !== -1) continue;
      let depth = 0;
      stack[0] = root;
      while (depth >= 0) {
        const i = stack[depth] as number;
        if ((next[i] as number) === (start[i + 1] as number)) {
          layer[i] = -1; // dead end: never visit again this phase
          depth--;
          continue;
        }
        const j = adj[next[i] as number] as number;
        next[i] = (next[i] as number) + 1;
        const r = matchCol[j] as number;
        if (r === -1) {
          // Augment along the stack: each row on it takes the column it tried last.
          for (let d = depth; d >= 0; d--) {
            const row = stack[d] as number;
            const col = adj[(next[row] as number) - 1] as number;
            matchRow[row] = col;
            matchCol[col] = row;
          }
          size++;
          break;
        }
        if (layer[r] === (layer[i] as number) + 1) stack[++depth] = r;
      }
    }
  }
}

/**
 * Hall's witness that no matching covers every row (Hall 1935; by König's
 * theorem it exists whenever the maximum matching is short): a set of rows
 * whose finite entries, taken together, lie in fewer columns than there are
 * rows. Found from one free row of a maximum matching by alternating search
 * (row → its allowed columns → the rows matched to them): the rows reached
 * allow exactly the columns reached, one fewer. `undefined` when every row is
 * matched. Both lists ascend. Complexity: that of the matching.
 * @internal
 */
export function hallWitness(c: Float64Array, rows: number, cols: number): { readonly rows: number[]; readonly cols: number[] } | undefined {
  const { matchRow, matchCol, start, adj } = allowedMatching(c, rows, cols);
  const free = matchRow.indexOf(-1);
  if (free === -1) return undefined;
  const seenRow = new Uint8Array(rows);
  const seenCol = new Uint8Array(cols);
  const queue = [free];
  seenRow[free] = 1;
  for (let h = 0; h < queue.length; h++) {
    const i = queue[h] as number;
    for (let q = start[i] as number; q < (start[i + 1] as number); q++) {
      const j = adj[q] as number;
      if (seenCol[j] === 1) continue;
      seenCol[j] = 1;
      const r = matchCol[j] as number; // matched, or the matching was not maximum
      if (seenRow[r] === 0) {
        seenRow[r] = 1;
        queue.push(r);
      }
    }
  }
  const pick = (seen: Uint8Array): number[] => {
    const out: number[] = [];
    for (let i = 0; i < seen.length; i++) if (seen[i] === 1) out.push(i);
    return out;
  };
  return { rows: pick(seenRow), cols: pick(seenCol) };
}

/**
 * The sentence an infeasible LSAP ends with: which rows (or, when the
 * kernel works on the transpose, which columns) share too few allowed
 * partners, and the fix. Lists up to 8 indices of each side.
 * @internal
 */
export function hallSentence(c: Float64Array, rows: number, cols: number, transposed: boolean): string {
  const w = hallWitness(c, rows, cols);
  if (w === undefined) return '';
  const [many, few] = transposed ? ['column', 'row'] : ['row', 'column'];
  const list = (xs: readonly number[]): string => (xs.length <= 8 ? xs.join(', ') : `${xs.slice(0, 8).join(', ')}, … (${xs.length} in all)`);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const partners =
    w.cols.length === 0
      ? 'no finite entry'
      : `finite entries only in ${few}${w.cols.length === 1 ? '' : 's'} ${list(w.cols)} (${plural(w.rows.length, many)}, ${plural(w.cols.length, few)})`;
  const who = w.rows.length === 1 ? `${many} ${list(w.rows)} has` : `${many}s ${list(w.rows)} have`;
  return `: ${who} ${partners}. Make more of these pairs finite, or pass costLimit to leave pairs unassigned`;
}

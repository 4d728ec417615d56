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
    if (!found) return size;
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

/**
 * Column minima of a cost matrix, the first step of both LSAP kernels
 * (`lsap.ts`, `lsapSparse.ts`). A caller that already passes over the
 * matrix (the public API copies or validates it) can compute them on the way
 * and hand them in, saving the kernel one pass over the matrix.
 * @internal
 * @module
 */

/**
 * `min[j]` = min over rows i of c[i][j]; `row[j]` = the first (lowest) i
 * that attains it.
 * @internal
 */
export interface ColumnMinima {
  readonly min: Float64Array;
  readonly row: Int32Array;
}

/**
 * Column minima of the finite row-major `rows × cols` matrix `c`, ties to the
 * lowest row. Complexity: O(rows·cols).
 * @internal
 */
export function columnMinima(c: Float64Array, rows: number, cols: number): ColumnMinima {
  const min = new Float64Array(cols).fill(Infinity);
  const row = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = c[base + j] as number;
      if (v < (min[j] as number)) {
        min[j] = v;
        row[j] = i;
      }
    }
  }
  return { min, row };
}

// munkres-js ships no types: the one call the LSAP benchmark makes.
declare module 'munkres-js' {
  /** Optimal assignment as [row, column] pairs. */
  function munkres(matrix: readonly (readonly number[])[]): number[][];
  export default munkres;
}

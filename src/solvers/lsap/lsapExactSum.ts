/**
 * The exactly rounded sum of doubles (Shewchuk's expansion, as Python's
 * `math.fsum`), used for every LSAP total so that `cost` is the exact sum of
 * the chosen entries rounded once.
 * @internal
 * @module
 */

/**
 * Σ terms rounded once to the nearest double (ties to even), as Python's
 * `math.fsum`: Shewchuk's exact expansion of non-overlapping partials
 * ("Adaptive precision floating-point arithmetic", Discrete Comput. Geom.
 * 18, 1997), then the correctly rounded top. O(len) time for ordinary sums
 * (few partials). Finite terms whose partial sums do not overflow.
 */
export function exactSum(terms: Float64Array): number {
  // partials[0..m): the expansion (the array only grows, one entry at a
  // time: no `length` write per term, which costs a runtime call).
  const partials: number[] = [];
  let m = 0;
  for (let t = 0; t < terms.length; t++) {
    let x = terms[t] as number;
    let n = 0;
    for (let q = 0; q < m; q++) {
      let y = partials[q] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[n++] = lo;
      x = hi;
    }
    partials[n] = x;
    m = n + 1;
  }
  let n = m;
  if (n === 0) return 0;
  let hi = partials[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way case: the rest of the partials decides the direction.
  const next = n > 0 ? (partials[n - 1] as number) : 0;
  if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * "Did you mean …?" for misspelt names: the allowed name nearest to what the
 * caller wrote, by optimal string alignment distance (Damerau 1964:
 * insertions, deletions, substitutions and swaps of neighbours, each 1),
 * compared ignoring case and the separators `-`, `_` and space.
 * @internal
 * @module
 */

/** Lower case without `-`, `_` or spaces: 'Min_Min' and 'minmin' both become 'minmin'. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[-_ ]/g, '');
}

/** Optimal string alignment distance between `a` and `b` (O(|a|·|b|)). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((d[(i - 1) * cols + j] as number) + 1, (d[i * cols + j - 1] as number) + 1, (d[(i - 1) * cols + j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[(i - 2) * cols + j - 2] as number) + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] as number;
}

/**
 * The name in `allowed` nearest to `got`, when it is near enough to be a
 * slip: the same after folding case and separators, or within 1 edit for
 * names up to 4 characters and 2 edits for longer ones, or else the first
 * name of 3 or more characters that `got` extends ('minimize' → 'min').
 * Ties go to the first in `allowed`; `undefined` when nothing is that near, or when `got`
 * is not a string or is longer than 64 characters.
 * @internal
 */
export function nearestName(got: unknown, allowed: readonly string[]): string | undefined {
  if (typeof got !== 'string' || got.length === 0 || got.length > 64) return undefined;
  const g = fold(got);
  let best: string | undefined;
  let bestD = Infinity;
  for (const name of allowed) {
    const d = editDistance(g, fold(name));
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  if (best === undefined || best === got) return undefined;
  const limit = fold(best).length <= 4 ? 1 : 2;
  if (bestD <= limit) return best;
  // A longer spelling of a short name of 3 or more characters ('minimize' for 'min', 'execTime' for 'exec').
  return allowed.find((name) => fold(name).length >= 3 && g.startsWith(fold(name)) && name !== got);
}

/** `"; did you mean 'x'?"` for {@link nearestName}, or `''`. @internal */
export function didYouMean(got: unknown, allowed: readonly string[]): string {
  const name = nearestName(got, allowed);
  return name === undefined ? '' : `; did you mean '${name}'?`;
}

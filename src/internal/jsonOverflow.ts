/**
 * Numbers that overflowed while parsing JSON. JSON has no Infinity, so a
 * number that `JSON.parse` returns as ±Infinity was a literal beyond the
 * largest double (about 1.8e308, e.g. `1e400`); left alone it would read as
 * "forbidden" or "unlimited" (the meaning of the string "Infinity").
 * @internal
 * @module
 */

/**
 * The paths (`problem.execTime[0][1]`, `problem.tasks[2].release`) of every
 * ±Infinity number inside `value`, depth first in key and index order;
 * `root` names `value` itself. O(size of value). @internal
 */
export function overflowPaths(value: unknown, root: string): { readonly path: string; readonly negative: boolean }[] {
  const out: { path: string; negative: boolean }[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') {
      if (v === Infinity || v === -Infinity) out.push({ path, negative: v < 0 });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(x, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
    }
  };
  walk(value, root);
  return out;
}

/**
 * One line per overflowed number (the first 5, then `… and K more`), for a
 * message listing them. @internal
 */
export function overflowLines(found: readonly { readonly path: string; readonly negative: boolean }[]): string {
  const lines = found.slice(0, 5).map((o) => `  ${o.path} ${overflowReason(o.negative)}`);
  if (found.length > 5) lines.push(`  … and ${(found.length - 5).toLocaleString('en-US')} more`);
  return lines.join('\n');
}

/**
 * The reason for an overflowed number at `path`, to follow the field name in
 * a message: `is a JSON number too large for a double (it overflows to
 * Infinity): write a finite number up to 1.7976931348623157e308, or the
 * string "Infinity" where the field allows it`. @internal
 */
export function overflowReason(negative: boolean): string {
  return `is a JSON number too large for a double (it overflows to ${negative ? '-' : ''}Infinity): write a finite number up to 1.7976931348623157e308, or the string "Infinity" where the field allows it`;
}

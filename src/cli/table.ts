/**
 * Plain-text tables for the CLI: columns padded to their widest cell,
 * numbers right-aligned.
 * @internal
 * @module
 */

/** Formats a number for a table: integers as is, others to `digits` decimals. */
export function num(v: number, digits = 4): string {
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(digits);
}

/** Renders rows (first row = header) as aligned text lines. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
  const isNum = (s: string): boolean => /^-?[\d.]+(e[+-]?\d+)?$/.test(s);
  return rows
    .map((row) =>
      indent +
      row
        .map((cell, c) => (isNum(cell) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

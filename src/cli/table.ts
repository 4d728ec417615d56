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

/**
 * Renders rows (first row = header) as aligned text lines. A number may carry
 * a trailing `*` marker (`4*`): its digits align with the column's other
 * numbers and the marker hangs to their right.
 */
export function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const isNum = (s: string): boolean => /^-?[\d.]+(e[+-]?\d+)?$/.test(s);
  // Each cell as its text and marker: '4*' → ['4', '*'] when '4' is a number.
  const cells = rows.map((row) => row.map((cell): [string, string] => (cell.endsWith('*') && isNum(cell.slice(0, -1)) ? [cell.slice(0, -1), '*'] : [cell, ''])));
  const marks: number[] = [];
  for (const row of cells) row.forEach(([, mark], c) => (marks[c] = Math.max(marks[c] ?? 0, mark.length)));
  const widths: number[] = [];
  for (const row of cells) row.forEach(([text, mark], c) => (widths[c] = Math.max(widths[c] ?? 0, isNum(text) ? text.length + marks[c]! : text.length + mark.length)));
  return cells
    .map((row) =>
      indent +
      row
        .map(([text, mark], c) => (isNum(text) ? text.padStart(widths[c]! - marks[c]!) + mark.padEnd(marks[c]!) : (text + mark).padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Reader for J. E. Beasley's OR-Library generalized assignment (GAP) files.
 * @module
 */
import { checkOptions, rangeReason, typeError } from '../internal/errors.js';
import { checkString } from '../internal/primitives.js';
import type { GapInstance } from '../solvers/gap/gap.js';

/** Options of {@link parseOrLibraryGap}. */
export interface ParseOrLibraryGapOptions {
  /**
   * The file's name (`'gap1.txt'`, `'gapd'`, a path ending in one), used to
   * name the instances as OR-Library does: gap1–gap12 give `c<m><n>-<k>`
   * (`c515-1` = 5 agents, 15 jobs, first of the file), gapa–gapd give
   * `<type><m, 2 digits><n>` (`d20200`). Other names, or none: instances
   * have no `name`.
   * @defaultValue none
   */
  readonly fileName?: string;
}

/**
 * Parses an OR-Library GAP file into its instances, task-major.
 *
 * Format (whitespace-separated tokens, line breaks carry no meaning): the
 * instance count P, then per instance `m n` (agents = devices, jobs = tasks),
 * the m×n cost (or profit) matrix, the m×n resource matrix, and the m
 * capacities. The file is agent-major; the result is task-major like
 * `Problem.execTime`: `cost[i][j]` is the cost of task i on device j,
 * `demand[i][j]` the resource it consumes there, `budget[j]` the capacity of
 * device j. Whether the numbers are costs or profits is not in the file
 * (gap1–gap12 are stated as maximization, gapa–gapd as minimization): pass
 * the sense to `solveGap`.
 *
 * Source: Beasley (1990), "OR-Library", J. Oper. Res. Soc. 41(11); the sets
 * of Cattrysse et al. (gap1–12) and Chu & Beasley (1997, C&OR 24) (gapa–d).
 *
 * Complexity: O(length of text).
 *
 * @param text - The file's contents.
 * @param options - {@link ParseOrLibraryGapOptions}.
 * @returns A new array of plain {@link GapInstance}s, in file order.
 * @throws {@link InputTypeError} when `text` is not a string, or for a bad option.
 * @throws {@link InputRangeError} for a token that is not a number (naming its position),
 *   a size that is not a positive integer, a negative demand or capacity, or a
 *   token count that does not match the sizes.
 *
 * @example
 * ```ts
 * const [g] = parseOrLibraryGap('1\n2 3\n1 2 3\n4 5 6\n1 1 1\n2 2 2\n5 6\n', { fileName: 'gap1.txt' });
 * g; // { name: 'c23-1', cost: [[1, 4], [2, 5], [3, 6]], demand: [[1, 2], [1, 2], [1, 2]], budget: [5, 6] }
 * ```
 */
export function parseOrLibraryGap(text: string, options?: ParseOrLibraryGapOptions): GapInstance[] {
  const fn = 'parseOrLibraryGap';
  const o = checkOptions(fn, options, ['fileName']);
  const fileName = o.fileName === undefined ? undefined : checkString(fn, 'options.fileName', o.fileName);
  if (typeof text !== 'string') typeError(fn, 'text', 'a string', text);
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  let pos = 0;
  const next = (what: string): number => {
    if (pos >= tokens.length) rangeReason(fn, 'text', `ends early: expected ${what} at token ${pos}`);
    const tok = tokens[pos] as string;
    const v = Number(tok);
    if (!Number.isFinite(v)) rangeReason(fn, `text (token ${pos})`, `must be a number (${what}), got ${JSON.stringify(tok)}`);
    pos++;
    return v;
  };
  const count = (what: string): number => {
    const v = next(what);
    if (!Number.isInteger(v) || v < 1) rangeReason(fn, `text (token ${pos - 1})`, `must be a positive integer (${what}), got ${v}`);
    return v;
  };
  const nonNegative = (what: string): number => {
    const v = next(what);
    if (v < 0) rangeReason(fn, `text (token ${pos - 1})`, `must be >= 0 (${what}), got ${v}`);
    return v;
  };
  const naming = namingScheme(fileName);
  const instances: GapInstance[] = [];
  const p = count('the instance count');
  for (let k = 0; k < p; k++) {
    const m = count(`the agent count of instance ${k}`);
    const n = count(`the job count of instance ${k}`);
    const cost = Array.from({ length: n }, () => new Array<number>(m).fill(0));
    const demand = Array.from({ length: n }, () => new Array<number>(m).fill(0));
    for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) (cost[i] as number[])[j] = next(`cost of job ${i} on agent ${j}, instance ${k}`);
    for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) (demand[i] as number[])[j] = nonNegative(`resource of job ${i} on agent ${j}, instance ${k}`);
    const budget: number[] = [];
    for (let j = 0; j < m; j++) budget.push(nonNegative(`capacity of agent ${j}, instance ${k}`));
    const name = naming?.(m, n, k);
    instances.push(name === undefined ? { cost, demand, budget } : { name, cost, demand, budget });
  }
  if (pos !== tokens.length) rangeReason(fn, 'text', `has ${tokens.length - pos} token(s) after the last of ${p} instance(s)`);
  return instances;
}

/** The OR-Library instance names for a file name, or undefined. */
function namingScheme(fileName: string | undefined): ((m: number, n: number, k: number) => string) | undefined {
  if (fileName === undefined) return undefined;
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.txt$/i, '').toLowerCase();
  if (/^gap(?:[1-9]|1[0-2])$/.test(base)) return (m, n, k) => `c${m}${n}-${k + 1}`;
  const typed = /^gap([a-d])$/.exec(base);
  if (typed !== null) return (m, n) => `${typed[1] as string}${String(m).padStart(2, '0')}${n}`;
  return undefined;
}

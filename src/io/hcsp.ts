/**
 * Reader for the ETC matrices of Braun et al.'s (2001) HCSP benchmark.
 * @module
 */
import { checkInteger, checkOptions, rangeError, rangeReason, typeError } from '../internal/errors.js';
import type { DeviceSpec, Problem, TaskSpec } from '../problem/types.js';

/** Options of {@link parseHcsp}. */
export interface ParseHcspOptions {
  /**
   * Number of tasks, for a file without a header line. With a header, it
   * must agree with the header.
   * @defaultValue 512, or the header's
   */
  readonly tasks?: number;
  /**
   * Number of machines, for a file without a header line. With a header, it
   * must agree with the header.
   * @defaultValue 16, or the header's
   */
  readonly machines?: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
}

/**
 * Parses an HCSP ETC file (Braun et al. 2001: "A comparison of eleven static
 * heuristics for mapping a class of independent tasks onto heterogeneous
 * distributed computing systems", JPDC 61(6)) into a {@link Problem}.
 *
 * Format: whitespace-separated numbers (normally one per line), task-major:
 * value k (0-based) is the expected time to compute task floor(k / m) on
 * machine k mod m. Line endings LF or CRLF; blank lines ignored. An optional
 * header line `n m` or `n m k` (as in other public copies and the 1024×32 and
 * 2048×64 sets; k is ignored) gives the size: the first line is taken as a
 * header when it holds 2 or 3 non-negative integers and exactly n·m values
 * follow it. Without a header the size is `options.tasks` × `options.machines`
 * (default 512 × 16, the classic instances). When every line holds as many
 * numbers as that first line (a matrix written row by row, whose first row
 * may be data: `2 2` then `3 4` then `5 6`), the first line is never guessed
 * to be a header: `options.tasks` and `options.machines` decide (the
 * header's size takes it as a header; n × m = all values reads it as data),
 * and without them the file is rejected with both readings in the message.
 * Whenever the options' n × m equals the number of values, all are data.
 *
 * The result has tasks `t0..t(n−1)`, edge devices `d0..d(m−1)` (ready at 0),
 * `execTime` = the ETC matrix and no transfer times: Braun et al.'s setting.
 *
 * Complexity: O(length of text).
 *
 * @param text - The file's contents.
 * @param options - {@link ParseHcspOptions}.
 * @returns A new plain {@link Problem}.
 * @throws {@link InputTypeError} when `text` is not a string, or for an unknown option.
 * @throws {@link InputRangeError} for a value that is not a finite number ≥ 0 (naming its line), a value count that does not match the size, options that contradict the header, or a first line that may be a header or data (naming the line and both readings).
 *
 * @example
 * ```ts
 * const p = parseHcsp('2 3 0\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n');
 * p.execTime; // [[1, 2, 3], [4, 5, 6]]
 * parseHcsp(readFileSync('u_c_hihi.0', 'utf8')).execTime.length; // 512
 * ```
 */
export function parseHcsp(text: string, options?: ParseHcspOptions): Problem {
  const fn = 'parseHcsp';
  const opts = checkOptions(fn, options, ['tasks', 'machines']);
  const optTasks = opts.tasks === undefined ? undefined : checkInteger(fn, 'options.tasks', opts.tasks, 0);
  const optMachines = opts.machines === undefined ? undefined : checkInteger(fn, 'options.machines', opts.machines, 0);
  if (typeof text !== 'string') typeError(fn, 'text', 'a string', text);

  let values = new Float64Array(1024);
  let count = 0;
  let line = 1;
  let firstLine = 0;
  let firstLineTokens = 0;
  let lastLine = 0;
  // Whether every line holding numbers holds as many as the first (the file is then a matrix whose first row may be data).
  let tokensOnLine = 0;
  let linesWithTokens = 0;
  let uniform = true;
  const len = text.length;
  let pos = 0;
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (isSpace(c)) {
      if (c === 10) line++;
      pos++;
      continue;
    }
    const begin = pos;
    while (pos < len && !isSpace(text.charCodeAt(pos))) pos++;
    const token = text.slice(begin, pos);
    const v = Number(token);
    if (!(v >= 0 && v < Infinity)) {
      if (token.includes(',') || token.includes(';')) {
        rangeReason(fn, `line ${line}`, `holds ${JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token)}: HCSP files are whitespace-separated numbers, and CSV is not a supported format; write a JSON problem file (README, "Formats") or separate the numbers with spaces or newlines`);
      }
      rangeError(fn, `line ${line}`, 'a finite number >= 0', token);
    }
    if (firstLine === 0) firstLine = line;
    if (line === firstLine) firstLineTokens++;
    if (line !== lastLine) {
      if (linesWithTokens > 0 && tokensOnLine !== firstLineTokens) uniform = false;
      tokensOnLine = 0;
      linesWithTokens++;
    }
    tokensOnLine++;
    lastLine = line;
    if (count === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[count++] = v;
  }

  let n = optTasks ?? 512;
  let m = optMachines ?? 16;
  let offset = 0;
  const headerLike = (firstLineTokens === 2 || firstLineTokens === 3) && Array.from(values.subarray(0, firstLineTokens)).every(Number.isInteger);
  if (linesWithTokens > 0 && tokensOnLine !== firstLineTokens) uniform = false;
  const hn = values[0]!;
  const hm = values[1]!;
  const sized = optTasks !== undefined || optMachines !== undefined;
  // A header-like first line the options read as data (n × m = every value): data.
  const headerFits = headerLike && count - firstLineTokens === hn * hm && !(sized && count === n * m);
  // A first line of 2 or 3 integers in a file whose every line holds as many
  // numbers may be a header or the first data row: never guess (a wrong guess
  // would shift every task by one row). The options decide; without them, say so.
  if (headerFits && uniform && !sized) {
    rangeReason(fn, `line ${firstLine}`, `(${Array.from(values.subarray(0, firstLineTokens)).join(' ')}) may be a header (${hn} tasks × ${hm} machines, then ${count - firstLineTokens} values) or the first row of data (every line holds ${firstLineTokens} numbers: ${linesWithTokens} tasks × ${firstLineTokens} machines); pass options.tasks and options.machines to say which (${linesWithTokens} and ${firstLineTokens} read every line as data; ${hn} and ${hm} take line ${firstLine} as the header)`);
  }
  if (headerFits) {
    if (optTasks !== undefined && optTasks !== hn) rangeReason(fn, 'options.tasks', `is ${optTasks}, but the header on line ${firstLine} says ${hn} tasks`);
    if (optMachines !== undefined && optMachines !== hm) rangeReason(fn, 'options.machines', `is ${optMachines}, but the header on line ${firstLine} says ${hm} machines`);
    n = hn;
    m = hm;
    offset = firstLineTokens;
  } else if (headerLike && count !== n * m) {
    rangeReason(fn, 'text', `has a header on line ${firstLine} saying ${hn} tasks × ${hm} machines = ${hn * hm} values, but ${count - firstLineTokens} values follow it`);
  } else if (count !== n * m) {
    rangeReason(fn, 'text', `has ${count} values${count > 0 ? ` (the last on line ${lastLine})` : ''}, expected ${n * m} = ${n} tasks × ${m} machines, task-major; pass options.tasks and options.machines, or a header line "n m", for another size`);
  }

  const execTime: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i++) execTime[i] = Array.from(values.subarray(offset + i * m, offset + (i + 1) * m));
  const tasks: TaskSpec[] = new Array<TaskSpec>(n);
  for (let i = 0; i < n; i++) tasks[i] = { id: `t${i}` };
  const devices: DeviceSpec[] = new Array<DeviceSpec>(m);
  for (let j = 0; j < m; j++) devices[j] = { id: `d${j}`, tier: 'edge' };
  return { tasks, devices, execTime };
}

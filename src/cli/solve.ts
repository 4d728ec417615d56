/**
 * `lepton-sched solve FILE [--strategy S] [--cost-model M] [--objective O]
 * [--seed N] [--time-limit MS] [--max-iterations N] [--trace on|off]
 * [--lp-bound] [--format F] [--tasks N --machines M] [--json]`: read a problem file, solve it, print the result.
 * The gap is printed with the kind of bound it is measured against.
 *
 * File formats (`--format auto`, the default): a name ending in `.json`, or
 * content whose first non-blank character is `{`, is a JSON problem file
 * (`parseProblemJson`); anything else is a Braun HCSP ETC file (`parseHcsp`;
 * 512×16 unless it has a header line `n m [k]` or `--tasks/--machines` say
 * otherwise). `--format json|hcsp` forces one.
 *
 * Output: a readable summary and tables by default; with `--json` the whole
 * solution (`solutionToJson`). Exit codes: 0 solved; 2 usage error, unreadable
 * or bad file, infeasible problem (one message on stderr, no stack trace; a
 * JSON file with several errors lists them one per indented line).
 * @internal
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseHcsp } from '../io/hcsp.js';
import { parseProblemJson, solutionToJson } from '../io/json.js';
import type { Problem } from '../problem/types.js';
import { scheduleToSvg } from '../render/gantt.js';
import { solve, type Solution, type SolveOptions } from '../solvers/solve.js';
import { lpLine, withLpBound } from './lpBound.js';
import { strategyNames } from '../solvers/strategies.js';
import { didYouMean } from '../internal/suggest.js';
import { count, describeFileError, exitOnMistake, readText, UsageError as Usage } from './io.js';
import { num, table } from './table.js';

/** Usage text of the `solve` command, for the CLI's help. @internal */
export const SOLVE_USAGE = `  lepton-sched solve FILE [options]   solve a problem file (JSON or Braun HCSP; FILE - reads standard input)
      --strategy S      ${strategyNames.join(' | ')} (default min-min)
      --cost-model M    sequential | independent (default sequential)
      --objective O     makespan | flowtime | weighted-flowtime | energy | cost (default makespan)
      --seed N          seed for randomized strategies (default 0)
      --time-limit MS   wall-clock budget of iterative strategies, in ms (default 10000)
      --max-iterations N  iteration budget of iterative strategies (default 100000)
      --trace on|off    record the per-task decision trace (in --json; default on when n·m <= 65536)
      --lp-bound        also compute the LP lower bound (HiGHS; needs the optional
                        package 'highs'), print it, and measure the gap against the best bound
      --format F        auto | json | hcsp (default auto: .json or a leading '{' is JSON)
      --tasks N, --machines M   size of an HCSP file without a header (default 512, 16)
      --json            print the full solution as JSON instead of tables
      --svg PATH        also write the schedule's Gantt chart as SVG to PATH
`;


/** Writes an SVG file; a path that cannot be written is a usage error. */
export async function writeSvg(path: string, svg: string): Promise<void> {
  try {
    await writeFile(path, svg, 'utf8');
  } catch (e) {
    throw new Usage(`cannot write ${path}: ${describeFileError(e)}`);
  }
}

/** solve()'s option fields and the flags that set them, for error messages. */
const FLAGS: Readonly<Record<string, string>> = {
  'options.strategy': '--strategy',
  'options.costModel': '--cost-model',
  'options.objective': '--objective',
  'options.seed': '--seed',
  'options.timeLimitMs': '--time-limit',
  'options.maxIterations': '--max-iterations',
  'options.trace': '--trace',
};

function integer(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Usage(`--${name} must be a non-negative integer, got '${v}'`);
  return Number(v);
}

function readProblem(text: string, file: string, format: string, tasks: number | undefined, machines: number | undefined): { problem: Problem; format: 'json' | 'hcsp' } {
  const json = format === 'json' || (format === 'auto' && (file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{')));
  if (json) {
    if (tasks !== undefined || machines !== undefined) throw new Usage('--tasks and --machines apply to HCSP files only');
    return { problem: parseProblemJson(text), format: 'json' };
  }
  const opts: { tasks?: number; machines?: number } = {};
  if (tasks !== undefined) opts.tasks = tasks;
  if (machines !== undefined) opts.machines = machines;
  return { problem: parseHcsp(text, opts), format: 'hcsp' };
}

/** The budget line of the report: present whenever some device has a budget, so an overrun is never hidden. */
function overrunLine(problem: Problem, overruns: Solution['metrics']['budgetOverruns']): string {
  if (!problem.devices.some((d) => d.budget !== undefined)) return '';
  const list = overruns ?? [];
  const text = list.length === 0 ? 'none' : list.map((o) => `${o.id} (demand ${num(o.demand)} > budget ${num(o.budget)}, over by ${num(o.amount)})`).join(', ');
  return `\n  budget overruns: ${text}`;
}

function report(file: string, format: string, problem: Problem, s: Solution, lp: string): string {
  const m = s.metrics;
  // A gap measured against a bound that ignores budgets proves nothing about a schedule that breaks one.
  const breaks = (s.metrics.budgetOverruns?.length ?? 0) > 0 ? '; the schedule breaks a budget' : '';
  const gap = `${Number.isFinite(s.gap) ? `${(s.gap * 100).toFixed(2)}%` : String(s.gap)} (${s.bound.kind} bound${breaks})`;
  const misses = m.deadlineMisses.length === 0 ? 'none' : m.deadlineMisses.map((d) => `${d.id} by ${num(d.lateness)}`).join(', ');
  const lines = [
    `${file === '-' ? 'stdin' : file} (${format}): ${count(problem.tasks.length, 'task')} x ${count(problem.devices.length, 'device')}; strategy ${s.strategy}, cost model ${s.schedule.costModel}`,
    '',
    table([
      ['makespan', 'lower bound', 'gap', 'flowtime', 'weighted flowtime', 'total transfer', 'load imbalance'],
      [num(s.makespan), num(s.lowerBound), gap, num(m.flowtime), num(m.weightedFlowtime), num(m.totalTransfer), num(m.loadImbalance)],
    ]),
    `  deadline misses: ${misses}${overrunLine(problem, m.budgetOverruns)}${lp === '' ? '' : `\n${lp}`}${s.stoppedEarly ? '\n  (stopped early: time or iteration budget reached)' : ''}`,
    '',
    'Devices',
    table([
      ['device', 'id', 'tier', 'tasks', 'busy', 'utilization'],
      ...s.schedule.devices.map((d) => [String(d.device), d.id, problem.devices[d.device]!.tier, String(d.tasks.length), num(d.busy), num(d.utilization)]),
    ]),
    '',
    'Tasks',
    table([
      ['task', 'id', 'device', 'start', 'transfer', 'exec', 'finish'],
      ...s.schedule.tasks.map((t) => [String(t.task), t.id, String(t.device), num(t.start), num(t.transfer), num(t.exec), num(t.finish)]),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `lepton-sched solve` with the arguments after `solve`.
 * @param args - Command-line arguments after the word `solve`.
 * @param io - Output channels.
 * @returns The exit code: 0 success, 2 usage error or bad input.
 * @internal
 */
export async function solveCommand(args: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void; stdin?: () => Promise<string> }): Promise<number> {
  let file = '';
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        strategy: { type: 'string' },
        'cost-model': { type: 'string' },
        objective: { type: 'string' },
        seed: { type: 'string' },
        'time-limit': { type: 'string' },
        'max-iterations': { type: 'string' },
        trace: { type: 'string' },
        'lp-bound': { type: 'boolean' },
        format: { type: 'string' },
        tasks: { type: 'string' },
        machines: { type: 'string' },
        json: { type: 'boolean' },
        svg: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Usage(positionals.length === 0 ? 'missing FILE (usage: lepton-sched solve FILE [--strategy S] [--json])' : `expected one FILE, got ${positionals.length}`);
    file = positionals[0]!;
    const format = values.format ?? 'auto';
    if (!['auto', 'json', 'hcsp'].includes(format)) throw new Usage(`--format must be auto, json or hcsp, got '${format}'`);
    const tasks = integer('tasks', values.tasks);
    const machines = integer('machines', values.machines);
    const seed = integer('seed', values.seed);
    const timeLimit = integer('time-limit', values['time-limit']);
    const maxIterations = integer('max-iterations', values['max-iterations']);
    const trace = values.trace;
    if (trace !== undefined && trace !== 'on' && trace !== 'off') throw new Usage(`--trace must be on or off, got '${trace}'${didYouMean(trace, ['on', 'off'])}`);
    if (format === 'auto' && /\.(csv|tsv)$/i.test(file)) {
      throw new Usage(`${file}: CSV is not a supported format; write a JSON problem file (see README, "Formats") or a Braun HCSP file of whitespace-separated numbers, or pass --format json|hcsp`);
    }
    const text = await readText(file, io.stdin);
    const read = readProblem(text, file, format, tasks, machines);
    if (read.problem.tasks.length === 0 || read.problem.devices.length === 0) {
      throw new Usage(`${file === '-' ? 'standard input' : file}: the problem has ${count(read.problem.tasks.length, 'task')} and ${count(read.problem.devices.length, 'device')}: nothing to schedule (a problem needs at least one task and one device)`);
    }
    const options: Record<string, unknown> = {};
    if (values.strategy !== undefined) options.strategy = values.strategy;
    if (values['cost-model'] !== undefined) options.costModel = values['cost-model'];
    if (values.objective !== undefined) options.objective = values.objective;
    if (seed !== undefined) options.seed = seed;
    if (timeLimit !== undefined) options.timeLimitMs = timeLimit;
    if (maxIterations !== undefined) options.maxIterations = maxIterations;
    if (trace !== undefined) options.trace = trace === 'on';
    let solution = solve(read.problem, options as SolveOptions);
    // --lp-bound: the LP value is always shown, also when another bound is higher (text: a line; JSON: "lpBound").
    let lp = '';
    let json = (s: Solution): string => solutionToJson(s);
    if (values['lp-bound'] === true) {
      const withLp = await withLpBound(read.problem, solution);
      solution = withLp.solution;
      lp = lpLine(solution, withLp.lp, num);
      const value = withLp.lp;
      if (value !== undefined) json = (s) => JSON.stringify({ ...(JSON.parse(solutionToJson(s)) as Record<string, unknown>), lpBound: value }, null, 2);
    }
    if (values.svg !== undefined) await writeSvg(values.svg, scheduleToSvg(solution.schedule, { title: `${file}: ${solution.strategy}` }));
    io.stdout(values.json === true ? `${json(solution)}\n` : report(file, read.format, read.problem, solution, lp));
    return 0;
  } catch (e) {
    const where = file === '' ? '' : `${file}: `;
    return exitOnMistake('solve', e, io, (x) => {
      const flag = x.fn === 'solve' ? FLAGS[x.field] : undefined;
      if (flag !== undefined) return x.message.replace(`solve: ${x.field}`, flag);
      // parseHcsp's advice names its options; here they are flags.
      return `${where}${x.fn === 'parseHcsp' ? x.message.replace('options.tasks and options.machines', '--tasks and --machines') : x.message}`;
    }, SOLVE_USAGE);
  }
}

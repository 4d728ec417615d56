/**
 * JSON problem files (reader and writer) and stable JSON for solutions.
 *
 * The schema is in {@link parseProblemJson}'s documentation.
 * @module
 */
import { checkInteger, checkObject, checkOptions, infeasible, rangeReason, typeError, typeReason } from '../internal/errors.js';
import { checkProblem, compileFor } from '../problem/compile.js';
import { overflowLines, overflowPaths, overflowReason } from '../internal/jsonOverflow.js';
import type { IssueLog } from '../problem/issueLog.js';
import type { Problem } from '../problem/types.js';
import type { Solution } from '../solvers/solve.js';

const FN = 'parseProblemJson';

function inf(v: unknown): unknown {
  return v === 'Infinity' ? Infinity : v;
}

function matrixIn(v: unknown): unknown {
  return Array.isArray(v) ? v.map((row: unknown) => (Array.isArray(row) ? row.map(inf) : row)) : v;
}

/** Replaces `"Infinity"` by `Infinity` where the schema allows it; leaves everything else for the validator. */
function fromJson(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const o = { ...(raw as Record<string, unknown>) };
  if (Array.isArray(o.tasks)) {
    o.tasks = o.tasks.map((t: unknown) => (typeof t === 'object' && t !== null && 'deadline' in t ? { ...t, deadline: inf(t.deadline) } : t));
  }
  if (Array.isArray(o.devices)) {
    o.devices = o.devices.map((d: unknown) => (typeof d === 'object' && d !== null && 'budget' in d ? { ...d, budget: inf(d.budget) } : d));
  }
  if ('execTime' in o) o.execTime = matrixIn(o.execTime);
  if ('transferTime' in o) o.transferTime = matrixIn(o.transferTime);
  return o;
}

/**
 * Reads a JSON problem file into a {@link Problem}, validating it completely
 * and reporting the errors found at once, each with its path
 * (`problem.execTime[3][1]`) and reason. The report is bounded: the first 5
 * errors of each kind (same class, same field up to indices), then a line
 * `… and 999,995 more of the same kind (problem.tasks[*].id)`; the header
 * counts them all (`has 2,000,000 errors:`). A file with 10^6 malformed
 * tasks is read in time linear in its size, with a report of a few lines.
 *
 * Schema of a problem file (one JSON object; every other key is an error):
 *
 * ```text
 * {
 *   "tasks": [                                  one object per task, n ≥ 0
 *     { "id": string (non-empty, unique),
 *       "priority"?: number ≥ 0,                explicit priority, higher first
 *       "criteria"?: { "importance": number ≥ 0, "urgency": number ≥ 0, "satisfaction": number ≥ 0 },
 *       "demand"?: number ≥ 0, "release"?: number ≥ 0,
 *       "deadline"?: number ≥ 0 | "Infinity",
 *       "source"?: string (a device id: where the task's data is) }  ],
 *   "devices": [                                one object per device, m ≥ 0
 *     { "id": string (non-empty, unique), "tier": "edge" | "fog" | "cloud",
 *       "ready"?: number ≥ 0, "budget"?: number ≥ 0 | "Infinity" } ],
 *     { "id": string (non-empty, unique), "tier": "edge" | "cloud",
 *       "ready"?: number ≥ 0, "budget"?: number ≥ 0 | "Infinity",
 *       "power"?: { "busy"?: W ≥ 0, "transfer"?: W ≥ 0, "idle"?: W ≥ 0 },
 *       "price"?: { "perSecond": number ≥ 0, "granularity"?: seconds > 0, "minimum"?: seconds ≥ 0 } } ],
 *   "execTime": [[number ≥ 0 | "Infinity", ... m entries], ... n rows],
 *   "transferTime"?: [[number ≥ 0 | "Infinity", ... m entries], ... n rows]
 * }
 * ```
 *
 * JSON has no Infinity: write it as the string `"Infinity"` (in `execTime`
 * and `transferTime` it means the task cannot run on that device). A number
 * too large for a double (`1e400`) is an `InputRangeError` naming its path
 * (`problem.execTime[0][0] is a JSON number too large for a double ...`),
 * never read as Infinity. `null`
 * is rejected everywhere, because `JSON.stringify` writes both `Infinity`
 * and `NaN` as `null`, so a `null` cannot be told apart from a lost NaN.
 *
 * Complexity: O(size of text).
 *
 * @param text - The file's contents.
 * @returns A new plain {@link Problem} (`"Infinity"` strings become `Infinity`).
 * @throws {@link InputTypeError} for text that is not a string or not valid JSON, or when any error is a shape error; the message lists every error, one per line.
 * @throws {@link InputRangeError} when every error is a bad number, duplicate id or the like (the message lists them all), or for a number too large for a double (each named by path).
 * @throws {@link InfeasibleError} when the only errors are tasks that no device can run.
 *
 * @example
 * ```ts
 * parseProblemJson('{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[3]]}');
 * // { tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }], execTime: [[3]] }
 * parseProblemJson('{"tasks":[{"id":"a"},{"id":"a"}],"devices":[],"execTime":[[null],[]]}');
 * // throws InputTypeError:
 * // parseProblemJson: problem has 4 errors:
 * //   problem.tasks[1].id duplicates problem.tasks[0].id ("a")
 * //   problem.execTime[0] has 1 entries, expected 0 (one per device)
 * //   problem.execTime[0] has no device to run on (problem.devices is empty)
 * //   problem.execTime[1] has no device to run on (problem.devices is empty)
 * ```
 */
export function parseProblemJson(text: string): Problem {
  if (typeof text !== 'string') typeError(FN, 'text', 'a string', text);
  let raw: unknown;
  // A UTF-8 byte-order mark (editors on Windows write one) is not JSON, but it is no mistake either.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const bare = /(^|[\[,:\s])-?(Infinity|NaN)\s*[\],}\s]/.exec(body);
    const hint = bare === null ? '' : ` (JSON has no ${bare[2]!}: write the string "Infinity" for a forbidden pair or an unlimited budget; NaN is never valid)`;
    typeReason(FN, 'text', `is not valid JSON: ${(e as Error).message}${hint}`);
  }
  // A literal beyond the largest double (1e400) parses as Infinity, which would read as "forbidden": name it instead.
  const over = overflowPaths(raw, 'problem');
  if (over.length === 1) rangeReason(FN, over[0]!.path, overflowReason(over[0]!.negative));
  if (over.length > 1) rangeReason(FN, 'problem', `has ${over.length.toLocaleString('en-US')} numbers too large for a double:\n${overflowLines(over)}`);
  const problem = fromJson(raw);
  // Errors are collected, not thrown: skip capturing a stack trace for each
  // (a file can hold millions), then restore the setting.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let log: IssueLog;
  try {
    log = checkProblem(FN, problem, true).log;
  } finally {
    Error.stackTraceLimit = limit;
  }
  if (log.total === 0) return problem as Problem;
  if (log.total === 1) throw log.issues[0]!;
  const lines = log.lines(`${FN}: `).map((l) => `  ${l}`);
  const reason = `has ${log.total.toLocaleString('en-US')} errors:\n${lines.join('\n')}`;
  if (log.anyType) typeReason(FN, 'problem', reason);
  if (log.allInfeasible) infeasible(FN, 'problem', reason);
  return rangeReason(FN, 'problem', reason);
}

/** Non-finite numbers as strings (JSON has none). */
function out(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

function ordered(obj: object, keys: readonly string[]): string {
  const src = obj as Record<string, unknown>;
  const o: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) o[k] = out(src[k]);
  return JSON.stringify(o);
}

function block(name: string, items: readonly string[], last: boolean): string {
  const body = items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`;
  return `  ${JSON.stringify(name)}: ${body}${last ? '' : ','}\n`;
}

/**
 * Writes a problem as a JSON problem file (the schema of this module):
 * canonical key order, `Infinity` as `"Infinity"`, one task, device or matrix
 * row per line. `parseProblemJson(problemToJson(p))` equals `p` up to key
 * order. The problem is validated first.
 *
 * Complexity: O(n·m).
 *
 * @param problem - A valid problem.
 * @returns The JSON text, ending with a newline.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileProblem`.
 *
 * @example
 * ```ts
 * problemToJson({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }], execTime: [[Infinity]] });
 * // throws InfeasibleError (task a cannot run anywhere)
 * problemToJson({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud' }], execTime: [[Infinity, 2]] });
 * // '{\n  "tasks": [\n    {"id":"a"}\n  ],\n  "devices": [\n    {"id":"e","tier":"edge"},\n    {"id":"c","tier":"cloud"}\n  ],\n  "execTime": [\n    ["Infinity",2]\n  ]\n}\n'
 * ```
 */
export function problemToJson(problem: Problem): string {
  compileFor('problemToJson', problem);
  const tasks = problem.tasks.map((t) => {
    const c = t.criteria;
    const criteria = c === undefined ? undefined : { importance: c.importance, urgency: c.urgency, satisfaction: c.satisfaction };
    return ordered({ ...t, criteria }, ['id', 'priority', 'criteria', 'demand', 'release', 'deadline', 'source']);
  });
  const pick = (o: object | undefined, keys: readonly string[]): object | undefined => (o === undefined ? undefined : JSON.parse(ordered(o, keys)) as object);
  const devices = problem.devices.map((d) =>
    ordered({ ...d, power: pick(d.power, ['busy', 'transfer', 'idle']), price: pick(d.price, ['perSecond', 'granularity', 'minimum']) }, ['id', 'tier', 'ready', 'budget', 'power', 'price']),
  );
  const rows = (mx: readonly (readonly number[])[]): string[] => mx.map((r) => JSON.stringify(r.map(out)));
  const hasTransfer = problem.transferTime !== undefined;
  return (
    '{\n' +
    block('tasks', tasks, false) +
    block('devices', devices, false) +
    block('execTime', rows(problem.execTime), !hasTransfer) +
    (hasTransfer ? block('transferTime', rows(problem.transferTime!), true) : '') +
    '}\n'
  );
}

/** Options of {@link solutionToJson}. */
export interface SolutionToJsonOptions {
  /**
   * Spaces per indentation level; 0 writes one line.
   * @defaultValue 2
   */
  readonly indent?: number;
}

/**
 * Writes a {@link Solution} as JSON with a fixed key order, so the same
 * solution always gives the same text: `strategy, assignment, makespan,
 * lowerBound, bound, gap, stoppedEarly, metrics, schedule, trace` (then
 * `constraints` when the solution has them), and inside them
 * the order of their type declarations. Non-finite numbers (a `gap` of
 * `Infinity` when the lower bound is 0) are written as strings
 * (`"Infinity"`).
 *
 * Complexity: O(size of the solution).
 *
 * @param solution - A solution from `solve`.
 * @param options - {@link SolutionToJsonOptions}.
 * @returns The JSON text (no trailing newline).
 * @throws {@link InputTypeError} when `solution` is not an object, or for an unknown option.
 * @throws {@link InputRangeError} for an indent that is not an integer in [0, 10].
 *
 * @example
 * ```ts
 * const s = solve(workedExampleProblem(30), { strategy: 'mct' });
 * JSON.parse(solutionToJson(s)).assignment; // same as s.assignment
 * Object.keys(JSON.parse(solutionToJson(s))); // ['strategy', 'assignment', 'makespan', 'lowerBound', 'bound', 'gap', 'stoppedEarly', 'metrics', 'schedule', 'trace']
 * ```
 */
export function solutionToJson(solution: Solution, options?: SolutionToJsonOptions): string {
  const fn = 'solutionToJson';
  const opts = checkOptions(fn, options, ['indent']);
  const indent = opts.indent === undefined ? 2 : checkInteger(fn, 'options.indent', opts.indent, 0, 10);
  checkObject(fn, 'solution', solution);
  const metrics = (m: Solution['metrics']): object => ({
    makespan: out(m.makespan),
    flowtime: out(m.flowtime),
    weightedFlowtime: out(m.weightedFlowtime),
    totalTransfer: out(m.totalTransfer),
    loadImbalance: out(m.loadImbalance),
    deadlineMisses: m.deadlineMisses.map((d) => ({ task: d.task, id: d.id, lateness: out(d.lateness) })),
    energy: { total: out(m.energy.total), perDevice: m.energy.perDevice.map((e) => ({ execution: out(e.execution), transfer: out(e.transfer), idle: out(e.idle), total: out(e.total) })) },
    cost: { total: out(m.cost.total), perDevice: m.cost.perDevice.map(out) },
    ...(m.budgetOverruns === undefined ? {} : { budgetOverruns: m.budgetOverruns.map((o) => ({ device: o.device, id: o.id, demand: o.demand, budget: o.budget, amount: o.amount })) }),
  });
  const s = solution.schedule;
  const doc = {
    strategy: solution.strategy,
    assignment: [...solution.assignment],
    makespan: out(solution.makespan),
    lowerBound: out(solution.lowerBound),
    ...(solution.bound === undefined ? {} : { bound: { value: out(solution.bound.value), kind: solution.bound.kind } }),
    gap: out(solution.gap),
    stoppedEarly: solution.stoppedEarly,
    metrics: metrics(solution.metrics),
    schedule: {
      costModel: s.costModel,
      assignment: [...s.assignment],
      tasks: s.tasks.map((t) => ({ task: t.task, id: t.id, device: t.device, start: out(t.start), transfer: out(t.transfer), exec: out(t.exec), finish: out(t.finish) })),
      devices: s.devices.map((d) => ({ device: d.device, id: d.id, busy: out(d.busy), utilization: out(d.utilization), tasks: [...d.tasks] })),
      metrics: metrics(s.metrics),
    },
    trace: solution.trace.map((d) => ({
      task: d.task,
      step: d.step,
      chosen: d.chosen,
      margin: out(d.margin),
      candidates: d.candidates.map((c) => ({ device: c.device, score: out(c.score) })),
      excluded: d.excluded.map((x) => ({ device: x.device, reason: x.reason })),
    })),
    ...(solution.constraints !== undefined
      ? {
          constraints: {
            satisfied: solution.constraints.satisfied,
            violations: solution.constraints.violations.map((v) => ({ constraint: v.constraint, limit: out(v.limit), value: out(v.value) })),
            provedInfeasible: [...solution.constraints.provedInfeasible],
          },
        }
      : {}),
  };
  return JSON.stringify(doc, null, indent);
}

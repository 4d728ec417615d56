/**
 * `lepton-sched serve --stdio`: the online API (`createOnlineState`,
 * `submit`, `complete`) over JSON lines, for simulators written in other
 * languages. One request per line on standard input, one response per line
 * on standard output, in request order; nothing else is ever written to
 * standard output. The process ends (exit 0) when standard input closes.
 *
 * Request:  `{"id": 1, "method": "submit", "params": {...}}`
 * Response: `{"id": 1, "result": ...}` or
 *           `{"id": 1, "error": {"class": "InputRangeError", "message": "...", "fn": "...", "field": "..."}}`
 *
 * Methods and their params (named after the functions' parameters):
 * - `createOnlineState`: `{devices, options?}` → the state
 * - `submit`: `{state, tasks, now, options?}` → `{state, decisions, ...}`
 * - `complete`: `{state, taskId, observed}` → the new state
 *
 * JSON has no Infinity: in `params`, the string `"Infinity"` stands for
 * `Infinity` where a number is expected (a task's `execTime`/`transferTime`
 * entries, a `budget`, a `deadline`); responses write `Infinity` the same way,
 * and a state's device without a budget (`budget: null` in process) as
 * `"budget": "Infinity"`, which a request may hand back as it is (`null`
 * is still accepted there). A number too large for a double (`1e400`) is an
 * `InputRangeError` naming its path, never read as Infinity.
 * Errors in a request (bad JSON, an unknown method, a library error) are
 * answered with `error` and the server goes on; `class` is the library's
 * error class (`InputTypeError`, `InputRangeError`, `InfeasibleError`),
 * `RequestError` for a malformed request line, or `InternalError` for a bug.
 * @internal
 * @module
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { complete } from '../online/complete.js';
import { createOnlineState } from '../online/state.js';
import { submit } from '../online/submit.js';
import { UsageError, type CliIo } from './io.js';
import { rangeReason, unknownKey } from '../internal/errors.js';
import { overflowLines, overflowPaths, overflowReason } from '../internal/jsonOverflow.js';
import { didYouMean } from '../internal/suggest.js';

/** Usage text of the `serve` command, for the CLI's help. @internal */
export const SERVE_USAGE = `  lepton-sched serve --stdio         the online API (createOnlineState, submit, complete) as
                                   JSON lines on stdin/stdout, one response per request
`;

type Params = Record<string, unknown>;
const METHODS: Readonly<Record<string, { readonly params: readonly string[]; readonly required: readonly string[]; readonly run: (p: Params) => unknown }>> = {
  createOnlineState: {
    params: ['devices', 'options'],
    required: ['devices'],
    run: (p) => (p.options === undefined ? createOnlineState(p.devices as never) : createOnlineState(p.devices as never, p.options as never)),
  },
  submit: {
    params: ['state', 'tasks', 'now', 'options'],
    required: ['state', 'tasks', 'now'],
    run: (p) => (p.options === undefined ? submit(p.state as never, p.tasks as never, p.now as never) : submit(p.state as never, p.tasks as never, p.now as never, p.options as never)),
  },
  complete: {
    params: ['state', 'taskId', 'observed'],
    required: ['state', 'taskId', 'observed'],
    run: (p) => complete(p.state as never, p.taskId as never, p.observed as never),
  },
};

/** Where the string "Infinity" stands for the number: entries of number arrays, and these keys. */
const INFINITE_KEYS = new Set(['budget', 'deadline']);

function decodeInfinity(v: unknown, key: string | undefined): unknown {
  if (typeof v === 'string') {
    if (key !== undefined && INFINITE_KEYS.has(key) && v === 'Infinity') return Infinity;
    return v;
  }
  if (Array.isArray(v)) {
    const numeric = v.every((x) => typeof x === 'number' || x === 'Infinity');
    return v.map((x) => (numeric && x === 'Infinity' ? Infinity : decodeInfinity(x, undefined)));
  }
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decodeInfinity(x, k);
    return out;
  }
  return v;
}

/** A state's device without a budget (`budget: null` in process) is written `"budget": "Infinity"`, so that it reads back exactly. */
function encode(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (v === Infinity || (k === 'budget' && v === null) ? 'Infinity' : v === -Infinity ? '-Infinity' : v instanceof Float64Array ? Array.from(v) : v));
}

/** `params.state.devices[j].budget` "Infinity" (as `encode` writes it) back to the state's `null`. */
function stateIn(p: Params): Params {
  const s = p.state;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return p;
  const devices: unknown = (s as Record<string, unknown>).devices;
  if (!Array.isArray(devices)) return p;
  const back = devices.map((d: unknown) => (typeof d === 'object' && d !== null && (d as Record<string, unknown>).budget === Infinity ? { ...d, budget: null } : d));
  return { ...p, state: { ...s, devices: back } };
}

class RequestError extends Error {
  override readonly name = 'RequestError';
}

/** Answers one request line; never throws. @internal */
export function answer(line: string, lineNumber: number): string {
  let id: unknown = null;
  try {
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch (e) {
      throw new RequestError(`serve: line ${lineNumber} is not valid JSON: ${(e as Error).message}`);
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) throw new RequestError(`serve: line ${lineNumber} must be a JSON object {"id", "method", "params"}`);
    const r = request as Record<string, unknown>;
    if (typeof r.id === 'string' || (typeof r.id === 'number' && Number.isFinite(r.id))) id = r.id;
    else throw new RequestError(`serve: request.id must be a string or a finite number, got ${JSON.stringify(r.id) ?? 'undefined'}`);
    for (const k of Object.keys(r)) if (!['id', 'method', 'params'].includes(k)) throw new RequestError(`serve: request.${k} ${unknownKey('field', k, ['id', 'method', 'params'])}`);
    const method = typeof r.method === 'string' ? METHODS[r.method] : undefined;
    if (method === undefined || !Object.hasOwn(METHODS, r.method as string)) throw new RequestError(`serve: request.method must be one of ${Object.keys(METHODS).join(', ')}, got ${JSON.stringify(r.method) ?? 'undefined'}${didYouMean(r.method, Object.keys(METHODS))}`);
    const params = r.params ?? {};
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new RequestError('serve: request.params must be an object of named parameters');
    for (const k of Object.keys(params)) if (!method.params.includes(k)) throw new RequestError(`serve: request.params.${k} is not a parameter of ${String(r.method)} (known: ${method.params.join(', ')})${didYouMean(k, method.params)}`);
    for (const k of method.required) if (!(k in params)) throw new RequestError(`serve: request.params.${k} is required by ${String(r.method)}`);
    // A literal beyond the largest double (1e400) parses as Infinity, which would read as "forbidden" or "unlimited": name it.
    const over = overflowPaths(params, 'request.params');
    if (over.length === 1) rangeReason('serve', over[0]!.path, overflowReason(over[0]!.negative));
    if (over.length > 1) rangeReason('serve', 'request.params', `has ${over.length} numbers too large for a double:\n${overflowLines(over)}`);
    const result = method.run(stateIn(decodeInfinity(params, undefined) as Params));
    return encode({ id, result });
  } catch (e) {
    if (e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError) {
      return encode({ id, error: { class: e.name, message: e.message, fn: e.fn, field: e.field } });
    }
    if (e instanceof RequestError) return encode({ id, error: { class: 'RequestError', message: e.message } });
    return encode({ id, error: { class: 'InternalError', message: e instanceof Error ? e.message : String(e) } });
  }
}

/**
 * Runs `lepton-sched serve` with the arguments after `serve`.
 * @param args - `--stdio` (the only transport).
 * @param io - Output channels; `lines` replaces standard input (tests).
 * @returns 0 when the input ends.
 * @internal
 */
export async function serveCommand(args: readonly string[], io: CliIo & { readonly lines?: AsyncIterable<string> }): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { stdio: { type: 'boolean' } }, allowPositionals: false, strict: true });
  if (values.stdio !== true) throw new UsageError('serve needs --stdio (the only transport: JSON lines on standard input and output)');
  const lines = io.lines ?? createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    io.stdout(`${answer(line, n)}\n`);
  }
  return 0;
}

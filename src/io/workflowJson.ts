/**
 * JSON workflow files (reader and writer): the project's JSON format for task
 * graphs, next to the problem format of `json.ts`.
 * @module
 */
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { TIER_NAMES, describe as show, infeasible, notNonNegativeOrInfinity, notOneOf, rangeError, rangeReason, typeError, typeReason, unknownKey } from '../internal/errors.js';
import { overflowLines, overflowPaths, overflowReason } from '../internal/jsonOverflow.js';
import { Report as EnergyReport } from '../problem/check.js';
import { compileEnergy, ENERGY_DEVICE_KEYS } from '../problem/compileEnergy.js';
import { compileWorkflowFor } from '../workflow/compile.js';
import type { Workflow } from '../workflow/types.js';

const FN = 'parseWorkflowJson';
/** Errors of one kind (same field with the indices dropped) listed before the rest are counted. */
const PER_KIND = 5;
type Issue = InputTypeError | InputRangeError | InfeasibleError;
type Obj = Record<string, unknown>;

/** Collects every error instead of throwing the first. */
class Report {
  readonly issues: Issue[] = [];
  guard(check: () => unknown): void {
    try {
      check();
    } catch (e) {
      if (e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError) this.issues.push(e);
      else throw e;
    }
  }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const inf = (v: unknown): unknown => (v === 'Infinity' ? Infinity : v);

function keys(r: Report, field: string, o: Obj, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) r.guard(() => typeReason(FN, `${field}.${k}`, unknownKey('field', k, allowed)));
}

/** A number ≥ 0 (or > 0), Infinity allowed when `infOk`; records an issue and returns false otherwise. */
/** The fix `notNonNegativeOrInfinity` appends to "got null" (listed once for many errors). */
const NULL_FIX = /: in JSON write the string "Infinity" \(JSON\.stringify turns Infinity and NaN into null\)$/;

function num(r: Report, field: string, v: unknown, infOk: boolean, positive = false): boolean {
  if (typeof v === 'number' && (positive ? v > 0 : v >= 0) && (infOk || v !== Infinity)) return true;
  const expected = `${positive ? 'a number > 0' : infOk ? 'a number >= 0' : 'a finite number >= 0'}${infOk ? ' or Infinity' : ''}`;
  // A number >= 0 or Infinity: the problem reader's message (for null, the JSON fix).
  if (infOk && !positive) r.guard(() => notNonNegativeOrInfinity(FN, field, v));
  else r.guard(() => (typeof v === 'number' ? rangeError(FN, field, expected, v) : typeError(FN, field, expected, v)));
  return false;
}

function ids(r: Report, field: string, list: unknown, allowed: readonly string[], extra: (o: Obj, f: string) => void): Map<string, number> | undefined {
  if (!Array.isArray(list)) {
    r.guard(() => typeError(FN, field, 'an array', list));
    return undefined;
  }
  const index = new Map<string, number>();
  list.forEach((item: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!isObj(item)) return r.guard(() => typeError(FN, f, 'an object', item));
    keys(r, f, item, allowed);
    const id = item.id;
    if (typeof id !== 'string' || id === '') r.guard(() => typeError(FN, `${f}.id`, 'a non-empty string', id));
    else if (index.has(id)) r.guard(() => rangeReason(FN, `${f}.id`, `duplicates ${field}[${index.get(id)}].id (${show(id)})`));
    else index.set(id, i);
    extra(item, f);
  });
  return index;
}

function matrixOrNumber(r: Report, field: string, v: unknown, m: number, check: (f: string, x: unknown) => boolean): void {
  if (!Array.isArray(v)) {
    check(field, v);
    return;
  }
  if (v.length !== m) r.guard(() => typeReason(FN, field, `has ${v.length} rows, expected ${m} (one per device)`));
  v.forEach((row: unknown, p) => {
    if (!Array.isArray(row)) return r.guard(() => typeError(FN, `${field}[${p}]`, 'an array', row));
    if (row.length !== m) r.guard(() => typeReason(FN, `${field}[${p}]`, `has ${row.length} entries, expected ${m} (one per device)`));
    row.forEach((x: unknown, q) => {
      if (p !== q) check(`${field}[${p}][${q}]`, x);
      else if (typeof x !== 'number' || Number.isNaN(x)) r.guard(() => typeError(FN, `${field}[${p}][${q}]`, 'a number (the diagonal is ignored)', x));
    });
  });
}

/** Every error of a workflow document, in document order. */
function check(w: Obj): Issue[] {
  const r = new Report();
  keys(r, 'workflow', w, ['tasks', 'devices', 'execTime', 'edges', 'network']);
  const taskIndex = ids(r, 'workflow.tasks', w.tasks, ['id', 'priority', 'release', 'deadline'], (t, f) => {
    if (t.priority !== undefined) num(r, `${f}.priority`, t.priority, false);
    if (t.release !== undefined) num(r, `${f}.release`, t.release, false);
    if (t.deadline !== undefined) num(r, `${f}.deadline`, t.deadline, true);
  });
  const deviceIndex = ids(r, 'workflow.devices', w.devices, ['id', 'tier', 'ready', ...ENERGY_DEVICE_KEYS], (d, f) => {
    if (d.tier !== 'edge' && d.tier !== 'fog' && d.tier !== 'cloud') r.guard(() => notOneOf(FN, `${f}.tier`, d.tier, TIER_NAMES));
    if (d.ready !== undefined) num(r, `${f}.ready`, d.ready, false);
  });
  if (Array.isArray(w.devices)) {
    // power and price: the problem reader's checks, every error collected.
    const er = new EnergyReport(true);
    compileEnergy(FN, [], w.devices, [], er, 'workflow.');
    for (const issue of er.issues) r.issues.push(issue); // no spread: the list is as long as the input
  }
  const n = Array.isArray(w.tasks) ? w.tasks.length : 0;
  const m = Array.isArray(w.devices) ? w.devices.length : 0;
  const et = w.execTime;
  if (!Array.isArray(et)) r.guard(() => typeError(FN, 'workflow.execTime', 'an array of rows', et));
  else {
    if (et.length !== n) r.guard(() => typeReason(FN, 'workflow.execTime', `has ${et.length} rows, expected ${n} (one per task)`));
    et.forEach((row: unknown, i) => {
      const f = `workflow.execTime[${i}]`;
      if (!Array.isArray(row)) return r.guard(() => typeError(FN, f, 'an array', row));
      if (row.length !== m) r.guard(() => typeReason(FN, f, `has ${row.length} entries, expected ${m} (one per device)`));
      let ok = true;
      row.forEach((x: unknown, j) => (ok = num(r, `${f}[${j}]`, x, true) && ok));
      if (ok && !row.some((x: unknown) => typeof x === 'number' && x < Infinity)) {
        r.guard(() => infeasible(FN, f, m === 0 ? 'has no device to run on (workflow.devices is empty)' : 'has no device where the task can run (execTime is Infinity on every device)'));
      }
    });
  }
  const edges = w.edges;
  if (!Array.isArray(edges)) r.guard(() => typeError(FN, 'workflow.edges', 'an array', edges));
  else {
    const seen = new Map<string, number>();
    edges.forEach((e: unknown, k) => {
      const f = `workflow.edges[${k}]`;
      if (!isObj(e)) return r.guard(() => typeError(FN, f, 'an object', e));
      keys(r, f, e, ['from', 'to', 'data']);
      let known = true;
      for (const side of ['from', 'to'] as const) {
        const id = e[side];
        if (typeof id !== 'string') r.guard(() => typeError(FN, `${f}.${side}`, 'a task id (string)', id));
        else if (taskIndex !== undefined && !taskIndex.has(id)) r.guard(() => rangeError(FN, `${f}.${side}`, 'the id of a task in workflow.tasks', id));
        else continue;
        known = false;
      }
      num(r, `${f}.data`, e.data, false);
      if (!known) return;
      if (e.from === e.to) return r.guard(() => rangeReason(FN, f, `is a self-loop on task ${show(e.from)} (a task cannot precede itself)`));
      const key = JSON.stringify([e.from, e.to]);
      if (seen.has(key)) r.guard(() => rangeReason(FN, f, `duplicates workflow.edges[${seen.get(key)}] (${show(e.from)} -> ${show(e.to)})`));
      else seen.set(key, k);
    });
  }
  if (w.network !== undefined) {
    const net = w.network;
    if (!isObj(net)) r.guard(() => typeError(FN, 'workflow.network', 'an object', net));
    else {
      keys(r, 'workflow.network', net, ['bandwidth', 'latency']);
      const mm = deviceIndex === undefined ? 0 : m;
      if (net.bandwidth !== undefined) matrixOrNumber(r, 'workflow.network.bandwidth', net.bandwidth, mm, (f, x) => num(r, f, x, true, true));
      if (net.latency !== undefined) matrixOrNumber(r, 'workflow.network.latency', net.latency, mm, (f, x) => num(r, f, x, false));
    }
  }
  return r.issues;
}

/** `"Infinity"` → `Infinity` where the schema allows it; everything else is left to the checks. */
function fromJson(raw: unknown): unknown {
  if (!isObj(raw)) return raw;
  const o: Obj = { ...raw };
  const rows = (v: unknown): unknown => (Array.isArray(v) ? v.map((row: unknown) => (Array.isArray(row) ? row.map(inf) : row)) : inf(v));
  if (Array.isArray(o.tasks)) o.tasks = o.tasks.map((t: unknown) => (isObj(t) && 'deadline' in t ? { ...t, deadline: inf(t.deadline) } : t));
  if ('execTime' in o) o.execTime = rows(o.execTime);
  if (isObj(o.network) && 'bandwidth' in o.network) o.network = { ...o.network, bandwidth: rows(o.network.bandwidth) };
  return o;
}

/** Drops the indices of a field: `workflow.execTime[3][1]` → `workflow.execTime[][]`. */
const kindOf = (e: Issue): string => `${e.constructor.name} ${e.field.replace(/\[\d+\]/g, '[]')}`;

/**
 * Reads a JSON workflow file into a {@link Workflow}, validating it
 * completely and reporting every error at once, each with its path
 * (`workflow.edges[3].to`); at most 5 errors of one kind (same field, any
 * index) are listed, then a count of the rest.
 *
 * Schema (one JSON object; every other key is an error):
 *
 * ```text
 * {
 *   "tasks": [ { "id": string (non-empty, unique), "priority"?: number ≥ 0,
 *                "release"?: number ≥ 0, "deadline"?: number ≥ 0 | "Infinity" } ],
 *   "devices": [ { "id": string (non-empty, unique), "tier": "edge" | "fog" | "cloud",
 *                  "ready"?: number ≥ 0,
 *                  "power"?: { "busy"?: W ≥ 0, "transfer"?: W ≥ 0, "idle"?: W ≥ 0 },
 *                  "price"?: { "perSecond": number ≥ 0, "granularity"?: seconds > 0, "minimum"?: seconds ≥ 0 } } ],
 *   "execTime": [[number ≥ 0 | "Infinity", ... one per device], ... one row per task],
 *   "edges": [ { "from": task id, "to": task id, "data": number ≥ 0 } ],
 *   "network"?: { "bandwidth"?: number > 0 | "Infinity" | m×m matrix of them,
 *                 "latency"?: number ≥ 0 | m×m matrix }
 * }
 * ```
 *
 * JSON has no Infinity: write the string `"Infinity"` (an execution time of
 * `"Infinity"` forbids the device; a bandwidth of `"Infinity"` makes that
 * transfer free). `null` is rejected (JSON.stringify writes NaN as null).
 * After these checks the edges must form no cycle (the message names one).
 *
 * Complexity: O(size of text + e log n).
 *
 * @param text - The file's contents.
 * @returns A new plain {@link Workflow}.
 * @throws {@link InputTypeError} for text that is not a string or not JSON, or when any error is a shape error; the message lists the errors, one per line.
 * @throws {@link InputRangeError} when every error is a bad number, duplicate, unknown id, self-loop or cycle.
 * @throws {@link InputRangeError} first, for a JSON number beyond a double (`1e400`): `workflow.execTime[0][0] is a JSON number too large for a double ...` (several: listed under `workflow`).
 * @throws {@link InfeasibleError} when the only errors are tasks that no device can run.
 *
 * @example
 * ```ts
 * parseWorkflowJson('{"tasks":[{"id":"a"},{"id":"b"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[1],[2]],"edges":[{"from":"a","to":"b","data":3}]}').edges;
 * // [{ from: 'a', to: 'b', data: 3 }]
 * parseWorkflowJson('{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"sky"}],"execTime":[[-1]],"edges":[{"from":"a","to":"z","data":0}]}');
 * // throws InputTypeError:
 * // parseWorkflowJson: workflow has 3 errors:
 * //   workflow.devices[0].tier must be one of 'edge', 'fog', 'cloud', got "sky"
 * //   workflow.execTime[0][0] must be a number >= 0 or Infinity, got -1
 * //   workflow.edges[0].to must be the id of a task in workflow.tasks, got "z"
 * ```
 */
export function parseWorkflowJson(text: string): Workflow {
  if (typeof text !== 'string') typeError(FN, 'text', 'a string', text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    typeReason(FN, 'text', `is not valid JSON: ${(e as Error).message}`);
  }
  // JSON has no Infinity: a number that parsed to ±Infinity was beyond a double (1e400), not "forbidden".
  const over = overflowPaths(raw, 'workflow');
  if (over.length === 1) rangeReason(FN, over[0]!.path, overflowReason(over[0]!.negative));
  if (over.length > 1) rangeReason(FN, 'workflow', `has ${over.length.toLocaleString('en-US')} numbers too large for a double:\n${overflowLines(over)}`);
  const w = fromJson(raw);
  if (!isObj(w)) typeError(FN, 'workflow', 'an object', w);
  const issues = check(w);
  if (issues.length === 0) {
    compileWorkflowFor(FN, w as unknown as Workflow); // cycles
    return w as unknown as Workflow;
  }
  if (issues.length === 1) throw issues[0]!;
  const prefix = `${FN}: `;
  const shown: string[] = [];
  const hidden = new Map<string, number>();
  for (const e of issues) {
    const kind = kindOf(e);
    const count = shown.filter((s) => s.startsWith(`${kind}\u0000`)).length;
    // The null fix is said once, after the list.
    const text = e.message.replace(NULL_FIX, '');
    if (count < PER_KIND) shown.push(`${kind}\u0000  ${text.startsWith(prefix) ? text.slice(prefix.length) : text}`);
    else hidden.set(kind, (hidden.get(kind) ?? 0) + 1);
  }
  const lines = shown.map((s) => s.slice(s.indexOf('\u0000') + 1));
  for (const [kind, count] of hidden) lines.push(`  ... and ${count} more like ${kind.slice(kind.indexOf(' ') + 1)}`);
  const hint = issues.some((e) => e.message.replace(NULL_FIX, '').endsWith('got null'))
    ? '\n  (JSON has no Infinity: write the string "Infinity"; null is rejected because JSON.stringify also writes NaN as null)'
    : '';
  const reason = `has ${issues.length} errors:\n${lines.join('\n')}${hint}`;
  if (issues.some((e) => e instanceof InputTypeError)) typeReason(FN, 'workflow', reason);
  if (issues.every((e) => e instanceof InfeasibleError)) infeasible(FN, 'workflow', reason);
  return rangeReason(FN, 'workflow', reason);
}

/** Non-finite numbers as strings (JSON has none). */
const out = (v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

function line(o: object, order: readonly string[]): string {
  const src = o as Obj;
  const picked: Obj = {};
  for (const k of order) if (src[k] !== undefined) picked[k] = out(src[k]);
  return JSON.stringify(picked);
}

/** The given keys of an object that are set, in that order (`undefined` for no object). */
function pick(o: object | undefined, order: readonly string[]): Obj | undefined {
  if (o === undefined) return undefined;
  const src = o as Obj;
  const picked: Obj = {};
  for (const k of order) if (src[k] !== undefined) picked[k] = src[k];
  return picked;
}

function block(name: string, items: readonly string[], indent: string, last: boolean): string {
  const body = items.length === 0 ? '[]' : `[\n${indent}  ${items.join(`,\n${indent}  `)}\n${indent}]`;
  return `${indent}${JSON.stringify(name)}: ${body}${last ? '' : ','}\n`;
}

/**
 * Writes a workflow as a JSON workflow file (the schema of
 * {@link parseWorkflowJson}): canonical key order, `Infinity` as
 * `"Infinity"`, one task, device, matrix row or edge per line.
 * `parseWorkflowJson(workflowToJson(w))` equals `w` up to key order. The
 * workflow is validated first.
 *
 * Complexity: O(n·m + m² + e).
 *
 * @param workflow - A valid workflow.
 * @returns The JSON text, ending with a newline.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`.
 *
 * @example
 * ```ts
 * workflowToJson({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud' }],
 *   execTime: [[Infinity, 2]], edges: [], network: { bandwidth: 10 } });
 * // '{\n  "tasks": [\n    {"id":"a"}\n  ],\n  "devices": [\n    {"id":"e","tier":"edge"},\n    {"id":"c","tier":"cloud"}\n  ],\n  "execTime": [\n    ["Infinity",2]\n  ],\n  "edges": [],\n  "network": {\n    "bandwidth": 10\n  }\n}\n'
 * ```
 */
export function workflowToJson(workflow: Workflow): string {
  compileWorkflowFor('workflowToJson', workflow);
  const rows = (mx: readonly (readonly number[])[]): string[] => mx.map((r) => JSON.stringify(r.map(out)));
  const net = workflow.network;
  let text =
    '{\n' +
    block('tasks', workflow.tasks.map((t) => line(t, ['id', 'priority', 'release', 'deadline'])), '  ', false) +
    block('devices', workflow.devices.map((d) => line({ ...d, power: pick(d.power, ['busy', 'transfer', 'idle']), price: pick(d.price, ['perSecond', 'granularity', 'minimum']) }, ['id', 'tier', 'ready', 'power', 'price'])), '  ', false) +
    block('execTime', rows(workflow.execTime), '  ', false) +
    block('edges', workflow.edges.map((e) => line(e, ['from', 'to', 'data'])), '  ', net === undefined);
  if (net !== undefined) {
    const parts: string[] = [];
    for (const k of ['bandwidth', 'latency'] as const) {
      const v = net[k];
      if (v === undefined) continue;
      parts.push(typeof v === 'number' ? `    ${JSON.stringify(k)}: ${JSON.stringify(out(v))}\n` : block(k, rows(v), '    ', true));
    }
    text += `  "network": {\n${parts.map((p) => p.replace(/\n$/, '')).join(',\n')}${parts.length > 0 ? '\n' : ''}  }\n`;
  }
  return `${text}}\n`;
}

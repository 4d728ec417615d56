/**
 * Validate a {@link Workflow} once, at the boundary, and compile it to the
 * dense typed arrays (CSR adjacency, topological order) every workflow
 * scheduler shares.
 * @module
 */
import {
  checkArray,
  checkObject,
  describe as show,
  infeasible,
  notNonNegativeOrInfinity,
  notOneOf,
  rangeError,
  rangeReason,
  TIER_NAMES,
  typeError,
  typeReason,
  unknownKey,
} from '../internal/errors.js';
import { Report } from '../problem/check.js';
import { compileEnergy, ENERGY_DEVICE_KEYS } from '../problem/compileEnergy.js';
import { checkOverflow, csr, topoOrder } from './compileGraph.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** The most devices a workflow may have: its bandwidth and latency tables are m × m (2^26 entries, 512 MiB each, at this limit). */
export const MAX_WORKFLOW_DEVICES = 8192;

const WORKFLOW_KEYS = ['tasks', 'devices', 'execTime', 'edges', 'network'];
const TASK_KEYS = ['id', 'priority', 'release', 'deadline'];
const DEVICE_KEYS = ['id', 'tier', 'ready', ...ENERGY_DEVICE_KEYS];
const EDGE_KEYS = ['from', 'to', 'data'];
const NETWORK_KEYS = ['bandwidth', 'latency'];

function checkKeys(fn: string, field: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) typeReason(fn, `${field}.${key}`, unknownKey('field', key, allowed));
  }
}

/** A number ≥ 0 (finite unless `infOk`). */
function nonNeg(fn: string, field: string, v: unknown, infOk: boolean): number {
  if (typeof v === 'number' && v >= 0 && (infOk || v !== Infinity)) return v;
  if (infOk) notNonNegativeOrInfinity(fn, field, v);
  const expected = 'a finite number >= 0';
  return typeof v === 'number' ? rangeError(fn, field, expected, v) : typeError(fn, field, expected, v);
}

/** Reads ids: non-empty strings, unique; returns them and the id → index map. */
function readIds(fn: string, field: string, items: readonly unknown[], keys: readonly string[]): { ids: string[]; index: Map<string, number> } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    checkObject(fn, `${field}[${i}]`, item);
    checkKeys(fn, `${field}[${i}]`, item, keys);
    const id = item.id;
    if (typeof id !== 'string' || id === '') typeError(fn, `${field}[${i}].id`, 'a non-empty string', id);
    const first = index.get(id);
    if (first !== undefined) rangeReason(fn, `${field}[${i}].id`, `duplicates ${field}[${first}].id (${show(id)})`);
    index.set(id, i);
    ids.push(id);
  }
  return { ids, index };
}

/** Fills an m×m network matrix from one number or an m×m array; the diagonal must be a number (not NaN) and is ignored. */
function network(fn: string, field: string, v: unknown, m: number, out: Float64Array, check: (f: string, x: unknown) => number): void {
  if (typeof v === 'number') {
    out.fill(check(field, v));
    return;
  }
  if (!Array.isArray(v)) typeError(fn, field, `a number or a ${m}×${m} matrix (an array of rows)`, v);
  if (v.length !== m) typeReason(fn, field, `has ${v.length} rows, expected ${m} (one per device)`);
  for (let p = 0; p < m; p++) {
    const row: unknown = v[p];
    checkArray(fn, `${field}[${p}]`, row);
    if (row.length !== m) typeReason(fn, `${field}[${p}]`, `has ${row.length} entries, expected ${m} (one per device)`);
    for (let q = 0; q < m; q++) {
      const x: unknown = row[q];
      if (p === q) {
        if (typeof x !== 'number' || Number.isNaN(x)) typeError(fn, `${field}[${p}][${q}]`, 'a number (the diagonal is ignored)', x);
        continue;
      }
      out[p * m + q] = check(`${field}[${p}][${q}]`, x);
    }
  }
}

/** Validates and compiles with `fn` in messages. @internal */
export function compileWorkflowFor(fn: string, workflow: Workflow): CompiledWorkflow {
  const w: unknown = workflow;
  checkObject(fn, 'workflow', w);
  checkKeys(fn, 'workflow', w, WORKFLOW_KEYS);
  const tasks = w.tasks;
  const devices = w.devices;
  checkArray(fn, 'workflow.tasks', tasks);
  checkArray(fn, 'workflow.devices', devices);
  const n = tasks.length;
  const m = devices.length;
  const { ids: taskIds, index: taskIndex } = readIds(fn, 'workflow.tasks', tasks, TASK_KEYS);
  const { ids: deviceIds } = readIds(fn, 'workflow.devices', devices, DEVICE_KEYS);

  const priority = new Float64Array(n);
  const release = new Float64Array(n);
  const deadline = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const t = tasks[i] as Record<string, unknown>;
    const f = `workflow.tasks[${i}]`;
    if (t.priority !== undefined) priority[i] = nonNeg(fn, `${f}.priority`, t.priority, false);
    if (t.release !== undefined) release[i] = nonNeg(fn, `${f}.release`, t.release, false);
    if (t.deadline !== undefined) deadline[i] = nonNeg(fn, `${f}.deadline`, t.deadline, true);
  }
  const ready = new Float64Array(m);
  const tier = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const d = devices[j] as Record<string, unknown>;
    const f = `workflow.devices[${j}]`;
    if (d.tier === 'cloud') tier[j] = 1;
    else if (d.tier === 'fog') tier[j] = 2;
    else if (d.tier !== 'edge') notOneOf(fn, `${f}.tier`, d.tier, TIER_NAMES);
    if (d.ready !== undefined) ready[j] = nonNeg(fn, `${f}.ready`, d.ready, false);
  }
  // power and price: the problem validator's checks and messages, failing fast (workflow tasks have no source).
  const { source: _none, ...energy } = compileEnergy(fn, [], devices, deviceIds, new Report(false), 'workflow.');

  const exec = new Float64Array(n * m);
  const et = w.execTime;
  if (!Array.isArray(et)) typeError(fn, 'workflow.execTime', 'an array of rows', et);
  if (et.length !== n) typeReason(fn, 'workflow.execTime', `has ${et.length} rows, expected ${n} (one per task)`);
  for (let i = 0; i < n; i++) {
    const row: unknown = et[i];
    checkArray(fn, `workflow.execTime[${i}]`, row);
    if (row.length !== m) typeReason(fn, `workflow.execTime[${i}]`, `has ${row.length} entries, expected ${m} (one per device)`);
    let allowed = false;
    for (let j = 0; j < m; j++) {
      const x = nonNeg(fn, `workflow.execTime[${i}][${j}]`, row[j], true);
      exec[i * m + j] = x;
      if (x < Infinity) allowed = true;
    }
    if (!allowed) {
      infeasible(fn, `workflow.execTime[${i}]`, m === 0 ? 'has no device to run on (workflow.devices is empty)' : 'has no device where the task can run (execTime is Infinity on every device)');
    }
  }

  const edges = w.edges;
  checkArray(fn, 'workflow.edges', edges);
  const e = edges.length;
  const from = new Int32Array(e);
  const to = new Int32Array(e);
  const data = new Float64Array(e);
  const seen = new Map<string, number>();
  for (let k = 0; k < e; k++) {
    const edge: unknown = edges[k];
    const f = `workflow.edges[${k}]`;
    checkObject(fn, f, edge);
    checkKeys(fn, f, edge, EDGE_KEYS);
    for (const side of ['from', 'to'] as const) {
      const id = edge[side];
      if (typeof id !== 'string') typeError(fn, `${f}.${side}`, 'a task id (string)', id);
      const i = taskIndex.get(id);
      if (i === undefined) rangeError(fn, `${f}.${side}`, 'the id of a task in workflow.tasks', id);
      (side === 'from' ? from : to)[k] = i;
    }
    if (from[k] === to[k]) rangeReason(fn, f, `is a self-loop on task ${show(taskIds[from[k]!])} (a task cannot precede itself)`);
    const key = `${from[k]} ${to[k]}`;
    const first = seen.get(key);
    if (first !== undefined) rangeReason(fn, f, `duplicates workflow.edges[${first}] (${show(taskIds[from[k]!])} -> ${show(taskIds[to[k]!])})`);
    seen.set(key, k);
    data[k] = nonNeg(fn, `${f}.data`, edge.data, false);
  }

  if (m > MAX_WORKFLOW_DEVICES) {
    rangeReason(fn, 'workflow.devices', `has ${m} devices: the m × m bandwidth and latency tables would need ${m * m} entries each; at most ${MAX_WORKFLOW_DEVICES} devices are supported`);
  }
  const bandwidth = new Float64Array(m * m).fill(1);
  const latency = new Float64Array(m * m);
  const net = w.network;
  if (net !== undefined) {
    checkObject(fn, 'workflow.network', net);
    checkKeys(fn, 'workflow.network', net, NETWORK_KEYS);
    const positive = (f: string, x: unknown): number => {
      if (typeof x === 'number' && x > 0) return x;
      return typeof x === 'number' ? rangeError(fn, f, 'a number > 0 or Infinity', x) : typeError(fn, f, 'a number > 0 or Infinity', x);
    };
    if (net.bandwidth !== undefined) network(fn, 'workflow.network.bandwidth', net.bandwidth, m, bandwidth, positive);
    if (net.latency !== undefined) network(fn, 'workflow.network.latency', net.latency, m, latency, (f, x) => nonNeg(fn, f, x, false));
  }
  for (let j = 0; j < m; j++) {
    bandwidth[j * m + j] = Infinity;
    latency[j * m + j] = 0;
  }

  checkOverflow(fn, n, m, exec, release, ready, data, bandwidth, latency);

  const s = csr(n, from, to);
  const p = csr(n, to, from);
  const topo = topoOrder(fn, n, p.start, p.adj, s.start, s.adj, taskIds);
  return {
    n, m, exec, release, deadline, priority, ready, tier, ...energy,
    succStart: s.start, succ: s.adj, succEdge: s.edge,
    predStart: p.start, pred: p.adj, predEdge: p.edge,
    data, bandwidth, latency, topo, taskIds, deviceIds,
  };
}

/**
 * Validates a {@link Workflow} and compiles it to dense typed arrays: row-major
 * execution times (`exec[i * m + j]`), CSR adjacency in both directions
 * (neighbours ascending, with the index of the input edge), the m×m network,
 * and a topological order (Kahn's algorithm, lowest index first among ready tasks).
 *
 * Checks, fail-fast, each error naming its field and index: shapes (objects,
 * arrays, unknown fields rejected); ids non-empty and unique; `tier` is
 * `'edge'`, `'fog'` or `'cloud'` (compiled 0, 2, 1); `priority`, `release`,
 * `ready` finite and ≥ 0; a device's `power` (busy, transfer, idle
 * watts) finite and ≥ 0 and `price` with `perSecond` and `minimum` finite and
 * ≥ 0 and `granularity` finite and > 0, unknown keys rejected (the problem
 * validator's rules); `deadline` ≥ 0 (`Infinity` = none); `execTime` n×m,
 * entries ≥ 0 or `Infinity` (forbidden), and every task has one allowed
 * device; edges name known tasks, are not self-loops nor duplicates, carry
 * data finite and ≥ 0; bandwidth > 0 (`Infinity` = free), latency finite and
 * ≥ 0, each one number or m×m (diagonal ignored, but never NaN), and no
 * transfer or worst-case sum of times overflows to Infinity; the edges
 * form no cycle (the message names one, from its lowest-index task, e.g. `"a" -> "b" -> "a"`). NaN is
 * rejected everywhere.
 *
 * Complexity: O(n·m + m² + e log n) time, O(n·m + m² + e) space.
 *
 * @param workflow - The workflow (never mutated; the result shares no storage with it).
 * @returns A {@link CompiledWorkflow}.
 * @throws {@link InputTypeError} for a wrong shape: non-object, non-array, ragged rows, missing id, unknown field, bad tier.
 * @throws {@link InputRangeError} for NaN, negative or (where not allowed) infinite numbers, non-positive bandwidth, duplicate ids or edges, unknown task ids in edges, self-loops, cycles.
 * @throws {@link InfeasibleError} for a task with no allowed device, naming `workflow.execTime[i]`.
 *
 * @example
 * ```ts
 * const cw = compileWorkflow({
 *   tasks: [{ id: 'b' }, { id: 'a' }],
 *   devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
 *   execTime: [[3, 1], [Infinity, 2]],
 *   edges: [{ from: 'a', to: 'b', data: 4 }],
 * });
 * [...cw.topo];      // [1, 0]
 * [...cw.succStart]; // [0, 0, 1]
 * [...cw.succ];      // [0]
 * ```
 */
export function compileWorkflow(workflow: Workflow): CompiledWorkflow {
  return compileWorkflowFor('compileWorkflow', workflow);
}

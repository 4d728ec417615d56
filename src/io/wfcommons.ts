/**
 * WfCommons workflow instances (WfFormat 1.4, 1.5 and 1.6): reader and writer.
 * @module
 */
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { checkOneOf, checkOptions, rangeError, rangeReason, typeError, typeReason, unknownKey } from '../internal/errors.js';
import { overflowLines, overflowPaths, overflowReason } from '../internal/jsonOverflow.js';
import { Report } from '../problem/check.js';
import { compileEnergy } from '../problem/compileEnergy.js';
import type { DevicePower, DevicePrice, Tier } from '../problem/types.js';
import { compileWorkflowFor, MAX_WORKFLOW_DEVICES } from '../workflow/compile.js';
import type { Network, Workflow, WorkflowDevice, WorkflowEdge } from '../workflow/types.js';
import { readInstance, type WfInstance } from './wfcommonsRead.js';

/** A device to schedule a WfCommons workflow on, for {@link ParseWfCommonsOptions.devices}. */
export interface WfCommonsDevice {
  /** Unique id. */
  readonly id: string;
  /** `'edge'`, `'fog'` or `'cloud'`. */
  readonly tier: Tier;
  /** CPU speed in MHz: runtimes are scaled by recorded speed / this speed when both are known. @defaultValue unknown (runtimes as recorded) */
  readonly speedInMHz?: number;
  /** Power draw in watts, copied to the workflow device (see `evaluateWorkflow`). @defaultValue none (0 W) */
  readonly power?: DevicePower;
  /** Price of active time, copied to the workflow device. @defaultValue none (free) */
  readonly price?: DevicePrice;
}

/** Options of {@link parseWfCommons}. */
export interface ParseWfCommonsOptions {
  /** Devices to schedule on, instead of the file's machines. @defaultValue one device per machine in the file (see {@link parseWfCommons}) */
  readonly devices?: readonly WfCommonsDevice[];
  /** Tier of the devices made from the file's machines. @defaultValue `'cloud'` */
  readonly tier?: Tier;
  /** Make one device per CPU core of each machine (`node#0`, `node#1`, ...; one when the core count is not given), free to talk to each other. @defaultValue false */
  readonly coresAsDevices?: boolean;
  /** Bytes per data unit of the edges' `data` (1e6: megabytes). @defaultValue 1e6 */
  readonly bytesPerUnit?: number;
  /** The network between devices, in data units per second. @defaultValue bandwidth 125 (1 Gbit/s in MB/s), latency 0; Infinity between cores of one machine */
  readonly network?: Network;
  /** Runtime, seconds, of a task the file has no execution record for. @defaultValue none: such a task is an error */
  readonly defaultRuntime?: number;
}

const FN = 'parseWfCommons';
const OPTION_KEYS = ['devices', 'tier', 'coresAsDevices', 'bytesPerUnit', 'network', 'defaultRuntime'];
const TIERS = ['edge', 'fog', 'cloud'] as const;
const WFCOMMONS_DEVICE_KEYS: readonly string[] = ['id', 'tier', 'speedInMHz', 'power', 'price'];

/**
 * Reads a WfCommons workflow instance (WfFormat 1.4, 1.5 or 1.6 JSON, the
 * format of the WfInstances collection, https://github.com/wfcommons/WfFormat)
 * into a {@link Workflow}.
 *
 * - Layout by `schemaVersion`: 1.4 has `workflow.tasks[]` (each with `name`,
 *   `parents`, optional `children`, `files[]` of `{name, path?, sizeInBytes,
 *   link: 'input' | 'output'}`, `runtimeInSeconds`, `machine`) and
 *   `workflow.machines[]` (`cpu.count`, `cpu.speed` MHz); 1.5 and 1.6 have
 *   `workflow.specification.tasks[]` (`id`, `parents`, `children`,
 *   `inputFiles`, `outputFiles`) and `.files[]` (`id`, `sizeInBytes`), and
 *   `workflow.execution.tasks[]` (`id`, `runtimeInSeconds`, `machines`) and
 *   `.machines[]` (`nodeName`, `cpu.coreCount`, `cpu.speedInMHz`). 1.6 only
 *   adds optional `metrics`, which are ignored. Task ids are `id` (1.5+) or
 *   `name` (1.4, whose `parents` name tasks; an id is accepted too).
 * - Edges: the union of every `parents` and `children` link, sorted by
 *   (from, to) task index; `data` = total bytes of the files the child reads
 *   that the parent writes, divided by `bytesPerUnit` (0 if none: a pure
 *   control dependency). A file is one piece of data of a size: listed twice
 *   in a task's inputs or outputs (same `id`; in 1.4 same `path` + `name`)
 *   it is counted once, with its first listing's size.
 * - Devices: `options.devices` (their optional `power` and `price` copied,
 *   validated as `compileWorkflow` does), else one per machine of the file (tier
 *   `options.tier`), or one per core with `coresAsDevices`, else (no
 *   machines listed) one device `"machine"`. A task's machine that is not
 *   listed only means its speed is unknown.
 * - Execution times: `execTime[i][j] = runtime_i · s_i / s_j`, where s_i is
 *   the speed (MHz) of the machine task i ran on (its first listed machine)
 *   and s_j device j's speed, when both are known; otherwise the recorded
 *   runtime on every device. A task's `coreCount` is not modelled (its
 *   runtime already includes its own parallelism).
 *
 * Not read: priorities, memory, energy, timestamps, commands.
 *
 * Complexity: O(size of text + n·m + e·f) for f files per task.
 *
 * @param text - The instance file's contents.
 * @param options - {@link ParseWfCommonsOptions}.
 * @returns A new plain, valid {@link Workflow} (checked by `compileWorkflow`'s rules).
 * @throws {@link InputTypeError} for text that is not JSON, a field of the wrong type or missing, naming its JSON path (`workflow.specification.tasks[3].parents`), or a bad option.
 * @throws {@link InputRangeError} for a JSON number beyond a double (`1e400`, named by its path), an unsupported `schemaVersion`, a negative runtime or size, a duplicate task, file or machine, a reference to an unknown task or file, an execution record of an unknown task, a missing runtime (without `defaultRuntime`), a self-loop or a cycle (named by the task list, `workflow.specification.tasks` or `workflow.tasks`), an empty `options.devices`, more than 8192 devices (`options.devices`, or the machines, one per core with `coresAsDevices`; checked before any m × m table is built). `options.network` and `options.devices` are checked as `workflow.network` and `workflow.devices` are by `compileWorkflow`, and named as the options (machines made from the file as its machine list): every path is one in the user's document or options.
 *
 * @example
 * ```ts
 * const w = parseWfCommons(JSON.stringify({
 *   name: 'two', schemaVersion: '1.5',
 *   workflow: {
 *     specification: {
 *       tasks: [
 *         { name: 'split', id: 'split', parents: [], children: ['sum'], outputFiles: ['part'] },
 *         { name: 'sum', id: 'sum', parents: ['split'], children: [], inputFiles: ['part'] },
 *       ],
 *       files: [{ id: 'part', sizeInBytes: 2500000 }],
 *     },
 *     execution: { makespanInSeconds: 7, executedAt: '2024-01-01T00:00:00Z',
 *       tasks: [{ id: 'split', runtimeInSeconds: 3 }, { id: 'sum', runtimeInSeconds: 4 }] },
 *   },
 * }));
 * w.edges;    // [{ from: 'split', to: 'sum', data: 2.5 }]   (MB)
 * w.execTime; // [[3], [4]]
 * w.devices;  // [{ id: 'machine', tier: 'cloud' }]
 * ```
 */
export function parseWfCommons(text: string, options?: ParseWfCommonsOptions): Workflow {
  const o = checkOptions(FN, options, OPTION_KEYS);
  const tier = o.tier === undefined ? 'cloud' : checkOneOf(FN, 'options.tier', o.tier, TIERS);
  const coresAsDevices = o.coresAsDevices === undefined ? false : o.coresAsDevices;
  if (typeof coresAsDevices !== 'boolean') typeError(FN, 'options.coresAsDevices', 'a boolean', coresAsDevices);
  const unit = o.bytesPerUnit === undefined ? 1e6 : positiveFinite('options.bytesPerUnit', o.bytesPerUnit);
  const defaultRuntime = o.defaultRuntime === undefined ? undefined : nonNegativeFinite('options.defaultRuntime', o.defaultRuntime);
  if (typeof text !== 'string') typeError(FN, 'text', 'a string', text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    typeReason(FN, 'text', `is not valid JSON: ${(e as Error).message}`);
  }
  // JSON has no Infinity: a number that parsed to ±Infinity was beyond a double (1e400); name it where it is.
  const over = typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? Object.entries(raw).flatMap(([k, v]) => overflowPaths(v, k))
    : [];
  if (over.length === 1) rangeReason(FN, over[0]!.path, overflowReason(over[0]!.negative));
  if (over.length > 1) rangeReason(FN, 'instance', `has ${over.length.toLocaleString('en-US')} numbers too large for a double:\n${overflowLines(over)}`);
  const inst = readInstance(FN, raw, defaultRuntime);
  const n = inst.tasks.length;

  const { devices, speeds, machineOf } = makeDevices(o.devices, inst, tier, coresAsDevices);
  const m = devices.length;
  const execTime: number[][] = [];
  for (let i = 0; i < n; i++) {
    const t = inst.tasks[i]!;
    const ran = t.machine === undefined ? undefined : inst.machines.find((mc) => mc.name === t.machine)?.speed;
    const row = new Array<number>(m);
    for (let j = 0; j < m; j++) {
      const sj = speeds[j];
      const x = ran !== undefined && sj !== undefined ? (t.runtime * ran) / sj : t.runtime;
      if (!Number.isFinite(x)) rangeReason(FN, `${t.path}`, `runtime scaled to device ${j} overflows to Infinity`);
      row[j] = x;
    }
    execTime.push(row);
  }
  const edges: WorkflowEdge[] = inst.edges.map(([p, c]) => ({ from: inst.tasks[p]!.id, to: inst.tasks[c]!.id, data: sharedBytes(inst, p, c) / unit }));
  let network: Network;
  if (o.network !== undefined) network = o.network as Network;
  else if (machineOf.length > 0 && new Set(machineOf).size < m) {
    const bandwidth = machineOf.map((a) => machineOf.map((b) => (a === b ? Infinity : 125)));
    network = { bandwidth, latency: 0 };
  } else network = { bandwidth: 125, latency: 0 };
  const workflow: Workflow = { tasks: inst.tasks.map((t) => ({ id: t.id })), devices, execTime, edges, network };
  try {
    compileWorkflowFor(FN, workflow);
  } catch (e) {
    throw inUserTerms(e, inst, o.devices !== undefined);
  }
  return workflow;
}

/**
 * A `compileWorkflow` error re-addressed to the user's input: the workflow's
 * `edges` come from the tasks' parents and children, its `devices` from
 * `options.devices` or the file's machines, its `network` from
 * `options.network` (or the default). Other errors pass unchanged.
 */
function inUserTerms(e: unknown, inst: WfInstance, devicesGiven: boolean): unknown {
  if (!(e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError)) return e;
  const f = e.field;
  if (!e.message.startsWith(`${FN}: ${f}`)) return e;
  let rest = e.message.slice(`${FN}: ${f}`.length);
  let field: string;
  if (f === 'workflow.edges' && rest.startsWith(' must form a directed acyclic graph')) {
    field = inst.tasksPath;
    rest = ` (their parents and children)${rest}`;
  } else {
    const from = f.startsWith('workflow.devices') ? 'workflow.devices' : f.startsWith('workflow.network') ? 'workflow.network' : undefined;
    if (from === undefined) return e;
    const to = from === 'workflow.network' ? 'options.network' : devicesGiven ? 'options.devices' : inst.machinesPath;
    field = to + f.slice(from.length);
    rest = rest.split(from).join(to); // the reason may name a sibling: `duplicates workflow.devices[0].id`
  }
  const Cls = e instanceof InputTypeError ? InputTypeError : e instanceof InfeasibleError ? InfeasibleError : InputRangeError;
  return new Cls(FN, field, `${FN}: ${field}${rest}`);
}

function sharedBytes(inst: WfInstance, p: number, c: number): number {
  const out = inst.tasks[p]!.outputs;
  let bytes = 0;
  for (const [file, size] of inst.tasks[c]!.inputs) if (out.has(file)) bytes += size;
  return bytes;
}

function makeDevices(given: unknown, inst: WfInstance, tier: Tier, cores: boolean): { devices: WorkflowDevice[]; speeds: (number | undefined)[]; machineOf: number[] } {
  if (given !== undefined) {
    if (!Array.isArray(given)) typeError(FN, 'options.devices', 'an array', given);
    if (given.length === 0) rangeReason(FN, 'options.devices', 'is empty: list at least one device (or leave it out to use the file\'s machines)');
    if (given.length > MAX_WORKFLOW_DEVICES) rangeReason(FN, 'options.devices', `has ${given.length} devices: the m × m bandwidth and latency tables would need ${given.length * given.length} entries each; at most ${MAX_WORKFLOW_DEVICES} devices are supported`);
    const devices: WorkflowDevice[] = [];
    const speeds: (number | undefined)[] = [];
    given.forEach((d: unknown, j) => {
      if (typeof d !== 'object' || d === null || Array.isArray(d)) typeError(FN, `options.devices[${j}]`, 'an object', d);
      const r = d as Record<string, unknown>;
      for (const k of Object.keys(r)) if (!WFCOMMONS_DEVICE_KEYS.includes(k)) typeReason(FN, `options.devices[${j}].${k}`, unknownKey('field', k, WFCOMMONS_DEVICE_KEYS));
      if (typeof r.id !== 'string' || r.id === '') typeError(FN, `options.devices[${j}].id`, 'a non-empty string', r.id);
      const device: { -readonly [K in keyof WorkflowDevice]: WorkflowDevice[K] } = { id: r.id, tier: checkOneOf(FN, `options.devices[${j}].tier`, r.tier, TIERS) };
      if (r.power !== undefined) device.power = { ...(r.power as DevicePower) };
      if (r.price !== undefined) device.price = { ...(r.price as DevicePrice) };
      devices.push(device);
      speeds.push(r.speedInMHz === undefined ? undefined : positiveFinite(`options.devices[${j}].speedInMHz`, r.speedInMHz));
    });
    // power and price: the problem validator's checks, fields named options.devices[j].power.busy and so on.
    compileEnergy(FN, [], given, [], new Report(false), 'options.');
    return { devices, speeds, machineOf: [] };
  }
  if (inst.machines.length === 0) return { devices: [{ id: 'machine', tier }], speeds: [undefined], machineOf: [] };
  const devices: WorkflowDevice[] = [];
  const speeds: (number | undefined)[] = [];
  const machineOf: number[] = [];
  // Counted before anything m × m is built: a coreCount of 1e9 must be an error, not an out-of-memory crash.
  let total = 0;
  inst.machines.forEach((mc, k) => {
    total += cores ? (mc.cores ?? 1) : 1;
    if (total > MAX_WORKFLOW_DEVICES) {
      const why = cores ? ` (one device per core with coresAsDevices: ${inst.machinesPath}[${k}] brings the count to ${total}; leave coresAsDevices out for one device per machine)` : '';
      rangeReason(FN, inst.machinesPath, `makes more than ${MAX_WORKFLOW_DEVICES} devices${why}: the m × m bandwidth and latency tables would not fit; at most ${MAX_WORKFLOW_DEVICES} devices are supported`);
    }
  });
  inst.machines.forEach((mc, k) => {
    const count = cores ? (mc.cores ?? 1) : 1;
    for (let c = 0; c < count; c++) {
      devices.push({ id: cores ? `${mc.name}#${c}` : mc.name, tier });
      speeds.push(mc.speed);
      machineOf.push(k);
    }
  });
  return { devices, speeds, machineOf };
}

function positiveFinite(field: string, v: unknown): number {
  if (typeof v !== 'number') typeError(FN, field, 'a finite number > 0', v);
  if (!(v > 0 && v < Infinity)) rangeError(FN, field, 'a finite number > 0', v);
  return v;
}

function nonNegativeFinite(field: string, v: unknown): number {
  if (typeof v !== 'number') typeError(FN, field, 'a finite number >= 0', v);
  if (!(v >= 0 && v < Infinity)) rangeError(FN, field, 'a finite number >= 0', v);
  return v;
}

/** Options of {@link workflowToWfCommons}. */
export interface WorkflowToWfCommonsOptions {
  /** The instance's `name`. @defaultValue `'lepton-sched workflow'` */
  readonly name?: string;
  /** Bytes per data unit of the edges' `data`. @defaultValue 1e6 */
  readonly bytesPerUnit?: number;
}

/**
 * Writes a workflow as a WfCommons instance, WfFormat 1.5 JSON (two-space
 * indentation, fixed key order, so the same workflow gives the same text).
 *
 * Each task becomes a specification task (`name` = `id` = the task id,
 * `parents`, `children`) and an execution task whose `runtimeInSeconds` is its
 * fastest finite execution time and `machines` that device (lowest index on
 * ties); each device a machine (`nodeName` = its id). Each edge with data > 0
 * becomes a file `edge<k>` of `round(data · bytesPerUnit)` bytes, output of
 * `from` and input of `to`. `makespanInSeconds` is the sum of the runtimes
 * (the makespan of running the tasks one after another, a valid schedule);
 * `executedAt` is the fixed `1970-01-01T00:00:00Z` (no clock is read).
 *
 * Round trip: `parseWfCommons(workflowToWfCommons(w))` gives back the tasks
 * and edges (data to whole bytes) and, when every task's execution time is
 * the same on every device, the execution times; devices come back with the
 * parse default tier and network. WfFormat has no place for tiers, the
 * network, heterogeneous per-device times, release times, deadlines or
 * priorities: they are not written.
 *
 * Complexity: O(n·m + e).
 *
 * @param workflow - A valid workflow.
 * @param options - {@link WorkflowToWfCommonsOptions}.
 * @returns The JSON text, ending with a newline.
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileWorkflow`, and for bad options.
 *
 * @example
 * ```ts
 * const text = workflowToWfCommons({
 *   tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'vm', tier: 'cloud' }],
 *   execTime: [[3], [4]], edges: [{ from: 'a', to: 'b', data: 2.5 }],
 * });
 * JSON.parse(text).workflow.specification.files; // [{ id: 'edge0', sizeInBytes: 2500000 }]
 * parseWfCommons(text).edges;                    // [{ from: 'a', to: 'b', data: 2.5 }]
 * ```
 */
export function workflowToWfCommons(workflow: Workflow, options?: WorkflowToWfCommonsOptions): string {
  const fn = 'workflowToWfCommons';
  const o = checkOptions(fn, options, ['name', 'bytesPerUnit']);
  const name = o.name === undefined ? 'lepton-sched workflow' : o.name;
  if (typeof name !== 'string' || name === '') typeError(fn, 'options.name', 'a non-empty string', name);
  const unit = o.bytesPerUnit === undefined ? 1e6 : o.bytesPerUnit;
  if (typeof unit !== 'number') typeError(fn, 'options.bytesPerUnit', 'a finite number > 0', unit);
  if (!(unit > 0 && unit < Infinity)) rangeError(fn, 'options.bytesPerUnit', 'a finite number > 0', unit);
  const c = compileWorkflowFor(fn, workflow);
  const { n, m } = c;
  const ids = c.taskIds;
  const files: { id: string; sizeInBytes: number }[] = [];
  const inputs: string[][] = Array.from({ length: n }, () => []);
  const outputs: string[][] = Array.from({ length: n }, () => []);
  const index = new Map(ids.map((id, i) => [id, i]));
  workflow.edges.forEach((e, k) => {
    const bytes = Math.round(e.data * unit);
    if (!(bytes > 0)) return;
    if (!Number.isSafeInteger(bytes)) rangeReason(fn, `workflow.edges[${k}].data`, `times options.bytesPerUnit (${unit}) is not a safe integer number of bytes`);
    const f = `edge${k}`;
    files.push({ id: f, sizeInBytes: bytes });
    outputs[index.get(e.from)!]!.push(f);
    inputs[index.get(e.to)!]!.push(f);
  });
  const specTasks = [];
  const execTasks = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const parents: string[] = [];
    const children: string[] = [];
    for (let p = c.predStart[i]!; p < c.predStart[i + 1]!; p++) parents.push(ids[c.pred[p]!]!);
    for (let s = c.succStart[i]!; s < c.succStart[i + 1]!; s++) children.push(ids[c.succ[s]!]!);
    specTasks.push({ name: ids[i]!, id: ids[i]!, parents, children, inputFiles: inputs[i]!, outputFiles: outputs[i]! });
    let best = 0;
    for (let j = 1; j < m; j++) if (c.exec[i * m + j]! < c.exec[i * m + best]!) best = j;
    const runtime = c.exec[i * m + best]!;
    total += runtime;
    execTasks.push({ id: ids[i]!, runtimeInSeconds: runtime, machines: [c.deviceIds[best]!] });
  }
  const doc = {
    name,
    description: 'Written by lepton-sched workflowToWfCommons',
    schemaVersion: '1.5',
    workflow: {
      specification: { tasks: specTasks, files },
      execution: {
        makespanInSeconds: total,
        executedAt: '1970-01-01T00:00:00Z',
        tasks: execTasks,
        ...(m > 0 ? { machines: c.deviceIds.map((id) => ({ nodeName: id })) } : {}),
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

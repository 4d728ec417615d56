/**
 * The shape-checking half of the WfCommons reader: WfFormat 1.4 and 1.5/1.6
 * JSON to one neutral record (tasks with runtimes and files, machines, edges),
 * every error naming its JSON path.
 * @internal
 * @module
 */
import { describe as show, rangeError, rangeReason, typeError, typeReason } from '../internal/errors.js';

/** One task as read. @internal */
export interface WfTask {
  readonly id: string;
  /** JSON path of the task record, for messages. */
  readonly path: string;
  readonly runtime: number;
  /** Name of the machine it ran on (its first listed one). */
  readonly machine: string | undefined;
  /** Files read: [file key, bytes], each key once (a file listed twice is one file: the first listing's size). */
  readonly inputs: readonly (readonly [string, number])[];
  /** Keys of the files written. */
  readonly outputs: ReadonlySet<string>;
}

/** One machine as read. @internal */
export interface WfMachine {
  readonly name: string;
  readonly speed: number | undefined;
  readonly cores: number | undefined;
}

/** A WfFormat instance in neutral form. @internal */
export interface WfInstance {
  readonly tasks: readonly WfTask[];
  readonly machines: readonly WfMachine[];
  /** [parent index, child index], sorted, unique. */
  readonly edges: readonly (readonly [number, number])[];
  /** JSON path of the task list (`workflow.specification.tasks` or `workflow.tasks`), for messages. */
  readonly tasksPath: string;
  /** JSON path of the machine list, for messages. */
  readonly machinesPath: string;
}

/** Pushes [key, size] unless the key is already listed: a file is one piece of data of a size, however often it is listed. */
function addInput(inputs: [string, number][], seen: Set<string>, key: string, size: number): void {
  if (seen.has(key)) return;
  seen.add(key);
  inputs.push([key, size]);
}

const VERSIONS = ['1.4', '1.5', '1.6'];
type Obj = Record<string, unknown>;

function obj(fn: string, path: string, v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) typeError(fn, path, 'an object', v);
  return v as Obj;
}
function arr(fn: string, path: string, v: unknown): readonly unknown[] {
  if (!Array.isArray(v)) typeError(fn, path, 'an array', v);
  return v;
}
function str(fn: string, path: string, v: unknown): string {
  if (typeof v !== 'string' || v === '') typeError(fn, path, 'a non-empty string', v);
  return v;
}
function strings(fn: string, path: string, v: unknown): string[] {
  return arr(fn, path, v).map((x, k) => str(fn, `${path}[${k}]`, x));
}
function nonNeg(fn: string, path: string, v: unknown): number {
  if (typeof v !== 'number') typeError(fn, path, 'a finite number >= 0', v);
  if (!(v >= 0 && v < Infinity)) rangeError(fn, path, 'a finite number >= 0', v);
  return v;
}
function optPositive(fn: string, path: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') typeError(fn, path, 'a finite number > 0', v);
  if (!(v > 0 && v < Infinity)) rangeError(fn, path, 'a finite number > 0', v);
  return v;
}

function machines(fn: string, path: string, v: unknown, cpuCores: string, cpuSpeed: string): WfMachine[] {
  if (v === undefined) return [];
  const seen = new Set<string>();
  return arr(fn, path, v).map((x, k) => {
    const p = `${path}[${k}]`;
    const mc = obj(fn, p, x);
    const name = str(fn, `${p}.nodeName`, mc.nodeName);
    if (seen.has(name)) rangeReason(fn, `${p}.nodeName`, `duplicates an earlier machine (${show(name)})`);
    seen.add(name);
    const cpu = mc.cpu === undefined ? {} : obj(fn, `${p}.cpu`, mc.cpu);
    const cores = optPositive(fn, `${p}.cpu.${cpuCores}`, cpu[cpuCores]);
    if (cores !== undefined && !Number.isInteger(cores)) rangeError(fn, `${p}.cpu.${cpuCores}`, 'an integer >= 1', cores);
    return { name, speed: optPositive(fn, `${p}.cpu.${cpuSpeed}`, cpu[cpuSpeed]), cores };
  });
}

/** Resolves parents/children references into sorted unique edges. */
function links(fn: string, refs: readonly { path: string; parents: readonly string[]; children: readonly string[] }[], lookup: (ref: string) => number | undefined, ids: readonly string[]): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  const add = (p: number, c: number, path: string): void => {
    if (p === c) rangeReason(fn, path, `makes task ${show(ids[p])} its own parent (a self-loop)`);
    const key = `${p} ${c}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([p, c]);
    }
  };
  refs.forEach((t, i) => {
    for (const [side, list] of [['parents', t.parents], ['children', t.children]] as const) {
      list.forEach((ref, k) => {
        const j = lookup(ref);
        const path = `${t.path}.${side}[${k}]`;
        if (j === undefined) rangeError(fn, path, 'the id of a task of the workflow', ref);
        if (side === 'parents') add(j, i, path);
        else add(i, j, path);
      });
    }
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Reads a parsed WfFormat document. @internal */
export function readInstance(fn: string, raw: unknown, defaultRuntime: number | undefined): WfInstance {
  const doc = obj(fn, 'instance', raw);
  const version = doc.schemaVersion;
  if (typeof version !== 'string') typeError(fn, 'schemaVersion', `one of ${VERSIONS.map((v) => `"${v}"`).join(', ')}`, version);
  if (!VERSIONS.includes(version)) rangeError(fn, 'schemaVersion', `one of ${VERSIONS.map((v) => `"${v}"`).join(', ')} (older files: migrate with WfFormat's wfcommons-migrate-instance.py)`, version);
  const wf = obj(fn, 'workflow', doc.workflow);
  return version === '1.4' ? read14(fn, wf, defaultRuntime) : read15(fn, wf, defaultRuntime);
}

function read15(fn: string, wf: Obj, defaultRuntime: number | undefined): WfInstance {
  const spec = obj(fn, 'workflow.specification', wf.specification);
  const tasksRaw = arr(fn, 'workflow.specification.tasks', spec.tasks);
  const sizes = new Map<string, number>();
  const hasFiles = spec.files !== undefined;
  if (hasFiles) {
    arr(fn, 'workflow.specification.files', spec.files).forEach((x, k) => {
      const p = `workflow.specification.files[${k}]`;
      const f = obj(fn, p, x);
      const id = str(fn, `${p}.id`, f.id);
      if (sizes.has(id)) rangeReason(fn, `${p}.id`, `duplicates an earlier file (${show(id)})`);
      sizes.set(id, nonNeg(fn, `${p}.sizeInBytes`, f.sizeInBytes));
    });
  }
  const index = new Map<string, number>();
  const specs = tasksRaw.map((x, i) => {
    const path = `workflow.specification.tasks[${i}]`;
    const t = obj(fn, path, x);
    const id = str(fn, `${path}.id`, t.id);
    if (index.has(id)) rangeReason(fn, `${path}.id`, `duplicates workflow.specification.tasks[${index.get(id)}].id (${show(id)})`);
    index.set(id, i);
    const files = (side: 'inputFiles' | 'outputFiles'): string[] => (t[side] === undefined ? [] : strings(fn, `${path}.${side}`, t[side]));
    const inputs: [string, number][] = [];
    const seenInput = new Set<string>();
    files('inputFiles').forEach((f, k) => {
      const size = sizes.get(f);
      if (size === undefined && hasFiles) rangeError(fn, `${path}.inputFiles[${k}]`, 'the id of a file in workflow.specification.files', f);
      addInput(inputs, seenInput, f, size ?? 0);
    });
    return { id, path, parents: strings(fn, `${path}.parents`, t.parents), children: strings(fn, `${path}.children`, t.children), inputs, outputs: new Set(files('outputFiles')) };
  });
  const ids = specs.map((s) => s.id);
  const edges = links(fn, specs, (r) => index.get(r), ids);

  const runtime = new Map<string, { runtime: number; machine: string | undefined }>();
  let mcs: WfMachine[] = [];
  if (wf.execution !== undefined) {
    const ex = obj(fn, 'workflow.execution', wf.execution);
    arr(fn, 'workflow.execution.tasks', ex.tasks).forEach((x, k) => {
      const p = `workflow.execution.tasks[${k}]`;
      const t = obj(fn, p, x);
      const id = str(fn, `${p}.id`, t.id);
      if (!index.has(id)) rangeError(fn, `${p}.id`, 'the id of a task in workflow.specification.tasks', id);
      if (runtime.has(id)) rangeReason(fn, `${p}.id`, `duplicates an earlier execution record (${show(id)})`);
      const machine = t.machines === undefined ? undefined : strings(fn, `${p}.machines`, t.machines)[0];
      runtime.set(id, { runtime: nonNeg(fn, `${p}.runtimeInSeconds`, t.runtimeInSeconds), machine });
    });
    mcs = machines(fn, 'workflow.execution.machines', ex.machines, 'coreCount', 'speedInMHz');
  }
  const tasks = specs.map((s): WfTask => {
    const r = runtime.get(s.id) ?? missing(fn, s.id, defaultRuntime);
    return { id: s.id, path: s.path, runtime: r.runtime, machine: r.machine, inputs: s.inputs, outputs: s.outputs };
  });
  return { tasks, machines: mcs, edges, tasksPath: 'workflow.specification.tasks', machinesPath: 'workflow.execution.machines' };
}

function missing(fn: string, id: string, defaultRuntime: number | undefined): { runtime: number; machine: undefined } {
  if (defaultRuntime === undefined) rangeReason(fn, 'workflow.execution.tasks', `has no record (runtimeInSeconds) for task ${show(id)} (pass options.defaultRuntime to use one runtime for such tasks)`);
  return { runtime: defaultRuntime, machine: undefined };
}

function read14(fn: string, wf: Obj, defaultRuntime: number | undefined): WfInstance {
  const tasksRaw = arr(fn, 'workflow.tasks', wf.tasks);
  const byName = new Map<string, number>();
  const byId = new Map<string, number>();
  const recs = tasksRaw.map((x, i) => {
    const path = `workflow.tasks[${i}]`;
    const t = obj(fn, path, x);
    const name = str(fn, `${path}.name`, t.name);
    if (byName.has(name)) rangeReason(fn, `${path}.name`, `duplicates workflow.tasks[${byName.get(name)}].name (${show(name)})`);
    byName.set(name, i);
    if (t.id !== undefined && !byId.has(str(fn, `${path}.id`, t.id))) byId.set(t.id as string, i);
    const inputs: [string, number][] = [];
    const seenInput = new Set<string>();
    const outputs = new Set<string>();
    (t.files === undefined ? [] : arr(fn, `${path}.files`, t.files)).forEach((y, k) => {
      const p = `${path}.files[${k}]`;
      const f = obj(fn, p, y);
      const key = (f.path === undefined ? '' : str(fn, `${p}.path`, f.path)) + str(fn, `${p}.name`, f.name);
      const size = nonNeg(fn, `${p}.sizeInBytes`, f.sizeInBytes);
      if (f.link === 'input') addInput(inputs, seenInput, key, size);
      else if (f.link === 'output') outputs.add(key);
      else typeError(fn, `${p}.link`, "'input' or 'output'", f.link);
    });
    let runtime: number;
    if (t.runtimeInSeconds !== undefined) runtime = nonNeg(fn, `${path}.runtimeInSeconds`, t.runtimeInSeconds);
    else if (defaultRuntime !== undefined) runtime = defaultRuntime;
    else return typeReason(fn, `${path}.runtimeInSeconds`, 'is missing (pass options.defaultRuntime to use one runtime for such tasks)');
    const machine = t.machine === undefined ? undefined : str(fn, `${path}.machine`, t.machine);
    const children = t.children === undefined ? [] : strings(fn, `${path}.children`, t.children);
    const parents = t.parents === undefined ? [] : strings(fn, `${path}.parents`, t.parents);
    return { id: name, path, runtime, machine, inputs, outputs, parents, children };
  });
  const edges = links(fn, recs, (r) => byName.get(r) ?? byId.get(r), recs.map((r) => r.id));
  const mcs = machines(fn, 'workflow.machines', wf.machines, 'count', 'speed');
  return { tasks: recs, machines: mcs, edges, tasksPath: 'workflow.tasks', machinesPath: 'workflow.machines' };
}

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/index.js';
import { parseWfCommons, workflowToWfCommons } from '../../src/io/wfcommons.js';
import { compileWorkflow } from '../../src/workflow/compile.js';
import { evaluateWorkflow } from '../../src/workflow/evaluate.js';
import { scheduleWorkflow, workflowStrategyNames } from '../../src/workflow/scheduleWorkflow.js';
import { generateWorkflow } from '../../src/workflow/generate.js';
import type { Workflow } from '../../src/workflow/types.js';
import { deepFreeze } from '../arbitraries.js';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/wfcommons');
const read = (f: string): string => readFileSync(join(DATA, f), 'utf8');

/**
 * Reference numbers computed independently with python3 (json module) from the
 * files: edges = |union of parents/children links|, bytes = Σ over edges of the
 * sizes of child inputFiles ∩ parent outputFiles, runtime = Σ runtimeInSeconds.
 */
const FILES = [
  { file: 'montage-chameleon-dss-05d-001.json', tasks: 58, edges: 114, zeroEdges: 0, mb: 7139.413893, runtime: 5585.811, machines: ['pegasus-5'], cores: 48 },
  { file: 'epigenomics-chameleon-hep-1seq-100k-001.json', tasks: 41, edges: 48, zeroEdges: 0, mb: 353.323676, runtime: 539.307, machines: ['compute-3'], cores: 48 },
  { file: 'blast-chameleon-small-001.json', tasks: 43, edges: 120, zeroEdges: 40, mb: 0.000794, runtime: 382.91272, machines: ['worker-1.novalocal', 'worker-2.novalocal'], cores: 48 },
  { file: 'srasearch-chameleon-10a-001.json', tasks: 22, edges: 30, zeroEdges: 0, mb: 10763.460131, runtime: 6996.779, machines: ['worker-4'], cores: 48 },
] as const;

/** A parsed JSON value, walked by path. */
type Json = Record<string, unknown>;

/** The value at a dotted path (`a.b.0.c`). */
function get(d: unknown, path: string): unknown {
  let v: unknown = d;
  if (path !== '') for (const k of path.split('.')) v = (v as Json)[k];
  return v as unknown;
}
/** Sets (or, with `undefined`, deletes) the value at a dotted path; returns the document. */
function set(d: Json, path: string, value: unknown): Json {
  const keys = path.split('.');
  const parent = get(d, keys.slice(0, -1).join('.')) as Json;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return d;
}

interface Spec15 { id: string; parents: string[]; children: string[]; inputFiles?: string[]; outputFiles?: string[] }
interface Exec15 { id: string; runtimeInSeconds: number; machines?: string[] }
interface Machine15 { nodeName: string; cpu?: { coreCount?: number; speedInMHz?: number } }

/** WfFormat 1.5 → 1.4, the inverse of WfFormat's own migration script (_migrate_to_15): tasks under workflow.tasks with files[] and link. */
function to14(text: string): string {
  const d = JSON.parse(text) as Json;
  const spec = get(d, 'workflow.specification') as unknown as { tasks: Spec15[]; files: { id: string; sizeInBytes: number }[] };
  const ex = get(d, 'workflow.execution') as unknown as { makespanInSeconds: number; executedAt: string; tasks: Exec15[]; machines?: Machine15[] };
  const size = new Map(spec.files.map((f) => [f.id, f.sizeInBytes]));
  const run = new Map(ex.tasks.map((t) => [t.id, t]));
  const tasks = spec.tasks.map((t) => ({
    name: t.id,
    type: 'compute',
    parents: t.parents,
    children: t.children,
    files: [
      ...(t.inputFiles ?? []).map((f) => ({ name: f, sizeInBytes: size.get(f), link: 'input' })),
      ...(t.outputFiles ?? []).map((f) => ({ name: f, sizeInBytes: size.get(f), link: 'output' })),
    ],
    runtimeInSeconds: run.get(t.id)!.runtimeInSeconds,
    ...(run.get(t.id)!.machines ? { machine: run.get(t.id)!.machines![0] } : {}),
  }));
  const machines = (ex.machines ?? []).map((m) => ({ nodeName: m.nodeName, cpu: { count: m.cpu?.coreCount, speed: m.cpu?.speedInMHz } }));
  return JSON.stringify({ name: d.name, schemaVersion: '1.4', workflow: { makespanInSeconds: ex.makespanInSeconds, executedAt: ex.executedAt, machines, tasks } });
}

function instance15(tasks: object[], files: object[], exec: object[], machines?: object[]): string {
  return JSON.stringify({ name: 't', schemaVersion: '1.5', workflow: { specification: { tasks, files }, execution: { makespanInSeconds: 1, executedAt: 'x', tasks: exec, ...(machines ? { machines } : {}) } } });
}

describe('parseWfCommons: reference values (real WfInstances files, numbers from python3)', () => {
  for (const ref of FILES) {
    it(`parseWfCommons(${ref.file}) has ${ref.tasks} tasks, ${ref.edges} edges carrying ${ref.mb} MB, runtimes summing to ${ref.runtime} s`, () => {
      const w = parseWfCommons(read(ref.file));
      expect(w.tasks).toHaveLength(ref.tasks);
      expect(w.edges).toHaveLength(ref.edges);
      expect(w.edges.filter((e) => e.data === 0)).toHaveLength(ref.zeroEdges);
      expect(w.edges.reduce((a, e) => a + e.data, 0)).toBeCloseTo(ref.mb, 6);
      expect(w.execTime.reduce((a, r) => a + r[0]!, 0)).toBeCloseTo(ref.runtime, 6);
      expect(w.devices).toEqual(ref.machines.map((id) => ({ id, tier: 'cloud' })));
      expect(w.network).toEqual({ bandwidth: 125, latency: 0 });
      expect(() => compileWorkflow(w)).not.toThrow();
    });
  }

  it('parseWfCommons gives the TSDoc example (2.5 MB edge, runtimes [[3], [4]], one default device)', () => {
    const w = parseWfCommons(
      JSON.stringify({
        name: 'two',
        schemaVersion: '1.5',
        workflow: {
          specification: {
            tasks: [
              { name: 'split', id: 'split', parents: [], children: ['sum'], outputFiles: ['part'] },
              { name: 'sum', id: 'sum', parents: ['split'], children: [], inputFiles: ['part'] },
            ],
            files: [{ id: 'part', sizeInBytes: 2500000 }],
          },
          execution: { makespanInSeconds: 7, executedAt: '2024-01-01T00:00:00Z', tasks: [{ id: 'split', runtimeInSeconds: 3 }, { id: 'sum', runtimeInSeconds: 4 }] },
        },
      }),
    );
    expect(w.edges).toEqual([{ from: 'split', to: 'sum', data: 2.5 }]);
    expect(w.execTime).toEqual([[3], [4]]);
    expect(w.devices).toEqual([{ id: 'machine', tier: 'cloud' }]);
  });

  it('parseWfCommons(file, {coresAsDevices: true}) makes one device per core, free to talk within a machine, 125 MB/s across machines', () => {
    const w = parseWfCommons(read('blast-chameleon-small-001.json'), { coresAsDevices: true });
    expect(w.devices).toHaveLength(48);
    expect(w.devices[0]).toEqual({ id: 'worker-1.novalocal#0', tier: 'cloud' });
    expect(w.devices[24]).toEqual({ id: 'worker-2.novalocal#0', tier: 'cloud' });
    const bw = w.network!.bandwidth as number[][];
    expect(bw[0]![23]).toBe(Infinity);
    expect(bw[0]![24]).toBe(125);
  });

  it('parseWfCommons scales runtimes by machine speed: a task that took 10 s at 2000 MHz takes 20 s at 1000 MHz', () => {
    const text = instance15(
      [{ name: 'a', id: 'a', parents: [], children: [] }],
      [],
      [{ id: 'a', runtimeInSeconds: 10, machines: ['fast'] }],
      [{ nodeName: 'fast', cpu: { speedInMHz: 2000 } }, { nodeName: 'slow', cpu: { speedInMHz: 1000 } }, { nodeName: 'unknown' }],
    );
    expect(parseWfCommons(text).execTime).toEqual([[10, 20, 10]]);
    expect(parseWfCommons(text, { devices: [{ id: 'x', tier: 'edge', speedInMHz: 500 }, { id: 'y', tier: 'fog' }] }).execTime).toEqual([[40, 10]]);
  });

  it('parseWfCommons(text, {devices}) copies power and price to the workflow devices, and rejects a bad figure naming options.devices[j]', () => {
    const text = instance15([{ name: 'a', id: 'a', parents: [], children: [] }], [], [{ id: 'a', runtimeInSeconds: 10 }], []);
    const power = { busy: 4, idle: 1 };
    const w = parseWfCommons(text, { devices: [{ id: 'x', tier: 'edge', power }, { id: 'y', tier: 'cloud', price: { perSecond: 0.5 } }] });
    expect(w.devices).toEqual([{ id: 'x', tier: 'edge', power: { busy: 4, idle: 1 } }, { id: 'y', tier: 'cloud', price: { perSecond: 0.5 } }]);
    expect(w.devices[0]!.power).not.toBe(power);
    expect(evaluateWorkflow(w, [0], [[0], []]).metrics.energy.perDevice[0]).toEqual({ execution: 40, transfer: 0, idle: 0, total: 40 });
    expect(() => parseWfCommons(text, { devices: [{ id: 'x', tier: 'edge', power: { busy: -4 } }] })).toThrow(
      new InputRangeError('parseWfCommons', 'options.devices[0].power.busy', 'parseWfCommons: options.devices[0].power.busy must be a finite number >= 0, got -4'),
    );
    expect(() => parseWfCommons(text, { devices: [{ id: 'x', tier: 'edge', price: { perSecond: 1, granularity: 0 } }] })).toThrow(InputRangeError);
  });

  it('parseWfCommons rejects more than 8192 devices before building any m × m table (a coreCount of 1e9 with coresAsDevices used to exhaust the heap), naming the machine list or options.devices', () => {
    const text = (cores: number): string => instance15([{ name: 'a', id: 'a', parents: [], children: [] }], [], [{ id: 'a', runtimeInSeconds: 1 }], [{ nodeName: 'm0', cpu: { coreCount: 4 } }, { nodeName: 'big', cpu: { coreCount: cores } }]);
    for (const cores of [8189, 1e5, 1e9]) {
      let err: unknown;
      try {
        parseWfCommons(text(cores), { coresAsDevices: true });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputRangeError);
      expect((err as InputRangeError).field).toBe('workflow.execution.machines');
      expect((err as Error).message).toMatch(/workflow\.execution\.machines\[1\] brings the count to \d+; leave coresAsDevices out/);
    }
    // (8189 + 4 = 8193 is the first count refused.) Fewer cores parse; without coresAsDevices the same file is two devices.
    expect(parseWfCommons(text(60), { coresAsDevices: true }).devices).toHaveLength(64);
    expect(parseWfCommons(text(1e9)).devices).toHaveLength(2);
    const many = Array.from({ length: 8193 }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const }));
    expect(() => parseWfCommons(text(1), { devices: many })).toThrow(/options\.devices has 8193 devices/);
  });
});

describe('parseWfCommons: real workflows scheduled by every strategy', () => {
  for (const ref of FILES) {
    for (const cores of [false, true]) {
      it(`scheduleWorkflow(parseWfCommons(${ref.file}${cores ? ', {coresAsDevices}' : ''})) is valid for every strategy (re-evaluated, precedence, data arrival, no overlap, ≥ bound)`, () => {
        const w = deepFreeze(parseWfCommons(read(ref.file), { coresAsDevices: cores }));
        const ids = new Map(w.tasks.map((t, i) => [t.id, i]));
        for (const strategy of workflowStrategyNames) {
          const sol = scheduleWorkflow(w, { strategy });
          const s = evaluateWorkflow(w, sol.placement, sol.order);
          expect(s).toEqual(sol.schedule);
          for (const tr of s.transfers) {
            expect(tr.start).toBeGreaterThanOrEqual(s.tasks[tr.from]!.finish - 1e-9);
            expect(s.tasks[tr.to]!.start).toBeGreaterThanOrEqual(tr.arrival - 1e-9);
          }
          w.edges.forEach((e, k) => expect([s.transfers[k]!.from, s.transfers[k]!.to]).toEqual([ids.get(e.from), ids.get(e.to)]));
          for (const d of s.devices) {
            for (let k = 1; k < d.tasks.length; k++) expect(s.tasks[d.tasks[k]!]!.start).toBeGreaterThanOrEqual(s.tasks[d.tasks[k - 1]!]!.finish - 1e-9);
          }
          s.tasks.forEach((t, i) => expect(t.finish - t.start).toBeCloseTo(w.execTime[i]![t.device]!, 9));
          expect(sol.makespan).toBeGreaterThanOrEqual(sol.lowerBound - 1e-9);
          // With one device everything runs in sequence: the makespan is the total runtime.
          if (w.devices.length === 1) expect(sol.makespan).toBeCloseTo(ref.runtime, 6);
        }
      });
    }
  }
});

describe('parseWfCommons: oracles (the same workflow in WfFormat 1.4, 1.5 and 1.6)', () => {
  for (const ref of FILES) {
    it(`parseWfCommons reads ${ref.file} written as 1.4 (WfFormat's migration inverted) and as 1.6 (with metrics) to the same workflow`, () => {
      const text = read(ref.file);
      const w15 = parseWfCommons(text);
      expect(parseWfCommons(to14(text))).toEqual(w15);
      const d = JSON.parse(text) as Json;
      set(d, 'schemaVersion', '1.6');
      set(d, 'workflow.specification.metrics', { numberOfTasks: ref.tasks });
      set(d, 'workflow.execution.metrics', { sumTaskRuntimesInSeconds: ref.runtime });
      expect(parseWfCommons(JSON.stringify(d))).toEqual(w15);
    });
  }

  it('parseWfCommons (1.4) resolves parents given by name or by id, and adds links listed only as children', () => {
    const text = JSON.stringify({
      name: 'x',
      schemaVersion: '1.4',
      workflow: {
        makespanInSeconds: 1,
        executedAt: 'x',
        tasks: [
          { name: 'a_ID1', id: 'ID1', type: 'compute', parents: [], children: ['c_ID3'], files: [{ name: 'f', path: 'd/', sizeInBytes: 3e6, link: 'output' }], runtimeInSeconds: 1 },
          { name: 'b_ID2', id: 'ID2', type: 'compute', parents: ['ID1'], files: [{ name: 'f', path: 'd/', sizeInBytes: 3e6, link: 'input' }], runtimeInSeconds: 2 },
          { name: 'c_ID3', id: 'ID3', type: 'compute', parents: [], files: [], runtimeInSeconds: 3 },
        ],
      },
    });
    expect(parseWfCommons(text).edges).toEqual([
      { from: 'a_ID1', to: 'b_ID2', data: 3 },
      { from: 'a_ID1', to: 'c_ID3', data: 0 },
    ]);
  });
});

describe('workflowToWfCommons: round trip', () => {
  it('workflowToWfCommons gives the TSDoc example (an edge0 file of 2 500 000 bytes) and reads back', () => {
    const text = workflowToWfCommons({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'vm', tier: 'cloud' }], execTime: [[3], [4]], edges: [{ from: 'a', to: 'b', data: 2.5 }] });
    expect(get(JSON.parse(text), 'workflow.specification.files')).toEqual([{ id: 'edge0', sizeInBytes: 2500000 }]);
    expect(parseWfCommons(text).edges).toEqual([{ from: 'a', to: 'b', data: 2.5 }]);
  });

  it('parseWfCommons(workflowToWfCommons(w)) equals w for homogeneous cloud workflows with whole-byte data (up to the default network)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1e6 }), (n, m, seed) => {
        const g = generateWorkflow({ n, m, beta: 0, tiers: 'cloud' }, seed);
        const w: Workflow = deepFreeze({ ...g, edges: g.edges.map((e) => ({ ...e, data: Math.round(e.data * 1e6) / 1e6 })) });
        const text = workflowToWfCommons(w);
        expect(parseWfCommons(text)).toEqual({ ...w, network: { bandwidth: 125, latency: 0 } });
        expect(workflowToWfCommons(w)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('workflowToWfCommons writes each task at its fastest device (lowest index on ties) and a serial makespan', () => {
    const d = JSON.parse(
      workflowToWfCommons({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud' }], execTime: [[5, 2], [Infinity, 7]], edges: [] }),
    ) as Json;
    expect(d.schemaVersion).toBe('1.5');
    expect(get(d, 'workflow.execution.tasks')).toEqual([{ id: 'a', runtimeInSeconds: 2, machines: ['c'] }, { id: 'b', runtimeInSeconds: 7, machines: ['c'] }]);
    expect(get(d, 'workflow.execution.makespanInSeconds')).toBe(9);
  });

  it('workflowToWfCommons rejects an invalid workflow (a cycle) and bad options', () => {
    const cyc = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'e', tier: 'edge' as const }], execTime: [[1], [1]], edges: [{ from: 'a', to: 'b', data: 0 }, { from: 'b', to: 'a', data: 0 }] };
    expect(() => workflowToWfCommons(cyc)).toThrow(/^workflowToWfCommons: workflow\.edges must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"$/);
    expect(() => workflowToWfCommons({ ...cyc, edges: [] }, { bytesPerUnit: 0 })).toThrow(InputRangeError);
    expect(() => workflowToWfCommons({ ...cyc, edges: [] }, { nope: 1 } as never)).toThrow(/options\.nope is not a known option/);
  });
});

describe('parseWfCommons: edge cases (errors name the JSON path)', () => {
  const good = (): Json => JSON.parse(instance15([{ name: 'a', id: 'a', parents: [], children: ['b'], outputFiles: ['f'] }, { name: 'b', id: 'b', parents: ['a'], children: [], inputFiles: ['f'] }], [{ id: 'f', sizeInBytes: 10 }], [{ id: 'a', runtimeInSeconds: 1 }, { id: 'b', runtimeInSeconds: 2 }])) as Json;
  const cases: [string, (d: Json) => unknown, typeof InputTypeError | typeof InputRangeError, RegExp][] = [
    ['an unsupported version', (d) => set(d, 'schemaVersion', '1.3'), InputRangeError, /^parseWfCommons: schemaVersion must be one of "1\.4", "1\.5", "1\.6"/],
    ['a missing specification', (d) => set(d, 'workflow.specification', undefined), InputTypeError, /^parseWfCommons: workflow\.specification must be an object, got undefined$/],
    ['a parent that is not a task', (d) => set(d, 'workflow.specification.tasks.1.parents', ['zz']), InputRangeError, /workflow\.specification\.tasks\[1\]\.parents\[0\] must be the id of a task of the workflow, got "zz"/],
    ['a self-loop', (d) => set(d, 'workflow.specification.tasks.0.children', ['a']), InputRangeError, /workflow\.specification\.tasks\[0\]\.children\[0\] makes task "a" its own parent/],
    ['a duplicate task id', (d) => set(d, 'workflow.specification.tasks.1.id', 'a'), InputRangeError, /workflow\.specification\.tasks\[1\]\.id duplicates workflow\.specification\.tasks\[0\]\.id/],
    ['a negative runtime', (d) => set(d, 'workflow.execution.tasks.1.runtimeInSeconds', -1), InputRangeError, /workflow\.execution\.tasks\[1\]\.runtimeInSeconds must be a finite number >= 0, got -1/],
    ['a missing runtime record', (d) => set(d, 'workflow.execution.tasks', [get(d, 'workflow.execution.tasks.0')]), InputRangeError, /workflow\.execution\.tasks has no record \(runtimeInSeconds\) for task "b"/],
    ['an unknown input file', (d) => set(d, 'workflow.specification.tasks.1.inputFiles', ['g']), InputRangeError, /workflow\.specification\.tasks\[1\]\.inputFiles\[0\] must be the id of a file/],
    ['a string file size', (d) => set(d, 'workflow.specification.files.0.sizeInBytes', '10'), InputTypeError, /workflow\.specification\.files\[0\]\.sizeInBytes must be a finite number >= 0, got "10"/],
    ['parents not an array', (d) => set(d, 'workflow.specification.tasks.0.parents', 'x'), InputTypeError, /workflow\.specification\.tasks\[0\]\.parents must be an array/],
    ['a cycle', (d) => set(d, 'workflow.specification.tasks.0.parents', ['b']), InputRangeError, /^parseWfCommons: workflow\.specification\.tasks \(their parents and children\) must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"$/],
    ['a non-object document', () => [], InputTypeError, /^parseWfCommons: instance must be an object, got an array of length 0$/],
  ];
  for (const [what, edit, cls, msg] of cases) {
    it(`parseWfCommons with ${what} throws ${cls.name} naming the path`, () => {
      const text = JSON.stringify(edit(good()));
      expect(() => parseWfCommons(text)).toThrow(cls);
      expect(() => parseWfCommons(text)).toThrow(msg);
    });
  }

  it('parseWfCommons with a missing runtime uses options.defaultRuntime; invalid JSON and bad options are type errors', () => {
    const d = set(good(), 'workflow.execution.tasks', [get(good(), 'workflow.execution.tasks.0')]);
    expect(parseWfCommons(JSON.stringify(d), { defaultRuntime: 5 }).execTime).toEqual([[1], [5]]);
    expect(() => parseWfCommons('{')).toThrow(/^parseWfCommons: text is not valid JSON/);
    expect(() => parseWfCommons(JSON.stringify(good()), { tier: 'sky' } as never)).toThrow(/options\.tier must be one of/);
    expect(() => parseWfCommons(JSON.stringify(good()), { bytesPerUnit: -1 })).toThrow(/options\.bytesPerUnit must be a finite number > 0, got -1/);
  });

  it('parseWfCommons without files gives zero-data edges; options.network and bytesPerUnit are applied', () => {
    const d = set(good(), 'workflow.specification.files', undefined);
    expect(parseWfCommons(JSON.stringify(d)).edges).toEqual([{ from: 'a', to: 'b', data: 0 }]);
    const w = parseWfCommons(JSON.stringify(good()), { bytesPerUnit: 1, network: { bandwidth: Infinity } });
    expect(w.edges[0]!.data).toBe(10);
    expect(w.network).toEqual({ bandwidth: Infinity });
  });
});

describe('parseWfCommons: files listed twice, paths in the user\'s document, overflowing numbers', () => {
  const doc = (outputs: string[], inputs: string[]): string => instance15(
    [{ name: 'a', id: 'a', parents: [], children: ['b'], outputFiles: outputs }, { name: 'b', id: 'b', parents: ['a'], children: [], inputFiles: inputs }],
    [{ id: 'f', sizeInBytes: 10 }, { id: 'g', sizeInBytes: 5 }],
    [{ id: 'a', runtimeInSeconds: 1 }, { id: 'b', runtimeInSeconds: 2 }],
  );

  it('parseWfCommons counts a file listed twice in outputFiles or inputFiles once (same file id, same data): 10 + 5 bytes, not 30 or 20', () => {
    expect(parseWfCommons(doc(['f', 'g'], ['f', 'g']), { bytesPerUnit: 1 }).edges).toEqual([{ from: 'a', to: 'b', data: 15 }]);
    expect(parseWfCommons(doc(['f', 'f', 'g'], ['f', 'g', 'f']), { bytesPerUnit: 1 }).edges).toEqual([{ from: 'a', to: 'b', data: 15 }]);
    const t14 = to14(doc(['f', 'f'], ['f', 'f', 'g']));
    expect(parseWfCommons(t14, { bytesPerUnit: 1 }).edges).toEqual([{ from: 'a', to: 'b', data: 10 }]);
  });

  const fieldOf = (f: () => unknown): { field: string; message: string } => {
    try { f(); } catch (e) { return { field: (e as InputRangeError).field, message: (e as Error).message }; }
    throw new Error('did not throw');
  };

  it('parseWfCommons errors found by the workflow checks name the user\'s paths: the tasks for a cycle (1.5 and 1.4), options.devices[j].id, options.devices, options.network.bandwidth', () => {
    const cyc = JSON.parse(doc(['f'], ['f'])) as Json;
    set(cyc, 'workflow.specification.tasks.0.parents', ['b']);
    expect(fieldOf(() => parseWfCommons(JSON.stringify(cyc))).field).toBe('workflow.specification.tasks');
    const c14 = fieldOf(() => parseWfCommons(to14(JSON.stringify(cyc))));
    expect(c14.field).toBe('workflow.tasks');
    expect(c14.message).toBe('parseWfCommons: workflow.tasks (their parents and children) must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"');
    const dup = fieldOf(() => parseWfCommons(doc(['f'], ['f']), { devices: [{ id: 'x', tier: 'edge' }, { id: 'x', tier: 'cloud' }] }));
    expect(dup.field).toBe('options.devices[1].id');
    expect(dup.message).toMatch(/^parseWfCommons: options\.devices\[1\]\.id /);
    expect(fieldOf(() => parseWfCommons(doc(['f'], ['f']), { devices: [] })).field).toBe('options.devices');
    const bw = fieldOf(() => parseWfCommons(doc(['f'], ['f']), { network: { bandwidth: -1 } }));
    expect(bw.field).toBe('options.network.bandwidth');
    expect(bw.message).toMatch(/^parseWfCommons: options\.network\.bandwidth /);
    for (const e of [c14, dup, bw]) expect(e.message).not.toMatch(/workflow\.(edges|devices|network)/);
  });

  it('parseWfCommons names a JSON number beyond a double (1e400) by its path in the document', () => {
    const text = doc(['f'], ['f']).replace('"runtimeInSeconds":2', '"runtimeInSeconds":1e400');
    expect(text).toContain('1e400');
    const e = fieldOf(() => parseWfCommons(text));
    expect(e.field).toBe('workflow.execution.tasks[1].runtimeInSeconds');
    expect(e.message).toBe('parseWfCommons: workflow.execution.tasks[1].runtimeInSeconds is a JSON number too large for a double (it overflows to Infinity): write a finite number up to 1.7976931348623157e308, or the string "Infinity" where the field allows it');
  });
});

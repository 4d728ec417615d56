import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError, evaluateWorkflow, type Workflow } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';
import { workflowArb } from './arbitraries.js';
import { violations } from './validity.js';

const w = (): Workflow => ({
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
  execTime: [[2, 1], [3, 1], [2, 2]],
  edges: [{ from: 'a', to: 'b', data: 4 }, { from: 'a', to: 'c', data: 1 }],
  network: { bandwidth: 2, latency: 0.5 },
});

function thrown(f: () => unknown): Error & { field?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { field?: string };
  }
  throw new Error('expected a throw');
}

describe('evaluateWorkflow: reference values', () => {
  it('evaluateWorkflow runs its TSDoc example: b waits for 0.5 + 4/2 after a, makespan 5.5, 4 data units edge → cloud', () => {
    const s = evaluateWorkflow(deepFreeze(w()), [0, 1, 0], [[0, 2], [1]]);
    expect(s.tasks.map((t) => [t.start, t.finish])).toEqual([[0, 2], [4.5, 5.5], [2, 4]]);
    expect(s.metrics.makespan).toBe(5.5);
    expect(s.metrics.dataMovedBetweenTiers).toEqual([{ from: 'edge', to: 'cloud', data: 4, edges: 1 }]);
  });

  it('evaluateWorkflow reports transfers per edge, idle gaps, busy, idle, utilization, flowtime and deadline misses', () => {
    const wf = { ...w(), tasks: [{ id: 'a' }, { id: 'b', deadline: 5 }, { id: 'c', deadline: 4 }] };
    const s = evaluateWorkflow(wf, [0, 1, 0], [[0, 2], [1]]);
    expect(s.transfers).toEqual([
      { edge: 0, from: 0, to: 1, fromDevice: 0, toDevice: 1, start: 2, arrival: 4.5, data: 4 },
      { edge: 1, from: 0, to: 2, fromDevice: 0, toDevice: 0, start: 2, arrival: 2, data: 1 },
    ]);
    expect(s.devices).toEqual([
      { device: 0, id: 'edge', tier: 'edge', tasks: [0, 2], busy: 4, idle: 1.5, utilization: 4 / 5.5, gaps: [{ start: 4, end: 5.5 }] },
      { device: 1, id: 'cloud', tier: 'cloud', tasks: [1], busy: 1, idle: 4.5, utilization: 1 / 5.5, gaps: [{ start: 0, end: 4.5 }] },
    ]);
    expect(s.metrics.flowtime).toBe(2 + 5.5 + 4);
    expect(s.metrics.deadlineMisses).toEqual([{ task: 1, id: 'b', lateness: 0.5 }]);
    expect(s.metrics.dataMoved).toBe(4);
  });

  it('evaluateWorkflow starts a task at max(release, device ready, previous task, data arrival)', () => {
    const wf: Workflow = { ...w(), tasks: [{ id: 'a', release: 1 }, { id: 'b' }, { id: 'c', release: 7 }], devices: [{ id: 'edge', tier: 'edge', ready: 3 }, { id: 'cloud', tier: 'fog', ready: 10 }] };
    const s = evaluateWorkflow(wf, [0, 1, 0], [[0, 2], [1]]);
    expect(s.tasks.map((t) => [t.start, t.finish])).toEqual([[3, 5], [10, 11], [7, 9]]);
    expect(s.metrics.dataMovedBetweenTiers).toEqual([{ from: 'edge', to: 'fog', data: 4, edges: 1 }]);
  });

  it('evaluateWorkflow follows the given order, never reorders: b runs after c because order[0] says so', () => {
    const s = evaluateWorkflow(w(), [0, 0, 0], [[0, 2, 1], []]);
    expect(s.tasks.map((t) => [t.start, t.finish])).toEqual([[0, 2], [4, 7], [2, 4]]);
  });
});

describe('evaluateWorkflow: properties', () => {
  it('evaluateWorkflow of any placement with per-device orders taken from a topological order is valid and tight (each task starts at one of its lower limits)', () => {
    fc.assert(
      fc.property(workflowArb(), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (wf, picks) => {
        const n = wf.tasks.length;
        const m = wf.devices.length;
        const placement = wf.execTime.map((row, i) => {
          const allowed = row.map((x, j) => (x < Infinity ? j : -1)).filter((j) => j >= 0);
          return allowed[picks[i]! % allowed.length]!;
        });
        // Kahn order by index, independent of compileWorkflow.
        const id = new Map(wf.tasks.map((t, i) => [t.id, i]));
        const indeg = new Array<number>(n).fill(0);
        for (const e of wf.edges) indeg[id.get(e.to)!]!++;
        const seq: number[] = [];
        const done = new Array<boolean>(n).fill(false);
        while (seq.length < n) {
          const i = indeg.findIndex((d, k) => d === 0 && !done[k]);
          done[i] = true;
          seq.push(i);
          for (const e of wf.edges) if (e.from === wf.tasks[i]!.id) indeg[id.get(e.to)!]!--;
        }
        const order = Array.from({ length: m }, (_, j) => seq.filter((i) => placement[i] === j));
        const s = evaluateWorkflow(deepFreeze(wf), placement, order);
        expect(violations(wf, s)).toEqual([]);
        expect(s.metrics.makespan).toBe(Math.max(0, ...s.tasks.map((t) => t.finish)));
        for (const d of s.devices) expect(d.busy + d.idle).toBeCloseTo(s.metrics.makespan, 9);
      }),
    );
  });
});

describe('evaluateWorkflow: edge cases and errors', () => {
  const bad: readonly [string, () => unknown, typeof InputTypeError | typeof InputRangeError | typeof InfeasibleError, string, string][] = [
    ['a placement on a forbidden device', () => evaluateWorkflow({ ...w(), execTime: [[2, 1], [3, Infinity], [2, 2]] }, [0, 1, 0], [[0, 2], [1]]), InfeasibleError, 'placement[1]', 'evaluateWorkflow: placement[1] puts task "b" on device "cloud", where it cannot run (execTime is Infinity)'],
    ['a placement of the wrong length', () => evaluateWorkflow(w(), [0, 1], [[0], [1]]), InputTypeError, 'placement', 'evaluateWorkflow: placement has length 2, expected 3 (one device index per task)'],
    ['a device index out of range', () => evaluateWorkflow(w(), [0, 2, 0], [[0, 2], [1]]), InputRangeError, 'placement[1]', 'evaluateWorkflow: placement[1] must be an integer in [0, 1], got 2'],
    ['an order with a task on the wrong device', () => evaluateWorkflow(w(), [0, 1, 0], [[0, 1, 2], []]), InputRangeError, 'order[0][1]', 'evaluateWorkflow: order[0][1] is task "b", which placement[1] puts on device 1, not 0'],
    ['an order repeating a task', () => evaluateWorkflow(w(), [0, 1, 0], [[0, 0, 2], [1]]), InputRangeError, 'order[0][1]', 'evaluateWorkflow: order[0][1] repeats task "a" (each task runs once)'],
    ['an order missing a task', () => evaluateWorkflow(w(), [0, 1, 0], [[0], [1]]), InputRangeError, 'order[0]', 'evaluateWorkflow: order[0] lacks task "c" (placement[2] is 0; every task must appear once in its device\'s order)'],
    ['an order with the wrong number of devices', () => evaluateWorkflow(w(), [0, 0, 0], [[0, 1, 2]]), InputTypeError, 'order', 'evaluateWorkflow: order has length 1, expected 2 (one run order per device)'],
    ['an order that contradicts precedence', () => evaluateWorkflow(w(), [0, 0, 0], [[1, 0, 2], []]), InputRangeError, 'order', 'evaluateWorkflow: order contradicts precedence: order[0][0] ("b") needs "a", which order[0] runs only after a task that cannot start yet (the orders and edges form a cycle)'],
    ['a cross-device deadlock', () => evaluateWorkflow({ ...w(), edges: [{ from: 'a', to: 'b', data: 1 }, { from: 'b', to: 'c', data: 1 }] }, [0, 1, 0], [[2, 0], [1]]), InputRangeError, 'order', 'evaluateWorkflow: order contradicts precedence: order[0][0] ("c") needs "b", which order[1] runs only after a task that cannot start yet (the orders and edges form a cycle)'],
  ];
  for (const [what, f, cls, field, message] of bad) {
    it(`evaluateWorkflow rejects ${what} with ${cls.name} naming ${field}`, () => {
      const e = thrown(f);
      expect(e).toBeInstanceOf(cls);
      expect(e.field).toBe(field);
      expect(e.message).toBe(message);
    });
  }

  it('evaluateWorkflow of an empty workflow has makespan 0 and empty device orders', () => {
    const s = evaluateWorkflow({ tasks: [], devices: [{ id: 'x', tier: 'edge' }], execTime: [], edges: [] }, [], [[]]);
    expect([s.metrics.makespan, s.devices[0]!.gaps, s.devices[0]!.utilization]).toEqual([0, [], 0]);
  });
});

describe('evaluateWorkflow: typed-array plans', () => {
  it('evaluateWorkflow(w, Int32Array placement, Int32Array orders) gives the same schedule as plain arrays (was rejected as "a Int32Array")', () => {
    const plain = evaluateWorkflow(w(), [0, 1, 0], [[0, 2], [1]]);
    const typed = evaluateWorkflow(w(), Int32Array.of(0, 1, 0), [Int32Array.of(0, 2), Uint8Array.of(1)]);
    expect(typed).toEqual(plain);
    expect(evaluateWorkflow(w(), Float64Array.of(0, 1, 0), Array.of<ArrayLike<number>>(Uint16Array.of(0, 2), Int8Array.of(1))).metrics.makespan).toBe(plain.metrics.makespan);
  });

  it('evaluateWorkflow checks typed-array values: a fraction or an out-of-range device names placement[i]', () => {
    expect(() => evaluateWorkflow(w(), Float64Array.of(0, 0.5, 0), [[0, 2], [1]])).toThrow(/^evaluateWorkflow: placement\[1\] must be an integer/);
    expect(() => evaluateWorkflow(w(), Int32Array.of(0, 2, 0), [[0, 2], [1]])).toThrow(/^evaluateWorkflow: placement\[1\] must be/);
  });

  it('evaluateWorkflow names a non-array with the right article: "got an Int32Array"-style messages for a DataView, "an object" for others', () => {
    expect(() => evaluateWorkflow(w(), new DataView(new ArrayBuffer(8)) as unknown as number[], [[0, 2], [1]])).toThrow('evaluateWorkflow: placement must be an array or an integer typed array, got a DataView');
    expect(() => evaluateWorkflow(w(), [0, 1, 0], Int32Array.of(0, 1) as unknown as number[][])).toThrow('evaluateWorkflow: order[0] must be an array or an integer typed array, got 0');
  });
});

describe('evaluateWorkflow: data moved between tiers', () => {
  it('evaluateWorkflow counts in dataMovedBetweenTiers only edges whose devices have different tiers; same-tier device-to-device data is only in dataMoved', () => {
    const w2: Workflow = {
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'vm1', tier: 'cloud' }, { id: 'vm2', tier: 'cloud' }, { id: 'phone', tier: 'edge' }],
      execTime: [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
      edges: [{ from: 'a', to: 'b', data: 5 }, { from: 'a', to: 'c', data: 3 }],
    };
    const s = evaluateWorkflow(w2, [0, 1, 2], [[0], [1], [2]]);
    expect(s.metrics.dataMoved).toBe(8);
    expect(s.metrics.dataMovedBetweenTiers).toEqual([{ from: 'cloud', to: 'edge', data: 3, edges: 1 }]);
  });
});

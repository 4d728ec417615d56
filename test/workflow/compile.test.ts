import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError, compileWorkflow, type Workflow } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

const chain = (): Workflow => ({
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'fog' }],
  execTime: [[1, 2], [3, 4], [5, Infinity]],
  edges: [{ from: 'a', to: 'b', data: 1 }, { from: 'b', to: 'c', data: 2 }],
});

function thrown(f: () => unknown): Error & { field?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { field?: string };
  }
  throw new Error('expected a throw');
}

describe('compileWorkflow: reference values', () => {
  it('compileWorkflow runs its TSDoc example: topo [1, 0], succStart [0, 0, 1], succ [0]', () => {
    const cw = compileWorkflow({
      tasks: [{ id: 'b' }, { id: 'a' }],
      devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
      execTime: [[3, 1], [Infinity, 2]],
      edges: [{ from: 'a', to: 'b', data: 4 }],
    });
    expect([...cw.topo]).toEqual([1, 0]);
    expect([...cw.succStart]).toEqual([0, 0, 1]);
    expect([...cw.succ]).toEqual([0]);
  });

  it('compileWorkflow builds CSR both ways with ascending neighbours and input edge indices', () => {
    const w: Workflow = deepFreeze({
      tasks: [{ id: 't0' }, { id: 't1' }, { id: 't2' }, { id: 't3' }],
      devices: [{ id: 'd', tier: 'cloud' }],
      execTime: [[1], [1], [1], [1]],
      edges: [{ from: 't0', to: 't3', data: 3 }, { from: 't0', to: 't1', data: 1 }, { from: 't2', to: 't3', data: 2 }, { from: 't1', to: 't3', data: 0 }],
    });
    const cw = compileWorkflow(w);
    expect([...cw.succStart]).toEqual([0, 2, 3, 4, 4]);
    expect([...cw.succ]).toEqual([1, 3, 3, 3]);
    expect([...cw.succEdge]).toEqual([1, 0, 3, 2]);
    expect([...cw.predStart]).toEqual([0, 0, 1, 1, 4]);
    expect([...cw.pred]).toEqual([0, 0, 1, 2]);
    expect([...cw.predEdge]).toEqual([1, 0, 3, 2]);
    expect([...cw.data]).toEqual([3, 1, 2, 0]);
    expect([...cw.topo]).toEqual([0, 1, 2, 3]);
    expect([...cw.tier]).toEqual([1]);
  });

  it('compileWorkflow takes the lowest-index ready task first in its topological order', () => {
    const cw = compileWorkflow({
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      devices: [{ id: 'x', tier: 'edge' }],
      execTime: [[1], [1], [1], [1]],
      edges: [{ from: 'd', to: 'a', data: 0 }, { from: 'c', to: 'b', data: 0 }],
    });
    expect([...cw.topo]).toEqual([2, 1, 3, 0]);
  });

  it('compileWorkflow reads network scalars and matrices, diagonal free', () => {
    const cw = compileWorkflow({ ...chain(), network: { bandwidth: [[0, 2], [Infinity, 5]], latency: 0.5 } });
    expect([...cw.bandwidth]).toEqual([Infinity, 2, Infinity, Infinity]);
    expect([...cw.latency]).toEqual([0, 0.5, 0.5, 0]);
    const d = compileWorkflow(chain());
    expect([...d.bandwidth]).toEqual([Infinity, 1, 1, Infinity]);
    expect([...d.tier]).toEqual([0, 2]);
  });

  it('compileWorkflow fills defaults: release 0, deadline Infinity, priority 0, ready 0', () => {
    const cw = compileWorkflow({ ...chain(), tasks: [{ id: 'a', priority: 2, release: 1, deadline: 9 }, { id: 'b' }, { id: 'c' }], devices: [{ id: 'x', tier: 'edge', ready: 3 }, { id: 'y', tier: 'cloud' }] });
    expect([...cw.priority, ...cw.release, ...cw.deadline, ...cw.ready]).toEqual([2, 0, 0, 1, 0, 0, 9, Infinity, Infinity, 3, 0]);
  });
});

describe('compileWorkflow: edge cases', () => {
  it('compileWorkflow accepts an empty workflow, a single task and a disconnected graph', () => {
    expect(compileWorkflow({ tasks: [], devices: [], execTime: [], edges: [] }).n).toBe(0);
    expect([...compileWorkflow({ tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }], execTime: [[0]], edges: [] }).topo]).toEqual([0]);
  });

  it('compileWorkflow does not mutate its (frozen) input', () => {
    const w = deepFreeze(chain());
    const before = JSON.stringify(w);
    compileWorkflow(w);
    expect(JSON.stringify(w)).toBe(before);
  });

  const bad: readonly [string, () => unknown, typeof InputTypeError | typeof InputRangeError | typeof InfeasibleError, string, string][] = [
    ['not an object', () => compileWorkflow(null as never), InputTypeError, 'workflow', 'compileWorkflow: workflow must be an object, got null'],
    ['an unknown field', () => compileWorkflow({ ...chain(), name: 1 } as never), InputTypeError, 'workflow.name', 'compileWorkflow: workflow.name is not a known field (known: tasks, devices, execTime, edges, network)'],
    ['a duplicate task id', () => compileWorkflow({ ...chain(), tasks: [{ id: 'a' }, { id: 'a' }, { id: 'c' }] }), InputRangeError, 'workflow.tasks[1].id', 'compileWorkflow: workflow.tasks[1].id duplicates workflow.tasks[0].id ("a")'],
    ['a bad tier', () => compileWorkflow({ ...chain(), devices: [{ id: 'x', tier: 'mist' as never }, { id: 'y', tier: 'edge' }] }), InputTypeError, 'workflow.devices[0].tier', "compileWorkflow: workflow.devices[0].tier must be one of 'edge', 'fog', 'cloud', got \"mist\""],
    ['a null exec time (JSON.stringify wrote Infinity as null)', () => compileWorkflow({ ...chain(), execTime: [[1, 2], [3, null as never], [5, 6]] }), InputTypeError, 'workflow.execTime[1][1]', 'compileWorkflow: workflow.execTime[1][1] must be a number >= 0 or Infinity, got null: in JSON write the string "Infinity" (JSON.stringify turns Infinity and NaN into null)'],
    ['a NaN exec time', () => compileWorkflow({ ...chain(), execTime: [[1, 2], [3, NaN], [5, 6]] }), InputRangeError, 'workflow.execTime[1][1]', 'compileWorkflow: workflow.execTime[1][1] must be a number >= 0 or Infinity, got NaN'],
    ['a ragged row', () => compileWorkflow({ ...chain(), execTime: [[1, 2], [3], [5, 6]] }), InputTypeError, 'workflow.execTime[1]', 'compileWorkflow: workflow.execTime[1] has 1 entries, expected 2 (one per device)'],
    ['a task with no allowed device', () => compileWorkflow({ ...chain(), execTime: [[1, 2], [Infinity, Infinity], [5, 6]] }), InfeasibleError, 'workflow.execTime[1]', 'compileWorkflow: workflow.execTime[1] has no device where the task can run (execTime is Infinity on every device)'],
    ['an unknown task id', () => compileWorkflow({ ...chain(), edges: [{ from: 'a', to: 'z', data: 1 }] }), InputRangeError, 'workflow.edges[0].to', 'compileWorkflow: workflow.edges[0].to must be the id of a task in workflow.tasks, got "z"'],
    ['a self-loop', () => compileWorkflow({ ...chain(), edges: [{ from: 'b', to: 'b', data: 1 }] }), InputRangeError, 'workflow.edges[0]', 'compileWorkflow: workflow.edges[0] is a self-loop on task "b" (a task cannot precede itself)'],
    ['a duplicate edge', () => compileWorkflow({ ...chain(), edges: [{ from: 'a', to: 'b', data: 1 }, { from: 'a', to: 'b', data: 2 }] }), InputRangeError, 'workflow.edges[1]', 'compileWorkflow: workflow.edges[1] duplicates workflow.edges[0] ("a" -> "b")'],
    ['negative data', () => compileWorkflow({ ...chain(), edges: [{ from: 'a', to: 'b', data: -1 }] }), InputRangeError, 'workflow.edges[0].data', 'compileWorkflow: workflow.edges[0].data must be a finite number >= 0, got -1'],
    ['zero bandwidth', () => compileWorkflow({ ...chain(), network: { bandwidth: [[1, 0], [1, 1]] } }), InputRangeError, 'workflow.network.bandwidth[0][1]', 'compileWorkflow: workflow.network.bandwidth[0][1] must be a number > 0 or Infinity, got 0'],
    ['NaN bandwidth', () => compileWorkflow({ ...chain(), network: { bandwidth: NaN } }), InputRangeError, 'workflow.network.bandwidth', 'compileWorkflow: workflow.network.bandwidth must be a number > 0 or Infinity, got NaN'],
    ['NaN on the diagonal', () => compileWorkflow({ ...chain(), network: { latency: [[NaN, 0], [0, 0]] } }), InputTypeError, 'workflow.network.latency[0][0]', 'compileWorkflow: workflow.network.latency[0][0] must be a number (the diagonal is ignored), got NaN'],
    ['a bandwidth that is neither a number nor a matrix', () => compileWorkflow({ ...chain(), network: { bandwidth: 'fast' as never } }), InputTypeError, 'workflow.network.bandwidth', 'compileWorkflow: workflow.network.bandwidth must be a number or a 2×2 matrix (an array of rows), got "fast"'],
    ['a network matrix with the wrong number of rows', () => compileWorkflow({ ...chain(), network: { latency: [[0, 1]] } }), InputTypeError, 'workflow.network.latency', 'compileWorkflow: workflow.network.latency has 1 rows, expected 2 (one per device)'],
    ['a bandwidth so small that a transfer overflows', () => compileWorkflow({ ...chain(), network: { bandwidth: 5e-324 } }), InputRangeError, 'workflow.network.bandwidth', 'compileWorkflow: workflow.network.bandwidth is too small for the data: a transfer of 2 at bandwidth 5e-324 takes Infinity'],
    ['times whose worst-case sum overflows', () => compileWorkflow({ ...chain(), execTime: [[1e308, 2], [1e308, 4], [5, Infinity]] }), InputRangeError, 'workflow.execTime[0][0]', "compileWorkflow: workflow.execTime[0][0] is 1e+308, the largest of the workflow's times, and they are so large that a schedule could overflow to Infinity (the largest release or ready time plus every task's longest allowed execution time and every edge's longest transfer must be finite): rescale the time unit"],
    ['negative latency', () => compileWorkflow({ ...chain(), network: { latency: -1 } }), InputRangeError, 'workflow.network.latency', 'compileWorkflow: workflow.network.latency must be a finite number >= 0, got -1'],
    ['a cycle', () => compileWorkflow({ ...chain(), edges: [{ from: 'a', to: 'b', data: 1 }, { from: 'b', to: 'c', data: 1 }, { from: 'c', to: 'b', data: 1 }] }), InputRangeError, 'workflow.edges', 'compileWorkflow: workflow.edges must form a directed acyclic graph, but contain the cycle "b" -> "c" -> "b"'],
    ['a three-cycle', () => compileWorkflow({ ...chain(), edges: [{ from: 'c', to: 'a', data: 1 }, { from: 'a', to: 'b', data: 1 }, { from: 'b', to: 'c', data: 1 }] }), InputRangeError, 'workflow.edges', 'compileWorkflow: workflow.edges must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "c" -> "a"'],
  ];
  for (const [what, f, cls, field, message] of bad) {
    it(`compileWorkflow rejects ${what} with ${cls.name} naming ${field}`, () => {
      const e = thrown(f);
      expect(e).toBeInstanceOf(cls);
      expect(e.field).toBe(field);
      expect(e.message).toBe(message);
    });
  }
});

describe('compileWorkflow: device limit', () => {
  it('compileWorkflow of 8193 devices throws InputRangeError naming workflow.devices and the limit 8192, not a raw RangeError', () => {
    const devices = Array.from({ length: 8193 }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const }));
    const w: Workflow = { tasks: [], devices, execTime: [], edges: [] };
    let err: unknown;
    try {
      compileWorkflow(w);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputRangeError);
    expect((err as InputRangeError).field).toBe('workflow.devices');
    expect((err as InputRangeError).message).toContain('at most 8192 devices');
  });
});

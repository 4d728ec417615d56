import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../src/errors.js';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import { deepFreeze } from '../arbitraries.js';

const problem = deepFreeze({
  tasks: [{ id: 'a' }, { id: 'b' }],
  devices: [
    { id: 'edge', tier: 'edge' as const, power: { busy: 5 } },
    { id: 'cloud', tier: 'cloud' as const, power: { busy: 40 } },
  ],
  execTime: [[4, 1], [6, 2]],
});

describe('paretoFront', () => {
  it('paretoFront(problem, {objectives: [makespan, energy], method: exact}) on the documented example (hand-computed: all four assignments trade off)', async () => {
    // [1,1]: max(1,2)=3 s, 40·3=120 J; [0,1]: 4 s, 20+80; [1,0]: 6 s, 40+30; [0,0]: 10 s, 50 J.
    const front = await paretoFront(problem, { objectives: ['makespan', 'energy'], method: 'exact' });
    expect(front.points.map((p) => p.objectives)).toEqual([[3, 120], [4, 100], [6, 70], [10, 50]]);
    expect(front.points.map((p) => p.assignment)).toEqual([[1, 1], [0, 1], [1, 0], [0, 0]]);
    expect(front.proved).toBe(true);
    expect(front.status).toBe('optimal');
    expect(front.objectives).toEqual(['makespan', 'energy']);
    expect(front.method).toBe('exact');
    expect(front.stoppedEarly).toBe(false);
  });

  it('paretoFront defaults to NSGA-II, which finds the same four points here', async () => {
    const front = await paretoFront(problem, { objectives: ['makespan', 'energy'] });
    expect(front.method).toBe('nsga2');
    expect(front.points.map((p) => p.objectives)).toEqual([[3, 120], [4, 100], [6, 70], [10, 50]]);
    expect(front.reason).toContain('1000 generations');
  });

  it('paretoFront returns each point with the run order its objectives were evaluated with', async () => {
    const front = await paretoFront(problem, { objectives: ['flowtime', 'energy'], method: 'exact' });
    for (const p of front.points) expect([...p.order].sort()).toEqual([0, 1]);
    // Both on the edge: a (4 s) before b (6 s): flowtime 4 + 10.
    expect(front.points.find((p) => p.assignment.join() === '0,0')!.objectives).toEqual([14, 50]);
  });

  it('paretoFront with no tasks returns the empty schedule as the single point', async () => {
    const empty = { tasks: [], devices: [{ id: 'e', tier: 'edge' as const, power: { idle: 3 } }], execTime: [] };
    for (const method of ['exact', 'nsga2'] as const) {
      const front = await paretoFront(empty, { objectives: ['makespan', 'energy'], method });
      expect(front.points).toEqual([{ assignment: [], order: [], objectives: [0, 0] }]);
    }
  });

  it('paretoFront rejects bad options and problems with typed errors', async () => {
    await expect(paretoFront(problem, undefined as never)).rejects.toThrow('paretoFront: options.objectives must be an array, got undefined');
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy'], method: 'greedy' as never })).rejects.toThrow(InputTypeError);
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy'], populationSize: 1 })).rejects.toThrow('paretoFront: options.populationSize must be an integer in [2, 10000], got 1');
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy'], timeLimitMs: NaN })).rejects.toThrow(InputRangeError);
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy'], seed: -1 })).rejects.toThrow(InputRangeError);
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy'], maxGenerations: 1.5 })).rejects.toThrow(InputRangeError);
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy'], colour: 'red' } as never)).rejects.toThrow('paretoFront: options.colour is not a known option');
    await expect(paretoFront(problem, { objectives: ['makespan', 'energy', 'cost', 'flowtime'] })).rejects.toThrow('paretoFront: options.objectives must name two or three objectives, got 4');
    const stuck = { tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' as const }], execTime: [[Infinity]] };
    await expect(paretoFront(stuck, { objectives: ['makespan', 'energy'] })).rejects.toThrow(InfeasibleError);
  });
});

describe('paretoFront with no tasks', () => {
  it("paretoFront of an empty task list with method 'nsga2' returns the one empty point, proved, with the reason 'no tasks' (not 1000 generations; newcomer F3), as 'exact' does", async () => {
    const p = { tasks: [], devices: [{ id: 'x', tier: 'edge' as const }], execTime: [] };
    for (const method of ['nsga2', 'exact'] as const) {
      const f = await paretoFront(p, { objectives: ['makespan', 'cost'], method });
      expect([f.points.length, f.proved, f.status, f.reason]).toEqual([1, true, 'optimal', 'no tasks: the empty schedule is the only point']);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InfeasibleError,
  InputRangeError,
  InputTypeError,
  compileProblem,
  workedExampleProblem,
  type Problem,
} from '../../src/index.js';
import { deepFreeze, problemArb } from '../arbitraries.js';

const tiny = (): Problem => ({
  tasks: [{ id: 'a' }, { id: 'b' }],
  devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
  execTime: [[1, 2], [3, 4]],
});

/** Throws and returns the error, for asserting its class, field and message. */
function thrown(f: () => unknown): Error & { field?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { field?: string };
  }
  throw new Error('expected a throw');
}

describe('compileProblem: reference values', () => {
  it('compileProblem(workedExampleProblem(30)) holds the article times row-major, tiers and budgets', () => {
    const cp = compileProblem(workedExampleProblem(30));
    expect([cp.n, cp.m]).toEqual([5, 4]);
    expect(Array.from(cp.exec.subarray(0, 4))).toEqual([20, 30, 40, 50]);
    expect(Array.from(cp.transfer.subarray(16, 20))).toEqual([18, 24, 24, 30]);
    expect(Array.from(cp.tier)).toEqual([0, 0, 0, 1]);
    expect(Array.from(cp.budget)).toEqual([500, 800, 1000, 2000]);
    expect(cp.taskIds).toEqual(['task1', 'task2', 'task3', 'task4', 'task5']);
    expect(Array.from(cp.deadline)).toEqual([Infinity, Infinity, Infinity, Infinity, Infinity]);
  });

  it('compileProblem(workedExampleProblem(30)) derives the normalized priorities 0.8, 2/3, 2/3, 2/3, 0.2 (seed 4.1)', () => {
    const p = compileProblem(workedExampleProblem(30)).priority;
    [0.8, 2 / 3, 2 / 3, 2 / 3, 0.2].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 14));
  });

  it('compileProblem gives the TSDoc example', () => {
    const cp = compileProblem({
      tasks: [{ id: 'a' }, { id: 'b', priority: 2 }],
      devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
      execTime: [[3, 1], [Infinity, 2]],
    });
    expect(cp.exec).toEqual(Float64Array.of(3, 1, Infinity, 2));
    expect(cp.priority).toEqual(Float64Array.of(0, 2));
  });
});

describe('compileProblem: properties', () => {
  it('compileProblem(p) copies every matrix entry to exec[i*m+j] / transfer[i*m+j] and never mutates p', () => {
    fc.assert(
      fc.property(problemArb(), (p) => {
        deepFreeze(p);
        const cp = compileProblem(p);
        expect(cp.n).toBe(p.tasks.length);
        expect(cp.m).toBe(p.devices.length);
        p.execTime.forEach((row, i) => row.forEach((v, j) => expect(cp.exec[i * cp.m + j]).toBe(v)));
        p.transferTime?.forEach((row, i) => row.forEach((v, j) => expect(cp.transfer[i * cp.m + j]).toBe(v)));
        p.tasks.forEach((t, i) => {
          expect(cp.release[i]).toBe(t.release ?? 0);
          expect(cp.deadline[i]).toBe(t.deadline ?? Infinity);
          expect(cp.priority[i]).toBe(t.priority ?? 0);
        });
        p.devices.forEach((d, j) => expect(cp.ready[j]).toBe(d.ready ?? 0));
      }),
    );
  });

  it('compileProblem permutes its rows when the tasks are permuted', () => {
    fc.assert(
      fc.property(problemArb({ minTasks: 1 }), fc.nat(), (p, k) => {
        const n = p.tasks.length;
        const s = k % n; // rotate by s
        const rot = <T>(a: readonly T[]): T[] => a.map((_, i) => a[(i + s) % n]!);
        const q: Problem = { ...p, tasks: rot(p.tasks), execTime: rot(p.execTime), ...(p.transferTime ? { transferTime: rot(p.transferTime) } : {}) };
        const a = compileProblem(p);
        const b = compileProblem(q);
        for (let i = 0; i < n; i++) {
          expect(Array.from(b.exec.subarray(i * a.m, (i + 1) * a.m))).toEqual(Array.from(a.exec.subarray(((i + s) % n) * a.m, ((i + s) % n + 1) * a.m)));
          expect(b.priority[i]).toBe(a.priority[(i + s) % n]);
        }
      }),
    );
  });
});

describe('compileProblem: oracles', () => {
  it('compileProblem priorities equal a naive A/ΣA + B/ΣB + C/ΣC over the tasks with criteria, explicit priorities kept', () => {
    const crit = fc.record({ importance: fc.integer({ min: 1, max: 9 }), urgency: fc.integer({ min: 1, max: 9 }), satisfaction: fc.integer({ min: 1, max: 9 }) });
    const task = fc.record({ criteria: fc.option(crit, { nil: undefined }), priority: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 8 }), (ts) => {
        const tasks = ts.map((t, i) => ({ id: `t${i}`, ...(t.criteria ? { criteria: t.criteria } : {}), ...(t.priority !== undefined ? { priority: t.priority } : {}) }));
        const cp = compileProblem({ tasks, devices: [{ id: 'd', tier: 'edge' }], execTime: tasks.map(() => [1]) });
        const withC = ts.filter((t) => t.criteria !== undefined).map((t) => t.criteria!);
        const sum = (k: 'importance' | 'urgency' | 'satisfaction'): number => withC.reduce((s, c) => s + c[k], 0);
        ts.forEach((t, i) => {
          const expected = t.priority ?? (t.criteria ? t.criteria.importance / sum('importance') + t.criteria.urgency / sum('urgency') + t.criteria.satisfaction / sum('satisfaction') : 0);
          expect(cp.priority[i]).toBeCloseTo(expected, 12);
        });
      }),
    );
  });
});

describe('compileProblem: edge cases', () => {
  it('compileProblem accepts an empty problem, and devices with no tasks', () => {
    expect(compileProblem({ tasks: [], devices: [], execTime: [] }).n).toBe(0);
    const cp = compileProblem({ tasks: [], devices: [{ id: 'd', tier: 'cloud' }], execTime: [] });
    expect([cp.n, cp.m]).toEqual([0, 1]);
  });

  it("compileProblem compiles tiers edge, cloud and fog to codes 0, 1 and 2", () => {
    const cp = compileProblem({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud' }, { id: 'f', tier: 'fog' }], execTime: [[1, 2, 3]] });
    expect([...cp.tier]).toEqual([0, 1, 2]);
  });

  it('compileProblem accepts Infinity deadline and budget (none), and zero times', () => {
    const cp = compileProblem({ tasks: [{ id: 'a', deadline: Infinity }], devices: [{ id: 'd', tier: 'edge', budget: Infinity }], execTime: [[0]] });
    expect([cp.deadline[0], cp.budget[0], cp.exec[0]]).toEqual([Infinity, Infinity, 0]);
  });

  const bad: readonly [string, () => unknown, typeof InputTypeError | typeof InputRangeError | typeof InfeasibleError, string][] = [
    ['not an object', () => compileProblem(null as never), InputTypeError, 'compileProblem: problem must be an object, got null'],
    ['tasks not an array', () => compileProblem({ ...tiny(), tasks: 'x' as never }), InputTypeError, 'compileProblem: problem.tasks must be an array, got "x"'],
    ['a task not an object', () => compileProblem({ ...tiny(), tasks: [{ id: 'a' }, 3 as never] }), InputTypeError, 'compileProblem: problem.tasks[1] must be an object, got 3'],
    ['a missing id', () => compileProblem({ ...tiny(), tasks: [{ id: 'a' }, {} as never] }), InputTypeError, 'compileProblem: problem.tasks[1].id must be a non-empty string, got undefined'],
    ['an empty id', () => compileProblem({ ...tiny(), devices: [{ id: '', tier: 'edge' }, { id: 'y', tier: 'edge' }] }), InputTypeError, 'compileProblem: problem.devices[0].id must be a non-empty string, got ""'],
    ['a duplicate task id', () => compileProblem({ ...tiny(), tasks: [{ id: 'a' }, { id: 'a' }] }), InputRangeError, 'compileProblem: problem.tasks[1].id duplicates problem.tasks[0].id ("a")'],
    ['a duplicate device id', () => compileProblem({ ...tiny(), devices: [{ id: 'x', tier: 'edge' }, { id: 'x', tier: 'edge' }] }), InputRangeError, 'compileProblem: problem.devices[1].id duplicates problem.devices[0].id ("x")'],
    ['an unknown field', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', deadine: 3 } as never, { id: 'b' }] }), InputTypeError, "compileProblem: problem.tasks[0].deadine is not a known field (known: id, priority, criteria, demand, release, deadline, source); did you mean 'deadline'?"],
    ['an unknown top-level field', () => compileProblem({ ...tiny(), name: 'x' } as never), InputTypeError, 'compileProblem: problem.name is not a known field (known: tasks, devices, execTime, transferTime)'],
    ['a bad tier', () => compileProblem({ ...tiny(), devices: [{ id: 'x', tier: 'mist' as never }, { id: 'y', tier: 'edge' }] }), InputTypeError, "compileProblem: problem.devices[0].tier must be one of 'edge', 'fog', 'cloud', got \"mist\""],
    ['too few rows', () => compileProblem({ ...tiny(), execTime: [[1, 2]] }), InputTypeError, 'compileProblem: problem.execTime has 1 rows, expected 2 (one per task)'],
    ['a ragged row', () => compileProblem({ ...tiny(), execTime: [[1, 2], [3]] }), InputTypeError, 'compileProblem: problem.execTime[1] has 1 entries, expected 2 (one per device)'],
    ['a row that is not an array', () => compileProblem({ ...tiny(), execTime: [[1, 2], 5 as never] }), InputTypeError, 'compileProblem: problem.execTime[1] must be an array, got 5'],
    ['a missing execTime', () => compileProblem({ tasks: [], devices: [] } as never), InputTypeError, 'compileProblem: problem.execTime must be an array of rows, got undefined'],
    ['NaN', () => compileProblem({ ...tiny(), execTime: [[1, 2], [3, NaN]] }), InputRangeError, 'compileProblem: problem.execTime[1][1] must be a number >= 0 or Infinity, got NaN'],
    ['a negative time', () => compileProblem({ ...tiny(), execTime: [[1, -2], [3, 4]] }), InputRangeError, 'compileProblem: problem.execTime[0][1] must be a number >= 0 or Infinity, got -2'],
    ['-Infinity', () => compileProblem({ ...tiny(), execTime: [[1, -Infinity], [3, 4]] }), InputRangeError, 'compileProblem: problem.execTime[0][1] must be a number >= 0 or Infinity, got -Infinity'],
    ['a string time', () => compileProblem({ ...tiny(), execTime: [[1, '2' as never], [3, 4]] }), InputTypeError, 'compileProblem: problem.execTime[0][1] must be a number >= 0 or Infinity, got "2"'],
    ['a NaN transfer', () => compileProblem({ ...tiny(), transferTime: [[0, 0], [NaN, 0]] }), InputRangeError, 'compileProblem: problem.transferTime[1][0] must be a number >= 0 or Infinity, got NaN'],
    ['a ragged transfer row', () => compileProblem({ ...tiny(), transferTime: [[0, 0], [0, 0, 0]] }), InputTypeError, 'compileProblem: problem.transferTime[1] has 3 entries, expected 2 (one per device)'],
    ['a negative release', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', release: -1 }, { id: 'b' }] }), InputRangeError, 'compileProblem: problem.tasks[0].release must be a finite number >= 0, got -1'],
    ['an infinite ready time', () => compileProblem({ ...tiny(), devices: [{ id: 'x', tier: 'edge', ready: Infinity }, { id: 'y', tier: 'edge' }] }), InputRangeError, 'compileProblem: problem.devices[0].ready must be a finite number >= 0, got Infinity'],
    ['a NaN priority', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', priority: NaN }, { id: 'b' }] }), InputRangeError, 'compileProblem: problem.tasks[0].priority must be a finite number >= 0, got NaN'],
    ['a NaN deadline', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', deadline: NaN }, { id: 'b' }] }), InputRangeError, 'compileProblem: problem.tasks[0].deadline must be a number >= 0 or Infinity, got NaN'],
    ['a negative demand', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', demand: -3 }, { id: 'b' }] }), InputRangeError, 'compileProblem: problem.tasks[0].demand must be a finite number >= 0, got -3'],
    ['a missing criterion', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', criteria: { importance: 1, urgency: 1 } as never }, { id: 'b' }] }), InputTypeError, 'compileProblem: problem.tasks[0].criteria.satisfaction must be a finite number >= 0, got undefined'],
    ['criteria summing to 0', () => compileProblem({ ...tiny(), tasks: [{ id: 'a', criteria: { importance: 1, urgency: 0, satisfaction: 1 } }, { id: 'b' }] }), InputRangeError, 'compileProblem: problem.tasks[*].criteria.urgency sums to 0 over the tasks with criteria, so their normalized priority (which divides by the sum) is undefined; give those tasks an explicit priority'],
    ['a task no device can run', () => compileProblem({ ...tiny(), execTime: [[1, 2], [Infinity, Infinity]] }), InfeasibleError, 'compileProblem: problem.execTime[1] has no device where the task can run (execTime + transferTime is Infinity on every device)'],
    ['a task whose only device is unreachable', () => compileProblem({ ...tiny(), execTime: [[1, 2], [3, Infinity]], transferTime: [[0, 0], [Infinity, 0]] }), InfeasibleError, 'compileProblem: problem.execTime[1] has no device where the task can run (execTime + transferTime is Infinity on every device)'],
    ['tasks but no devices', () => compileProblem({ tasks: [{ id: 'a' }], devices: [], execTime: [[]] }), InfeasibleError, 'compileProblem: problem.execTime[0] has no device to run on (problem.devices is empty)'],
  ];
  for (const [what, call, cls, message] of bad) {
    it(`compileProblem rejects ${what} with ${cls.name} naming the field`, () => {
      const e = thrown(call);
      expect(e).toBeInstanceOf(cls);
      expect(e.message).toBe(message);
    });
  }

  it('compileProblem errors are TypeError / RangeError subclasses, InfeasibleError a RangeError', () => {
    expect(thrown(() => compileProblem({ ...tiny(), execTime: [[1, 2], [3]] }))).toBeInstanceOf(TypeError);
    expect(thrown(() => compileProblem({ ...tiny(), execTime: [[Infinity, Infinity], [3, 4]] }))).toBeInstanceOf(RangeError);
  });

  it('compileProblem allows a zero criteria sum when every task with criteria has an explicit priority', () => {
    const cp = compileProblem({ ...tiny(), tasks: [{ id: 'a', priority: 4, criteria: { importance: 0, urgency: 0, satisfaction: 0 } }, { id: 'b' }] });
    expect(Array.from(cp.priority)).toEqual([4, 0]);
  });
});

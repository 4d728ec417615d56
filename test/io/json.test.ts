import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InfeasibleError,
  InputRangeError,
  InputTypeError,
  compileProblem,
  parseProblemJson,
  problemToJson,
  solutionToJson,
  solve,
  strategyNames,
  workedExampleProblem,
  type Problem,
  type Solution,
} from '../../src/index.js';
import { deepFreeze, problemArb, withEnergyArb } from '../arbitraries.js';

/** Throws and returns the error. */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

const workedJson = `{
  "tasks": [
    {"id": "task1", "criteria": {"importance": 3, "urgency": 5, "satisfaction": 4}},
    {"id": "task2", "criteria": {"importance": 2, "urgency": 3, "satisfaction": 5}},
    {"id": "task3", "criteria": {"importance": 5, "urgency": 2, "satisfaction": 3}},
    {"id": "task4", "criteria": {"importance": 4, "urgency": 4, "satisfaction": 2}},
    {"id": "task5", "criteria": {"importance": 1, "urgency": 1, "satisfaction": 1}}
  ],
  "devices": [
    {"id": "device1", "tier": "edge", "budget": 500},
    {"id": "device2", "tier": "edge", "budget": 800},
    {"id": "device3", "tier": "edge", "budget": 1000},
    {"id": "device4", "tier": "cloud", "budget": 2000}
  ],
  "execTime": [[20,30,40,50],[20,30,40,50],[20,30,40,50],[20,30,40,50],[20,30,40,50]],
  "transferTime": [[18,24,24,30],[18,24,24,30],[18,24,24,30],[18,24,24,30],[18,24,24,30]]
}`;

describe('parseProblemJson / problemToJson / solutionToJson: reference values', () => {
  it('parseProblemJson(the worked example written by hand) equals workedExampleProblem(30)', () => {
    expect(parseProblemJson(workedJson)).toEqual(workedExampleProblem(30));
  });

  it('problemToJson(workedExampleProblem(30)) parses back to the same problem', () => {
    expect(parseProblemJson(problemToJson(workedExampleProblem(30)))).toEqual(workedExampleProblem(30));
  });

  it('parseProblemJson gives the TSDoc example, and reads "Infinity" where the schema allows it', () => {
    expect(parseProblemJson('{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[3]]}')).toEqual({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }], execTime: [[3]] });
    const p = parseProblemJson('{"tasks":[{"id":"a","deadline":"Infinity"}],"devices":[{"id":"e","tier":"edge","budget":"Infinity"},{"id":"c","tier":"cloud"}],"execTime":[["Infinity",2]],"transferTime":[["Infinity",1]]}');
    expect(p.execTime).toEqual([[Infinity, 2]]);
    expect(p.transferTime).toEqual([[Infinity, 1]]);
    expect(p.tasks[0]!.deadline).toBe(Infinity);
    expect(p.devices[0]!.budget).toBe(Infinity);
    expect(compileProblem(p).exec).toEqual(Float64Array.of(Infinity, 2));
  });

  it('problemToJson gives the TSDoc example text', () => {
    expect(problemToJson({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud' }], execTime: [[Infinity, 2]] })).toBe(
      '{\n  "tasks": [\n    {"id":"a"}\n  ],\n  "devices": [\n    {"id":"e","tier":"edge"},\n    {"id":"c","tier":"cloud"}\n  ],\n  "execTime": [\n    ["Infinity",2]\n  ]\n}\n',
    );
  });

  it('solutionToJson writes the keys in the documented fixed order', () => {
    const s = solve(workedExampleProblem(30), { strategy: 'mct' });
    const doc = JSON.parse(solutionToJson(s)) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['strategy', 'assignment', 'makespan', 'lowerBound', 'bound', 'gap', 'stoppedEarly', 'metrics', 'schedule', 'trace']);
    expect(Object.keys(doc.metrics as object)).toEqual(['makespan', 'flowtime', 'weightedFlowtime', 'totalTransfer', 'loadImbalance', 'deadlineMisses', 'energy', 'cost', 'budgetOverruns']);
    expect(Object.keys(doc.schedule as object)).toEqual(['costModel', 'assignment', 'tasks', 'devices', 'metrics']);
    expect(doc.assignment).toEqual(s.assignment);
  });
});

describe('parseProblemJson / problemToJson / solutionToJson: properties', () => {
  it('parseProblemJson(problemToJson(p)) deep-equals p (Infinity included) and does not mutate p', () => {
    fc.assert(
      fc.property(problemArb(), (p) => {
        deepFreeze(p);
        expect(parseProblemJson(problemToJson(p))).toEqual(p);
      }),
    );
  });

  it('solutionToJson is stable: the same solution, and a re-solve, give identical text that JSON.parse maps back to the solution', () => {
    fc.assert(
      fc.property(problemArb({ minTasks: 1 }), fc.constantFrom(...strategyNames), (p, strategy) => {
        const a = solve(p, { strategy });
        const text = solutionToJson(a);
        expect(solutionToJson(solve(p, { strategy }))).toBe(text);
        const back = JSON.parse(text) as Solution;
        expect(back.assignment).toEqual(a.assignment);
        expect(back.schedule.tasks).toEqual(a.schedule.tasks);
        expect(back.trace).toEqual(JSON.parse(JSON.stringify(a.trace)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseProblemJson: oracles', () => {
  it('parseProblemJson(JSON.stringify(p)) equals p for problems without Infinity (JSON.stringify is the reference writer)', () => {
    fc.assert(
      fc.property(problemArb({ forbidden: false }), (p) => {
        expect(parseProblemJson(JSON.stringify(p))).toEqual(p);
      }),
    );
  });
});

describe('parseProblemJson / solutionToJson: edge cases', () => {
  it('parseProblemJson reports every error in one message, one per line, with path and reason', () => {
    const e = thrown(() => parseProblemJson('{"tasks":[{"id":"a"},{"id":"a","release":-1}],"devices":[{"id":"x","tier":"edgy"}],"execTime":[[null],[1,2]],"foo":1}'));
    expect(e).toBeInstanceOf(InputTypeError);
    expect(e.message).toBe(
      [
        'parseProblemJson: problem has 6 errors:',
        '  problem.foo is not a known field (known: tasks, devices, execTime, transferTime)',
        '  problem.tasks[1].release must be a finite number >= 0, got -1',
        '  problem.tasks[1].id duplicates problem.tasks[0].id ("a")',
        "  problem.devices[0].tier must be one of 'edge', 'fog', 'cloud', got \"edgy\"; did you mean 'edge'?",
        '  problem.execTime[0][0] must be a number >= 0 or Infinity, got null: in JSON write the string "Infinity" (JSON.stringify turns Infinity and NaN into null)',
        '  problem.execTime[1] has 2 entries, expected 1 (one per device)',
      ].join('\n'),
    );
  });

  it('parseProblemJson throws InputRangeError when every error is a bad number, InfeasibleError when all are infeasible tasks', () => {
    const range = thrown(() => parseProblemJson('{"tasks":[{"id":"a","release":-1},{"id":"a"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[[1],[1]]}'));
    expect(range).toBeInstanceOf(InputRangeError);
    expect(range.message.split('\n')).toHaveLength(3);
    const inf = thrown(() => parseProblemJson('{"tasks":[{"id":"a"},{"id":"b"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[["Infinity"],["Infinity"]]}'));
    expect(inf).toBeInstanceOf(InfeasibleError);
    expect(inf.message).toBe(
      'parseProblemJson: problem has 2 errors:\n  problem.execTime[0] has no device where the task can run (execTime + transferTime is Infinity on every device)\n  problem.execTime[1] has no device where the task can run (execTime + transferTime is Infinity on every device)',
    );
  });

  it('parseProblemJson gives the TSDoc example error listing', () => {
    const e = thrown(() => parseProblemJson('{"tasks":[{"id":"a"},{"id":"a"}],"devices":[],"execTime":[[null],[]]}'));
    expect(e).toBeInstanceOf(InputTypeError);
    expect(e.message).toBe(
      [
        'parseProblemJson: problem has 4 errors:',
        '  problem.tasks[1].id duplicates problem.tasks[0].id ("a")',
        '  problem.execTime[0] has 1 entries, expected 0 (one per device)',
        '  problem.execTime[0] has no device to run on (problem.devices is empty)',
        '  problem.execTime[1] has no device to run on (problem.devices is empty)',
      ].join('\n'),
    );
  });

  it('parseProblemJson throws a single error as is', () => {
    expect(() => parseProblemJson('{"tasks":[],"devices":[],"execTime":[],"transferTime":5}')).toThrow(new InputTypeError('parseProblemJson', 'problem.transferTime', 'parseProblemJson: problem.transferTime must be an array of rows, got 5'));
  });

  it('parseProblemJson rejects invalid JSON, non-objects, non-strings, and "Infinity" where it is not allowed', () => {
    expect(() => parseProblemJson('{"tasks": [')).toThrow(/^parseProblemJson: text is not valid JSON: /);
    expect(() => parseProblemJson('[1]')).toThrow('parseProblemJson: problem must be an object, got an array of length 1');
    expect(() => parseProblemJson(3 as never)).toThrow(InputTypeError);
    expect(() => parseProblemJson('{"tasks":[],"devices":[{"id":"x","tier":"edge","ready":"Infinity"}],"execTime":[]}')).toThrow('parseProblemJson: problem.devices[0].ready must be a finite number >= 0, got "Infinity"');
    expect(() => parseProblemJson('{"tasks":[{"id":"a"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[["-Infinity"]]}')).toThrow(InputTypeError);
  });

  it('parseProblemJson accepts an empty problem', () => {
    expect(parseProblemJson('{"tasks":[],"devices":[],"execTime":[]}')).toEqual({ tasks: [], devices: [], execTime: [] });
  });

  it('problemToJson rejects an invalid problem', () => {
    expect(() => problemToJson({ tasks: [{ id: 'a' }], devices: [], execTime: [[]] } as Problem)).toThrow(InfeasibleError);
  });

  it('solutionToJson writes a non-finite gap as "Infinity", honours indent, rejects bad options', () => {
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }], execTime: [[1]] };
    const s = solve(p);
    const fake: Solution = { ...s, gap: Infinity };
    expect((JSON.parse(solutionToJson(fake)) as { gap: unknown }).gap).toBe('Infinity');
    expect(solutionToJson(s, { indent: 0 })).not.toContain('\n');
    expect(() => solutionToJson(s, { indent: -1 })).toThrow('solutionToJson: options.indent must be an integer in [0, 10], got -1');
    expect(() => solutionToJson(s, { spaces: 2 } as never)).toThrow('solutionToJson: options.spaces is not a known option');
    expect(() => solutionToJson(null as never)).toThrow(InputTypeError);
  });
});

describe('parseProblemJson: the first mistakes newcomers make get the fix in the message (edge cases)', () => {
  it('parseProblemJson with null in a matrix says to write the string "Infinity"', () => {
    expect(() => parseProblemJson('{"tasks":[{"id":"a"}],"devices":[{"id":"d","tier":"edge"},{"id":"c","tier":"cloud"}],"execTime":[[null, 1]]}')).toThrow(/execTime\[0\]\[0\].*got null: in JSON write the string "Infinity"/);
  });

  it('parseProblemJson with a bare Infinity says JSON has none and what to write', () => {
    expect(() => parseProblemJson('{"tasks":[{"id":"a"}],"devices":[{"id":"d","tier":"edge"}],"execTime":[[Infinity]]}')).toThrow(/not valid JSON.*JSON has no Infinity: write the string "Infinity"/);
  });

  it('parseProblemJson with importance/urgency/satisfaction on the task gives one error that says to move them under criteria', () => {
    const e = thrown(() => parseProblemJson('{"tasks":[{"id":"a","importance":3,"urgency":5,"satisfaction":4}],"devices":[{"id":"d","tier":"edge"}],"execTime":[[1]]}'));
    expect(e).toBeInstanceOf(InputTypeError);
    expect(e.message).toBe('parseProblemJson: problem.tasks[0].importance and its siblings (importance, urgency, satisfaction) belong under "criteria": write "criteria": { "importance": 3, "urgency": 5, "satisfaction": 4 }');
  });

  it('parseProblemJson accepts a UTF-8 byte-order mark', () => {
    const p = parseProblemJson('\uFEFF{"tasks":[{"id":"a"}],"devices":[{"id":"d","tier":"edge"}],"execTime":[[2]]}');
    expect(p.execTime).toEqual([[2]]);
  });
});

describe('parseProblemJson / problemToJson / solutionToJson: energy and money', () => {
  const energyJson = `{
  "tasks": [{"id": "a", "source": "phone"}],
  "devices": [
    {"id": "phone", "tier": "edge", "power": {"busy": 4, "transfer": 2, "idle": 0.5}},
    {"id": "cloud", "tier": "cloud", "price": {"perSecond": 0.25, "granularity": 3600, "minimum": 60}}
  ],
  "execTime": [[8, 2]]
}`;

  it('parseProblemJson reads power, price and source', () => {
    const p = parseProblemJson(energyJson);
    expect(p.tasks[0]!.source).toBe('phone');
    expect(p.devices[0]!.power).toEqual({ busy: 4, transfer: 2, idle: 0.5 });
    expect(p.devices[1]!.price).toEqual({ perSecond: 0.25, granularity: 3600, minimum: 60 });
  });

  it('problemToJson writes power and price with a canonical key order', () => {
    const p: Problem = { tasks: [{ id: 'a', source: 'phone' }], devices: [{ id: 'phone', tier: 'edge', power: { idle: 0.5, busy: 4 } }, { id: 'cloud', tier: 'cloud', price: { minimum: 60, perSecond: 0.25 } }], execTime: [[8, 2]] };
    const text = problemToJson(deepFreeze(p));
    expect(text).toContain('{"id":"a","source":"phone"}');
    expect(text).toContain('{"id":"phone","tier":"edge","power":{"busy":4,"idle":0.5}}');
    expect(text).toContain('{"id":"cloud","tier":"cloud","price":{"perSecond":0.25,"minimum":60}}');
  });

  it('parseProblemJson(problemToJson(p)) equals p for problems with random energy fields', () => {
    fc.assert(
      fc.property(problemArb().chain((p) => withEnergyArb(p)), (p) => {
        expect(parseProblemJson(problemToJson(deepFreeze(p)))).toEqual(p);
      }),
    );
  });

  it('solutionToJson writes the constraint report last when the solution has one', () => {
    const s = solve(parseProblemJson(energyJson), { objective: 'cost', constraints: { makespan: 1 } });
    const doc = JSON.parse(solutionToJson(s)) as Record<string, unknown>;
    expect(Object.keys(doc).at(-1)).toBe('constraints');
    expect(doc.constraints).toEqual(s.constraints);
    expect(s.constraints!.satisfied).toBe(false); // the task takes 2 s anywhere
  });

  it('solutionToJson writes the energy and cost metrics', () => {
    const s = solve(parseProblemJson(energyJson), { strategy: 'mct' });
    const doc = JSON.parse(solutionToJson(s)) as { metrics: { energy: unknown; cost: unknown } };
    expect(doc.metrics.energy).toEqual(s.metrics.energy);
    expect(doc.metrics.cost).toEqual(s.metrics.cost);
  });
});

describe('parseProblemJson: bounded error reports (issue 11, item 9)', () => {
  it('parseProblemJson(20,000 tasks with a numeric id and release -1) lists 5 errors of each kind and counts the rest', () => {
    const n = 20_000;
    const text = `{"tasks":[${Array.from({ length: n }, (_, i) => `{"id":${i},"release":-1}`).join(',')}],"devices":[{"id":"d","tier":"edge"}],"execTime":[${Array.from({ length: n }, () => '[1]').join(',')}]}`;
    let message = '';
    try {
      parseProblemJson(text);
    } catch (e) {
      expect(e).toBeInstanceOf(InputTypeError);
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('parseProblemJson: problem has 40,000 errors:');
    expect(lines).toHaveLength(1 + 2 * 6);
    expect(lines).toContain('  … and 19,995 more of the same kind (problem.tasks[*].release)');
    expect(lines).toContain('  … and 19,995 more of the same kind (problem.tasks[*].id)');
    expect(lines[1]).toBe('  problem.tasks[0].release must be a finite number >= 0, got -1');
  });
});

describe('parseProblemJson: numbers too large for a double (edge cases)', () => {
  it('parseProblemJson(execTime [[1e400]]) names problem.execTime[0][0] as overflowing, not "no device where the task can run"', () => {
    const text = '{"tasks":[{"id":"a"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[[1e400]]}';
    expect(() => parseProblemJson(text)).toThrow(InputRangeError);
    expect(() => parseProblemJson(text)).toThrow('parseProblemJson: problem.execTime[0][0] is a JSON number too large for a double (it overflows to Infinity): write a finite number up to 1.7976931348623157e308, or the string "Infinity" where the field allows it');
  });

  it('parseProblemJson(two overflows: a release of -1e999 and a transfer time of 2e308) lists both by path; 1e300 is read as it is', () => {
    const text = '{"tasks":[{"id":"a","release":-1e999}],"devices":[{"id":"x","tier":"edge"}],"execTime":[[1]],"transferTime":[[2e308]]}';
    expect(() => parseProblemJson(text)).toThrow(/^parseProblemJson: problem has 2 numbers too large for a double:\n {2}problem\.tasks\[0\]\.release .*overflows to -Infinity.*\n {2}problem\.transferTime\[0\]\[0\] .*overflows to Infinity/);
    expect(parseProblemJson('{"tasks":[{"id":"a"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[[1e300]]}').execTime[0]![0]).toBe(1e300);
  });
});

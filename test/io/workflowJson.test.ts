import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../src/index.js';
import { parseWorkflowJson, workflowToJson } from '../../src/io/workflowJson.js';
import { compileWorkflow } from '../../src/workflow/compile.js';
import { generateWorkflow } from '../../src/workflow/generate.js';
import type { Workflow } from '../../src/workflow/types.js';
import { deepFreeze } from '../arbitraries.js';
import { withWorkflowEnergyArb } from '../workflow/arbitraries.js';

/** Random valid workflows with deadlines, forbidden cells and a network (scalar or matrix, with Infinity). */
const workflowArb: fc.Arbitrary<Workflow> = fc
  .record({ n: fc.integer({ min: 0, max: 12 }), m: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 0, max: 1e6 }), net: fc.integer({ min: 0, max: 2 }) })
  .map(({ n, m, seed, net }) => {
    const g = generateWorkflow({ n, m, tiers: Array.from({ length: m }, (_, j) => (['edge', 'fog', 'cloud'] as const)[j % 3]!) }, seed);
    const execTime = g.execTime.map((row, i) => row.map((x, j) => (j === (i + seed) % m || (i + j) % 3 !== 0 ? x : Infinity)));
    const tasks = g.tasks.map((t, i) => (i % 3 === 0 ? { ...t, deadline: i % 2 === 0 ? Infinity : 50 + i, priority: i } : t));
    const matrix = Array.from({ length: m }, (_, p) => Array.from({ length: m }, (_, q) => (p === q ? Infinity : (p + q) % 2 === 0 ? Infinity : 1 + p + q)));
    const network = net === 0 ? undefined : net === 1 ? { bandwidth: Infinity, latency: 0.25 } : { bandwidth: matrix, latency: 0 };
    return { ...g, tasks, execTime, ...(network === undefined ? {} : { network }) };
  });

describe('parseWorkflowJson / workflowToJson: reference values', () => {
  it('parseWorkflowJson gives the TSDoc example edges', () => {
    expect(parseWorkflowJson('{"tasks":[{"id":"a"},{"id":"b"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[1],[2]],"edges":[{"from":"a","to":"b","data":3}]}').edges).toEqual([{ from: 'a', to: 'b', data: 3 }]);
  });

  it('parseWorkflowJson lists the three errors of the TSDoc example at once', () => {
    const text = '{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"sky"}],"execTime":[[-1]],"edges":[{"from":"a","to":"z","data":0}]}';
    expect(() => parseWorkflowJson(text)).toThrow(InputTypeError);
    expect(() => parseWorkflowJson(text)).toThrow(
      [
        'parseWorkflowJson: workflow has 3 errors:',
        `  workflow.devices[0].tier must be one of 'edge', 'fog', 'cloud', got "sky"`,
        '  workflow.execTime[0][0] must be a number >= 0 or Infinity, got -1',
        '  workflow.edges[0].to must be the id of a task in workflow.tasks, got "z"',
      ].join('\n'),
    );
  });

  it('workflowToJson gives the TSDoc example text ("Infinity" as a string, one row per line)', () => {
    expect(workflowToJson({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud' }], execTime: [[Infinity, 2]], edges: [], network: { bandwidth: 10 } })).toBe(
      '{\n  "tasks": [\n    {"id":"a"}\n  ],\n  "devices": [\n    {"id":"e","tier":"edge"},\n    {"id":"c","tier":"cloud"}\n  ],\n  "execTime": [\n    ["Infinity",2]\n  ],\n  "edges": [],\n  "network": {\n    "bandwidth": 10\n  }\n}\n',
    );
  });
});

describe('parseWorkflowJson / workflowToJson: power and price', () => {
  it('workflowToJson writes power and price in canonical key order and parseWorkflowJson reads them back', () => {
    const w: Workflow = {
      tasks: [{ id: 'a' }],
      devices: [{ id: 'e', tier: 'edge', power: { idle: 1, busy: 4 } }, { id: 'c', tier: 'cloud', price: { minimum: 60, perSecond: 0.001, granularity: 3600 } }],
      execTime: [[1, 2]],
      edges: [],
    };
    const text = workflowToJson(deepFreeze(w));
    expect(text).toContain('\n    {"id":"e","tier":"edge","power":{"busy":4,"idle":1}},\n    {"id":"c","tier":"cloud","price":{"perSecond":0.001,"granularity":3600,"minimum":60}}\n');
    expect(parseWorkflowJson(text)).toEqual(w);
  });

  it('parseWorkflowJson lists every bad power and price figure at once, with its path', () => {
    const text = JSON.stringify({
      tasks: [{ id: 'a' }],
      devices: [
        { id: 'e', tier: 'edge', power: { busy: -1, peak: 2 } },
        { id: 'c', tier: 'cloud', price: { perSecond: 1, granularity: 0 } },
      ],
      execTime: [[1, 2]],
      edges: [],
    });
    expect(() => parseWorkflowJson(text)).toThrow(InputTypeError);
    expect(() => parseWorkflowJson(text)).toThrow(
      [
        'parseWorkflowJson: workflow has 3 errors:',
        '  workflow.devices[0].power.peak is not a known field (known: busy, transfer, idle)',
        '  workflow.devices[0].power.busy must be a finite number >= 0, got -1',
        '  workflow.devices[1].price.granularity must be a finite number > 0 (seconds), got 0',
      ].join('\n'),
    );
    const one = JSON.stringify({ tasks: [], devices: [{ id: 'e', tier: 'edge', power: { idle: null } }], execTime: [], edges: [] });
    expect(() => parseWorkflowJson(one)).toThrow(new InputTypeError('parseWorkflowJson', 'workflow.devices[0].power.idle', 'parseWorkflowJson: workflow.devices[0].power.idle must be a finite number >= 0, got null'));
  });
});

describe('parseWorkflowJson / workflowToJson: properties', () => {
  it('parseWorkflowJson(workflowToJson(w)) equals w for workflows whose devices carry power and price', () => {
    fc.assert(
      fc.property(workflowArb.chain((w) => withWorkflowEnergyArb(w)), (w) => {
        const text = workflowToJson(deepFreeze(w));
        expect(parseWorkflowJson(text)).toEqual(w);
        expect(workflowToJson(parseWorkflowJson(text))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('parseWorkflowJson(workflowToJson(w)) equals w (Infinity in deadlines, execTime and bandwidth survives), and the text is valid JSON', () => {
    fc.assert(
      fc.property(workflowArb, (w) => {
        const frozen = deepFreeze(w);
        const text = workflowToJson(frozen);
        expect(() => JSON.parse(text)).not.toThrow();
        expect(parseWorkflowJson(text)).toEqual(w);
        expect(workflowToJson(parseWorkflowJson(text))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseWorkflowJson: oracle (compileWorkflow, fail-fast, on the same document)', () => {
  it('parseWorkflowJson rejects a document iff compileWorkflow rejects it, and a lone error names the same field', () => {
    const mutation = fc.constantFrom(
      'none', 'nan-exec', 'neg-data', 'unknown-to', 'self-loop', 'dup-edge', 'dup-id', 'bad-tier', 'ragged', 'zero-bw', 'extra-key', 'cycle', 'all-inf', 'null-deadline',
    );
    fc.assert(
      fc.property(workflowArb.filter((w) => w.tasks.length >= 2), mutation, (w, mut) => {
        const d = JSON.parse(workflowToJson(w)) as Record<string, unknown> & { tasks: Record<string, unknown>[]; devices: Record<string, unknown>[]; execTime: unknown[][]; edges: Record<string, unknown>[] };
        const a = d.tasks[0]!.id as string;
        const b = d.tasks[1]!.id as string;
        if (mut === 'nan-exec') d.execTime[0]![0] = null;
        if (mut === 'neg-data') d.edges.push({ from: a, to: b, data: -1 });
        if (mut === 'unknown-to') d.edges.push({ from: a, to: 'nobody', data: 1 });
        if (mut === 'self-loop') d.edges.push({ from: a, to: a, data: 1 });
        if (mut === 'dup-edge') d.edges.push({ from: a, to: b, data: 1 }, { from: a, to: b, data: 2 });
        if (mut === 'dup-id') d.tasks[1]!.id = a;
        if (mut === 'bad-tier') d.devices[0]!.tier = 'sky';
        if (mut === 'ragged') d.execTime[1] = [];
        if (mut === 'zero-bw') d.network = { bandwidth: 0 };
        if (mut === 'extra-key') d.tasks[0]!.weight = 1;
        if (mut === 'cycle') d.edges = [{ from: a, to: b, data: 0 }, { from: b, to: a, data: 0 }];
        if (mut === 'all-inf') d.execTime[0] = d.execTime[0]!.map(() => 'Infinity');
        if (mut === 'null-deadline') d.tasks[0]!.deadline = null;
        const text = JSON.stringify(d);
        let viaCompile: Error | undefined;
        try {
          const copy = JSON.parse(text, (_k, v: unknown) => (v === 'Infinity' ? Infinity : v)) as Workflow;
          compileWorkflow(copy);
        } catch (e) {
          viaCompile = e as Error;
        }
        let viaParse: Error | undefined;
        try {
          parseWorkflowJson(text);
        } catch (e) {
          viaParse = e as Error;
        }
        expect(viaParse === undefined).toBe(viaCompile === undefined);
        if (viaParse !== undefined && !viaParse.message.includes(' errors:')) {
          expect((viaParse as InputTypeError).field).toBe((viaCompile as InputTypeError).field);
          expect(viaParse.constructor).toBe(viaCompile!.constructor);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseWorkflowJson: edge cases', () => {
  it('parseWorkflowJson lists at most 5 errors of one kind, then a count, with the null hint', () => {
    const doc = { tasks: Array.from({ length: 9 }, (_, i) => ({ id: `t${i}` })), devices: [{ id: 'd', tier: 'edge' }], execTime: Array.from({ length: 9 }, () => [null]), edges: [] };
    let message = '';
    try {
      parseWorkflowJson(JSON.stringify(doc));
    } catch (e) {
      expect(e).toBeInstanceOf(InputTypeError);
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('parseWorkflowJson: workflow has 9 errors:');
    expect(lines.slice(1, 6)).toEqual([0, 1, 2, 3, 4].map((i) => `  workflow.execTime[${i}][0] must be a number >= 0 or Infinity, got null`));
    expect(lines[6]).toBe('  ... and 4 more like workflow.execTime[][]');
    expect(lines[7]).toMatch(/JSON has no Infinity: write the string "Infinity"/);
  });

  it('parseWorkflowJson: a task no device can run is an InfeasibleError; a cycle is named; not-JSON is a type error', () => {
    expect(() => parseWorkflowJson('{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[["Infinity"]],"edges":[]}')).toThrow(InfeasibleError);
    expect(() => parseWorkflowJson('{"tasks":[{"id":"a"},{"id":"b"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[1],[1]],"edges":[{"from":"a","to":"b","data":0},{"from":"b","to":"a","data":0}]}')).toThrow(
      /^parseWorkflowJson: workflow\.edges must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"$/,
    );
    expect(() => parseWorkflowJson('nope')).toThrow(/^parseWorkflowJson: text is not valid JSON/);
    expect(() => parseWorkflowJson('[]')).toThrow(/^parseWorkflowJson: workflow must be an object, got an array of length 0$/);
    expect(() => parseWorkflowJson(3 as never)).toThrow(/^parseWorkflowJson: text must be a string, got 3$/);
  });

  it('parseWorkflowJson: only range errors give an InputRangeError listing them', () => {
    expect(() => parseWorkflowJson('{"tasks":[{"id":"a","release":-1}],"devices":[{"id":"e","tier":"edge","ready":-2}],"execTime":[[1]],"edges":[]}')).toThrow(InputRangeError);
  });

  it('parseWorkflowJson accepts the empty workflow and an Infinity bandwidth written as a string', () => {
    expect(parseWorkflowJson('{"tasks":[],"devices":[],"execTime":[],"edges":[]}')).toEqual({ tasks: [], devices: [], execTime: [], edges: [] });
    expect(parseWorkflowJson('{"tasks":[],"devices":[{"id":"e","tier":"fog"}],"execTime":[],"edges":[],"network":{"bandwidth":"Infinity"}}').network).toEqual({ bandwidth: Infinity });
  });
});

describe('parseWorkflowJson: hints', () => {
  const doc = (tier: string, exec: string): string => `{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"${tier}"}],"execTime":[[${exec}]],"edges":[]}`;

  it('parseWorkflowJson(execTime [[null]]) gives the JSON fix parseProblemJson gives', () => {
    expect(() => parseWorkflowJson(doc('edge', 'null'))).toThrow(new InputTypeError('parseWorkflowJson', 'workflow.execTime[0][0]', 'parseWorkflowJson: workflow.execTime[0][0] must be a number >= 0 or Infinity, got null: in JSON write the string "Infinity" (JSON.stringify turns Infinity and NaN into null)'));
    expect(() => parseWorkflowJson(doc('edge', '-1'))).toThrow('parseWorkflowJson: workflow.execTime[0][0] must be a number >= 0 or Infinity, got -1');
  });

  it('parseWorkflowJson(tier "Edge") suggests \'edge\'', () => {
    expect(() => parseWorkflowJson(doc('Edge', '1'))).toThrow(`parseWorkflowJson: workflow.devices[0].tier must be one of 'edge', 'fog', 'cloud', got "Edge"; did you mean 'edge'?`);
  });
});

describe('parseWorkflowJson: numbers beyond a double', () => {
  it('parseWorkflowJson names a JSON number that overflows (1e400) by its path, not as "no device where the task can run"', () => {
    const text = '{"tasks":[{"id":"a"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[1e400]],"edges":[]}';
    expect(() => parseWorkflowJson(text)).toThrow(InputRangeError);
    expect(() => parseWorkflowJson(text)).toThrow('parseWorkflowJson: workflow.execTime[0][0] is a JSON number too large for a double (it overflows to Infinity): write a finite number up to 1.7976931348623157e308, or the string "Infinity" where the field allows it');
  });

  it('parseWorkflowJson lists several overflowing numbers under workflow', () => {
    const text = '{"tasks":[{"id":"a","release":-1e999}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[1e400]],"edges":[]}';
    expect(() => parseWorkflowJson(text)).toThrow(/^parseWorkflowJson: workflow has 2 numbers too large for a double:\n  workflow\.tasks\[0\]\.release .*-Infinity.*\n  workflow\.execTime\[0\]\[0\] /);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, evaluateWorkflow } from '../../src/index.js';
import { compileWorkflow } from '../../src/workflow/compile.js';
import { workflowFromPhysical } from '../../src/workflow/fromPhysical.js';
import { deepFreeze } from '../arbitraries.js';

describe('workflowFromPhysical: reference values', () => {
  it('workflowFromPhysical gives the TSDoc example (2000 Mcycles at 1 GHz = 2 s; 5 MB over a 10 MB/s link + 0.05 s latency)', () => {
    const w = workflowFromPhysical(
      [{ id: 'decode', work: 2000 }, { id: 'detect', work: 8000 }],
      [
        { id: 'cam', tier: 'edge', speed: 1000, bandwidth: 10, latency: 0.01 },
        { id: 'dc', tier: 'cloud', speed: 4000, bandwidth: 100, latency: 0.04 },
      ],
      [{ from: 'decode', to: 'detect', size: 5 }],
    );
    expect(w.execTime).toEqual([[2, 0.5], [8, 2]]);
    expect(w.network.bandwidth).toEqual([[Infinity, 10], [10, Infinity]]);
    expect(w.network.latency).toEqual([[0, 0.05], [0.05, 0]]);
    expect(w.edges).toEqual([{ from: 'decode', to: 'detect', data: 5 }]);
    // The transfer time the docs print: latency + data / bandwidth.
    expect(w.network.latency[0]![1]! + w.edges[0]!.data / w.network.bandwidth[0]![1]!).toBeCloseTo(0.55, 12);
    expect(() => compileWorkflow(w)).not.toThrow();
  });

  it('workflowFromPhysical copies ids, tiers and optional fields; ids default to t<i> and d<j>', () => {
    const w = workflowFromPhysical([{ work: 1, priority: 2, release: 3, deadline: Infinity }], [{ tier: 'fog', speed: 2, ready: 4 }], []);
    expect(w.tasks).toEqual([{ id: 't0', priority: 2, release: 3, deadline: Infinity }]);
    expect(w.devices).toEqual([{ id: 'd0', tier: 'fog', ready: 4 }]);
    expect(w.execTime).toEqual([[0.5]]);
  });

  it('workflowFromPhysical copies power and price, and evaluateWorkflow prices the result in joules and currency', () => {
    // cam 1 GHz: decode 2 s at 3 W = 6 J; the 5 MB upload takes 0.01 + 0.04 + 5/10 = 0.55 s and both ends pay:
    // cam 1 W · 0.55, dc 20 W · 0.55 = 11 J; dc: detect 8000/4000 = 2 s at 100 W = 200 J, billed 3 s at 0.5 = 1.5
    // (active 0.55 + 2 = 2.55 s, per-second billing). Makespan 2 + 0.55 + 2 = 4.55; idle: cam 0.5 W · (4.55 − 2.55),
    // dc 0 W. Devices without power or price would contribute 0.
    const devices = deepFreeze([
      { id: 'cam', tier: 'edge' as const, speed: 1000, bandwidth: 10, latency: 0.01, power: { busy: 3, transfer: 1, idle: 0.5 } },
      { id: 'dc', tier: 'cloud' as const, speed: 4000, bandwidth: 100, latency: 0.04, power: { busy: 100, transfer: 20 }, price: { perSecond: 0.5 } },
    ]);
    const w = workflowFromPhysical([{ id: 'decode', work: 2000 }, { id: 'detect', work: 8000 }], devices, [{ from: 'decode', to: 'detect', size: 5 }]);
    expect(w.devices).toEqual([
      { id: 'cam', tier: 'edge', power: { busy: 3, transfer: 1, idle: 0.5 } },
      { id: 'dc', tier: 'cloud', power: { busy: 100, transfer: 20 }, price: { perSecond: 0.5 } },
    ]);
    expect(w.devices[0]!.power).not.toBe(devices[0]!.power); // a copy, not the caller's object
    const s = evaluateWorkflow(w, [0, 1], [[0], [1]]);
    const t = 0.01 + 0.04 + 5 / 10;
    expect(s.metrics.makespan).toBeCloseTo(4.55, 12);
    expect(s.metrics.energy.perDevice[0]!.execution).toBe(6);
    expect(s.metrics.energy.perDevice[0]!.transfer).toBeCloseTo(t, 12);
    expect(s.metrics.energy.perDevice[0]!.idle).toBeCloseTo(0.5 * (4.55 - 2.55), 12);
    expect(s.metrics.energy.perDevice[1]).toEqual({ execution: 200, transfer: 20 * t, idle: 0, total: 200 + 20 * t });
    expect(s.metrics.cost.perDevice).toEqual([0, 1.5]);
  });
});

describe('workflowFromPhysical: properties', () => {
  it('workflowFromPhysical: execTime = work / speed, bandwidth symmetric = min of links, latency = sum, inputs not mutated', () => {
    const pos = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 5 }),
        fc.array(fc.record({ speed: pos, bandwidth: fc.oneof(pos, fc.constant(Infinity)), latency: fc.double({ min: 0, max: 10, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
        (work, devs) => {
          const tasks = deepFreeze(work.map((w) => ({ work: w })));
          const devices = deepFreeze(devs.map((d) => ({ tier: 'edge' as const, ...d })));
          const w = workflowFromPhysical(tasks, devices, []);
          work.forEach((wk, i) => devs.forEach((d, j) => expect(w.execTime[i]![j]).toBe(wk / d.speed)));
          devs.forEach((a, p) =>
            devs.forEach((b, q) => {
              if (p === q) return;
              expect(w.network.bandwidth[p]![q]).toBe(Math.min(a.bandwidth, b.bandwidth));
              expect(w.network.latency[p]![q]).toBe(a.latency + b.latency);
              expect(w.network.bandwidth[p]![q]).toBe(w.network.bandwidth[q]![p]);
            }),
          );
          expect(() => compileWorkflow(w)).not.toThrow();
        },
      ),
    );
  });
});

describe('workflowFromPhysical: edge cases', () => {
  it('workflowFromPhysical with no tasks, devices or edges is the empty workflow', () => {
    expect(workflowFromPhysical([], [], [])).toEqual({ tasks: [], devices: [], execTime: [], edges: [], network: { bandwidth: [], latency: [] } });
  });

  it('workflowFromPhysical rejects more than 8192 devices before building the m × m tables (20 000 devices used to exhaust the heap); 8192 devices still convert', () => {
    const devs = (m: number): { tier: 'edge'; speed: number }[] => Array.from({ length: m }, () => ({ tier: 'edge' as const, speed: 1 }));
    expect(() => workflowFromPhysical([{ work: 1 }], devs(20_000), [])).toThrow(
      new InputRangeError('workflowFromPhysical', 'devices', 'workflowFromPhysical: devices has 20000 devices: the m × m bandwidth and latency tables would need 400000000 entries each; at most 8192 devices are supported'),
    );
    expect(() => workflowFromPhysical([{ work: 1 }], devs(8193), [])).toThrow(InputRangeError);
  });

  it('workflowFromPhysical rejects bad input naming the field', () => {
    const dev = { tier: 'edge', speed: 1 };
    const cases: [unknown, unknown, unknown, typeof InputTypeError | typeof InputRangeError, RegExp][] = [
      [null, [], [], InputTypeError, /^workflowFromPhysical: tasks must be an array, got null$/],
      [[{ work: NaN }], [dev], [], InputRangeError, /tasks\[0\]\.work must be a finite number, got NaN/],
      [[{ work: -1 }], [dev], [], InputRangeError, /tasks\[0\]\.work must be a finite number >= 0, got -1/],
      [[{ work: 1 }], [{ tier: 'edge', speed: 0 }], [], InputRangeError, /devices\[0\]\.speed must be a finite number > 0, got 0/],
      [[{ work: 1 }], [{ tier: 'sky', speed: 1 }], [], InputTypeError, /devices\[0\]\.tier must be one of 'edge', 'fog', 'cloud'/],
      [[], [{ tier: 'edge', speed: 1, bandwidth: 0 }], [], InputRangeError, /devices\[0\]\.bandwidth must be a number > 0 or Infinity, got 0/],
      [[], [{ tier: 'edge', speed: 1, latency: Infinity }], [], InputRangeError, /devices\[0\]\.latency must be a finite number, got Infinity/],
      [[], [], [{ from: 'a', to: 'b', size: -2 }], InputRangeError, /edges\[0\]\.size must be a finite number >= 0, got -2/],
      [[], [], [{ from: 1, to: 'b', size: 2 }], InputTypeError, /edges\[0\]\.from must be a task id \(string\), got 1/],
      [[{ work: 1e308 }], [{ tier: 'edge', speed: 1e-300 }], [], InputRangeError, /tasks\[0\]\.work on devices\[0\] gives an execution time that overflows/],
      [[{ work: 1, id: '' }], [], [], InputTypeError, /tasks\[0\]\.id must be a non-empty string/],
      [[], [{ tier: 'edge', speed: 1, power: { busy: NaN } }], [], InputRangeError, /^workflowFromPhysical: devices\[0\]\.power\.busy must be a finite number >= 0, got NaN$/],
      [[], [{ tier: 'edge', speed: 1, power: { idle: -2 } }], [], InputRangeError, /^workflowFromPhysical: devices\[0\]\.power\.idle must be a finite number >= 0, got -2$/],
      [[], [dev, { tier: 'cloud', speed: 1, price: { perSecond: 1, granularity: 0 } }], [], InputRangeError, /^workflowFromPhysical: devices\[1\]\.price\.granularity must be a finite number > 0 \(seconds\), got 0$/],
      [[], [{ tier: 'edge', speed: 1, price: { perSecond: 1, per: 'hour' } }], [], InputTypeError, /^workflowFromPhysical: devices\[0\]\.price\.per is not a known field/],
    ];
    for (const [t, d, e, cls, msg] of cases) {
      expect(() => workflowFromPhysical(t as never, d as never, e as never)).toThrow(cls);
      expect(() => workflowFromPhysical(t as never, d as never, e as never)).toThrow(msg);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArrivals, readDevices, readPolicy } from '../../src/online/simulationInput.js';

describe('simulationInput: reference values', () => {
  it('readPolicy fills the defaults: on-arrival mapping, smoothing 0.3, makespan objective', () => {
    expect(readPolicy({ strategy: 'mct' })).toEqual({ strategy: 'mct', batchInterval: 0, smoothing: 0.3, objective: 'makespan', budget: {} });
  });

  it('readDevices fills latency 0, bandwidth Infinity and slowdown 1', () => {
    expect(readDevices([{ id: 'a', tier: 'edge', speed: 2 }])).toEqual([{ id: 'a', tier: 'edge', speed: 2, latency: 0, bandwidth: Infinity, slowdown: 1 }]);
  });
});

describe('simulationInput: properties', () => {
  it('readArrivals(poisson) is increasing, deterministic for a seed, and draws every template index in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (seed, count, rate) => {
        const templates = [{ work: 1 }, { work: 2 }, { work: 3 }];
        const a = readArrivals({ kind: 'poisson', rate, count, tasks: templates }, seed);
        expect(a.time).toHaveLength(count);
        for (let k = 1; k < count; k++) expect(a.time[k]!).toBeGreaterThanOrEqual(a.time[k - 1]!);
        if (count > 0) expect(a.time[0]!).toBeGreaterThan(0);
        for (const t of a.tasks) expect(templates).toContain(t);
        expect(readArrivals({ kind: 'poisson', rate, count, tasks: templates }, seed)).toEqual(a);
      }),
    );
  });
});

describe('simulationInput: edge cases', () => {
  it('readArrivals(trace) sorts by time, keeping input order for ties', () => {
    const t = [{ work: 1 }, { work: 2 }, { work: 3 }];
    const a = readArrivals({ kind: 'trace', arrivals: [{ time: 2, task: t[0] }, { time: 1, task: t[1] }, { time: 2, task: t[2] }] }, 0);
    expect(Array.from(a.time)).toEqual([1, 2, 2]);
    expect(a.tasks).toEqual([t[1], t[0], t[2]]);
  });

  it('readPolicy rejects smoothing above 1 and unknown fields', () => {
    expect(() => readPolicy({ strategy: 'mct', smoothing: 2 })).toThrow('simulate: policy.smoothing must be a number in [0, 1], got 2');
    expect(() => readPolicy({ strategy: 'mct', window: 2 })).toThrow(/simulate: policy\.window is not a known field/);
  });
});

describe('simulationInput: validates what later calls rely on (issue 11, items 5 and 9)', () => {
  it('readArrivals rejects a task whose criterion is 0 without an explicit priority, naming simulate and the field', () => {
    const task = { work: 1, criteria: { importance: 0, urgency: 1, satisfaction: 1 } };
    expect(() => readArrivals({ kind: 'trace', arrivals: [{ time: 0, task }] }, 0)).toThrow(
      'simulate: workload.arrivals[0].task.criteria.importance must be a number > 0 for a task without an explicit priority',
    );
    expect(readArrivals({ kind: 'trace', arrivals: [{ time: 0, task: { ...task, priority: 2 } }] }, 0).tasks).toHaveLength(1);
  });

  it("readDevices rejects an empty id and readArrivals a negative priority (compileProblem would, later, under solve's name)", () => {
    expect(() => readDevices([{ id: '', tier: 'edge', speed: 1 }])).toThrow('simulate: devices[0].id must be a non-empty string, got ""');
    expect(() => readArrivals({ kind: 'trace', arrivals: [{ time: 0, task: { work: 1, priority: -1 } }] }, 0)).toThrow('simulate: workload.arrivals[0].task.priority must be a finite number >= 0, got -1');
  });
});

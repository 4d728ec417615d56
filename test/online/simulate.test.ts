import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, problemFromPhysical, simulate, solve, type SimDevice, type SimTask, type SimulationResult } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

const edgeCloud: readonly SimDevice[] = deepFreeze([
  { id: 'edge', tier: 'edge', speed: 1 },
  { id: 'cloud', tier: 'cloud', speed: 10, latency: 2, bandwidth: 2 },
]);

/** Invariants every simulation result must satisfy. */
function expectConsistent(r: SimulationResult, batchInterval: number): void {
  const { tasks, devices } = r.schedule;
  tasks.forEach((t, k) => {
    expect(t.start).toBeGreaterThanOrEqual(r.arrivals[k]!);
    expect(t.finish).toBeCloseTo(t.start + t.transfer + t.exec, 9);
  });
  // Each device runs its tasks back to back: a task starts as soon as both
  // the device is free and the task has been assigned.
  const assigned = new Map(r.events.filter((e) => e.kind === 'assign').map((e) => [e.task, e.time]));
  for (const d of devices) {
    let free = 0;
    for (const k of d.tasks) {
      const t = tasks[k]!;
      const at = assigned.get(t.id)!;
      if (batchInterval > 0) expect(Math.abs(at / batchInterval - Math.round(at / batchInterval))).toBeLessThan(1e-9);
      expect(t.start).toBeCloseTo(Math.max(free, at), 9);
      free = t.finish;
    }
    expect(d.utilization).toBeLessThanOrEqual(1 + 1e-12);
  }
  for (let e = 1; e < r.events.length; e++) expect(r.events[e]!.time).toBeGreaterThanOrEqual(r.events[e - 1]!.time);
  const kinds = new Map<string, string[]>();
  for (const e of r.events) kinds.set(e.task, [...(kinds.get(e.task) ?? []), e.kind]);
  for (const seq of kinds.values()) expect(seq).toEqual(['arrival', 'assign', 'start', 'finish']);
  expect(kinds.size).toBe(tasks.length);
}

describe('simulate: reference values', () => {
  it("simulate(one task, edge + cloud, mct) sends it to the cloud: transfer 2 + 4/2, exec 10/10, makespan 5", () => {
    const r = simulate({ kind: 'trace', arrivals: [{ time: 0, task: { work: 10, dataSize: 4 } }] }, edgeCloud, { strategy: 'mct' });
    expect(r.metrics.makespan).toBe(5);
    expect(r.events.map((e) => e.kind)).toEqual(['arrival', 'assign', 'start', 'finish']);
    expect(r.schedule.tasks[0]).toEqual({ task: 0, id: 'task-0', device: 1, start: 0, transfer: 4, exec: 1, finish: 5 });
    expect(r.metrics.dataMoved).toBe(4);
    expect(r.metrics.devices.map((d) => d.dataMoved)).toEqual([0, 4]);
  });

  it('simulate(two tasks on one device) queues the second: responses 4 and 5, p95 5, one deadline miss, utilization 1', () => {
    const r = simulate(
      { kind: 'trace', arrivals: [{ time: 0, task: { work: 4 } }, { time: 1, task: { work: 2, deadline: 3 } }] },
      [{ id: 'd', tier: 'edge', speed: 1 }],
      { strategy: 'seed' },
    );
    expect(r.metrics).toEqual({
      tasks: 2,
      makespan: 6,
      meanResponse: 4.5,
      p95Response: 5,
      deadlineMisses: 1,
      dataMoved: 0,
      events: 6,
      devices: [{ id: 'd', tasks: 2, busy: 6, utilization: 1, dataMoved: 0, ratio: 1 }],
    });
    expect(r.events.map((e) => `${e.time} ${e.kind} ${e.task}`)).toEqual([
      '0 arrival task-0', '0 assign task-0', '0 start task-0', '1 arrival task-1', '1 assign task-1', '4 finish task-0', '4 start task-1', '6 finish task-1',
    ]);
    expect(r.schedule.metrics.deadlineMisses).toEqual([{ task: 1, id: 'task-1', lateness: 2 }]);
  });

  it('simulate learns a hidden slowdown: a device 2× slower than its nominal speed ends with ratio 2 − 0.7^k after k tasks', () => {
    const arrivals = Array.from({ length: 10 }, (_, k) => ({ time: k * 100, task: { work: 5 } }));
    const r = simulate({ kind: 'trace', arrivals }, [{ id: 'slow', tier: 'edge', speed: 1, slowdown: 2 }], { strategy: 'mct' });
    expect(r.metrics.devices[0]!.ratio).toBeCloseTo(2 - 0.7 ** 10, 12);
    expect(r.schedule.tasks.every((t) => t.exec === 10)).toBe(true);
  });

  it('simulate(Poisson, rate 2) has a mean inter-arrival time near 1/2 and is the same for the same seed', () => {
    const w = { kind: 'poisson' as const, rate: 2, count: 4000, tasks: [{ work: 0.01 }] };
    const r = simulate(w, edgeCloud, { strategy: 'mct' }, { seed: 7, recordEvents: false });
    expect(r.arrivals[3999]! / 4000).toBeGreaterThan(0.5 - 0.04);
    expect(r.arrivals[3999]! / 4000).toBeLessThan(0.5 + 0.04);
    expect(r.events).toEqual([]);
    expect(simulate(w, edgeCloud, { strategy: 'mct' }, { seed: 7, recordEvents: false })).toEqual(r);
    expect(simulate(w, edgeCloud, { strategy: 'mct' }, { seed: 8, recordEvents: false }).arrivals).not.toEqual(r.arrivals);
  });
});

describe('simulate: oracles', () => {
  const taskArb = fc.record({ work: fc.integer({ min: 1, max: 50 }), dataSize: fc.integer({ min: 0, max: 20 }) });
  const deviceArb = fc.record({ speed: fc.integer({ min: 1, max: 8 }), latency: fc.integer({ min: 0, max: 5 }), bandwidth: fc.integer({ min: 1, max: 10 }) });

  it('simulate(all tasks at time 0) runs exactly the offline schedule of solve on the same physical problem', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 8 }), fc.array(deviceArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('seed' as const, 'mct' as const, 'min-min' as const, 'sufferage' as const), (tasks, devs, strategy) => {
        const devices: SimDevice[] = devs.map((d, j) => ({ id: `d${j}`, tier: j === 0 ? 'cloud' : 'edge', ...d }));
        const r = simulate({ kind: 'trace', arrivals: tasks.map((task) => ({ time: 0, task })) }, devices, { strategy });
        const p = problemFromPhysical(tasks.map((t, k) => ({ id: `task-${k}`, ...t })), devices);
        const offline = solve(p, { strategy }).schedule;
        expect(r.schedule.assignment).toEqual(offline.assignment);
        r.schedule.tasks.forEach((t, k) => {
          expect(t.start).toBeCloseTo(offline.tasks[k]!.start, 9);
          expect(t.finish).toBeCloseTo(offline.tasks[k]!.finish, 9);
        });
        expect(r.metrics.makespan).toBeCloseTo(offline.metrics.makespan, 9);
      }),
    );
  });
});

describe('simulate: properties', () => {
  const simTask: fc.Arbitrary<SimTask> = fc.record(
    { work: fc.double({ min: 0, max: 20, noNaN: true }), dataSize: fc.double({ min: 0, max: 20, noNaN: true }), deadline: fc.double({ min: 0, max: 30, noNaN: true }), priority: fc.integer({ min: 0, max: 5 }) },
    { requiredKeys: ['work'] },
  );
  const devicesArb = fc.array(
    fc.record({ speed: fc.double({ min: 0.1, max: 10, noNaN: true }), latency: fc.double({ min: 0, max: 3, noNaN: true }), bandwidth: fc.oneof(fc.constant(Infinity), fc.double({ min: 0.5, max: 10, noNaN: true })), slowdown: fc.double({ min: 0.5, max: 3, noNaN: true }) }),
    { minLength: 1, maxLength: 3 },
  ).map((ds) => ds.map((d, j): SimDevice => ({ id: `d${j}`, tier: j === 0 ? 'cloud' : 'edge', ...d })));

  it('simulate(random workload) keeps every device busy back to back, in time order, each task arriving, assigned, started and finished once', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.record({ time: fc.double({ min: 0, max: 50, noNaN: true }), task: simTask }), { maxLength: 10 }).map((arrivals) => ({ kind: 'trace' as const, arrivals })),
          fc.record({ kind: fc.constant('poisson' as const), rate: fc.double({ min: 0.05, max: 5, noNaN: true }), count: fc.integer({ min: 0, max: 10 }), tasks: fc.array(simTask, { minLength: 1, maxLength: 3 }) }),
        ),
        devicesArb,
        fc.constantFrom('seed' as const, 'mct' as const, 'min-min' as const, 'sufferage' as const, 'olb' as const),
        fc.constantFrom(0, 0.5, 4),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (workload, devices, strategy, batchInterval, seed, execNoise) => {
          const r = simulate(deepFreeze(workload), deepFreeze(devices), { strategy, batchInterval }, { seed, execNoise });
          expectConsistent(r, batchInterval);
          const responses = r.schedule.tasks.map((t, k) => t.finish - r.arrivals[k]!);
          if (responses.length > 0) {
            expect(r.metrics.p95Response).toBeLessThanOrEqual(Math.max(...responses));
            expect(r.metrics.p95Response).toBeGreaterThanOrEqual(Math.min(...responses));
          }
          expect(JSON.parse(JSON.stringify(r))).toEqual(r);
          expect(simulate(workload, devices, { strategy, batchInterval }, { seed, execNoise })).toEqual(r);
        },
      ),
    );
  });
});

describe('simulate: fog devices', () => {
  it("simulate(devices with tier 'fog') runs and gives the same schedule as with the tier relabelled 'cloud' (the tier is a label)", () => {
    const w = { kind: 'poisson' as const, rate: 2, count: 20, tasks: [{ work: 10, dataSize: 4 }, { work: 3 }] };
    const fog = deepFreeze([{ id: 'edge', tier: 'edge' as const, speed: 1 }, { id: 'fog', tier: 'fog' as const, speed: 4, latency: 1, bandwidth: 4 }]);
    const cloud = fog.map((d) => (d.tier === 'fog' ? { ...d, tier: 'cloud' as const } : d));
    const a = simulate(w, fog, { strategy: 'mct' }, { seed: 3 });
    expect(a.schedule.tasks).toEqual(simulate(w, cloud, { strategy: 'mct' }, { seed: 3 }).schedule.tasks);
    expect(a.schedule.tasks.some((t) => t.device === 1)).toBe(true);
  });
});

describe("simulate: strategy 'optimal-flowtime' and the weighted objective", () => {
  it("simulate(w, devices, {strategy: 'optimal-flowtime', objective: 'weighted-flowtime'}) is rejected as solve rejects it", () => {
    const w = { kind: 'trace' as const, arrivals: [{ time: 0, task: { work: 1 } }] };
    expect(() => simulate(w, edgeCloud, { strategy: 'optimal-flowtime', objective: 'weighted-flowtime' })).toThrow(new InputRangeError('simulate', 'policy.objective', "simulate: policy.objective cannot be optimized by strategy 'optimal-flowtime' (it minimizes the unweighted flowtime only), got \"weighted-flowtime\"; use objective 'flowtime', or another strategy"));
    expect(simulate(w, edgeCloud, { strategy: 'optimal-flowtime', objective: 'flowtime' }).metrics.tasks).toBe(1);
  });
});

describe('simulate: edge cases', () => {
  it('simulate with no arrivals returns zero metrics', () => {
    for (const w of [{ kind: 'trace' as const, arrivals: [] }, { kind: 'poisson' as const, rate: 1, count: 0, tasks: [{ work: 1 }] }]) {
      const r = simulate(w, edgeCloud, { strategy: 'min-min' });
      expect(r.metrics).toMatchObject({ tasks: 0, makespan: 0, meanResponse: 0, p95Response: 0, deadlineMisses: 0, events: 0 });
      expect(r.schedule.tasks).toEqual([]);
    }
  });

  it('simulate takes trace arrivals in time order, ties in input order', () => {
    const r = simulate({ kind: 'trace', arrivals: [{ time: 5, task: { work: 1 } }, { time: 0, task: { work: 3 } }, { time: 0, task: { work: 2 } }] }, [{ id: 'd', tier: 'edge', speed: 1 }], { strategy: 'mct' });
    expect(r.arrivals).toEqual([0, 0, 5]);
    expect(r.schedule.tasks.map((t) => t.exec)).toEqual([3, 2, 1]);
  });

  it('simulate rejects bad workloads, devices, policies and options with named fields', () => {
    const w = { kind: 'trace' as const, arrivals: [] };
    expect(() => simulate({ kind: 'poisson', rate: 0, count: 1, tasks: [{ work: 1 }] }, edgeCloud, { strategy: 'mct' })).toThrow(new InputRangeError('simulate', 'workload.rate', 'simulate: workload.rate must be a finite number > 0, got 0'));
    expect(() => simulate({ kind: 'poisson', rate: 1, count: 1, tasks: [] }, edgeCloud, { strategy: 'mct' })).toThrow('simulate: workload.tasks must be a non-empty array of task templates, got an array of length 0');
    expect(() => simulate({ kind: 'burst' } as never, edgeCloud, { strategy: 'mct' })).toThrow(InputTypeError);
    expect(() => simulate({ kind: 'trace', arrivals: [{ time: -1, task: { work: 1 } }] }, edgeCloud, { strategy: 'mct' })).toThrow('simulate: workload.arrivals[0].time must be a finite number >= 0, got -1');
    expect(() => simulate({ kind: 'trace', arrivals: [{ time: 0, task: { work: 1, data: 3 } as never }] }, edgeCloud, { strategy: 'mct' })).toThrow(/workload\.arrivals\[0\]\.task\.data is not a known field/);
    expect(() => simulate(w, [], { strategy: 'mct' })).toThrow('simulate: devices must be a non-empty array, got an array of length 0');
    expect(() => simulate(w, [{ id: 'a', tier: 'edge', speed: 0 }], { strategy: 'mct' })).toThrow('simulate: devices[0].speed must be a finite number > 0, got 0');
    expect(() => simulate(w, [{ id: 'a', tier: 'edge', speed: 1 }, { id: 'a', tier: 'edge', speed: 1 }], { strategy: 'mct' })).toThrow(/devices\[1\]\.id duplicates devices\[0\]\.id/);
    expect(() => simulate(w, edgeCloud, { strategy: 'fastest' as never })).toThrow(/simulate: policy\.strategy must be one of/);
    expect(() => simulate(w, edgeCloud, { strategy: 'mct', batchInterval: -1 })).toThrow(InputRangeError);
    expect(() => simulate(w, edgeCloud, { strategy: 'mct' }, { execNoise: 0.6 })).toThrow('simulate: options.execNoise must be a number in [0, 0.5], got 0.6');
    expect(() => simulate(w, edgeCloud, { strategy: 'mct' }, { sead: 1 } as never)).toThrow(/options\.sead is not a known option/);
    expect(() => simulate(w, edgeCloud, { strategy: 'mct' }, { seed: -1 })).toThrow('simulate: options.seed must be an integer in [0, 4294967295], got -1');
    expect(() => simulate(w, edgeCloud, { strategy: 'mct', maxIterations: 0.5 })).toThrow('simulate: policy.maxIterations must be an integer >= 0, got 0.5');
  });
});

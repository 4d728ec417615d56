import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type SimDevice, type SimTask, type SimulationPolicy, type Workload } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';
import { simulateReference } from './simulateReference.js';

// The oracle: simulate (private mutable state, deferred re-timing) against the
// same simulation driven step by step through the public submit/complete on
// the whole state. Times come from small grids so that arrivals, finishes and
// priorities tie often.

const STRATEGIES = ['seed', 'olb', 'met', 'mct', 'min-min', 'max-min', 'duplex', 'sufferage', 'sufferage-greedy'] as const;

const simTask: fc.Arbitrary<SimTask> = fc.record(
  {
    work: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 20, noNaN: true })),
    dataSize: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 20, noNaN: true })),
    deadline: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 30, noNaN: true })),
    priority: fc.integer({ min: 0, max: 3 }),
    criteria: fc.record({ importance: fc.integer({ min: 1, max: 3 }), urgency: fc.integer({ min: 1, max: 3 }), satisfaction: fc.integer({ min: 1, max: 3 }) }),
  },
  { requiredKeys: ['work'] },
);

const devicesArb: fc.Arbitrary<SimDevice[]> = fc
  .array(
    fc.record(
      {
        tier: fc.constantFrom('edge' as const, 'cloud' as const),
        speed: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.1, max: 10, noNaN: true })),
        latency: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 3, noNaN: true })),
        bandwidth: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.5, max: 10, noNaN: true })),
        slowdown: fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 3, noNaN: true })),
      },
      { requiredKeys: ['tier', 'speed'] },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((ds) => ds.map((d, j) => ({ id: `d${j}`, ...d })));

const workloadArb: fc.Arbitrary<Workload> = fc.oneof(
  // Trace: arrival times on a coarse grid (many simultaneous arrivals), given out of order.
  fc.array(fc.record({ time: fc.oneof(fc.integer({ min: 0, max: 12 }).map((t) => t / 2), fc.double({ min: 0, max: 30, noNaN: true })), task: simTask }), { maxLength: 40 })
    .map((arrivals) => ({ kind: 'trace' as const, arrivals })),
  // Poisson, often far above capacity (queues grow all run long).
  fc.record({ kind: fc.constant('poisson' as const), rate: fc.double({ min: 0.05, max: 20, noNaN: true }), count: fc.integer({ min: 0, max: 60 }), tasks: fc.array(simTask, { minLength: 1, maxLength: 4 }) }),
);

const policyArb: fc.Arbitrary<SimulationPolicy> = fc.record(
  {
    strategy: fc.constantFrom(...STRATEGIES),
    batchInterval: fc.constantFrom(0, 0.5, 1, 3),
    smoothing: fc.constantFrom(0, 0.3, 1),
    objective: fc.constantFrom('makespan' as const, 'flowtime' as const, 'weighted-flowtime' as const),
  },
  { requiredKeys: ['strategy'] },
);

const optionsArb = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }), execNoise: fc.constantFrom(0, 0.1, 0.5), recordEvents: fc.boolean() });

describe('simulate against the step-by-step reference (public submit/complete on the whole state)', () => {
  it('simulate(random workload, devices, policy, options) equals the reference: schedule, metrics, ratios, event log', () => {
    fc.assert(
      fc.property(workloadArb, devicesArb, policyArb, optionsArb, (workload, devices, policy, options) => {
        deepFreeze([workload, devices, policy, options]);
        expect(simulate(workload, devices, policy, options)).toStrictEqual(simulateReference(workload, devices, policy, options));
      }),
      { numRuns: 300 },
    );
  });

  it('simulateReference(random workload, noisy and slowed devices, batches) never trips complete\'s checks of impossible reports: each finish is its device\'s first pending task, at start + transfer + exec', () => {
    fc.assert(
      fc.property(workloadArb, devicesArb, policyArb, optionsArb, (workload, devices, policy, options) => {
        const r = simulateReference(workload, devices, policy, { ...options, execNoise: 0.5 });
        expect(r.metrics.tasks).toBe(r.schedule.tasks.length);
      }),
      { numRuns: 100 },
    );
  });

  it('simulate(six simultaneous tasks whose normalized priorities tie exactly, seed rule) runs them in index order, as the reference does', () => {
    // Criteria permutations of (1, 2, 3): every normalized priority is exactly 1/2, but two of the doubles
    // come out as 0.49999999999999994; the exact order (compileProblem's priorityOrder) ties them to the lowest index.
    const perms = [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]] as const;
    const workload: Workload = deepFreeze({ kind: 'trace', arrivals: perms.map(([importance, urgency, satisfaction]) => ({ time: 0, task: { work: 1, criteria: { importance, urgency, satisfaction } } })) });
    const devices: SimDevice[] = deepFreeze([{ id: 'only', tier: 'edge', speed: 1 }]);
    const r = simulate(workload, devices, { strategy: 'seed' });
    expect(r.schedule.tasks.map((s) => s.start)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r).toStrictEqual(simulateReference(workload, devices, { strategy: 'seed' }));
  });

  it('simulate with the iterative strategies (through the public submit) equals the reference', () => {
    fc.assert(
      fc.property(workloadArb, devicesArb, fc.constantFrom('optimal-flowtime' as const, 'local-search' as const), fc.constantFrom(0, 1), optionsArb, (workload, devices, strategy, batchInterval, options) => {
        const policy = { strategy, batchInterval, maxIterations: 30, timeLimitMs: 60_000 };
        expect(simulate(workload, devices, policy, options)).toStrictEqual(simulateReference(workload, devices, policy, options));
      }),
      { numRuns: 40 },
    );
  });

  it('simulate(overloaded, noise-free, times on a grid so that finishes, arrivals and mapping instants tie) equals the reference: the completions land on the plan and the re-timing resumes where it stopped', () => {
    // Integer works and speeds, dyadic latencies and bandwidths: the planned and real times coincide
    // (no noise; slowdown 1, or 2 whose learnt ratio is exact after one completion with smoothing 1),
    // so the per-device queues reuse their last re-timing; arrivals on a half-unit grid tie with finishes.
    const gridTask = fc.record({ work: fc.integer({ min: 0, max: 6 }), dataSize: fc.constantFrom(0, 1, 2), priority: fc.integer({ min: 0, max: 2 }) }, { requiredKeys: ['work'] });
    const gridDevices = fc
      .array(fc.record({ tier: fc.constantFrom('edge' as const, 'cloud' as const), speed: fc.constantFrom(1, 2, 4), latency: fc.constantFrom(0, 0.5), bandwidth: fc.constantFrom(Infinity, 2, 4), slowdown: fc.constantFrom(1, 1, 2) }), { minLength: 1, maxLength: 3 })
      .map((ds) => ds.map((d, j) => ({ id: `d${j}`, ...d })));
    const gridWorkload: fc.Arbitrary<Workload> = fc.oneof(
      fc.array(fc.record({ time: fc.integer({ min: 0, max: 40 }).map((t) => t / 2), task: gridTask }), { maxLength: 80 }).map((arrivals) => ({ kind: 'trace' as const, arrivals })),
      fc.record({ kind: fc.constant('poisson' as const), rate: fc.constantFrom(1, 4, 16), count: fc.integer({ min: 0, max: 120 }), tasks: fc.array(gridTask, { minLength: 1, maxLength: 3 }) }),
    );
    const gridPolicy = fc.record({ strategy: fc.constantFrom(...STRATEGIES), batchInterval: fc.constantFrom(0, 0.5, 1), smoothing: fc.constantFrom(0, 1), objective: fc.constantFrom('makespan' as const, 'flowtime' as const) });
    fc.assert(
      fc.property(gridWorkload, gridDevices, gridPolicy, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (workload, devices, policy, seed) => {
        deepFreeze([workload, devices, policy]);
        const options = { seed, execNoise: 0, recordEvents: true };
        expect(simulate(workload, devices, policy, options)).toStrictEqual(simulateReference(workload, devices, policy, options));
      }),
      { numRuns: 200 },
    );
  });

  it('simulate(2 000 arrivals at 1.7× capacity, noise-free, mct) equals the reference', () => {
    const devices: SimDevice[] = deepFreeze([{ id: 'edge', tier: 'edge', speed: 1 }, { id: 'cloud', tier: 'cloud', speed: 2, latency: 0.1, bandwidth: 10 }]);
    const workload: Workload = deepFreeze({ kind: 'poisson', rate: 1, count: 2000, tasks: [2, 3, 4, 5, 6, 7, 8].map((work) => ({ work, dataSize: 1 })) });
    const fast = simulate(workload, devices, { strategy: 'mct' }, { seed: 1, recordEvents: false });
    expect(fast).toStrictEqual(simulateReference(workload, devices, { strategy: 'mct' }, { seed: 1, recordEvents: false }));
    const last = fast.arrivals[fast.arrivals.length - 1]!;
    expect(fast.schedule.tasks.filter((s) => s.finish > last).length).toBeGreaterThan(500);
  });

  it('simulate(1 500 arrivals at 3× capacity, noisy and slowed devices) equals the reference for mct on arrival and min-min in batches', () => {
    const devices: SimDevice[] = deepFreeze([
      { id: 'e0', tier: 'edge', speed: 1, latency: 0.1, bandwidth: 20, slowdown: 1.4 },
      { id: 'e1', tier: 'edge', speed: 2, latency: 0.1, bandwidth: 20 },
      { id: 'e2', tier: 'edge', speed: 1.5, slowdown: 0.8 },
      { id: 'c', tier: 'cloud', speed: 6, latency: 1, bandwidth: 5 },
    ]);
    const tasks: SimTask[] = [2, 4, 6].map((work) => ({ work, dataSize: work, deadline: 20, criteria: { importance: work, urgency: 1, satisfaction: 2 } }));
    const workload: Workload = deepFreeze({ kind: 'poisson', rate: (3 * 10.5) / 4, count: 1500, tasks });
    for (const policy of [{ strategy: 'mct' }, { strategy: 'min-min', batchInterval: 1 }] as const) {
      const fast = simulate(workload, devices, policy, { seed: 3, execNoise: 0.2 });
      expect(fast).toStrictEqual(simulateReference(workload, devices, policy, { seed: 3, execNoise: 0.2 }));
      // Overloaded indeed: at the last arrival, hundreds of tasks are still waiting.
      const last = fast.arrivals[fast.arrivals.length - 1]!;
      expect(fast.schedule.tasks.filter((s) => s.finish > last).length).toBeGreaterThan(300);
    }
  });
});

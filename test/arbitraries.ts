// Shared fast-check arbitraries and fixture helpers for the test suite.
import fc from 'fast-check';
import type { Problem, TaskSpec, DeviceSpec } from '../src/index.js';

/** Freezes a value and everything reachable from it (typed arrays excluded), to prove no mutation. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------- problems

/** Constraints of {@link problemArb}. */
export interface ProblemArbConstraints {
  readonly minTasks?: number;
  readonly maxTasks?: number;
  readonly minDevices?: number;
  readonly maxDevices?: number;
  /** Some execTime entries Infinity (every task keeps one allowed device). */
  readonly forbidden?: boolean;
  /** A transferTime matrix. */
  readonly transfer?: boolean;
  /** Task release times, device ready times, deadlines and priorities. */
  readonly timing?: boolean;
  /** Integer-valued times (exact sums, for oracles comparing with ===). */
  readonly integers?: boolean;
}

/**
 * Random valid problems: n tasks, m ≥ 1 devices, times ≥ 0, every task with
 * at least one device where execTime and transferTime are finite.
 */
export function problemArb(c: ProblemArbConstraints = {}): fc.Arbitrary<Problem> {
  const { minTasks = 0, maxTasks = 7, minDevices = 1, maxDevices = 4, forbidden = true, transfer = true, timing = true, integers = false } = c;
  const time = integers ? fc.integer({ min: 0, max: 100 }) : fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1000, noNaN: true }));
  const cell = forbidden ? fc.oneof({ weight: 4, arbitrary: time }, { weight: 1, arbitrary: fc.constant(Infinity) }) : time;
  return fc
    .record({ n: fc.integer({ min: minTasks, max: maxTasks }), m: fc.integer({ min: minDevices, max: maxDevices }) })
    .chain(({ n, m }) =>
      fc.record({
        exec: fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        allowed: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
        fallback: fc.array(time, { minLength: n, maxLength: n }),
        transfer: fc.array(fc.array(time, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        release: fc.array(timing ? time : fc.constant(0), { minLength: n, maxLength: n }),
        deadline: fc.array(timing ? fc.option(time, { nil: undefined }) : fc.constant(undefined), { minLength: n, maxLength: n }),
        priority: fc.array(timing ? fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) : fc.constant(undefined), { minLength: n, maxLength: n }),
        ready: fc.array(timing ? time : fc.constant(0), { minLength: m, maxLength: m }),
        tiers: fc.array(fc.constantFrom('edge' as const, 'cloud' as const), { minLength: m, maxLength: m }),
      }),
    )
    .map((r) => {
      const execTime = r.exec.map((row, i) => {
        const out = row.slice();
        if (!out.some((v) => v < Infinity)) out[r.allowed[i]!] = r.fallback[i]!;
        return out;
      });
      const tasks: TaskSpec[] = execTime.map((_, i) => {
        const t: { id: string; release?: number; deadline?: number; priority?: number } = { id: `t${i}` };
        if (r.release[i]! > 0) t.release = r.release[i]!;
        if (r.deadline[i] !== undefined) t.deadline = r.deadline[i]!;
        if (r.priority[i] !== undefined) t.priority = r.priority[i]!;
        return t;
      });
      const devices: DeviceSpec[] = r.tiers.map((tier, j) => (r.ready[j]! > 0 ? { id: `d${j}`, tier, ready: r.ready[j]! } : { id: `d${j}`, tier }));
      return transfer ? { tasks, devices, execTime, transferTime: r.transfer } : { tasks, devices, execTime };
    });
}

/** A problem with a random valid assignment (each task on an allowed device) and a random order. */
export function problemWithAssignmentArb(c: ProblemArbConstraints = {}): fc.Arbitrary<{ problem: Problem; assignment: number[]; order: number[] }> {
  return problemArb(c).chain((problem) => {
    const n = problem.tasks.length;
    const m = problem.devices.length;
    const allowedOf = (i: number): number[] => {
      const out: number[] = [];
      for (let j = 0; j < m; j++) if (problem.execTime[i]![j]! + (problem.transferTime?.[i]![j] ?? 0) < Infinity) out.push(j);
      return out;
    };
    const assignment = fc.tuple(...Array.from({ length: n }, (_, i) => fc.constantFrom(...allowedOf(i))));
    const order = fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n });
    return fc.record({ problem: fc.constant(problem), assignment: n === 0 ? fc.constant([] as number[]) : assignment.map((a) => [...a]), order });
  });
}

// ---------------------------------------------------------------- energy and money (issue 14)

/**
 * Adds random `power`, `price` and task `source` fields to a problem (each
 * field present or absent). With `exact`, every figure is a small dyadic
 * rational, so sums and products of integer times are exact.
 */
export function withEnergyArb(problem: Problem, exact = false): fc.Arbitrary<Problem> {
  const m = problem.devices.length;
  const n = problem.tasks.length;
  const watts = exact ? fc.integer({ min: 0, max: 64 }).map((k) => k / 4) : fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 500, noNaN: true }));
  const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
  const power = opt(fc.record({ busy: watts, transfer: watts, idle: watts }, { requiredKeys: [] }));
  const price = opt(
    fc.record(
      { perSecond: exact ? fc.integer({ min: 0, max: 16 }).map((k) => k / 8) : fc.double({ min: 0, max: 5, noNaN: true }), granularity: fc.constantFrom(1, 4, 60, 3600), minimum: fc.constantFrom(0, 8, 60) },
      { requiredKeys: ['perSecond'] },
    ),
  );
  return fc
    .record({
      devices: fc.array(fc.record({ power, price }), { minLength: m, maxLength: m }),
      sources: fc.array(opt(fc.integer({ min: 0, max: Math.max(0, m - 1) })), { minLength: n, maxLength: n }),
    })
    .map(({ devices, sources }) => ({
      ...problem,
      tasks: problem.tasks.map((t, i) => (sources[i] === undefined || m === 0 ? t : { ...t, source: problem.devices[sources[i]!]!.id })),
      devices: problem.devices.map((d, j) => {
        const e = devices[j]!;
        return { ...d, ...(e.power !== undefined ? { power: e.power } : {}), ...(e.price !== undefined ? { price: e.price } : {}) };
      }),
    }));
}

/** The error `run` throws (fails the calling test when it does not throw), to check its class, fields and message at once. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

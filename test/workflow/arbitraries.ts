// fast-check arbitraries for task graphs (small DAGs on a few devices).
import fc from 'fast-check';
import type { Network, Workflow } from '../../src/index.js';

/** Constraints of {@link workflowArb}. */
export interface WorkflowArbConstraints {
  readonly minTasks?: number;
  readonly maxTasks?: number;
  readonly maxDevices?: number;
  /** Some execTime entries Infinity (every task keeps one allowed device). @defaultValue true */
  readonly forbidden?: boolean;
  /** Release times, ready times, deadlines, priorities. @defaultValue true */
  readonly timing?: boolean;
  /** A network (scalar or matrix bandwidth incl. Infinity, latency). @defaultValue true */
  readonly network?: boolean;
  /** Integer times and data with bandwidth 1 (exact sums). @defaultValue false */
  readonly integers?: boolean;
}

/**
 * Random valid workflows: edges go from lower to higher positions of a
 * random permutation, so task indices are not a topological order; graphs may
 * be disconnected; data may be 0.
 */
export function workflowArb(c: WorkflowArbConstraints = {}): fc.Arbitrary<Workflow> {
  const { minTasks = 1, maxTasks = 8, maxDevices = 3, forbidden = true, timing = true, network = true, integers = false } = c;
  const time = integers ? fc.integer({ min: 0, max: 20 }) : fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 50, noNaN: true }));
  const cell = forbidden ? fc.oneof({ weight: 4, arbitrary: time }, { weight: 1, arbitrary: fc.constant(Infinity) }) : time;
  const bw = fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.25, max: 8, noNaN: true }));
  return fc
    .record({ n: fc.integer({ min: minTasks, max: maxTasks }), m: fc.integer({ min: 1, max: maxDevices }) })
    .chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        perm: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
        links: fc.array(fc.tuple(fc.nat(n * n), fc.nat(n * n), integers ? fc.integer({ min: 0, max: 10 }) : time), { maxLength: 2 * n }),
        exec: fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        allowed: fc.array(fc.nat(m - 1), { minLength: n, maxLength: n }),
        release: fc.array(timing ? fc.oneof(fc.constant(0), time) : fc.constant(0), { minLength: n, maxLength: n }),
        deadline: fc.array(timing ? fc.option(time, { nil: undefined }) : fc.constant(undefined), { minLength: n, maxLength: n }),
        priority: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), { minLength: n, maxLength: n }),
        ready: fc.array(timing ? fc.oneof(fc.constant(0), time) : fc.constant(0), { minLength: m, maxLength: m }),
        tiers: fc.array(fc.constantFrom('edge' as const, 'fog' as const, 'cloud' as const), { minLength: m, maxLength: m }),
        net: network && !integers
          ? fc.oneof(
              fc.constant(undefined),
              fc.record({ bandwidth: bw, latency: fc.oneof(fc.constant(0), time) }),
              fc.record({ bandwidth: fc.array(fc.array(bw, { minLength: m, maxLength: m }), { minLength: m, maxLength: m }) }),
            )
          : fc.constant(undefined),
      }),
    )
    .map((r): Workflow => {
      const seen = new Set<string>();
      const edges: { from: string; to: string; data: number }[] = [];
      for (const [a, b, data] of r.links) {
        const x = a % r.n;
        const y = b % r.n;
        if (x === y) continue;
        const [lo, hi] = x < y ? [x, y] : [y, x];
        const from = r.perm[lo]!;
        const to = r.perm[hi]!;
        const key = `${from}>${to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: `t${from}`, to: `t${to}`, data });
      }
      const execTime = r.exec.map((row, i) => (row.some((v) => v < Infinity) ? row : row.map((v, j) => (j === r.allowed[i] ? 1 : v))));
      const tasks = Array.from({ length: r.n }, (_, i) => ({
        id: `t${i}`,
        ...(r.release[i] ? { release: r.release[i] } : {}),
        ...(r.deadline[i] !== undefined ? { deadline: r.deadline[i] } : {}),
        ...(r.priority[i] !== undefined ? { priority: r.priority[i] } : {}),
      }));
      const devices = Array.from({ length: r.m }, (_, j) => ({ id: `d${j}`, tier: r.tiers[j]!, ...(r.ready[j] ? { ready: r.ready[j] } : {}) }));
      const w: Workflow = { tasks, devices, execTime, edges };
      return r.net === undefined ? w : { ...w, network: r.net as Network };
    });
}

/**
 * The workflow with random `power` and `price` on some devices (watts and
 * prices as in test/arbitraries.ts's withEnergyArb; `exact`: multiples of
 * 1/4 W and 1/8 per second, so sums of products with integer times are exact).
 */
export function withWorkflowEnergyArb(w: Workflow, exact = false): fc.Arbitrary<Workflow> {
  const watts = exact ? fc.integer({ min: 0, max: 64 }).map((k) => k / 4) : fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 500, noNaN: true }));
  const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
  const power = opt(fc.record({ busy: watts, transfer: watts, idle: watts }, { requiredKeys: [] }));
  const price = opt(
    fc.record(
      { perSecond: exact ? fc.integer({ min: 0, max: 16 }).map((k) => k / 8) : fc.double({ min: 0, max: 5, noNaN: true }), granularity: fc.constantFrom(1, 4, 60, 3600), minimum: fc.constantFrom(0, 8, 60) },
      { requiredKeys: ['perSecond'] },
    ),
  );
  return fc.array(fc.record({ power, price }), { minLength: w.devices.length, maxLength: w.devices.length }).map((extra) => ({
    ...w,
    devices: w.devices.map((d, j) => {
      const e = extra[j]!;
      return { ...d, ...(e.power !== undefined ? { power: e.power } : {}), ...(e.price !== undefined ? { price: e.price } : {}) };
    }),
  }));
}

/**
 * A valid plan for a workflow: `picks[i]` chooses task i's device among its
 * allowed ones; every device runs its tasks in a topological order (Kahn's,
 * lowest index first, computed here independently of compileWorkflow).
 */
export function planFor(wf: Workflow, picks: readonly number[]): { placement: number[]; order: number[][] } {
  const n = wf.tasks.length;
  const placement = wf.execTime.map((row, i) => {
    const allowed = row.map((x, j) => (x < Infinity ? j : -1)).filter((j) => j >= 0);
    return allowed[(picks[i % Math.max(1, picks.length)] ?? 0) % allowed.length]!;
  });
  const id = new Map(wf.tasks.map((t, i) => [t.id, i]));
  const indeg = new Array<number>(n).fill(0);
  for (const e of wf.edges) indeg[id.get(e.to)!]!++;
  const seq: number[] = [];
  const done = new Array<boolean>(n).fill(false);
  while (seq.length < n) {
    const i = indeg.findIndex((d, k) => d === 0 && !done[k]);
    done[i] = true;
    seq.push(i);
    for (const e of wf.edges) if (e.from === wf.tasks[i]!.id) indeg[id.get(e.to)!]!--;
  }
  return { placement, order: wf.devices.map((_, j) => seq.filter((i) => placement[i] === j)) };
}

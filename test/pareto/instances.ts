// Shared by the pareto tests and the quality script: random small
// edge/cloud instances with power, price and source fields, and a plain
// reference evaluation of every objective (no typed arrays, no shared code
// with the library beyond the Problem type).
import fc from 'fast-check';
import type { Problem } from '../../src/problem/types.js';
import type { ParetoObjective } from '../../src/pareto/types.js';

export interface EnergyProblemConstraints {
  readonly maxTasks?: number;
  readonly minDevices?: number;
  readonly maxDevices?: number;
  /** Multiples of 1/4 instead of integers (exact in binary, not integral). */
  readonly quarters?: boolean;
  /** Release times (only for the independent model in the exact method). */
  readonly releases?: boolean;
}

export function energyProblemArb(c: EnergyProblemConstraints = {}): fc.Arbitrary<Problem> {
  const { maxTasks = 8, minDevices = 2, maxDevices = 3, quarters = false, releases = false } = c;
  const q = (a: fc.Arbitrary<number>): fc.Arbitrary<number> => (quarters ? a.map((v) => v / 4) : a);
  const time = q(fc.integer({ min: 0, max: 20 }));
  return fc
    .record({ n: fc.integer({ min: 1, max: maxTasks }), m: fc.integer({ min: minDevices, max: maxDevices }) })
    .chain(({ n, m }) =>
      fc.record({
        exec: fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: q(fc.integer({ min: 1, max: 20 })) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        fallback: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
        transfer: fc.array(fc.array(q(fc.integer({ min: 0, max: 5 })), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        release: fc.array(releases ? time : fc.constant(0), { minLength: n, maxLength: n }),
        source: fc.array(fc.option(fc.integer({ min: 0, max: m - 1 }), { nil: undefined }), { minLength: n, maxLength: n }),
        ready: fc.array(fc.oneof(fc.constant(0), q(fc.integer({ min: 0, max: 5 }))), { minLength: m, maxLength: m }),
        power: fc.array(fc.option(fc.record({ busy: q(fc.integer({ min: 0, max: 40 })), transfer: q(fc.integer({ min: 0, max: 8 })), idle: q(fc.integer({ min: 0, max: 4 })) }), { nil: undefined }), { minLength: m, maxLength: m }),
        price: fc.array(
          fc.option(fc.record({ perSecond: q(fc.integer({ min: 0, max: 3 })), granularity: fc.constantFrom(1, 4, 10), minimum: fc.constantFrom(0, 0, 6, 15) }), { nil: undefined }),
          { minLength: m, maxLength: m },
        ),
      }),
    )
    .map((r) => {
      const execTime = r.exec.map((row, i) => {
        const out = row.slice();
        if (!out.some((v) => v < Infinity)) out[r.fallback[i]!] = 3;
        return out;
      });
      return {
        tasks: execTime.map((_, i) => ({
          id: `t${i}`,
          ...(r.release[i]! > 0 ? { release: r.release[i]! } : {}),
          ...(r.source[i] !== undefined ? { source: `d${r.source[i]!}` } : {}),
        })),
        devices: r.ready.map((ready, j) => ({
          id: `d${j}`,
          tier: j === 0 ? ('edge' as const) : ('cloud' as const),
          ...(ready > 0 ? { ready } : {}),
          ...(r.power[j] !== undefined ? { power: r.power[j]! } : {}),
          ...(r.price[j] !== undefined ? { price: r.price[j]! } : {}),
        })),
        execTime,
        transferTime: r.transfer,
      };
    });
}

/**
 * Reference objectives of an assignment, straight from the definitions:
 * each device runs its tasks shortest (transfer + exec) first, ties by
 * index; energy and cost as ENERGY-MODEL.md and the README define them.
 */
export function referenceObjectives(p: Problem, a: readonly number[], objectives: readonly ParetoObjective[], costModel: 'sequential' | 'independent' = 'sequential'): number[] {
  const n = p.tasks.length;
  const m = p.devices.length;
  const pt = (i: number, j: number): number => (p.transferTime?.[i]?.[j] ?? 0) + p.execTime[i]![j]!;
  const finish: number[] = new Array<number>(n).fill(0);
  const busy: number[] = new Array<number>(m).fill(0);
  for (let j = 0; j < m; j++) {
    const mine = a.map((d, i) => ({ d, i })).filter((t) => t.d === j).map((t) => t.i);
    mine.sort((x, y) => pt(x, j) - pt(y, j) || x - y);
    let free = p.devices[j]!.ready ?? 0;
    for (const i of mine) {
      const r = p.tasks[i]!.release ?? 0;
      const start = costModel === 'independent' ? r : Math.max(free, r);
      finish[i] = start + pt(i, j);
      free = finish[i]!;
      busy[j] = busy[j]! + pt(i, j);
    }
  }
  const makespan = n === 0 ? 0 : Math.max(...finish);
  const flowtime = finish.reduce((s, f) => s + f, 0);
  let energy = 0;
  for (let j = 0; j < m; j++) {
    const w = p.devices[j]!.power ?? {};
    let ex = 0;
    let tr = 0;
    for (let i = 0; i < n; i++) {
      if (a[i] === j) {
        ex += p.execTime[i]![j]!;
        tr += p.transferTime?.[i]?.[j] ?? 0;
      } else if (p.tasks[i]!.source === p.devices[j]!.id) {
        tr += p.transferTime?.[i]?.[a[i]!] ?? 0;
      }
    }
    energy += (w.busy ?? 0) * ex + (w.transfer ?? 0) * tr + (w.idle ?? 0) * Math.max(0, makespan - busy[j]!);
  }
  let cost = 0;
  for (let j = 0; j < m; j++) {
    const pr = p.devices[j]!.price;
    if (pr === undefined || !(busy[j]! > 0)) continue;
    const g = pr.granularity ?? 1;
    cost += pr.perSecond * Math.max(pr.minimum ?? 0, Math.ceil(busy[j]! / g) * g);
  }
  const all = { makespan, flowtime, energy, cost };
  return objectives.map((o) => all[o]);
}

/** Every assignment of n tasks to allowed devices (m^n of them at most). */
export function allAssignments(p: Problem): number[][] {
  const n = p.tasks.length;
  const m = p.devices.length;
  const out: number[][] = [];
  const a = new Array<number>(n).fill(0);
  const rec = (i: number): void => {
    if (i === n) {
      out.push(a.slice());
      return;
    }
    for (let j = 0; j < m; j++) {
      if (!((p.transferTime?.[i]?.[j] ?? 0) + p.execTime[i]![j]! < Infinity)) continue;
      a[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return out;
}

/** The distinct non-dominated vectors of a list, sorted lexicographically. */
export function frontVectors(vectors: readonly (readonly number[])[]): number[][] {
  const dom = (x: readonly number[], y: readonly number[]): boolean => x.every((v, k) => v <= y[k]!) && x.some((v, k) => v < y[k]!);
  const keep = vectors.filter((v) => !vectors.some((w) => dom(w, v)));
  const uniq = new Map(keep.map((v) => [v.join(','), [...v]]));
  return [...uniq.values()].sort((x, y) => {
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
    return 0;
  });
}

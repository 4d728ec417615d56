// Shared by the solver tests and bench/heuristics.bench.ts: plain, obviously
// correct reference implementations of every heuristic (no typed arrays, no
// incremental updates: each step rescans every unmapped task against every
// device), a brute-force optimum, random instances, and fixture loaders.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHcsp } from '../../src/io/hcsp.js';
import type { Problem, TaskSpec } from '../../src/problem/types.js';

/** A heuristic's output: device per task and the mapping order. */
export interface Mapping {
  readonly assignment: number[];
  readonly order: number[];
}

/** transfer + exec of task i on device j (Infinity = forbidden). */
export function cost(p: Problem, i: number, j: number): number {
  return (p.transferTime?.[i]?.[j] ?? 0) + p.execTime[i]![j]!;
}

function release(p: Problem, i: number): number {
  return p.tasks[i]!.release ?? 0;
}

function readyTimes(p: Problem): number[] {
  return p.devices.map((d) => d.ready ?? 0);
}

/** Completion time of task i on device j given availabilities (same float operations as evaluate). */
export function completion(p: Problem, avail: readonly number[], i: number, j: number): number {
  return Math.max(avail[j]!, release(p, i)) + cost(p, i, j);
}

/** Plain MCT over a given task order. O(n·m). */
export function naiveMct(p: Problem, order: readonly number[]): Mapping {
  const avail = readyTimes(p);
  const assignment = new Array<number>(p.tasks.length).fill(-1);
  for (const i of order) {
    let best = -1;
    let bestCt = Infinity;
    for (let j = 0; j < p.devices.length; j++) {
      const ct = completion(p, avail, i, j);
      if (ct < bestCt) {
        best = j;
        bestCt = ct;
      }
    }
    assignment[i] = best;
    avail[best] = completion(p, avail, i, best);
  }
  return { assignment, order: [...order] };
}

/** Plain MET. */
export function naiveMet(p: Problem): Mapping {
  const n = p.tasks.length;
  const assignment = [];
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let j = 0; j < p.devices.length; j++) {
      if (cost(p, i, j) < (best < 0 ? Infinity : cost(p, i, best))) best = j;
    }
    assignment.push(best);
  }
  return { assignment, order: [...Array(n).keys()] };
}

/** Plain OLB. */
export function naiveOlb(p: Problem): Mapping {
  const n = p.tasks.length;
  const avail = readyTimes(p);
  const assignment = [];
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let j = 0; j < p.devices.length; j++) {
      if (cost(p, i, j) < Infinity && (best < 0 || avail[j]! < avail[best]!)) best = j;
    }
    assignment.push(best);
    avail[best] = completion(p, avail, i, best);
  }
  return { assignment, order: [...Array(n).keys()] };
}

/** Priority order as the article's rule reads it: compiled priority descending, ties by index. */
export function naiveSeed(p: Problem, priority: ArrayLike<number>): Mapping {
  const order = [...Array(p.tasks.length).keys()].sort((a, b) => (priority[b]! > priority[a]! ? 1 : priority[b]! < priority[a]! ? -1 : a - b));
  return naiveMct(p, order);
}

/** Best and second-best device of task i (lowest index on ties). */
function topTwo(p: Problem, avail: readonly number[], i: number): { best: number; bestCt: number; secondCt: number } {
  const cts = p.devices.map((_, j) => ({ j, ct: completion(p, avail, i, j) })).filter((x) => x.ct < Infinity);
  cts.sort((a, b) => a.ct - b.ct || a.j - b.j);
  return { best: cts[0]!.j, bestCt: cts[0]!.ct, secondCt: cts[1]?.ct ?? Infinity };
}

/** Plain Min-Min (largest = false) or Max-Min (largest = true): O(n²·m), full rescan every step. */
export function naiveMinMin(p: Problem, largest: boolean): Mapping {
  const n = p.tasks.length;
  const avail = readyTimes(p);
  const assignment = new Array<number>(n).fill(-1);
  const order: number[] = [];
  const unmapped = new Set([...Array(n).keys()]);
  while (unmapped.size > 0) {
    let pick = -1;
    let pickCt = 0;
    let pickDev = -1;
    for (const i of [...unmapped].sort((a, b) => a - b)) {
      const { best, bestCt } = topTwo(p, avail, i);
      if (pick < 0 || (largest ? bestCt > pickCt : bestCt < pickCt)) {
        pick = i;
        pickCt = bestCt;
        pickDev = best;
      }
    }
    assignment[pick] = pickDev;
    order.push(pick);
    avail[pickDev] = completion(p, avail, pick, pickDev);
    unmapped.delete(pick);
  }
  return { assignment, order };
}

/** Plain greedy sufferage: each step maps the task with the largest sufferage (ties: lowest index). */
export function naiveSufferageGreedy(p: Problem): Mapping {
  const n = p.tasks.length;
  const avail = readyTimes(p);
  const assignment = new Array<number>(n).fill(-1);
  const order: number[] = [];
  const unmapped = new Set([...Array(n).keys()]);
  while (unmapped.size > 0) {
    let pick = -1;
    let pickS = 0;
    let pickDev = -1;
    for (const i of [...unmapped].sort((a, b) => a - b)) {
      const { best, bestCt, secondCt } = topTwo(p, avail, i);
      const s = secondCt - bestCt;
      if (pick < 0 || s > pickS) {
        pick = i;
        pickS = s;
        pickDev = best;
      }
    }
    assignment[pick] = pickDev;
    order.push(pick);
    avail[pickDev] = completion(p, avail, pick, pickDev);
    unmapped.delete(pick);
  }
  return { assignment, order };
}

/**
 * Plain Sufferage (Maheswaran et al. 1999), written from the paper's
 * pseudo-code: each pass, tasks in index order claim their best device
 * (completion times at the pass start); a strictly larger sufferage
 * displaces the holder, which waits for the next pass; then every claimed
 * device gets its task (in device order) and its ready time advances.
 */
export function naiveSufferage(p: Problem): Mapping {
  const n = p.tasks.length;
  const m = p.devices.length;
  const avail = readyTimes(p);
  const assignment = new Array<number>(n).fill(-1);
  const order: number[] = [];
  let unmapped = [...Array(n).keys()];
  while (unmapped.length > 0) {
    const holder = new Array<{ task: number; s: number } | undefined>(m);
    for (const i of unmapped) {
      const { best, bestCt, secondCt } = topTwo(p, avail, i);
      const s = secondCt - bestCt;
      const h = holder[best];
      if (h === undefined || h.s < s) holder[best] = { task: i, s };
    }
    const snapshot = [...avail];
    for (let j = 0; j < m; j++) {
      const h = holder[j];
      if (h === undefined) continue;
      assignment[h.task] = j;
      order.push(h.task);
      avail[j] = completion(p, snapshot, h.task, j);
    }
    unmapped = unmapped.filter((i) => assignment[i] === -1);
  }
  return { assignment, order };
}

/**
 * Smallest makespan over all m^n assignments under the sequential model
 * with every release 0 (then a device's finish is its ready time plus the
 * sum of its tasks' costs, whatever their order; unused devices do not
 * count). For n ≤ 7, m ≤ 3.
 */
export function bruteForceMakespan(p: Problem): number {
  const ready = readyTimes(p);
  return minOverAssignments(p, (a) => {
    const load = new Array<number>(p.devices.length).fill(0);
    const used = new Array<boolean>(p.devices.length).fill(false);
    a.forEach((j, k) => {
      load[j] = load[j]! + cost(p, k, j);
      used[j] = true;
    });
    let span = 0;
    for (let j = 0; j < p.devices.length; j++) if (used[j]) span = Math.max(span, ready[j]! + load[j]!);
    return span;
  });
}

/**
 * Smallest Σ weight_i · finish_i over all m^n assignments (weight: the
 * task's priority, default 1, when `weighted`; else 1), every release 0,
 * each device running its tasks in Smith's order (time / weight ascending,
 * weight 0 last), which is optimal for a fixed assignment (exchange
 * argument; unweighted: shortest first). Integer inputs keep every sum
 * exact. For n ≤ 7, m ≤ 3.
 */
export function bruteForceFlowtime(p: Problem, weighted: boolean): number {
  const w = p.tasks.map((t) => (weighted ? (t.priority ?? 1) : 1));
  return minOverAssignments(p, (a) => {
    let total = 0;
    for (let j = 0; j < p.devices.length; j++) {
      const mine = a.map((d, q) => (d === j ? q : -1)).filter((q) => q >= 0);
      mine.sort((x, y) => {
        const kx = w[x]! > 0 ? cost(p, x, j) / w[x]! : Infinity;
        const ky = w[y]! > 0 ? cost(p, y, j) / w[y]! : Infinity;
        return kx - ky || x - y;
      });
      let t = p.devices[j]!.ready ?? 0;
      for (const q of mine) {
        t += cost(p, q, j);
        total += w[q]! * t;
      }
    }
    return total;
  });
}

/** The least `score(a)` over every assignment `a` of tasks to allowed devices (cost < Infinity); Infinity when there is none. */
export function minOverAssignments(p: Problem, score: (a: readonly number[]) => number): number {
  const n = p.tasks.length;
  const m = p.devices.length;
  let best = Infinity;
  const a = new Array<number>(n).fill(0);
  const rec = (i: number): void => {
    if (i === n) {
      best = Math.min(best, score(a));
      return;
    }
    for (let j = 0; j < m; j++) {
      if (cost(p, i, j) === Infinity) continue;
      a[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

/** Deep-freezes a value (fixtures must not be mutated). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export interface InstanceShape {
  readonly maxTasks: number;
  readonly maxDevices: number;
  /** Include task release times. */
  readonly releases: boolean;
}

/**
 * Random small problems with many ties: integer times from a small range,
 * some forbidden pairs (Infinity, in execTime or transferTime), optional
 * transfers, ready times, priorities and (optionally) releases. Every task
 * keeps at least one allowed device.
 */
export function problemArb({ maxTasks, maxDevices, releases }: InstanceShape): fc.Arbitrary<Problem> {
  return fc
    .record({ n: fc.integer({ min: 1, max: maxTasks }), m: fc.integer({ min: 1, max: maxDevices }) })
    .chain(({ n, m }) =>
      fc.record({
        exec: fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        transfer: fc.option(fc.array(fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }), { nil: undefined }),
        ready: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }),
        priority: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
        release: fc.array(releases ? fc.integer({ min: 0, max: 8 }) : fc.constant(0), { minLength: n, maxLength: n }),
        rescue: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
      }),
    )
    .map(({ exec: drawnExec, transfer: drawnTransfer, ready, priority, release: rel, rescue }) => {
      // Keep one allowed device per task (on copies: generated values are not ours to mutate).
      const exec = drawnExec.map((row) => [...row]);
      const transfer = drawnTransfer?.map((row) => [...row]);
      for (let i = 0; i < exec.length; i++) {
        const j = rescue[i]!;
        if (exec[i]![j] === Infinity) exec[i]![j] = 1;
        if (transfer !== undefined && transfer[i]![j] === Infinity) transfer[i]![j] = 0;
      }
      const tasks: TaskSpec[] = exec.map((_, i) => ({ id: `t${i}`, priority: priority[i]!, ...(rel[i] ? { release: rel[i] } : {}) }));
      return {
        tasks,
        devices: ready.map((r, j) => ({ id: `d${j}`, tier: j === ready.length - 1 ? ('cloud' as const) : ('edge' as const), ready: r })),
        execTime: exec,
        ...(transfer === undefined ? {} : { transferTime: transfer }),
      };
    });
}

/** The heuristic strategies this suite covers (other strategies may join `strategyNames`). */
export const HEURISTICS = ['seed', 'olb', 'met', 'mct', 'min-min', 'max-min', 'duplex', 'sufferage', 'sufferage-greedy'] as const;

/** The twelve Braun et al. (2001) instances. */
export const BRAUN_NAMES = [
  'u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0',
  'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0',
  'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0',
] as const;

const BRAUN_DIR = new URL('../../data/hcsp/', import.meta.url);

/** Reads one Braun instance through parseHcsp. */
export function loadBraun(name: (typeof BRAUN_NAMES)[number]): Problem {
  return parseHcsp(readFileSync(new URL(name, BRAUN_DIR), 'utf8'));
}

/**
 * Instances for the oracle tests of the batch heuristics' fast paths: heavy
 * ties (costs from 0..4), all-equal matrices, consistent matrices (c[i][j] =
 * t[i]·s[j], rows ordered alike), forbidden pairs (Infinity in exec or
 * transfer), ready times, releases either none, never above the earliest
 * ready time (the fast paths' condition) or arbitrary, and `huge` ready
 * times (2^53 + ...) where sums of different costs round to the same value.
 */
export const batchOracleArb: fc.Arbitrary<Problem> = fc
  .record({
    n: fc.integer({ min: 1, max: 30 }),
    m: fc.integer({ min: 1, max: 6 }),
    shape: fc.constantFrom('random', 'all-equal', 'consistent'),
    releases: fc.constantFrom('none', 'below-ready', 'any'),
    huge: fc.boolean(),
    forbid: fc.boolean(),
  })
  .chain(({ n, m, shape, releases, huge, forbid }) =>
    fc
      .record({
        exec: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        t: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
        s: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: m, maxLength: m }),
        holes: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        transfer: fc.option(fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }), { nil: undefined }),
        ready: fc.array(fc.integer({ min: 0, max: 4 }).map((r) => (huge ? 2 ** 53 + 2 * r : r)), { minLength: m, maxLength: m }),
        release: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: n, maxLength: n }),
        rescue: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
      })
      .map(({ exec, t, s, holes, transfer, ready, release, rescue }): Problem => {
        const minReady = Math.min(...ready);
        const rel = release.map((r) => (releases === 'none' ? 0 : releases === 'below-ready' ? Math.min(r, minReady) : huge ? 2 ** 53 + r : r));
        const execTime = exec.map((row, i) =>
          row.map((x, j) => {
            const c = shape === 'random' ? x : shape === 'all-equal' ? 2 : t[i]! * s[j]!;
            // Forbid about one pair in six, never the task's rescue device.
            return forbid && j !== rescue[i] && holes[i]![j] === 0 ? Infinity : c;
          }),
        );
        return {
          tasks: exec.map((_, i) => ({ id: `t${i}`, ...(rel[i] ? { release: rel[i] } : {}) })),
          devices: ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
          execTime,
          ...(transfer === undefined ? {} : { transferTime: forbid ? transfer.map((row, i) => row.map((x, j) => (j !== rescue[i] && holes[i]![j] === 1 ? Infinity : x))) : transfer }),
        };
      }),
  );

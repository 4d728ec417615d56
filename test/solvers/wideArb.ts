/**
 * Problems with 32 to 40 devices, so that the sufferage heuristics take
 * their `CostOrder` path (`wideProblemArb(true)`: transfer + exec rows
 * sorted by device index, the consistent class) or their `RowOrder` path
 * (`wideProblemArb(false)`: rows as drawn): heavy ties (costs 0..6, or
 * t[i]·s[j]), forbidden pairs (sorted rows: Infinity on a task's slowest
 * devices; else anywhere but the task's rescue device), a per-task transfer
 * time (constant along the row, so sorted rows stay sorted), ready times
 * (small, or 2^53 + ... where sums of different costs round together) and
 * releases (none, never above the earliest ready time, or arbitrary).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { scanTopTwo } from '../../src/solvers/heuristics/completion.js';
import type { CompiledProblem, Problem } from '../../src/problem/types.js';

export const wideProblemArb = (rowsSorted: boolean): fc.Arbitrary<Problem> =>
  fc
  .record({
    n: fc.integer({ min: 1, max: 25 }),
    m: fc.integer({ min: 32, max: 40 }),
    shape: fc.constantFrom('random', 'product', 'all-equal'),
    releases: fc.constantFrom('none', 'below-ready', 'any'),
    huge: fc.boolean(),
    forbid: fc.boolean(),
    withTransfer: fc.boolean(),
  })
  .chain(({ n, m, shape, releases, huge, forbid, withTransfer }) =>
    fc
      .record({
        exec: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        t: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
        s: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: m, maxLength: m }),
        allowed: fc.array(fc.integer({ min: 1, max: m }), { minLength: n, maxLength: n }),
        holes: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        rescue: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }),
        transfer: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
        ready: fc.array(fc.integer({ min: 0, max: 6 }).map((r) => (huge ? 2 ** 53 + 2 * r : r)), { minLength: m, maxLength: m }),
        release: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
      })
      .map(({ exec, t, s, allowed, holes, rescue, transfer, ready, release }): Problem => {
        const minReady = Math.min(...ready);
        const rel = release.map((r) => (releases === 'none' ? 0 : releases === 'below-ready' ? Math.min(r, minReady) : huge ? 2 ** 53 + r : r));
        const speeds = rowsSorted ? [...s].sort((a, b) => a - b) : s;
        const execTime = exec.map((row, i) => {
          const drawn = shape === 'random' ? (rowsSorted ? [...row].sort((a, b) => a - b) : row) : shape === 'product' ? speeds.map((x) => t[i]! * x) : row.map(() => 2);
          if (!forbid) return drawn;
          // Sorted rows: forbid the slowest devices; else about one pair in six, never the rescue device.
          return drawn.map((x, j) => ((rowsSorted ? j >= allowed[i]! : j !== rescue[i] && holes[i]![j] === 0) ? Infinity : x));
        });
        return {
          tasks: exec.map((_, i) => ({ id: `t${i}`, ...(rel[i] ? { release: rel[i] } : {}) })),
          devices: ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
          execTime,
          ...(withTransfer ? { transferTime: exec.map((row, i) => row.map(() => transfer[i]!)) } : {}),
        };
      }),
  );

/** Best and second-best buffers (devices and times) for n tasks. */
export const topTwoBuffers = (n: number) => ({ bd: new Int32Array(n), bc: new Float64Array(n), sd: new Int32Array(n), sc: new Float64Array(n) });

/** Availability increments: small ties, spread integers, and a jump to overflow. */
export const availabilityStepsArb = fc.array(
  fc.record({ device: fc.nat(), by: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: 40 }), fc.constant(1e308)) }),
  { maxLength: 30 },
);

/** A device order under test: `prepare` after availabilities change, then `topTwo` per task. */
interface TopTwoOrder {
  prepare(avail: Float64Array): void;
  topTwo(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array): void;
}

/**
 * Expects `order.topTwo` to give every task scanTopTwo's best and second
 * best (devices and times) from the ready times and after each step of
 * growing availabilities.
 */
export function expectTopTwoAsScan(cp: CompiledProblem, order: TopTwoOrder, steps: readonly { device: number; by: number }[]): void {
  const { n, m } = cp;
  const avail = cp.ready.slice();
  const got = topTwoBuffers(n);
  const want = topTwoBuffers(n);
  const check = (): void => {
    order.prepare(avail);
    for (let i = 0; i < n; i++) {
      order.topTwo(avail, i, got.bd, got.bc, got.sd, got.sc);
      scanTopTwo(cp, avail, i, want.bd, want.bc, want.sd, want.sc);
    }
    expect(got).toEqual(want);
  };
  check();
  for (const { device, by } of steps) {
    avail[device % m] = avail[device % m]! + by;
    check();
  }
}

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
import type { Problem } from '../../src/problem/types.js';

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

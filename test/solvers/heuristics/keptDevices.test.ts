import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { scanTopTwo } from '../../../src/solvers/heuristics/completion.js';
import { KeptDevices } from '../../../src/solvers/heuristics/keptDevices.js';

/** Small integer costs (many ties), forbidden pairs, costs of 2^53 (sums that round together), release times; availabilities that grow to overflow. */
const caseArb = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 12 }), keep: fc.integer({ min: 2, max: 5 }) })
  .chain(({ n, m, keep }) =>
    fc.record({
      keep: fc.constant(keep),
      exec: fc.array(
        fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }, { weight: 1, arbitrary: fc.constant(2 ** 53) }), {
          minLength: m,
          maxLength: m,
        }),
        { minLength: n, maxLength: n },
      ),
      release: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      ready: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }),
      // Each step: one device's availability grows (by 0, a little, a lot, or to an overflowing value).
      steps: fc.array(
        fc.record({ device: fc.integer({ min: 0, max: m - 1 }), by: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: 40 }), fc.constant(1e308)) }),
        { maxLength: 40 },
      ),
    }),
  );

describe('KeptDevices.topTwo(avail, i, ...): oracle', () => {
  it('gives every task the same best and second-best device and times as scanTopTwo while availabilities only grow (ties, Infinity, overflow, releases)', () => {
    fc.assert(
      fc.property(caseArb, ({ keep, exec, release, ready, steps }) => {
        const n = exec.length;
        const m = exec[0]!.length;
        // Every task keeps one allowed device (device 0, finite).
        const rows = exec.map((r) => r.map((x, j) => (j === 0 && x === Infinity ? 3 : x)));
        const cp = compileProblem({
          tasks: rows.map((_, i) => ({ id: `t${i}`, ...(release[i] ? { release: release[i] } : {}) })),
          devices: ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
          execTime: rows,
        });
        const avail = cp.ready.slice();
        const top = new KeptDevices(cp, keep);
        const got = { bd: new Int32Array(n), bc: new Float64Array(n), sd: new Int32Array(n), sc: new Float64Array(n) };
        const want = { bd: new Int32Array(n), bc: new Float64Array(n), sd: new Int32Array(n), sc: new Float64Array(n) };
        const check = (fresh: boolean): void => {
          for (let i = 0; i < n; i++) {
            top.topTwo(avail, i, got.bd, got.bc, got.sd, got.sc, fresh);
            scanTopTwo(cp, avail, i, want.bd, want.bc, want.sd, want.sc);
          }
          expect(got).toEqual(want);
        };
        check(true);
        for (const { device, by } of steps) {
          avail[device] = avail[device]! + by;
          check(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('re-times the kept devices without scanning the row again while the second stays below the bound', () => {
    // 1 task, 8 devices of costs 0..7; keep 3: devices 0, 1, 2 kept, bound 3.
    const cp = compileProblem({ tasks: [{ id: 't' }], devices: [...Array(8).keys()].map((j) => ({ id: `d${j}`, tier: 'edge' as const })), execTime: [[0, 1, 2, 3, 4, 5, 6, 7]] });
    const avail = new Float64Array(8);
    const top = new KeptDevices(cp, 3);
    const a = { bd: new Int32Array(1), bc: new Float64Array(1), sd: new Int32Array(1), sc: new Float64Array(1) };
    top.topTwo(avail, 0, a.bd, a.bc, a.sd, a.sc, true);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], top.scans]).toEqual([0, 0, 1, 1, 1]);
    avail[0] = 1.5; // times 1.5, 1, 2: best 1, second 0, still below the bound 3
    top.topTwo(avail, 0, a.bd, a.bc, a.sd, a.sc, false);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], top.scans]).toEqual([1, 1, 0, 1.5, 1]);
    avail[0] = 10; // times 10, 1, 2: second 2 still below 3
    avail[1] = 2.5; // times 10, 3.5, 2: second 3.5 ≥ 3, so the row is scanned: best 2, second 3
    top.topTwo(avail, 0, a.bd, a.bc, a.sd, a.sc, false);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], top.scans]).toEqual([2, 2, 3, 3, 2]);
  });
});

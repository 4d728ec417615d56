import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { scanTopTwo } from '../../../src/solvers/heuristics/completion.js';
import { RowOrder } from '../../../src/solvers/heuristics/rowOrder.js';
import { wideProblemArb } from '../wideArb.js';

const two = (n: number) => ({ bd: new Int32Array(n), bc: new Float64Array(n), sd: new Int32Array(n), sc: new Float64Array(n) });

describe('RowOrder.topTwo(avail, i, ...): oracle', () => {
  it('gives every task the same best and second-best device and times as scanTopTwo while availabilities only grow (ties, Infinity, releases, huge ready times, overflow)', () => {
    const stepsArb = fc.array(
      fc.record({ device: fc.nat(), by: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: 40 }), fc.constant(1e308)) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(wideProblemArb(false), stepsArb, (p, steps) => {
        const cp = compileProblem(p);
        const { n, m } = cp;
        const avail = cp.ready.slice();
        const order = new RowOrder(cp);
        const got = two(n);
        const want = two(n);
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
      }),
      { numRuns: 300 },
    );
  });

  it('visits the devices cheapest first and stops once the smallest availability plus the next cost exceeds the second best; a tie with a lower index still displaces the second', () => {
    const devices = [0, 1, 2, 3].map((j) => ({ id: `d${j}`, tier: 'edge' as const }));
    // Costs 7, 1, 5, 6: visited 1 (1), 2 (5), then 0 + 6 > 5 stops.
    const cp = compileProblem({ tasks: [{ id: 't' }], devices, execTime: [[7, 1, 5, 6]] });
    const zero = new Float64Array(4);
    const order = new RowOrder(cp);
    const a = two(1);
    order.prepare(zero);
    order.topTwo(zero, 0, a.bd, a.bc, a.sd, a.sc);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], order.visits]).toEqual([1, 1, 2, 5, 2]);
    // Costs 5, 1, 5, 9 (sorted: devices 1, 0, 2, 3): device 2 ties device 0
    // at 5 and is visited (the bound 0 + 5 does not exceed 5) but device 0
    // keeps the second place (lower index); device 3 (0 + 9 > 5) is not.
    const tie = compileProblem({ tasks: [{ id: 't' }], devices, execTime: [[5, 1, 5, 9]] });
    const t = new RowOrder(tie);
    t.prepare(zero);
    t.topTwo(zero, 0, a.bd, a.bc, a.sd, a.sc);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], t.visits]).toEqual([1, 1, 0, 5, 3]);
    // Availabilities 2, 0, 4, 0 with costs 5, 1, 5, 9: times 7, 1, 9, 9; the
    // bound (smallest availability 0) + 9 exceeds the second best 7.
    const busy = Float64Array.from([2, 0, 4, 0]);
    t.prepare(busy);
    t.topTwo(busy, 0, a.bd, a.bc, a.sd, a.sc);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0]]).toEqual([1, 1, 0, 7]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { RowOrder } from '../../../src/solvers/heuristics/rowOrder.js';
import { availabilityStepsArb, expectTopTwoAsScan, topTwoBuffers, wideProblemArb } from '../wideArb.js';


describe('RowOrder.topTwo(avail, i, ...): oracle', () => {
  it('gives every task the same best and second-best device and times as scanTopTwo while availabilities only grow (ties, Infinity, releases, huge ready times, overflow)', () => {
    fc.assert(
      fc.property(wideProblemArb(false), availabilityStepsArb, (p, steps) => {
        const cp = compileProblem(p);
        expectTopTwoAsScan(cp, new RowOrder(cp), steps);
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
    const a = topTwoBuffers(1);
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

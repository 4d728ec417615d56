import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { CostOrder, rowsSortedByIndex } from '../../../src/solvers/heuristics/costOrder.js';
import { availabilityStepsArb, expectTopTwoAsScan, topTwoBuffers, wideProblemArb } from '../wideArb.js';


describe('rowsSortedByIndex(cp)', () => {
  it('is true when every row of transfer + exec is non-decreasing (ties and an Infinity tail included) and false on the first row out of order', () => {
    const devices = [0, 1, 2].map((j) => ({ id: `d${j}`, tier: 'edge' as const }));
    const sorted = compileProblem({ tasks: [{ id: 'a' }, { id: 'b' }], devices, execTime: [[1, 1, 2], [0, 3, Infinity]] });
    expect(rowsSortedByIndex(sorted)).toBe(true);
    const viaTransfer = compileProblem({ tasks: [{ id: 'a' }], devices, execTime: [[1, 2, 3]], transferTime: [[0, 5, 0]] });
    expect(rowsSortedByIndex(viaTransfer)).toBe(false);
    const secondRow = compileProblem({ tasks: [{ id: 'a' }, { id: 'b' }], devices, execTime: [[1, 2, 3], [2, 1, 3]] });
    expect(rowsSortedByIndex(secondRow)).toBe(false);
  });
});

describe('CostOrder.topTwo(avail, i, ...): oracle', () => {
  it('gives every task the same best and second-best device and times as scanTopTwo while availabilities only grow (ties, Infinity tails, releases, huge ready times, overflow)', () => {
    fc.assert(
      fc.property(wideProblemArb(true), availabilityStepsArb, (p, steps) => {
        const cp = compileProblem(p);
        expect(rowsSortedByIndex(cp)).toBe(true);
        expectTopTwoAsScan(cp, new CostOrder(cp), steps);
      }),
      { numRuns: 300 },
    );
  });

  it('skips a device that two faster devices are no busier than, and stops once the cheapest time left exceeds the second best', () => {
    // 1 task, costs 1, 2, 2, 2; availabilities 0, 1, 5, 0.5 (times 1, 3, 7,
    // 2.5): device 2 has two devices before it no busier, so it is not
    // visited (its lower bound 0.5 + 2 does not exceed the second best 3 met
    // so far, so without the skip it would be); devices 0, 1 and 3 are.
    const cp = compileProblem({ tasks: [{ id: 't' }], devices: [0, 1, 2, 3].map((j) => ({ id: `d${j}`, tier: 'edge' as const })), execTime: [[1, 2, 2, 2]] });
    const avail = Float64Array.from([0, 1, 5, 0.5]);
    const order = new CostOrder(cp);
    const a = topTwoBuffers(1);
    order.prepare(avail);
    order.topTwo(avail, 0, a.bd, a.bc, a.sd, a.sc);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], order.visits]).toEqual([0, 1, 3, 2.5, 3]);
    avail[0] = 10;
    avail[1] = 10; // times 11, 12, 7, 2.5: best 3, second 2
    order.prepare(avail);
    order.topTwo(avail, 0, a.bd, a.bc, a.sd, a.sc);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0]]).toEqual([3, 2.5, 2, 7]);
    // Stop: costs 1, 5, 6, 7 at availabilities 0: after devices 0 and 1 the
    // second best is 5 and the next bound 0 + 6 exceeds it.
    const wide = compileProblem({ tasks: [{ id: 't' }], devices: [0, 1, 2, 3].map((j) => ({ id: `d${j}`, tier: 'edge' as const })), execTime: [[1, 5, 6, 7]] });
    const zero = new Float64Array(4);
    const stop = new CostOrder(wide);
    stop.prepare(zero);
    stop.topTwo(zero, 0, a.bd, a.bc, a.sd, a.sc);
    expect([a.bd[0], a.bc[0], a.sd[0], a.sc[0], stop.visits]).toEqual([0, 1, 1, 5, 2]);
  });
});

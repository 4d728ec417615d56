import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/problem/types.js';
import { evaluate } from '../../../src/schedule/evaluate.js';
import { solve } from '../../../src/solvers/solve.js';
import { strategyNames } from '../../../src/solvers/strategies.js';
import { bruteForceFlowtime, cost, deepFreeze, loadBraun, problemArb } from '../helpers.js';

describe("solve(…, {strategy: 'optimal-flowtime'}): reference values", () => {
  it('solve(3 tasks, 2 devices) puts the short tasks first on the fast device', () => {
    const p = deepFreeze({
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'edge' as const }],
      execTime: [[1, 10], [2, 10], [3, 4]],
    });
    const s = solve(p, { strategy: 'optimal-flowtime', objective: 'flowtime' });
    // x runs a (1) then b (3); c alone on y (4): 1 + 3 + 4 = 8.
    expect(s.assignment).toEqual([0, 0, 1]);
    expect(s.metrics.flowtime).toBe(8);
    expect(s.schedule.devices[0]!.tasks).toEqual([0, 1]);
  });
});

describe("solve(…, {strategy: 'optimal-flowtime'}): forbidden pairs and magnitudes", () => {
  it('solve(7 tasks that only device 0 can run, 4 devices) needs more positions than the first guess (K = 4) and still runs them shortest first', () => {
    const times = [5, 3, 6, 1, 4, 2, 7];
    const p = deepFreeze({
      tasks: times.map((_, i) => ({ id: `t${i}` })),
      devices: ['w', 'x', 'y', 'z'].map((id) => ({ id, tier: 'edge' as const })),
      execTime: times.map((t) => [t, Infinity, Infinity, Infinity]),
    });
    const s = solve(p, { strategy: 'optimal-flowtime', objective: 'flowtime' });
    expect(s.assignment).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Shortest first on one device: 1, 3, 6, 10, 15, 21, 28 → 84 (Smith's rule).
    expect(s.metrics.flowtime).toBe(bruteForceFlowtime(p, false));
    expect(s.metrics.flowtime).toBe(84);
  });

  it('solve with times near 1e300 and forbidden pairs (no stand-in cost to collide with) equals the brute-force optimum', () => {
    const p = deepFreeze({
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'edge' as const }],
      execTime: [[1e300, Infinity], [Infinity, 3e299], [2e300, 1e300]],
    });
    const s = solve(p, { strategy: 'optimal-flowtime', objective: 'flowtime' });
    expect(s.metrics.flowtime).toBe(bruteForceFlowtime(p, false));
  });
});

describe("solve(…, {strategy: 'optimal-flowtime'}): oracles (brute force, n ≤ 6, m ≤ 3)", () => {
  it('the evaluated flowtime equals the brute-force optimum (transfers, ready times, forbidden pairs)', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 6, maxDevices: 3, releases: false }), (p) => {
        deepFreeze(p);
        const s = solve(p, { strategy: 'optimal-flowtime', objective: 'flowtime' });
        expect(s.metrics.flowtime).toBe(bruteForceFlowtime(p, false));
        // The returned run order is what evaluate uses: re-evaluating gives the same total.
        const order = s.schedule.devices.flatMap((d) => d.tasks);
        expect(evaluate(p, s.assignment, { order }).metrics.flowtime).toBe(s.metrics.flowtime);
      }),
    );
  });
});

describe("solve(…, {strategy: 'optimal-flowtime'}): properties", () => {
  it('its flowtime is ≤ every other strategy’s flowtime', () => {
    const others = strategyNames.filter((s) => s !== 'optimal-flowtime' && s !== 'local-search');
    fc.assert(
      fc.property(problemArb({ maxTasks: 9, maxDevices: 4, releases: false }), (p) => {
        const best = solve(p, { strategy: 'optimal-flowtime' }).metrics.flowtime;
        for (const strategy of others) expect(best).toBeLessThanOrEqual(solve(p, { strategy }).metrics.flowtime);
      }),
    );
  });

  it("under costModel 'independent' it gives each task its fastest device", () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 6, maxDevices: 3, releases: true }), (p) => {
        const s = solve(p, { strategy: 'optimal-flowtime', costModel: 'independent' });
        s.assignment.forEach((j, i) => {
          for (let k = 0; k < p.devices.length; k++) expect(cost(p, i, j)).toBeLessThanOrEqual(cost(p, i, k));
        });
      }),
    );
  });

  it('on the Braun instance u_i_lolo.0 it beats Min-Min’s flowtime (512 tasks × 16 devices)', () => {
    const p = loadBraun('u_i_lolo.0');
    const opt = solve(p, { strategy: 'optimal-flowtime', trace: false }).metrics.flowtime;
    expect(opt).toBeLessThan(solve(p, { strategy: 'min-min', trace: false }).metrics.flowtime);
  });
});

describe("solve(…, {strategy: 'optimal-flowtime'}): edge cases", () => {
  it('a single task, a single device, zero times and ties', () => {
    const one = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' as const, ready: 2 }], execTime: [[3]] };
    expect(solve(one, { strategy: 'optimal-flowtime' }).metrics.flowtime).toBe(5);
    const zeros = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'edge' as const }], execTime: [[0, 0], [0, 0]] };
    expect(solve(zeros, { strategy: 'optimal-flowtime' }).metrics.flowtime).toBe(0);
  });
});

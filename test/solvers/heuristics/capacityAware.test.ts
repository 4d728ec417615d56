// Item 4 of issue 11: capacities honoured by the list heuristics, reported
// as overruns by the strategies that ignore them, never hidden.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, InfeasibleError, solve, type Problem, type StrategyName } from '../../../src/index.js';
import { CAPACITY_AWARE, runCapacityAware } from '../../../src/solvers/heuristics/capacityAware.js';
import type { StrategyContext } from '../../../src/solvers/registry.js';
import { STRATEGIES } from '../../../src/solvers/strategies.js';
import { deepFreeze } from '../../arbitraries.js';

// The issue's input: three tasks of demand 5, one device of budget 5.
const issue: Problem = deepFreeze({
  tasks: [{ id: 'a', demand: 5 }, { id: 'b', demand: 5 }, { id: 'c', demand: 5 }],
  devices: [{ id: 'x', tier: 'edge', budget: 5 }],
  execTime: [[1], [2], [3]],
});

/** Every assignment (m^n), brute force: the feasible ones under the budgets (demands summed in task order). */
function feasibleAssignments(p: Problem): number[][] {
  const n = p.tasks.length;
  const m = p.devices.length;
  const out: number[][] = [];
  const asg = new Array<number>(n).fill(0);
  const rec = (i: number): void => {
    if (i === n) {
      const used = new Array<number>(m).fill(0);
      asg.forEach((j, t) => (used[j]! += p.tasks[t]!.demand ?? 0));
      if (used.every((u, j) => u <= (p.devices[j]!.budget ?? Infinity))) out.push(asg.slice());
      return;
    }
    for (let j = 0; j < m; j++) {
      if (p.execTime[i]![j]! + (p.transferTime?.[i]![j] ?? 0) === Infinity) continue;
      asg[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return out;
}

const ctxOf = (p: Problem, trace = true): StrategyContext => ({ cp: compileProblem(p), costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 100, trace });

describe('capacity-aware heuristics: reference values (issue 11, item 4)', () => {
  it('solve(three tasks of demand 5, one device of budget 5) throws InfeasibleError naming problem.tasks[1].demand, proved by 15 > 5, for every capacity-aware strategy', () => {
    expect(feasibleAssignments(issue)).toEqual([]); // brute force: no assignment fits
    for (const strategy of CAPACITY_AWARE) {
      expect(() => solve(issue, { strategy })).toThrow(InfeasibleError);
      expect(() => solve(issue, { strategy })).toThrow(/^solve: problem\.tasks\[\d\]\.demand \(5\) of task "[abc]" fits on no device .*no assignment fits \(the problem is infeasible\)$/);
    }
  });

  it("solve(same, {strategy: 'optimal-flowtime'}) ignores budgets by design and reports the overrun (device x, 15 − 5 = 10); 'local-search' keeps them and proves there is no fit", () => {
    const s = solve(issue, { strategy: 'optimal-flowtime' });
    expect(s.assignment).toEqual([0, 0, 0]);
    expect(s.metrics.budgetOverruns).toEqual([{ device: 0, id: 'x', demand: 15, budget: 5, amount: 10 }]);
    expect(() => solve(issue, { strategy: 'local-search' })).toThrow(/^solve: problem\.tasks\[\d\]\.demand \(5\) of task "[abc]" cannot be placed within the device budgets: strategy 'local-search' enumerated all 1 assignments of the 3 tasks and none keeps every budget \(the problem is infeasible\)$/);
    expect(evaluate(issue, [0, 0, 0]).metrics.budgetOverruns).toEqual([{ device: 0, id: 'x', demand: 15, budget: 5, amount: 10 }]);
  });

  it("solve(two devices of budget 5 and 10, demands 5, 5, 5) with 'mct' skips the full device: [0, 1, 1] and no overrun", () => {
    const p: Problem = { ...issue, devices: [{ id: 'x', tier: 'edge', budget: 5 }, { id: 'y', tier: 'edge', budget: 10 }], execTime: [[1, 9], [2, 9], [3, 9]] };
    const s = solve(p, { strategy: 'mct' });
    expect(s.assignment).toEqual([0, 1, 1]); // unconstrained MCT gives [0, 0, 0] (finish 1, 3, 6 < 9)
    expect(s.metrics.budgetOverruns).toEqual([]);
    expect(s.trace[1]!.excluded).toEqual([{ device: 0, reason: 'over budget: remaining 0 < demand 5' }]);
  });

  it('a greedy failure that is not proved says so: demands 3, 3, 4 on budgets 6 and 4 fit as [0, 0, 1], but MCT puts a on x and b on y first', () => {
    const p: Problem = {
      tasks: [{ id: 'a', demand: 3 }, { id: 'b', demand: 3 }, { id: 'c', demand: 4 }],
      devices: [{ id: 'x', tier: 'edge', budget: 6 }, { id: 'y', tier: 'edge', budget: 4 }],
      execTime: [[1, 5], [9, 1], [1, 1]],
    };
    expect(feasibleAssignments(p)).toContainEqual([0, 0, 1]);
    expect(() => solve(p, { strategy: 'mct' })).toThrow(/problem\.tasks\[2\]\.demand \(4\) of task "c" fits on no device .*remaining budgets: x: 3, y: 1\); another assignment may still fit/);
  });
});

describe('capacity-aware heuristics: oracles', () => {
  const tiny = fc.record({
    n: fc.integer({ min: 1, max: 5 }),
    m: fc.integer({ min: 1, max: 3 }),
    times: fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(Infinity)), { minLength: 15, maxLength: 15 }),
    demands: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
    budgets: fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(Infinity)), { minLength: 3, maxLength: 3 }),
  }).map(({ n, m, times, demands, budgets }): Problem => ({
    tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, demand: demands[i]! })),
    devices: Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const, budget: budgets[j]! })),
    // Device 0 always allowed, so every task can run somewhere.
    execTime: Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (j === 0 && times[i * 3 + j] === Infinity ? 1 : times[i * 3 + j]!))),
  }));

  it('solve(tiny problem with budgets) with every capacity-aware strategy respects every budget, or throws InfeasibleError; "infeasible" only when brute force finds no fitting assignment', () => {
    fc.assert(
      fc.property(tiny, (p) => {
        const feasible = feasibleAssignments(p).length > 0;
        for (const strategy of CAPACITY_AWARE) {
          let s;
          try {
            s = solve(deepFreeze(p), { strategy });
          } catch (e) {
            expect(e).toBeInstanceOf(InfeasibleError);
            const proved = /the problem is infeasible\)$/.test((e as Error).message);
            if (proved) expect(feasible).toBe(false);
            continue;
          }
          expect(s.metrics.budgetOverruns).toEqual([]);
          const used = new Array<number>(p.devices.length).fill(0);
          s.assignment.forEach((j, i) => (used[j]! += p.tasks[i]!.demand!));
          used.forEach((u, j) => expect(u).toBeLessThanOrEqual(p.devices[j]!.budget!));
        }
        if (!feasible) for (const strategy of CAPACITY_AWARE) expect(() => solve(p, { strategy })).toThrow(InfeasibleError);
      }),
    );
  });

  it('runCapacityAware(ctx, name) with every budget infinite makes exactly the fast strategy\'s decisions: assignment, order and trace', () => {
    const free = fc.record({
      n: fc.integer({ min: 0, max: 7 }),
      m: fc.integer({ min: 1, max: 4 }),
      cells: fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Infinity)), { minLength: 28, maxLength: 28 }),
      release: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 7, maxLength: 7 }),
      priority: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }),
    }).map(({ n, m, cells, release, priority }): Problem => ({
      tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, demand: 1, release: release[i]!, priority: priority[i]! })),
      devices: Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: j })),
      execTime: Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (j === 0 ? 1 + (cells[i * 4]! === Infinity ? 0 : cells[i * 4]!) : cells[i * 4 + j]!))),
    }));
    fc.assert(
      fc.property(free, (p) => {
        const ctx = ctxOf(p);
        for (const name of CAPACITY_AWARE) {
          const fast = STRATEGIES[name as StrategyName].run(ctx);
          const slow = runCapacityAware(ctx, name);
          expect(Array.from(slow.assignment)).toEqual(Array.from(fast.assignment));
          expect(Array.from(slow.order)).toEqual(Array.from(fast.order));
          expect(slow.trace).toEqual(fast.trace);
        }
      }),
    );
  });
});

describe('capacity-aware heuristics: edge cases', () => {
  it('solve uses the fast strategies when budgets cannot bind (all infinite, or every demand 0)', () => {
    const p: Problem = { ...issue, devices: [{ id: 'x', tier: 'edge' }] };
    expect(solve(p, { strategy: 'mct' }).assignment).toEqual([0, 0, 0]);
    const q: Problem = { ...issue, tasks: issue.tasks.map((t) => ({ id: t.id, demand: 0 })) };
    expect(solve(q, { strategy: 'mct' }).metrics.budgetOverruns).toEqual([]);
  });

  it('a budget of 0 takes only demand-0 tasks; an empty problem solves', () => {
    const p: Problem = { tasks: [{ id: 'a', demand: 0 }, { id: 'b', demand: 1 }], devices: [{ id: 'x', tier: 'edge', budget: 0 }, { id: 'y', tier: 'cloud', budget: 1 }], execTime: [[1, 5], [1, 5]] };
    for (const strategy of CAPACITY_AWARE) expect(solve(p, { strategy }).assignment[1]).toBe(1);
    expect(solve({ tasks: [], devices: [{ id: 'x', tier: 'edge', budget: 0 }], execTime: [] }).assignment).toEqual([]);
  });
});

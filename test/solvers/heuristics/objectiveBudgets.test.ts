// Device budgets under the objective-aware list heuristics: with an energy,
// cost or weighted objective, or any constraints, 'mct', 'min-min',
// 'max-min' and 'duplex' skip a device whose remaining budget cannot take the
// task, as their capacity-aware makespan forms do (newcomer report: they
// used to ignore budgets and only report the overrun).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, InfeasibleError, solve, type Problem, type SolveOptions } from '../../../src/index.js';
import { objectiveGreedy } from '../../../src/solvers/heuristics/objectiveGreedy.js';
import { deepFreeze } from '../../arbitraries.js';

// The newcomer's repro: d0 has budget 1, so t0 (demand 3) and t3 (demand 4) must go to d1.
const repro: Problem = deepFreeze({
  tasks: [{ id: 't0', source: 'd0', demand: 3 }, { id: 't1', source: 'd0', demand: 0 }, { id: 't2' }, { id: 't3', demand: 4 }],
  devices: [
    { id: 'd0', tier: 'edge', power: { busy: 9, transfer: 2, idle: 2 }, budget: 1 },
    { id: 'd1', tier: 'fog', power: { busy: 2, transfer: 5, idle: 1 }, budget: 10 },
  ],
  execTime: [[1, 7], [11, 4], [10, 9], [1, 6]],
  transferTime: [[1, 1], [1, 1], [3, 4], [1, 4]],
});

const STRATEGIES = ['mct', 'min-min', 'max-min', 'duplex'] as const;
const OBJECTIVES = ['energy', 'cost', { makespan: 1, energy: 0.5, cost: 2 }] as const;
const CONSTRAINTS = [undefined, { makespan: 1000 }] as const;

/** The value the objective asks for, from the evaluated metrics (weights over makespan, flowtime, weighted flowtime, energy, cost). */
function objectiveOf(m: ReturnType<typeof evaluate>['metrics'], objective: SolveOptions['objective']): number {
  const w = typeof objective === 'string' ? { [objective]: 1 } : (objective as Record<string, number>);
  return (w.makespan ?? 0) * m.makespan + (w.energy ?? 0) * m.energy.total + (w.cost ?? 0) * m.cost.total;
}

describe('objective-aware heuristics keep device budgets: the newcomer repro', () => {
  it("solve(repro, {strategy: 'min-min'}) (capacity-aware makespan form) keeps the budgets: [1, 1, 0, 1]", () => {
    const s = solve(repro, { strategy: 'min-min' });
    expect(s.assignment).toEqual([1, 1, 0, 1]);
    expect(s.metrics.budgetOverruns).toEqual([]);
  });

  for (const strategy of STRATEGIES) {
    for (const objective of OBJECTIVES) {
      for (const constraints of CONSTRAINTS) {
        const label = `${JSON.stringify(objective)}${constraints === undefined ? '' : ', constraints {makespan: 1000}'}`;
        it(`solve(repro, {strategy: '${strategy}', objective: ${label}}) puts t0 and t3 on d1 and reports no overrun`, () => {
          const s = solve(repro, { strategy, objective, ...(constraints === undefined ? {} : { constraints }) });
          expect(s.metrics.budgetOverruns).toEqual([]);
          expect(s.assignment[0]).toBe(1);
          expect(s.assignment[3]).toBe(1);
          if (constraints !== undefined) expect(s.constraints!.satisfied).toBe(true);
        });
      }
    }
  }

  it("solve(repro, {strategy: 'min-min', constraints: {makespan: 1000}}) (the makespan objective under a constraint) keeps the budgets too", () => {
    const s = solve(repro, { strategy: 'min-min', constraints: { makespan: 1000 } });
    expect(s.metrics.budgetOverruns).toEqual([]);
    expect([s.assignment[0], s.assignment[3]]).toEqual([1, 1]);
    expect(s.constraints!.satisfied).toBe(true);
  });

  it("the trace excludes the full device with the capacity-aware reason: solve(repro, {strategy: 'mct', objective: 'energy'}).trace[0].excluded", () => {
    const s = solve(repro, { strategy: 'mct', objective: 'energy', trace: true });
    expect(s.trace[0]!.excluded).toEqual([{ device: 0, reason: 'over budget: remaining 1 < demand 3' }]);
    expect(s.trace[0]!.candidates.map((c) => c.device)).toEqual([1]);
  });
});

describe('objective-aware heuristics keep device budgets: InfeasibleError as the capacity-aware forms', () => {
  it('three tasks of demand 5 on one device of budget 5: proved infeasible (15 > 5), same wording as the makespan forms', () => {
    const issue: Problem = {
      tasks: [{ id: 'a', demand: 5 }, { id: 'b', demand: 5 }, { id: 'c', demand: 5 }],
      devices: [{ id: 'x', tier: 'edge', budget: 5, power: { busy: 1 } }],
      execTime: [[1], [2], [3]],
    };
    for (const strategy of STRATEGIES) {
      for (const objective of OBJECTIVES) {
        expect(() => solve(issue, { strategy, objective })).toThrow(InfeasibleError);
        expect(() => solve(issue, { strategy, objective })).toThrow(/^solve: problem\.tasks\[\d\]\.demand \(5\) of task "[abc]" fits on no device it can run on after strategy '(mct|min-min|max-min)' placed 1 task\(s\) \(remaining budgets: x: 0\): the demands \(15 in all\) exceed the budgets \(5 in all\), so no assignment fits \(the problem is infeasible\)$/);
      }
    }
  });

  it("a greedy failure that is not proved says so: demands 3, 3, 4 on budgets 6 and 4 fit as [0, 0, 1], but the energy MCT puts a on x and b on y first", () => {
    const p: Problem = {
      tasks: [{ id: 'a', demand: 3 }, { id: 'b', demand: 3 }, { id: 'c', demand: 4 }],
      devices: [{ id: 'x', tier: 'edge', budget: 6, power: { busy: 1 } }, { id: 'y', tier: 'edge', budget: 4, power: { busy: 1 } }],
      execTime: [[1, 5], [9, 1], [1, 1]],
    };
    expect(evaluate(p, [0, 0, 1]).metrics.budgetOverruns).toEqual([]);
    expect(() => solve(p, { strategy: 'mct', objective: 'energy' })).toThrow(/^solve: problem\.tasks\[2\]\.demand \(4\) of task "c" fits on no device it can run on after strategy 'mct' placed 2 task\(s\) \(remaining budgets: x: 3, y: 1\); another assignment may still fit \(the capacity-aware 'mct' places greedily and does not search\)$/);
  });
});

describe('objective-aware heuristics keep device budgets: oracles', () => {
  // ≤ 4 tasks × 3 devices, integer times, no release times (the objectives are then independent of the run order), small demands and budgets.
  const arb = fc
    .record({
      m: fc.integer({ min: 1, max: 3 }),
      n: fc.integer({ min: 1, max: 4 }),
      seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
    })
    .map(({ m, n, seed }): Problem => {
      let q = 0;
      const next = (k: number): number => seed[q++ % seed.length]! % k;
      return {
        tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, demand: next(4) })),
        devices: Array.from({ length: m }, (_, j) => ({
          id: `d${j}`,
          tier: 'edge' as const,
          budget: next(3) === 0 ? Infinity : next(7),
          power: { busy: 1 + next(9), transfer: next(5), idle: next(3) },
          price: { perSecond: next(3) },
        })),
        execTime: Array.from({ length: n }, () => Array.from({ length: m }, () => (next(6) === 0 ? Infinity : 1 + next(9)))),
        transferTime: Array.from({ length: n }, () => Array.from({ length: m }, () => next(4))),
      };
    })
    .filter((p) => p.execTime.every((row) => row.some((x) => x < Infinity)));

  /** The least objective over every allowed assignment that keeps every budget (undefined when none does). */
  function bruteForce(p: Problem, objective: SolveOptions['objective']): number | undefined {
    const n = p.tasks.length;
    const m = p.devices.length;
    const a = new Array<number>(n).fill(0);
    let best: number | undefined;
    const rec = (i: number): void => {
      if (i === n) {
        const e = evaluate(p, a);
        if ((e.metrics.budgetOverruns?.length ?? 0) > 0) return;
        const v = objectiveOf(e.metrics, objective);
        if (best === undefined || v < best) best = v;
        return;
      }
      for (let j = 0; j < m; j++) {
        if (p.execTime[i]![j]! === Infinity) continue;
        a[i] = j;
        rec(i + 1);
      }
    };
    rec(0);
    return best;
  }

  it('every objective-aware list strategy keeps every budget or throws InfeasibleError; a kept result is never better than the brute-force optimum, and a proved infeasibility agrees with brute force', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...STRATEGIES), fc.constantFrom(...OBJECTIVES), fc.constantFrom(...CONSTRAINTS), (p, strategy, objective, constraints) => {
        const best = bruteForce(p, objective);
        let s;
        try {
          s = solve(p, { strategy, objective, ...(constraints === undefined ? {} : { constraints }) });
        } catch (e) {
          expect(e).toBeInstanceOf(InfeasibleError);
          // "no assignment fits" is a proof: brute force finds none either.
          if (/no assignment fits/.test((e as Error).message)) expect(best).toBeUndefined();
          return;
        }
        expect(s.metrics.budgetOverruns).toEqual([]);
        expect(best).toBeDefined();
        const v = objectiveOf(s.metrics, objective);
        expect(v).toBeGreaterThanOrEqual(best! - 1e-9 * Math.max(1, Math.abs(best!)));
      }),
      { numRuns: 400 },
    );
  });

  it('with budgets, objectiveGreedy(lazy) equals the plain rescan of every task and device at every step (ties, forbidden pairs, budgets)', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('mct' as const, 'min-min' as const, 'max-min' as const), fc.constantFrom(...OBJECTIVES), fc.boolean(), (p, rule, objective, limited) => {
        const cp = compileProblem(p);
        const w = new Float64Array(5);
        if (typeof objective === 'string') w[objective === 'energy' ? 3 : 4] = 1;
        else [w[0], w[3], w[4]] = [1, 0.5, 2];
        const limits = limited ? Float64Array.of(20, Infinity, 200) : Float64Array.of(Infinity, Infinity, Infinity);
        const run = (lazy: boolean): unknown => {
          try {
            return objectiveGreedy(cp, rule, w, limits, true, lazy, true);
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, solve, type Problem } from '../../../src/index.js';
import { deepFreeze } from '../../arbitraries.js';

/** Integer instance: exec n×m (some forbidden), demands, budgets (Infinity allowed), ready times. */
interface Raw {
  exec: number[][];
  demand: number[];
  budget: number[];
  ready: number[];
  release?: number[];
}

function toProblem(r: Raw): Problem {
  return deepFreeze({
    tasks: r.exec.map((_, i) => ({ id: `t${i}`, demand: r.demand[i]!, ...(r.release !== undefined && r.release[i]! > 0 ? { release: r.release[i]! } : {}) })),
    devices: r.budget.map((b, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r.ready[j]!, ...(b < Infinity ? { budget: b } : {}) })),
    execTime: r.exec,
  });
}

/**
 * Brute force over all m^n assignments: the least makespan (max over used
 * devices of ready + Σ exec, the sequential makespan without release times)
 * among those whose integer demands fit every budget; `undefined` when none.
 */
function bruteForce(r: Raw): number | undefined {
  const n = r.exec.length;
  const m = r.budget.length;
  let best: number | undefined;
  const load = r.ready.slice();
  const count = new Array<number>(m).fill(0);
  const used = new Array<number>(m).fill(0);
  const rec = (i: number): void => {
    if (i === n) {
      let span = 0;
      for (let j = 0; j < m; j++) if (count[j]! > 0) span = Math.max(span, load[j]!);
      if (best === undefined || span < best) best = span;
      return;
    }
    for (let j = 0; j < m; j++) {
      const p = r.exec[i]![j]!;
      if (p === Infinity || used[j]! + r.demand[i]! > r.budget[j]!) continue;
      load[j] = load[j]! + p;
      used[j] = used[j]! + r.demand[i]!;
      count[j] = count[j]! + 1;
      rec(i + 1);
      load[j] = load[j]! - p;
      used[j] = used[j]! - r.demand[i]!;
      count[j] = count[j]! - 1;
    }
  };
  rec(0);
  return best;
}

const rawArb = (minN: number, maxN: number, minM: number, maxM: number): fc.Arbitrary<Raw> =>
  fc.record({ n: fc.integer({ min: minN, max: maxN }), m: fc.integer({ min: minM, max: maxM }) }).chain(({ n, m }) =>
    fc.record({
      exec: fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n })
        .map((rows) => rows.map((row) => (row.some((v) => v < Infinity) ? row : row.map((v, j) => (j === 0 ? 1 : v))))),
      demand: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      budget: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 2 * n }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }),
      ready: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }),
    }),
  );

describe('budgetSearch: reference values', () => {
  it("solve(newcomer's 4 × 2 case, {strategy: 'local-search'}) keeps the budget and proves 16, where the over-budget optimum is 15", () => {
    // Demand 3 on d0 (budget 2) gives 15; the best within the budget is 16.
    const p: Problem = deepFreeze({
      tasks: [{ id: 't0' }, { id: 't1', demand: 2 }, { id: 't2' }, { id: 't3', demand: 3 }],
      devices: [{ id: 'd0', tier: 'edge', ready: 4, budget: 2 }, { id: 'd1', tier: 'edge', ready: 2 }],
      execTime: [[6, 0], [Infinity, 3], [5, 5], [7, 6]],
      transferTime: [[3, 3], [3, 0], [2, 2], [0, 2]],
    });
    const unbudgeted: Problem = { ...p, devices: p.devices.map(({ id, tier, ready }) => ({ id, tier, ...(ready !== undefined ? { ready } : {}) })) };
    expect(solve(unbudgeted, { strategy: 'local-search' }).makespan).toBe(15);
    const s = solve(p, { strategy: 'local-search' });
    expect(s.makespan).toBe(16);
    expect(s.metrics.budgetOverruns).toEqual([]);
    expect(s.bound).toEqual({ value: 16, kind: 'exhaustive' });
    expect(s.gap).toBe(0);
  });

  it("solve(three tasks of demand 2 on budgets 3 and 3, {strategy: 'local-search'}) throws the proved InfeasibleError naming a task's demand", () => {
    const p = toProblem({ exec: [[1, 1], [1, 1], [1, 1]], demand: [2, 2, 2], budget: [3, 3], ready: [0, 0] });
    expect(() => solve(p, { strategy: 'local-search' })).toThrow(InfeasibleError);
    expect(() => solve(p, { strategy: 'local-search' })).toThrow(/^solve: problem\.tasks\[\d\]\.demand \(2\) of task "t\d" cannot be placed within the device budgets: strategy 'local-search' enumerated all 8 assignments of the 3 tasks and none keeps every budget \(the problem is infeasible\)$/);
  });

  it("solve(18 tasks, a task whose demand exceeds every budget, {strategy: 'local-search'}) throws the capacity-aware Min-Min's InfeasibleError, noted as local search's start", () => {
    const r: Raw = { exec: Array.from({ length: 18 }, () => [1, 2]), demand: [...new Array<number>(17).fill(0), 9], budget: [5, 5], ready: [0, 0] };
    expect(() => solve(toProblem(r), { strategy: 'local-search' })).toThrow(/^solve: problem\.tasks\[17\]\.demand \(9\) of task "t17" fits on no device .*the problem is infeasible\) \(strategy 'local-search' starts from this capacity-aware Min-Min\)$/);
  });
});

describe('budgetSearch: budgets of time and iterations (edge cases)', () => {
  it("solve(40 tasks with budgets, {strategy: 'local-search', timeLimitMs: 0 | maxIterations: 0}) returns the capacity-aware Min-Min start and says it stopped early", () => {
    const exec = Array.from({ length: 40 }, (_, i) => [1 + (i % 7), 2 + ((3 * i) % 5), 3 + ((5 * i) % 4)]);
    const p = toProblem({ exec, demand: exec.map((_, i) => 1 + (i % 2)), budget: [25, 25, 25], ready: [0, 0, 0] });
    const mm = solve(p, { strategy: 'min-min' });
    for (const options of [{ timeLimitMs: 0 }, { maxIterations: 0 }]) {
      const s = solve(p, { strategy: 'local-search', ...options });
      expect(s.assignment).toEqual(mm.assignment);
      expect(s.stoppedEarly).toBe(true);
      expect(s.metrics.budgetOverruns).toEqual([]);
    }
    const full = solve(p, { strategy: 'local-search' });
    expect(full.stoppedEarly).toBe(false);
    expect(full.makespan).toBeLessThanOrEqual(mm.makespan);
    expect(full.metrics.budgetOverruns).toEqual([]);
  });
});

describe('budgetSearch: oracle (brute force over all within-budget assignments)', () => {
  it("solve(tiny, {strategy: 'local-search'}) keeps every budget and equals the brute-force optimum within budgets (gap 0, exhaustive), or throws when brute force finds no fit", () => {
    fc.assert(
      fc.property(rawArb(1, 6, 1, 3), (r) => {
        const p = toProblem(r);
        const opt = bruteForce(r);
        if (opt === undefined) {
          expect(() => solve(p, { strategy: 'local-search' })).toThrow(InfeasibleError);
          return;
        }
        const s = solve(p, { strategy: 'local-search' });
        expect(s.metrics.budgetOverruns).toEqual([]);
        expect(s.makespan).toBe(opt);
        if (r.budget.some((b) => b < Infinity) && r.demand.some((d) => d > 0)) {
          expect(s.bound.kind).toBe('exhaustive');
          expect(s.gap).toBe(0);
        }
      }),
    );
  });

  it("solve(16-17 tasks on 2 devices (2^16 and 2^17 assignments), beyond the enumeration, {strategy: 'local-search'}) keeps every budget, is never below the brute-force optimum nor above the capacity-aware Min-Min, and throws only when Min-Min does", () => {
    let reached = 0;
    let feasible = 0;
    fc.assert(
      fc.property(rawArb(16, 17, 2, 2), (r) => {
        const p = toProblem(r);
        const opt = bruteForce(r);
        let mm: number | undefined;
        try {
          mm = solve(p, { strategy: 'min-min' }).makespan;
        } catch (e) {
          expect(e).toBeInstanceOf(InfeasibleError);
        }
        if (mm === undefined) {
          expect(() => solve(p, { strategy: 'local-search' })).toThrow(InfeasibleError);
          return;
        }
        const s = solve(p, { strategy: 'local-search' });
        expect(s.metrics.budgetOverruns).toEqual([]);
        expect(s.makespan).toBeGreaterThanOrEqual(opt!);
        expect(s.makespan).toBeLessThanOrEqual(mm);
        feasible++;
        if (s.makespan === opt) reached++;
      }),
      { numRuns: 25 },
    );
    console.log(`local search within budgets reached the brute-force optimum on ${reached}/${feasible} feasible instances`);
  });

  it("solve(tiny with release times or the 'independent' model, {strategy: 'local-search'}) keeps every budget", () => {
    fc.assert(
      fc.property(rawArb(1, 6, 1, 3), fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }), fc.constantFrom('sequential' as const, 'independent' as const), (r, release, costModel) => {
        const p = toProblem({ ...r, release });
        if (bruteForce(r) === undefined) {
          expect(() => solve(p, { strategy: 'local-search', costModel })).toThrow(InfeasibleError);
          return;
        }
        const s = solve(p, { strategy: 'local-search', costModel });
        expect(s.metrics.budgetOverruns).toEqual([]);
        expect(s.makespan).toBeGreaterThanOrEqual(s.lowerBound);
      }),
    );
  });

  it("solve(budgets, {strategy: 'local-search', objective: 'flowtime' | 'energy'}) keeps every budget too (objective-aware route)", () => {
    fc.assert(
      fc.property(rawArb(1, 7, 1, 3), fc.constantFrom('flowtime' as const, 'weighted-flowtime' as const, 'energy' as const), (r, objective) => {
        const p = toProblem(r);
        let mm: number | undefined;
        try {
          mm = solve(p, { strategy: 'min-min' }).makespan;
        } catch {
          mm = undefined;
        }
        if (mm === undefined) {
          // The objective-aware start may still fit; if it does not, the capacity-aware Min-Min's error.
          try {
            expect(solve(p, { strategy: 'local-search', objective }).metrics.budgetOverruns).toEqual([]);
          } catch (e) {
            expect(e).toBeInstanceOf(InfeasibleError);
          }
          return;
        }
        expect(solve(p, { strategy: 'local-search', objective }).metrics.budgetOverruns).toEqual([]);
      }),
    );
  });
});

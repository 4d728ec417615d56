import { describe, expect, it } from 'vitest';
import { edgeCloudInstance } from '../../bench/paretoInputs.js';
import { Deadline } from '../../src/internal/deadline.js';
import { SEED_STRATEGIES, seedAssignments } from '../../src/pareto/seeds.js';
import { compileProblem } from '../../src/problem/compile.js';
import { solve } from '../../src/solvers/solve.js';
import { InfeasibleError } from '../../src/errors.js';
import { deepFreeze } from '../arbitraries.js';

const problem = deepFreeze(edgeCloudInstance(40, 5, 3));
const cp = compileProblem(problem);
const heuristic = (strategy: (typeof SEED_STRATEGIES)[number]): number[] => solve(problem, { strategy, trace: false }).assignment;

/** A deadline whose clock reads 0 for the first `reads` reads, then 1 (due at 1). */
function passesAfter(reads: number): Deadline {
  let k = 0;
  return new Deadline(1, () => (k++ < reads ? 0 : 1));
}

describe('seedAssignments', () => {
  it('seedAssignments with a deadline already passed returns MCT\'s schedule alone (cut, no heuristic started)', () => {
    const s = seedAssignments(problem, cp, ['makespan', 'energy'], new Deadline(-Infinity));
    expect(s.cut).toBe(true);
    expect(s.heuristics).toBe(0);
    expect(s.assignments.map((a) => Array.from(a))).toEqual([heuristic('mct')]);
  });

  it('seedAssignments stops before the (k+1)-th list heuristic when the deadline passes there, keeping the k schedules in order', () => {
    for (const k of [1, 4, SEED_STRATEGIES.length - 1]) {
      const s = seedAssignments(problem, cp, ['makespan', 'cost'], passesAfter(k));
      expect(s.cut).toBe(true);
      expect(s.heuristics).toBe(k);
      expect(s.assignments.map((a) => Array.from(a))).toEqual(SEED_STRATEGIES.slice(0, k).map(heuristic));
    }
  });

  it('seedAssignments without a deadline starts with every list heuristic in order and is the same on a second call (no clock, no randomness)', () => {
    const a = seedAssignments(problem, cp, ['energy', 'cost'], new Deadline(Infinity));
    expect(a.cut).toBe(false);
    expect(a.heuristics).toBe(SEED_STRATEGIES.length);
    expect(a.assignments.slice(0, SEED_STRATEGIES.length).map((x) => Array.from(x))).toEqual(SEED_STRATEGIES.map(heuristic));
    // Also the descended starts, the local search, four objective-aware runs and two greedy ones.
    expect(a.assignments.length).toBeGreaterThan(SEED_STRATEGIES.length + 6);
    const b = seedAssignments(problem, cp, ['energy', 'cost'], new Deadline(Infinity));
    expect(b.assignments.map((x) => Array.from(x))).toEqual(a.assignments.map((x) => Array.from(x)));
  });

  it('seedAssignments with a deadline that is read but never passes gives the seeds of no deadline (the clock only cuts)', () => {
    const never = new Deadline(1e12, () => 0);
    const a = seedAssignments(problem, cp, ['makespan', 'energy'], never);
    const b = seedAssignments(problem, cp, ['makespan', 'energy'], new Deadline(Infinity));
    expect(a.cut).toBe(false);
    expect(a.assignments.map((x) => Array.from(x))).toEqual(b.assignments.map((x) => Array.from(x)));
  });

  it('seedAssignments skips a capacity-aware heuristic that gets stuck on budgets (solve throws InfeasibleError) instead of rejecting, and still returns a seed', () => {
    // Demands 2, 2, 2 on budgets 3 and 3: the second task on a device overruns it, so every greedy gets stuck.
    const tight = deepFreeze({
      tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 2 }, { id: 'c', demand: 2 }],
      devices: [{ id: 'e', tier: 'edge' as const, budget: 3 }, { id: 'c', tier: 'cloud' as const, budget: 3 }],
      execTime: [[1, 2], [1, 2], [1, 2]],
    });
    expect(() => solve(tight, { strategy: 'min-min', trace: false })).toThrow(InfeasibleError);
    const s = seedAssignments(tight, compileProblem(tight), ['makespan', 'flowtime'], new Deadline(Infinity));
    expect(s.assignments.length).toBeGreaterThan(0);
    expect(s.heuristics).toBe(SEED_STRATEGIES.length);
  });
});

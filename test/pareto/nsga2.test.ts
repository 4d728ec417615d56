import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/internal/deadline.js';
import { dominates } from '../../src/pareto/dominance.js';
import { nsga2Compiled, type Nsga2Settings } from '../../src/pareto/nsga2.js';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import { SEED_STRATEGIES } from '../../src/pareto/seeds.js';
import { compileProblem } from '../../src/problem/compile.js';
import { solve } from '../../src/solvers/solve.js';
import { strategyNames } from '../../src/solvers/strategies.js';
import { edgeCloudInstance } from '../../bench/paretoInputs.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { deepFreeze } from '../arbitraries.js';
import { allAssignments, energyProblemArb, frontVectors, referenceObjectives } from './instances.js';

describe('paretoFront(…, {method: "nsga2"})', () => {
  const PAIRS: ParetoObjective[][] = [['makespan', 'energy'], ['makespan', 'cost'], ['energy', 'cost'], ['flowtime', 'cost']];

  it('on ≤ 5 tasks × 3 devices NSGA-II (population 100, 200 generations, no time limit) finds the whole front of every assignment (oracle: enumeration)', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 5 }), fc.constantFrom(...PAIRS), async (problem, objectives) => {
        // 20 000 evaluations for at most 3^5 = 243 schedules; no clock, so no load-dependent stop.
        const front = await paretoFront(deepFreeze(problem), { objectives, maxGenerations: 200, timeLimitMs: 1e9 });
        expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives))));
        expect(front.proved).toBe(false);
        expect(front.status).toBe('feasible');
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('NSGA-II returns mutually non-dominated, exactly evaluated points, the same for the same seed', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 8, quarters: true, releases: true }), fc.integer({ min: 0, max: 1000 }), async (problem, seed) => {
        const options = { objectives: ['makespan', 'energy', 'cost'] as ParetoObjective[], seed, maxGenerations: 15, populationSize: 20 };
        const a = await paretoFront(problem, options);
        const b = await paretoFront(problem, options);
        expect(b).toEqual(a);
        for (const p of a.points) {
          expect(referenceObjectives(problem, p.assignment, options.objectives)).toEqual(p.objectives);
          for (const q of a.points) expect(dominates(q.objectives, p.objectives)).toBe(false);
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('paretoFront(1000 × 16, {timeLimitMs: 0}) returns MCT\'s schedule as an exactly evaluated point and reports stoppedEarly while seeding', async () => {
    const problem = deepFreeze(edgeCloudInstance(1000, 16, 2));
    const objectives: ParetoObjective[] = ['flowtime', 'cost'];
    const front = await paretoFront(problem, { objectives, timeLimitMs: 0 });
    expect(front.stoppedEarly).toBe(true);
    expect(front.reason).toContain('while computing its seeds (0 of the 9 list heuristics, MCT as the one schedule)');
    expect(front.points.map((p) => p.assignment)).toEqual([solve(problem, { strategy: 'mct', trace: false }).assignment]);
    expect(front.points[0]!.objectives).toEqual(referenceObjectives(problem, front.points[0]!.assignment, objectives));
  }, 60_000);

  it('NSGA-II with no time limit (1e9 ms) and a fixed seed gives the same front on a second run (60 × 6, 30 generations)', async () => {
    const problem = deepFreeze(edgeCloudInstance(60, 6, 4));
    const options = { objectives: ['makespan', 'flowtime', 'energy'] as ParetoObjective[], seed: 7, maxGenerations: 30, timeLimitMs: 1e9 };
    const a = await paretoFront(problem, options);
    expect(a.stoppedEarly).toBe(false);
    expect(await paretoFront(problem, options)).toEqual(a);
  }, 60_000);

  it('NSGA-II with timeLimitMs 0 stops before the first generation, says so, and still returns the seeds\' front', async () => {
    const problem = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'e', tier: 'edge' as const, power: { busy: 1 } }, { id: 'c', tier: 'cloud' as const, power: { busy: 9 } }], execTime: [[4, 1], [6, 2]] };
    const front = await paretoFront(problem, { objectives: ['makespan', 'energy'], timeLimitMs: 0 });
    expect(front.stoppedEarly).toBe(true);
    expect(front.reason).toContain('time limit after 0 of 1000 generations');
    expect(front.points.length).toBeGreaterThan(0);
  });

  it('NSGA-II on 600 × 16 edge/cloud instances has, for every list heuristic, a point with both a shorter makespan and less energy, from its seeds and memetic steps alone (0 generations, no time limit)', async () => {
    // 0 generations: the heuristic seeds, the critical-descent seeds and the dominance descents, no clock
    // (600 · 16 is above the size where the local-search seed is skipped).
    const heuristics = strategyNames.filter((s) => s !== 'optimal-flowtime' && s !== 'local-search');
    for (const seed of [1, 2, 3]) {
      const problem = deepFreeze(edgeCloudInstance(600, 16, seed));
      const front = await paretoFront(problem, { objectives: ['makespan', 'energy'], seed, maxGenerations: 0, timeLimitMs: 1e9 });
      expect(front.stoppedEarly).toBe(false);
      for (const strategy of heuristics) {
        const [span, energy] = referenceObjectives(problem, solve(problem, { strategy, trace: false }).assignment, ['makespan', 'energy']);
        const beaten = front.points.some((p) => p.objectives[0]! < span! && p.objectives[1]! < energy!);
        expect({ seed, strategy, beaten }).toEqual({ seed, strategy, beaten: true });
      }
    }
  }, 120_000);
});

describe('nsga2Compiled', () => {
  const problem = deepFreeze(edgeCloudInstance(30, 4, 5));
  const cp = compileProblem(problem);
  const objectives: ParetoObjective[] = ['makespan', 'energy'];
  const initial = SEED_STRATEGIES.map((strategy) => solve(problem, { strategy, trace: false }).assignment);
  const settings = (deadline: Deadline): Nsga2Settings => ({ populationSize: 20, maxGenerations: 40, deadline, finish: () => undefined, seed: 3, crossoverRate: 0.9 });
  const plain = (asgs: readonly Int32Array[]): number[][] => asgs.map((a) => Array.from(a));

  it('nsga2Compiled with a deadline that is read but never passes returns what it returns with no deadline (the clock only cuts)', () => {
    const free = nsga2Compiled(cp, objectives, 'sequential', initial, settings(new Deadline(Infinity)));
    const read = nsga2Compiled(cp, objectives, 'sequential', initial, settings(new Deadline(1e12, () => 0)));
    expect(free.stoppedEarly).toBe(false);
    expect(free.generations).toBe(40);
    expect(read).toEqual(free);
  });

  it('nsga2Compiled stopped by the deadline at its k-th clock read (injected clock) reports the stage, and returns valid schedules that weakly dominate every seed', () => {
    // How many times a full run reads the clock (about every 2^16 / (n·(m + 1)) evaluations).
    let total = 0;
    nsga2Compiled(cp, objectives, 'sequential', initial, settings(new Deadline(1e12, () => (total++, 0))));
    expect(total).toBeGreaterThan(2);
    const stages = new Set<string>();
    for (let k = 0; k < total; k++) {
      let reads = 0;
      const deadline = new Deadline(1, () => (reads++ < k ? 0 : 1));
      const r = nsga2Compiled(cp, objectives, 'sequential', initial, settings(deadline));
      expect(r.stoppedEarly).toBe(true);
      expect(r.stoppedIn).toBeDefined();
      stages.add(r.stoppedIn!);
      // Stopped before or during the generations: fewer than all of them ran.
      expect(r.generations < 40).toBe(r.stoppedIn !== 'memetic end' && r.stoppedIn !== 'Pareto local search');
      const found = plain(r.assignments).map((a) => {
        a.forEach((j, i) => expect(problem.execTime[i]![j]!).toBeLessThan(Infinity));
        return referenceObjectives(problem, a, objectives);
      });
      for (const seed of initial) {
        const v = referenceObjectives(problem, seed, objectives);
        expect(found.some((w) => w.every((x, d) => x <= v[d]! * (1 + 1e-12)))).toBe(true);
      }
    }
    // Early reads stop the first stages, later ones the generations.
    expect(stages.has('generation')).toBe(true);
    expect(stages.size).toBeGreaterThan(1);
  });

  it('nsga2Compiled with budgets, started only from over-budget assignments, returns only within-budget ones (constrained domination leads it to them)', () => {
    // 12 tasks of demand 1 on 4 devices of budget 3: exactly three tasks per device fit.
    const base = edgeCloudInstance(12, 4, 7);
    const budgeted = deepFreeze({ ...base, tasks: base.tasks.map((t) => ({ ...t, demand: 1 })), devices: base.devices.map((d) => ({ ...d, budget: 3 })) });
    const bcp = compileProblem(budgeted);
    const over = [new Array<number>(12).fill(0), new Array<number>(12).fill(1)];
    const r = nsga2Compiled(bcp, objectives, 'sequential', over, { ...settings(new Deadline(Infinity)), budgets: true });
    expect(r.assignments.length).toBeGreaterThan(0);
    for (const a of r.assignments) {
      const count = [0, 0, 0, 0];
      for (const j of a) count[j]!++;
      expect(Math.max(...count)).toBeLessThanOrEqual(3);
    }
  });
});

// The checks every heuristic strategy must pass, registered per strategy by
// its own test file: properties (validity, determinism, no mutation,
// makespan ≥ lower bound, trace shape), oracles (brute force; the plain
// reference implementation), and edge cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/problem/compile.js';
import type { Problem } from '../../src/problem/types.js';
import type { StrategyContext } from '../../src/solvers/registry.js';
import { solve } from '../../src/solvers/solve.js';
import { STRATEGIES, type StrategyName } from '../../src/solvers/strategies.js';
import { bruteForceMakespan, cost, deepFreeze, type Mapping, problemArb } from './helpers.js';

/** Runs a strategy directly on a problem (internal entry point), with the trace on unless `trace` is false. */
export function runStrategy(name: StrategyName, problem: Problem, trace = true): { assignment: number[]; order: number[] } {
  const cp = compileProblem(problem);
  const ctx: StrategyContext = { cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 1000, maxIterations: 1000, trace };
  const r = STRATEGIES[name].run(ctx);
  return { assignment: Array.from(r.assignment), order: Array.from(r.order) };
}

export interface ContractOptions {
  /** The plain reference implementation, compared decision for decision. */
  readonly reference?: (problem: Problem, priority: Float64Array) => Mapping;
  /** Whether the chosen candidate's score is the task's finish time (completion-time rules). */
  readonly scoreIsFinish: boolean;
}

const small = problemArb({ maxTasks: 7, maxDevices: 3, releases: false });
const withReleases = problemArb({ maxTasks: 9, maxDevices: 4, releases: true });
const larger = problemArb({ maxTasks: 40, maxDevices: 6, releases: true });

export function strategyContract(name: StrategyName, { reference, scoreIsFinish }: ContractOptions): void {
  describe(`solve(problem, { strategy: '${name}' }): properties`, () => {
    it('puts each task on exactly one allowed device', () => {
      fc.assert(
        fc.property(withReleases, (p) => {
          const s = solve(p, { strategy: name });
          expect(s.assignment).toHaveLength(p.tasks.length);
          s.assignment.forEach((j, i) => {
            expect(Number.isInteger(j) && j >= 0 && j < p.devices.length).toBe(true);
            expect(cost(p, i, j)).toBeLessThan(Infinity);
          });
        }),
      );
    });

    it('is deterministic and pure: the same (deep-frozen) input gives identical JSON twice', () => {
      fc.assert(
        fc.property(withReleases, fc.constantFrom<'sequential' | 'independent'>('sequential', 'independent'), (p, costModel) => {
          const frozen = deepFreeze(structuredClone(p));
          const a = JSON.stringify(solve(frozen, { strategy: name, costModel }));
          const b = JSON.stringify(solve(structuredClone(p), { strategy: name, costModel }));
          expect(a).toBe(b);
          expect(frozen).toEqual(p);
        }),
      );
    });

    it('has makespan ≥ lowerBound and gap ≥ 0 under both cost models', () => {
      fc.assert(
        fc.property(withReleases, (p) => {
          for (const costModel of ['sequential', 'independent'] as const) {
            const s = solve(p, { strategy: name, costModel });
            expect(s.makespan).toBeGreaterThanOrEqual(s.lowerBound);
            expect(s.gap).toBeGreaterThanOrEqual(0);
            expect(Number.isNaN(s.gap)).toBe(false);
          }
        }),
      );
    });

    it('traces one decision per task, in mapping order, with every device either a candidate or excluded with a reason', () => {
      fc.assert(
        fc.property(withReleases, (p) => {
          const s = solve(p, { strategy: name, trace: true });
          expect(s.trace.map((d) => d.step)).toEqual([...p.tasks.keys()]);
          expect([...s.trace.map((d) => d.task)].sort((a, b) => a - b)).toEqual([...p.tasks.keys()]);
          for (const d of s.trace) {
            expect(d.chosen).toBe(s.assignment[d.task]);
            const devices = [...d.candidates.map((c) => c.device), ...d.excluded.map((e) => e.device)].sort((a, b) => a - b);
            expect(devices).toEqual([...p.devices.keys()]);
            for (const e of d.excluded) {
              const why = p.execTime[d.task]![e.device] === Infinity ? 'forbidden: execTime is Infinity' : 'forbidden: transferTime is Infinity';
              expect(e.reason).toBe(why);
            }
            const chosen = d.candidates.find((c) => c.device === d.chosen)!;
            const others = d.candidates.filter((c) => c.device !== d.chosen).map((c) => c.score);
            expect(d.margin).toBe(others.length === 0 ? 0 : Math.min(...others) - chosen.score);
            expect(d.margin).toBeGreaterThanOrEqual(0);
            if (scoreIsFinish) expect(chosen.score).toBe(s.schedule.tasks[d.task]!.finish);
          }
        }),
      );
    });
  });

  describe(`solve(problem, { strategy: '${name}' }): oracles`, () => {
    it('is never better than the brute-force optimum (n ≤ 7, m ≤ 3)', () => {
      fc.assert(
        fc.property(small, (p) => {
          expect(solve(p, { strategy: name }).makespan).toBeGreaterThanOrEqual(bruteForceMakespan(p));
        }),
      );
    });

    if (reference !== undefined) {
      it('makes the same decisions, in the same order, as the plain reference implementation (random instances with ties)', () => {
        fc.assert(
          fc.property(larger, (p) => {
            expect(runStrategy(name, p)).toEqual(reference(p, compileProblem(p).priority));
          }),
        );
      });
    }
  });

  describe(`solve(problem, { strategy: '${name}' }): edge cases`, () => {
    it('solves an empty problem to an empty assignment with makespan 0', () => {
      const s = solve({ tasks: [], devices: [{ id: 'd', tier: 'edge' }], execTime: [] }, { strategy: name });
      expect(s).toMatchObject({ assignment: [], makespan: 0, lowerBound: 0, gap: 0, trace: [] });
    });

    it('puts a task on its only allowed device and traces why the others are excluded', () => {
      const p: Problem = {
        tasks: [{ id: 'a' }, { id: 'b' }],
        devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }, { id: 'z', tier: 'cloud' }],
        execTime: [[Infinity, 5, 1], [Infinity, 2, 3]],
        transferTime: [[0, 0, Infinity], [0, 0, 0]],
      };
      const s = solve(p, { strategy: name });
      expect(s.assignment[0]).toBe(1);
      const d0 = s.trace.find((d) => d.task === 0)!;
      expect(d0.excluded).toEqual([
        { device: 0, reason: 'forbidden: execTime is Infinity' },
        { device: 2, reason: 'forbidden: transferTime is Infinity' },
      ]);
      expect(d0.margin).toBe(0);
    });
  });
}

// Fuzz: dominance, hypervolume, objective vectors, Pareto fronts (both
// methods) and the front's scatter plot, over problems whose power, price
// and source fields are sometimes wrong (NaN or negative watts, a zero
// granularity, an unknown source), extreme, or absent.
import { describe, expect, it } from 'vitest';
import { dominates, frontToSvg, hypervolume, nonDominated, objectiveVector, paretoFront, type ParetoObjective, type Problem } from '../../src/index.js';
import { problemArb } from '../arbitraries.js';
import { anyNumber, anyValue, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, outcome, outcomeAsync, record, SLOW_RUNS } from './harness.js';

/** A problem from problemArb with fuzzed power, price and source fields added. */
const energyProblem: fc.Arbitrary<Problem> = problemArb({ maxTasks: 5, maxDevices: 3 }).chain((p) =>
  fc
    .record({
      power: fc.array(fc.option(fc.oneof({ weight: 6, arbitrary: fc.record({ busy: fc.integer({ min: 0, max: 50 }), idle: fc.integer({ min: 0, max: 5 }) }) }, { weight: 1, arbitrary: record(['busy', 'transfer', 'idle']) }), { nil: undefined }), { minLength: p.devices.length, maxLength: p.devices.length }),
      price: fc.array(
        fc.option(
          fc.oneof(
            { weight: 6, arbitrary: fc.record({ perSecond: fc.integer({ min: 0, max: 3 }), granularity: fc.constantFrom(1, 10, 3600), minimum: fc.constantFrom(0, 60) }) },
            { weight: 1, arbitrary: record(['perSecond', 'granularity', 'minimum']) },
            { weight: 1, arbitrary: fc.record({ perSecond: anyNumber, granularity: fc.constantFrom(0, -1, 1, 3600, NaN) }) },
          ),
          { nil: undefined },
        ),
        { minLength: p.devices.length, maxLength: p.devices.length },
      ),
      source: fc.array(fc.option(fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...p.devices.map((d) => d.id)) }, { weight: 1, arbitrary: fc.constantFrom('nowhere', '') }), { nil: undefined }), { minLength: p.tasks.length, maxLength: p.tasks.length }),
    })
    .map((r) => ({
      ...p,
      devices: p.devices.map((d, j) => ({ ...d, ...(r.power[j] === undefined ? {} : { power: r.power[j] }), ...(r.price[j] === undefined ? {} : { price: r.price[j] }) })),
      tasks: p.tasks.map((t, i) => ({ ...t, ...(r.source[i] === undefined ? {} : { source: r.source[i] }) })),
    }) as Problem),
);

const objectivesArb = fc.oneof(
  { weight: 20, arbitrary: fc.shuffledSubarray<ParetoObjective>(['makespan', 'flowtime', 'energy', 'cost'], { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], ['makespan'], ['makespan', 'makespan'], ['speed', 'cost'], 'makespan', null) },
);

const vector = (d: number) => fc.array(anyNumber, { minLength: d, maxLength: d });

describe('fuzz: pareto', () => {
  it('dominates and nonDominated return booleans and ascending indices, or a library error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }).chain((d) => fc.array(fc.oneof({ weight: 20, arbitrary: vector(d) }, { weight: 1, arbitrary: vector(d + 1) }, { weight: 1, arbitrary: anyValue }), { maxLength: 8 })), (pts) => {
        const frozen = deepFreeze(pts);
        outcome('dominates', () => dominates(frozen[0] as number[], frozen[1] as number[]), (r) => expect(typeof r).toBe('boolean'));
        outcome('nonDominated', () => nonDominated(frozen as number[][]), (r) => {
          expect([...r].sort((a, b) => a - b)).toEqual(r);
          if (frozen.length > 0) expect(r.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('hypervolume is finite and ≥ 0, or a library error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }).chain((d) => fc.tuple(fc.array(fc.oneof({ weight: 20, arbitrary: vector(d) }, { weight: 1, arbitrary: anyValue }), { maxLength: 8 }), vector(d))), ([pts, ref]) => {
        outcome('hypervolume', () => hypervolume(deepFreeze(pts) as number[][], deepFreeze(ref)), (v) => {
          expect(Number.isNaN(v)).toBe(false);
          expect(v).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('objectiveVector gives finite values, one per objective, or a library error', () => {
    fc.assert(
      fc.property(
        energyProblem.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.oneof(
              { weight: 10, arbitrary: fc.tuple(...p.execTime.map((row, i) => fc.constantFrom(...row.map((_, j) => j).filter((j) => row[j]! + (p.transferTime?.[i]?.[j] ?? 0) < Infinity).concat([0])))) },
              { weight: 1, arbitrary: fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 6 }) },
            ),
          ),
        ),
        objectivesArb,
        fc.oneof({ weight: 10, arbitrary: fc.constantFrom<unknown>(undefined, 'sequential', 'independent') }, { weight: 1, arbitrary: fc.constant<unknown>('x') }),
        ([problem, assignment], objectives, costModel) => {
        const frozen = deepFreeze(problem);
        outcome('objectiveVector', () => objectiveVector(frozen, assignment, { objectives, costModel } as never), (v) => {
          assertNumbersOk(v, true);
          expect(v).toHaveLength((objectives as unknown[]).length);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('paretoFront (nsga2, small budget) returns mutually non-dominated finite points, or a library error', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblem, objectivesArb, fc.constantFrom<unknown>(undefined, 0, 3, -1, 2.5), async (problem, objectives, maxGenerations) => {
        const frozen = deepFreeze(problem);
        await outcomeAsync('paretoFront/nsga2', () => paretoFront(frozen, { objectives, populationSize: 8, maxGenerations: maxGenerations ?? 3, timeLimitMs: 1000 } as never), (f) => {
          assertNumbersOk(f, true);
          expect(f.points.length).toBeGreaterThan(0);
          for (const p of f.points) for (const q of f.points) expect(dominates(q.objectives, p.objectives)).toBe(false);
          expect(frontToSvg(f, { highlight: 0 })).not.toMatch(/="[^"]*NaN/);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  }, 120_000);

  it('paretoFront (exact, HiGHS, short time limit) returns finite points with a consistent status, or a library error', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblem, objectivesArb, fc.constantFrom<unknown>('sequential', 'independent'), async (problem, objectives, costModel) => {
        const frozen = deepFreeze(problem);
        await outcomeAsync('paretoFront/exact', () => paretoFront(frozen, { objectives, method: 'exact', costModel, timeLimitMs: 1500 } as never), (f) => {
          assertNumbersOk(f, true);
          expect(f.proved).toBe(f.status === 'optimal');
          if (f.proved) expect(f.points.length).toBeGreaterThan(0);
          for (const p of f.points) for (const q of f.points) expect(dominates(q.objectives, p.objectives)).toBe(false);
        });
      }),
      { numRuns: Math.max(10, Math.floor(SLOW_RUNS / 5)) },
    );
  }, 300_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../src/errors.js';
import { objectiveVector } from '../../src/pareto/objectives.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { deepFreeze } from '../arbitraries.js';
import { energyProblemArb, referenceObjectives } from './instances.js';

const ALL: ParetoObjective[] = ['makespan', 'flowtime', 'energy', 'cost'];

describe('objectiveVector', () => {
  it('objectiveVector(problem, assignment, {objectives}) on the documented example', () => {
    const problem = deepFreeze({
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [
        { id: 'edge', tier: 'edge' as const, power: { busy: 5 } },
        { id: 'cloud', tier: 'cloud' as const, price: { perSecond: 0.5 } },
      ],
      execTime: [[4, 1], [6, 2]],
    });
    // edge runs a for 4 s at 5 W = 20 J; the cloud bills b's 2 s at 0.5 = 1.
    expect(objectiveVector(problem, [0, 1], { objectives: ['makespan', 'energy', 'cost'] })).toEqual([4, 20, 1]);
  });

  it('objectiveVector runs each device shortest first: flowtime of [0, 0] with times 6 then 4 is 4 + 10 (hand-computed)', () => {
    const problem = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'e', tier: 'edge' as const, ready: 1 }], execTime: [[6], [4]] };
    // b first: 1 + 4 = 5, then a: 5 + 6 = 11.
    expect(objectiveVector(problem, [0, 0], { objectives: ['flowtime', 'makespan'] })).toEqual([16, 11]);
  });

  it('objectiveVector equals the plain reference definitions on random instances with power, price and sources (oracle)', () => {
    fc.assert(
      fc.property(
        energyProblemArb({ maxTasks: 8, quarters: true, releases: true }).chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.tuple(...p.execTime.map((row, i) => fc.constantFrom(...row.flatMap((v, j) => (v + (p.transferTime?.[i]?.[j] ?? 0) < Infinity ? [j] : []))))),
            fc.constantFrom<'sequential' | 'independent'>('sequential', 'independent'),
          ),
        ),
        ([problem, assignment, costModel]) => {
          deepFreeze(problem);
          expect(objectiveVector(problem, assignment, { objectives: ALL.slice(0, 3), costModel })).toEqual(referenceObjectives(problem, assignment, ALL.slice(0, 3), costModel));
          expect(objectiveVector(problem, assignment, { objectives: ['cost', 'flowtime'], costModel })).toEqual(referenceObjectives(problem, assignment, ['cost', 'flowtime'], costModel));
        },
      ),
    );
  });

  it('objectiveVector rejects bad objective lists, assignments and options with typed errors', () => {
    const problem = { tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' as const }, { id: 'c', tier: 'cloud' as const }], execTime: [[1, Infinity]] };
    expect(() => objectiveVector(problem, [0], { objectives: ['makespan'] })).toThrow('objectiveVector: options.objectives must name two or three objectives, got 1');
    expect(() => objectiveVector(problem, [0], { objectives: ['makespan', 'makespan'] })).toThrow(InputRangeError);
    expect(() => objectiveVector(problem, [0], { objectives: ['makespan', 'speed' as never] })).toThrow("objectiveVector: options.objectives[1] must be one of 'makespan', 'flowtime', 'energy', 'cost', got \"speed\"");
    expect(() => objectiveVector(problem, [0, 0], { objectives: ['makespan', 'cost'] })).toThrow(InputTypeError);
    expect(() => objectiveVector(problem, [1], { objectives: ['makespan', 'cost'] })).toThrow(InfeasibleError);
    expect(() => objectiveVector(problem, [2], { objectives: ['makespan', 'cost'] })).toThrow('objectiveVector: assignment[0] must be an integer in [0, 1], got 2');
    expect(() => objectiveVector(problem, [0], { objectives: ['makespan', 'cost'], costModel: 'x' as never })).toThrow(InputTypeError);
    expect(() => objectiveVector(problem, [0], { objectives: ['makespan', 'cost'], extra: 1 } as never)).toThrow('objectiveVector: options.extra is not a known option');
    expect(() => objectiveVector(problem, [0], undefined as never)).toThrow('objectiveVector: options.objectives must be an array, got undefined');
  });
});

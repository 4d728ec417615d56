import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, compileProblem, evaluate, solve, type Problem } from '../../src/index.js';
import { constraintReport, createMeasure, measure, readConstraints, readObjective } from '../../src/solvers/objective.js';
import { deepFreeze, problemWithAssignmentArb, withEnergyArb } from '../arbitraries.js';

const trip = (): Problem =>
  deepFreeze({
    tasks: [{ id: 'a', source: 'phone' }, { id: 'b', source: 'phone' }],
    devices: [
      { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2, idle: 1 } },
      { id: 'cloud', tier: 'cloud', power: { busy: 64 }, price: { perSecond: 0.5, granularity: 4, minimum: 8 } },
    ],
    execTime: [[16, 2], [16, 2]],
    transferTime: [[0, 2], [0, 2]],
  });

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('objective and constraints: reference values', () => {
  it("readObjective('energy') is the unit weight on energy; a weights object keeps its weights", () => {
    expect(readObjective('solve', 'energy')).toEqual({ name: 'energy', weights: Float64Array.of(0, 0, 0, 1, 0) });
    expect(readObjective('solve', { makespan: 2, cost: 0.5 })).toEqual({ name: undefined, weights: Float64Array.of(2, 0, 0, 0, 0.5) });
    expect(readConstraints('solve', { makespan: 10 })).toEqual(Float64Array.of(10, Infinity, Infinity));
  });

  it('constraintReport on trip [1, 1] lists the broken deadline and proves the impossible energy budget', () => {
    // [1, 1]: cloud runs a 0–4, b 4–8; makespan 8. Cost: busy 8 s → 2 units of 4 s = 8 s · 0.5 = 4.
    // Energy: cloud 64 · 4 = 256; phone uploads 2 · 4 = 8, idles 1 · 8 = 8 → 272 J.
    // Energy bound: min over devices of e_ij − idle_j · p_ij per task: phone 64 − 16 = 48,
    // cloud 128 + 4 (upload) − 0 = 132 → 48 each, 96, plus the makespan bound (water filling:
    // work 4 + 4 = 8 over 2 devices = 4) · Σ idle 1 = 4 → 100 J: a budget of 99 J is impossible.
    const cp = compileProblem(trip());
    const s = evaluate(trip(), [1, 1]);
    expect([s.metrics.makespan, s.metrics.cost.total, s.metrics.energy.total]).toEqual([8, 4, 272]);
    const r = constraintReport(cp, s.metrics, Float64Array.of(7, Infinity, 99), 'sequential');
    expect(r).toEqual({ satisfied: false, violations: [{ constraint: 'makespan', limit: 7, value: 8 }, { constraint: 'energy', limit: 99, value: 272 }], provedInfeasible: ['energy'] });
    expect(constraintReport(cp, s.metrics, Float64Array.of(Infinity, Infinity, 100), 'sequential').provedInfeasible).toEqual([]);
  });
});

describe('objective and constraints: oracles', () => {
  it('measure(assignment, order) equals evaluate(...).metrics bit for bit under both cost models', () => {
    const arb = problemWithAssignmentArb().chain(({ problem, assignment, order }) => withEnergyArb(problem).map((p) => ({ problem: p, assignment, order })));
    fc.assert(
      fc.property(arb, fc.constantFrom('sequential' as const, 'independent' as const), ({ problem, assignment, order }, model) => {
        const cp = compileProblem(problem);
        const v = measure(createMeasure(cp, model), assignment, order);
        const m = evaluate(problem, assignment, { costModel: model, order }).metrics;
        expect(Array.from(v)).toEqual([m.makespan, m.flowtime, m.weightedFlowtime, m.energy.total, m.cost.total]);
      }),
    );
  });
});

describe('objective and constraints: edge cases', () => {
  const bad: readonly [string, () => unknown, typeof InputTypeError | typeof InputRangeError, string][] = [
    ['an unknown objective name', () => solve(trip(), { objective: 'power' as never }), InputTypeError, "solve: options.objective must be one of 'makespan', 'flowtime', 'weighted-flowtime', 'energy', 'cost', or an object of weights, got \"power\""],
    ['an unknown weight key', () => solve(trip(), { objective: { energy: 1, watts: 2 } as never }), InputTypeError, 'solve: options.objective.watts is not a known objective (known: makespan, flowtime, weighted-flowtime, energy, cost)'],
    ['a negative weight', () => solve(trip(), { objective: { energy: -1 } }), InputRangeError, 'solve: options.objective.energy must be a finite number >= 0, got -1'],
    ['a NaN weight', () => solve(trip(), { objective: { cost: NaN } }), InputRangeError, 'solve: options.objective.cost must be a finite number >= 0, got NaN'],
    ['all-zero weights', () => solve(trip(), { objective: { cost: 0 } }), InputRangeError, 'solve: options.objective has no weight > 0 (give at least one objective a positive weight)'],
    ['a string weight', () => solve(trip(), { objective: { cost: '1' as never } }), InputTypeError, 'solve: options.objective.cost must be a finite number >= 0, got "1"'],
    ['an unknown constraint', () => solve(trip(), { constraints: { deadline: 3 } as never }), InputTypeError, 'solve: options.constraints.deadline is not a known constraint (known: makespan, cost, energy)'],
    ['a negative deadline', () => solve(trip(), { constraints: { makespan: -3 } }), InputRangeError, 'solve: options.constraints.makespan must be a number >= 0 or Infinity, got -3'],
    ['a NaN budget', () => solve(trip(), { constraints: { energy: NaN } }), InputRangeError, 'solve: options.constraints.energy must be a number >= 0 or Infinity, got NaN'],
    ['constraints that are not an object', () => solve(trip(), { constraints: 5 as never }), InputTypeError, 'solve: options.constraints must be an object, got 5'],
    ["'energy' with a strategy that cannot optimize it", () => solve(trip(), { objective: 'energy', strategy: 'olb' }), InputRangeError, "solve: options.objective cannot be optimized by strategy 'olb' (it follows its own rule); use one of 'mct', 'min-min', 'max-min', 'duplex', 'local-search'"],
  ];
  for (const [what, call, cls, message] of bad) {
    it(`solve rejects ${what} with ${cls.name} naming the field`, () => {
      const e = thrown(call);
      expect(e).toBeInstanceOf(cls);
      expect(e.message).toBe(message);
    });
  }

  it('solve with constraints but a strategy without an objective-aware variant runs the strategy and reports the violation', () => {
    const s = solve(trip(), { strategy: 'olb', constraints: { makespan: 1 } });
    expect(s.constraints).toEqual({ satisfied: false, violations: [{ constraint: 'makespan', limit: 1, value: s.makespan }], provedInfeasible: ['makespan'] });
  });

  it('solve without constraints has no constraints field, with Infinity limits a satisfied report', () => {
    expect('constraints' in solve(trip())).toBe(false);
    expect(solve(trip(), { constraints: { makespan: Infinity } }).constraints).toEqual({ satisfied: true, violations: [], provedInfeasible: [] });
  });
});

describe('solve: misspelt objective names', () => {
  it("solve(p, {objective: 'enrgy'}) suggests 'energy'", () => {
    const p = deepFreeze({ tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' as const }], execTime: [[1]] });
    expect(() => solve(p, { objective: 'enrgy' as never })).toThrow(new InputTypeError('solve', 'options.objective', "solve: options.objective must be one of 'makespan', 'flowtime', 'weighted-flowtime', 'energy', 'cost', or an object of weights, got \"enrgy\"; did you mean 'energy'?"));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHighs, type HighsLike } from '../../src/internal/highs.js';
import { exactLpText } from '../../src/pareto/exactLp.js';
import { buildExactModel, SAFE_RANGE, type ExactModel } from '../../src/pareto/exactModel.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { compileProblem } from '../../src/problem/compile.js';
import type { Problem } from '../../src/problem/types.js';
import { allAssignments, energyProblemArb, referenceObjectives } from './instances.js';

const OBJECTIVES: readonly ParetoObjective[] = ['makespan', 'flowtime', 'energy', 'cost'];

/**
 * The optimum of Σ weights·objectives subject to objectives ≤ upper, by
 * HiGHS on the model's LP text (whose objective row leaves out the
 * expressions' constants: they are added back here); undefined when infeasible.
 */
function minimize(highs: HighsLike, model: ExactModel, weights: readonly number[], upper: readonly number[]): number | undefined {
  const value = highs.withModel({ format: 'lp', data: exactLpText(model, weights, upper) }, (hm) => {
    hm.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, mip_feasibility_tolerance: 1e-9, primal_feasibility_tolerance: 1e-9 });
    hm.run();
    return hm.getModelStatus() === highs.constants.modelStatus.optimal ? hm.getObjectiveValue() : undefined;
  }) ?? undefined;
  return value === undefined ? undefined : value + model.objectives.reduce((s, e, k) => s + weights[k]! * e.constant, 0);
}

describe('buildExactModel: oracle (brute force over every assignment, n ≤ 3, m ≤ 3)', () => {
  it.each(['sequential', 'independent'] as const)('buildExactModel(cp, all four objectives, %s): minimizing objective k in the model equals the brute-force minimum of the reference objective, also under an ε bound on another', async (costModel) => {
    const highs = await loadHighs('test');
    await fc.assert(fc.asyncProperty(energyProblemArb({ maxTasks: 3, maxDevices: 3, releases: costModel === 'independent' }), fc.nat(3), fc.nat(3), async (p: Problem, k: number, other: number) => {
      const model = buildExactModel(compileProblem(p), OBJECTIVES, costModel);
      const vectors = allAssignments(p).map((a) => referenceObjectives(p, a, OBJECTIVES, costModel));
      const weights = OBJECTIVES.map((_, q) => (q === k ? 1 : 0));
      const none = OBJECTIVES.map(() => Infinity);
      const best = Math.min(...vectors.map((v) => v[k]!));
      expect(minimize(highs, model, weights, none)).toBeCloseTo(best, 6);
      // ε bound on another objective at the median of its achievable values.
      if (other === k) return;
      const values = vectors.map((v) => v[other]!).sort((a, b) => a - b);
      const eps = values[Math.floor(values.length / 2)]!;
      const upper = OBJECTIVES.map((_, q) => (q === other ? eps : Infinity));
      const bounded = Math.min(...vectors.filter((v) => v[other]! <= eps).map((v) => v[k]!));
      expect(minimize(highs, model, weights, upper)).toBeCloseTo(bounded, 6);
    }), { numRuns: 15 });
  });
});

describe('buildExactModel: structure and edge cases', () => {
  const p: Problem = {
    tasks: [{ id: 'a' }, { id: 'b' }],
    devices: [{ id: 'e', tier: 'edge', ready: 2 }, { id: 'c', tier: 'cloud' }],
    execTime: [[3, Infinity], [1, 4]],
  };

  it('buildExactModel numbers an x column per allowed pair only (xColumn −1 for a forbidden pair), one assignment row per task, and a C column for makespan', () => {
    const model = buildExactModel(compileProblem(p), ['makespan'], 'sequential');
    expect([...model.xColumn]).toEqual([0, -1, 1, 2]);
    expect(model.columns.slice(0, 3)).toEqual(['x0_0', 'x1_0', 'x1_1']);
    expect(model.columns).toContain('C');
    expect(model.columns).toContain('z0'); // device 0 has a ready time
    expect(model.rows.filter((r) => /^ t\d:/.test(r))).toHaveLength(2);
    expect(model.integral).toEqual([true]);
    expect(model.scale).toEqual([2 + 3 + 4]);
  });

  it('buildExactModel marks a model with a coefficient outside SAFE_RANGE as not well scaled, and non-integer times as not integral', () => {
    expect(buildExactModel(compileProblem(p), ['makespan'], 'sequential').wellScaled).toBe(true);
    const huge: Problem = { ...p, execTime: [[3, Infinity], [1, SAFE_RANGE[1] * 10]] };
    expect(buildExactModel(compileProblem(huge), ['makespan'], 'sequential').wellScaled).toBe(false);
    const tiny: Problem = { ...p, execTime: [[3, Infinity], [1, SAFE_RANGE[0] / 10]] };
    expect(buildExactModel(compileProblem(tiny), ['makespan'], 'sequential').wellScaled).toBe(false);
    const half: Problem = { ...p, execTime: [[2.5, Infinity], [1, 4]] };
    expect(buildExactModel(compileProblem(half), ['makespan', 'flowtime'], 'independent').integral).toEqual([false, false]);
  });

  it('buildExactModel adds a knapsack row per finite budget that some demand uses', () => {
    const budgeted: Problem = { ...p, tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 1 }], devices: [{ id: 'e', tier: 'edge', budget: 2 }, { id: 'c', tier: 'cloud', budget: 5 }] };
    const rows = buildExactModel(compileProblem(budgeted), ['makespan'], 'sequential').rows.filter((r) => /^ k\d:/.test(r));
    expect(rows).toEqual([' k0:\n + 2 x0_0 + 1 x1_0 <= 2', ' k1:\n + 1 x1_1 <= 5']);
  });
});

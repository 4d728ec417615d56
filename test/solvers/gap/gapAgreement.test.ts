import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighsLike, HighsModelData } from '../../../src/internal/highs.js';
import { confirmGap, gapAgreement, type GapClaim } from '../../../src/solvers/gap/gapAgreement.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { costOf, exactlyFeasible, magnitudeOf, taskMinima } from '../../../src/solvers/gap/gapExactCheck.js';
import { solveGap, type GapInstance } from '../../../src/solvers/gap/gap.js';
import { buildGapModel, type GapModel } from '../../../src/solvers/gap/gapModel.js';
import { exactlyRespectsBudgets, valueOf } from './gapOracle.js';

const infeasible: GapClaim = { kind: 'infeasible' };
const none: GapClaim = { kind: 'none' };
const bound = (b: number): GapClaim => ({ kind: 'bound', bound: b });

describe('gapAgreement: two unrefuted runs or nothing', () => {
  it('gapAgreement([infeasible, infeasible], no incumbent) is infeasible; one infeasible claim, or one beside a run without a claim, is not', () => {
    expect(gapAgreement([infeasible, infeasible], undefined, 1e-9, true)).toEqual({ kind: 'infeasible' });
    expect(gapAgreement([infeasible], undefined, 1e-9, true)).toBeUndefined();
    expect(gapAgreement([infeasible, none, none], undefined, 1e-9, true)).toBeUndefined();
    expect(gapAgreement([infeasible, bound(3)], undefined, 1e-9, true)).toBeUndefined();
  });

  it('gapAgreement([infeasible, infeasible], with an exactly feasible incumbent) is refuted: undefined', () => {
    expect(gapAgreement([infeasible, infeasible], { cost: 5, magnitude: 5 }, 1e-9, true)).toBeUndefined();
  });

  it('gapAgreement([bound 10, bound 9.5], incumbent 10, integral) is optimal with the smaller closing bound', () => {
    expect(gapAgreement([bound(10), bound(9.5)], { cost: 10, magnitude: 10 }, 1e-9, true)).toEqual({ kind: 'optimal', bound: 9.5 });
    // Non-integral costs: 9.5 does not close the gap at relativeGap 1e-9, so only one claim closes.
    expect(gapAgreement([bound(10), bound(9.5)], { cost: 10, magnitude: 10 }, 1e-9, false)).toBeUndefined();
  });

  it('gapAgreement: a bound above a feasible cost (beyond 1e-6 of its magnitude) is refuted, one within it counts', () => {
    expect(gapAgreement([bound(12), bound(10)], { cost: 10, magnitude: 10 }, 1e-9, true)).toBeUndefined();
    expect(gapAgreement([bound(12), bound(12)], { cost: 10, magnitude: 10 }, 1e-9, true)).toBeUndefined();
    expect(gapAgreement([bound(10 + 5e-6), bound(10)], { cost: 10, magnitude: 10 }, 1e-9, false)).toEqual({ kind: 'optimal', bound: 10 });
  });

  it('gapAgreement: a bound that leaves a gap does not count; runs without claims do not count', () => {
    expect(gapAgreement([bound(8), bound(10), none], { cost: 10, magnitude: 10 }, 1e-9, true)).toBeUndefined();
    expect(gapAgreement([bound(8), bound(10), none, bound(10)], { cost: 10, magnitude: 10 }, 1e-9, true)).toEqual({ kind: 'optimal', bound: 10 });
  });
});

/** 17 tasks on 2 devices (2^17 assignments, past exhaustive search): task i costs (1, 2), demand 1 everywhere, budgets `b0`, `b1`. */
function instance(b0: number, b1: number): ReturnType<typeof compileGap> {
  return compileGap('t', { cost: Array.from({ length: 17 }, () => [1, 2]), demand: Array.from({ length: 17 }, () => [1, 1]), budget: [b0, b1] }, false);
}

interface Run { status: 'optimal' | 'infeasible' | 'solveError'; bound?: number; assignment?: number[] }

/** A stand-in runtime that plays `script` run by run (bounds in input units) and records each run's options. */
function fakeHighs(model: GapModel, script: Run[]): { highs: HighsLike; calls: Record<string, unknown>[] } {
  const calls: Record<string, unknown>[] = [];
  const st = { optimal: 7, infeasible: 8, solveError: 4, timeLimit: 13 };
  const highs = {
    version: { string: 'fake' },
    infinity: Infinity,
    constants: { modelStatus: st },
    withModel: <R>(source: unknown, op: (m: never) => R): R => {
      const data = source as HighsModelData;
      const reversed = data !== model.data;
      const run = script[calls.length] ?? { status: 'solveError' };
      const opts: Record<string, unknown> = {};
      calls.push(opts);
      const col = new Float64Array(data.numCols);
      for (const [i, j] of (run.assignment ?? []).entries()) {
        const c = model.column[i * 2 + j]!;
        col[reversed ? data.numCols - 1 - c : c] = 1;
      }
      return op({
        options: { set: (v: Record<string, unknown>) => Object.assign(opts, v, { reversed }) },
        info: { get: (name: string) => (name === 'mip_dual_bound' ? (run.bound ?? -Infinity) * 2 ** model.costExponent : run.assignment === undefined ? 0 : 2) },
        setSolution: () => undefined,
        addRow: () => undefined,
        run: () => undefined,
        getModelStatus: () => st[run.status],
        getObjectiveValue: () => 0,
        getSolution: () => ({ colValue: col, rowDual: new Float64Array(0) }),
      } as never);
    },
  } as unknown as HighsLike;
  return { highs, calls };
}

const settings = { relativeGap: 1e-9, feasibilityTolerance: 1e-7, deadline: Infinity };

describe('confirmGap: further runs of the final model settle a claim', () => {
  const g = instance(9, 9);
  const cheap = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]; // 9 + 16 = 25: optimal
  const worse = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // 8 + 18 = 26
  const model = buildGapModel(g, { incumbent: Int32Array.from(worse), magnitude: 26, minima: taskMinima(g), cuts: [], tighten: 0 }, Infinity);

  it('confirmGap(bound 26 at incumbent 26, second run agrees) is optimal after one extra run, the model reversed (presolve was off)', () => {
    const { highs, calls } = fakeHighs(model, [{ status: 'optimal', bound: 26 }]);
    const c = confirmGap(highs, g, model, Int32Array.from(worse), bound(26), false, settings);
    expect(c.status).toBe('optimal');
    expect(c.bound).toBe(26);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ presolve: 'off', reversed: true });
  });

  it('confirmGap(bound 26 at incumbent 26) with presolve on checks with presolve off on the same model first', () => {
    const { highs, calls } = fakeHighs(model, [{ status: 'optimal', bound: 26 }]);
    expect(confirmGap(highs, g, model, Int32Array.from(worse), bound(26), true, settings).status).toBe('optimal');
    expect(calls[0]).toMatchObject({ presolve: 'off', reversed: false });
  });

  it('confirmGap: a second run that finds cost 25 refutes the first claim (26); a third run at 25 settles it with the cheaper assignment', () => {
    const { highs, calls } = fakeHighs(model, [{ status: 'optimal', bound: 25, assignment: cheap }, { status: 'optimal', bound: 25 }]);
    const c = confirmGap(highs, g, model, Int32Array.from(worse), bound(26), false, settings);
    expect(c.status).toBe('optimal');
    expect([...c.assignment!]).toEqual(cheap);
    expect(costOf(g, c.assignment!)).toBe(25);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ reversed: false, random_seed: 1 });
  });

  it('confirmGap: when no two runs agree the claim is disputed and the best exactly feasible assignment is kept (never a false optimal)', () => {
    const { highs, calls } = fakeHighs(model, [{ status: 'optimal', bound: 25, assignment: cheap }, { status: 'infeasible' }, { status: 'solveError' }]);
    const c = confirmGap(highs, g, model, Int32Array.from(worse), bound(26), false, settings);
    expect(c.status).toBe('disputed');
    expect([...c.assignment!]).toEqual(cheap);
    expect(exactlyFeasible(g, c.assignment!)).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('confirmGap(infeasible claim, no incumbent): a second infeasible run proves it; a run that finds an exactly feasible assignment refutes it', () => {
    const agree = fakeHighs(model, [{ status: 'infeasible' }]);
    expect(confirmGap(agree.highs, g, model, undefined, infeasible, false, settings).status).toBe('infeasible');
    const refute = fakeHighs(model, [{ status: 'optimal', bound: 26, assignment: worse }, { status: 'infeasible' }, { status: 'infeasible' }]);
    const c = confirmGap(refute.highs, g, model, undefined, infeasible, false, settings);
    expect(c.status).toBe('disputed');
    expect(magnitudeOf(g, c.assignment!)).toBe(26);
  });

  it('confirmGap with no time left reports time, runs nothing', () => {
    const { highs, calls } = fakeHighs(model, []);
    expect(confirmGap(highs, g, model, Int32Array.from(worse), bound(26), false, { ...settings, deadline: 0 }).status).toBe('time');
    expect(calls).toHaveLength(0);
  });

  it('confirmGap on a tiny instance (m^n ≤ 65536) ignores the claim and runs exhaustive search: a false infeasible becomes the optimum', () => {
    const tiny = compileGap('t', { cost: [[1, 2], [1, 2], [1, 2]], demand: [[1, 1], [1, 1], [1, 1]], budget: [2, 2] }, false);
    const m = buildGapModel(tiny, { incumbent: undefined, magnitude: 3, minima: taskMinima(tiny), cuts: [], tighten: 0 }, Infinity);
    const { highs, calls } = fakeHighs(m, []);
    const c = confirmGap(highs, tiny, m, undefined, infeasible, false, settings);
    expect(c.status).toBe('optimal');
    expect([...c.assignment!]).toEqual([0, 0, 1]);
    expect(c.bound).toBe(4);
    expect(calls).toHaveLength(0);
    const none = compileGap('t', { cost: [[1, 2], [1, 2], [1, 2]], demand: [[1, 1], [1, 1], [1, 1]], budget: [1, 1] }, false);
    expect(confirmGap(highs, none, m, undefined, bound(3), false, settings).status).toBe('infeasible');
  });
});

interface AgreementCase { cost: number[][]; demand: number[][]; budget: number[]; milp: { status: 'optimal' | 'infeasible' | 'time limit'; value?: number } }

describe('solveGap exact with checked claims against scipy milp (fixture from scripts/gap-agreement-scipy.py: m^n > 65536, budgets near the total demand)', () => {
  const cases = (JSON.parse(readFileSync(new URL('../../fixtures/gap-agreement-scipy.json', import.meta.url), 'utf8')) as { instances: AgreementCase[] }).instances;

  /** solveGap's answer checked against milp's: optimal within 1e-9 and exactly feasible, infeasible only when milp says so. */
  async function check(g: GapInstance, ref: AgreementCase['milp'], where: string): Promise<string> {
    const r = await solveGap(g, { maxIterations: 200, timeLimitMs: 60_000 });
    if (r.status === 'infeasible') expect(ref.status, where).toBe('infeasible');
    if (r.status === 'optimal' || r.status === 'feasible') {
      expect(exactlyRespectsBudgets(g, r.assignment, 'min'), where).toBe(true);
      expect(r.value, where).toBe(valueOf(g, r.assignment));
      expect(ref.status, where).toBe('optimal');
      expect(r.value, where).toBeGreaterThanOrEqual(ref.value! - 1e-6);
    }
    if (r.status === 'optimal') expect(r.value, where).toBeLessThanOrEqual(ref.value! + 1e-9 * Math.abs(ref.value!));
    else if (r.status !== 'infeasible') expect(r.reason, where).toBeDefined();
    return r.status;
  }

  it('solveGap(each instance) proves what milp finds: the same optimum or infeasibility, never a false claim', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const seen: string[] = [];
    for (const [k, c] of cases.entries()) seen.push(await check({ cost: c.cost, demand: c.demand, budget: c.budget }, c.milp, `instance ${k}`));
    expect(seen.filter((s) => s === 'infeasible').length).toBeGreaterThanOrEqual(5);
    expect(seen.filter((s) => s === 'optimal' || s === 'infeasible').length).toBeGreaterThanOrEqual(cases.length - 2);
  }, 300_000);

  it('solveGap(instance with tasks and devices permuted, seeded by FC_SEED) still agrees with milp (other paths through HiGHS)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: cases.length - 1 }), fc.integer({ min: 1, max: 0xffff }), async (k, perm) => {
        const c = cases[k]!;
        const n = c.cost.length;
        const m = c.budget.length;
        // Rotations drawn from the integer: tasks by perm mod n, devices by (perm >> 4) mod m.
        const ti = Array.from({ length: n }, (_, i) => (i + perm) % n);
        const dj = Array.from({ length: m }, (_, j) => (j + (perm >> 4)) % m);
        const g = { cost: ti.map((i) => dj.map((j) => c.cost[i]![j]!)), demand: ti.map((i) => dj.map((j) => c.demand[i]![j]!)), budget: dj.map((j) => c.budget[j]!) };
        await check(g, c.milp, `instance ${k} permuted by ${perm}`);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

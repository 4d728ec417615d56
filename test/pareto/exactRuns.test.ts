import { describe, expect, it } from 'vitest';
import type { HighsLike } from '../../src/internal/highs.js';
import { buildExactModel } from '../../src/pareto/exactModel.js';
import { agreement, run, type SubResult } from '../../src/pareto/exactRuns.js';
import { compileProblem } from '../../src/problem/compile.js';

describe('agreement (how HiGHS runs settle an ε-constraint subproblem)', () => {
  const a = (...v: number[]): Int32Array => Int32Array.from(v);
  const opt = (value: number, ...asg: number[]): SubResult => ({ kind: 'optimal', assignment: a(...asg), value });
  const inf: SubResult = { kind: 'infeasible' };
  it('agreement settles when two runs say infeasible and none found a schedule', () => {
    expect(agreement([inf, inf], 1e-6)).toEqual(inf);
    expect(agreement([inf], 1e-6)).toBeUndefined();
  });
  it('agreement settles when two runs are optimal at the least value (within the gap), keeping the first such schedule', () => {
    expect(agreement([opt(57, 1), opt(57 + 5e-7, 2)], 1e-6)).toEqual(opt(57, 1));
    expect(agreement([opt(57.1, 1), opt(57, 2), opt(57, 3)], 1e-6)).toEqual(opt(57, 2));
  });
  it('agreement does not settle when a schedule refutes the other claims: "infeasible" by any schedule, "optimal at v" by one below v', () => {
    expect(agreement([inf, opt(57, 1)], 1e-6)).toBeUndefined();
    expect(agreement([inf, opt(57, 1), inf], 1e-6)).toBeUndefined();
    expect(agreement([opt(22.75, 1), opt(20.75, 2), opt(22.75, 1)], 1e-9)).toBeUndefined();
    expect(agreement([opt(20.75, 2), opt(22.75, 1), inf, opt(20.75, 3)], 1e-9)).toEqual(opt(20.75, 2));
  });
});

interface Play { status: 'optimal' | 'infeasible' | 'timeLimit' | 'throw'; value?: number; assignment?: number[] }

/** 2 tasks × 2 devices, makespan and energy: the model whose runs the fake plays. */
const cp = compileProblem({
  tasks: [{ id: 'a' }, { id: 'b' }],
  devices: [{ id: 'e', tier: 'edge', power: { busy: 1 } }, { id: 'c', tier: 'cloud', power: { busy: 2 } }],
  execTime: [[2, 1], [3, 1]],
});
const model = buildExactModel(cp, ['makespan', 'energy'], 'sequential');

/** A stand-in HiGHS that plays `script` run by run and records each run's presolve option and whether the rows came reversed. */
function fakeHighs(script: readonly Play[]): { highs: HighsLike; calls: { presolve: unknown; reversed: boolean }[] } {
  const calls: { presolve: unknown; reversed: boolean }[] = [];
  const st = { optimal: 7, infeasible: 8, timeLimit: 13 };
  const forward = model.rows.join('\n');
  const highs = {
    version: { string: 'fake' },
    infinity: Infinity,
    constants: { modelStatus: st },
    withModel: <R>(source: { data: string }, op: (m: never) => R): R => {
      const play = script[calls.length] ?? { status: 'throw' };
      const call = { presolve: undefined as unknown, reversed: !source.data.includes(forward) };
      calls.push(call);
      if (play.status === 'throw') throw new Error('presolve failed');
      const col = new Float64Array(model.xColumn.length + 8);
      for (const [i, j] of (play.assignment ?? []).entries()) col[model.xColumn[i * 2 + j]!] = 1;
      return op({
        options: { set: (v: Record<string, unknown>) => (call.presolve = v.presolve) },
        info: { get: () => (play.assignment === undefined ? 0 : 2) },
        run: () => undefined,
        getModelStatus: () => st[play.status as keyof typeof st],
        getObjectiveValue: () => play.value ?? 0,
        getSolution: () => ({ colValue: col, rowDual: new Float64Array(0) }),
      } as never);
    },
  } as unknown as HighsLike;
  return { highs, calls };
}

const go = (script: readonly Play[]): { result: SubResult; calls: { presolve: unknown; reversed: boolean }[] } => {
  const { highs, calls } = fakeHighs(script);
  return { result: run(highs, model, [1, 0], [Infinity, Infinity], 60_000, 1e-6), calls };
};

describe('run (one ε-constraint subproblem, settled by agreeing HiGHS runs)', () => {
  it('run settles after two runs (presolve off, then on) that are optimal at the same value', () => {
    const { result, calls } = go([{ status: 'optimal', value: 3, assignment: [0, 1] }, { status: 'optimal', value: 3, assignment: [1, 0] }]);
    expect(result).toEqual({ kind: 'optimal', value: 3, assignment: Int32Array.from([0, 1]) });
    expect(calls).toEqual([{ presolve: 'off', reversed: false }, { presolve: 'choose', reversed: false }]);
  });

  it('run: "infeasible" refuted by the other run’s schedule goes on with the rows reversed until two agree', () => {
    const { result, calls } = go([{ status: 'infeasible' }, { status: 'optimal', value: 3, assignment: [1, 1] }, { status: 'optimal', value: 3, assignment: [1, 1] }]);
    expect(result).toEqual({ kind: 'optimal', value: 3, assignment: Int32Array.from([1, 1]) });
    expect(calls).toEqual([{ presolve: 'off', reversed: false }, { presolve: 'choose', reversed: false }, { presolve: 'off', reversed: true }]);
  });

  it('run: two runs that both say infeasible settle it as infeasible', () => {
    expect(go([{ status: 'infeasible' }, { status: 'infeasible' }]).result).toEqual({ kind: 'infeasible' });
  });

  it('run: runs that never agree give "disputed" with the best schedule found, not a proof', () => {
    const { result, calls } = go([{ status: 'optimal', value: 4, assignment: [0, 0] }, { status: 'optimal', value: 3, assignment: [0, 1] }, { status: 'infeasible' }, { status: 'optimal', value: 5, assignment: [1, 1] }]);
    expect(result).toEqual({ kind: 'disputed', value: 3, assignment: Int32Array.from([0, 1]) });
    expect(calls).toHaveLength(4);
  });

  it('run: runs that throw are not claims; with no schedule at all the result is incomplete and names the failure, never a raw error', () => {
    const { result } = go([{ status: 'throw' }, { status: 'throw' }, { status: 'throw' }, { status: 'throw' }]);
    expect(result).toEqual({ kind: 'incomplete', assignment: undefined, why: 'HiGHS failed on a subproblem (presolve failed)' });
  });

  it('run: a run stopped by its time limit ends the subproblem as incomplete, keeping the best schedule found so far', () => {
    const { result, calls } = go([{ status: 'optimal', value: 3, assignment: [0, 1] }, { status: 'timeLimit' }]);
    expect(result).toEqual({ kind: 'incomplete', assignment: Int32Array.from([0, 1]), why: 'the time limit was reached' });
    expect(calls).toHaveLength(2);
  });
});

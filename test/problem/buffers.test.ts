import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, type Problem } from '../../src/index.js';
import { releaseScanned } from '../../src/problem/buffers.js';
import { compileScanned } from '../../src/problem/compile.js';
import { solve } from '../../src/solvers/solve.js';
import { problemArb } from '../arbitraries.js';

const tiny = (): Problem => ({
  tasks: [{ id: 'a' }, { id: 'b' }],
  devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
  execTime: [[1, 2], [3, 4]],
});

/** Runs f and returns what it threw. */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('compileScanned: shared zero transfer times', () => {
  const noTransfer = (n: number, m: number, v: number): Problem => ({
    tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })),
    devices: Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const })),
    execTime: Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => v + i + j)),
  });

  it('compileScanned(problem without transferTime) has an all-zero transfer of n·m entries, as compileProblem, whatever was compiled before', () => {
    const withTransfer: Problem = { ...noTransfer(3, 2, 1), transferTime: [[5, 6], [7, 8], [9, 10]] };
    const sizes: readonly [number, number][] = [[2, 2], [40, 8], [3, 2], [300, 300], [1, 1]];
    for (const [n, m] of sizes) {
      compileScanned('test', withTransfer);
      const user = compileProblem(noTransfer(n, m, 0));
      user.transfer.fill(99); // a caller writing its own compiled problem never reaches solve's
      const { cp } = compileScanned('test', noTransfer(n, m, 1));
      expect(cp.transfer.length).toBe(n * m);
      expect(cp.transfer.every((x) => Object.is(x, 0))).toBe(true);
      expect(Array.from(cp.transfer)).toEqual(Array.from(compileProblem(noTransfer(n, m, 1)).transfer));
    }
  });

  it('compileScanned(problem with transferTime) copies its own transfer times', () => {
    const p: Problem = { ...noTransfer(2, 2, 1), transferTime: [[5, 6], [7, 8]] };
    expect(Array.from(compileScanned('test', p).cp.transfer)).toEqual([5, 6, 7, 8]);
    expect(Array.from(compileScanned('test', noTransfer(2, 2, 1)).cp.transfer)).toEqual([0, 0, 0, 0]);
  });
});

describe('compileScanned and releaseScanned: a reused exec array', () => {
  it('compileScanned after releaseScanned reads each problem afresh: exec equals compileProblem\'s, whatever was compiled and given back before', () => {
    fc.assert(
      fc.property(fc.array(problemArb({ maxTasks: 6, maxDevices: 3 }), { minLength: 1, maxLength: 5 }), (ps) => {
        for (const p of ps) {
          const { cp } = compileScanned('test', p);
          expect(Array.from(cp.exec)).toEqual(Array.from(compileProblem(p).exec));
          releaseScanned(cp);
        }
      }),
    );
  });

  it('compileScanned lends a given-back array to one live problem only', () => {
    const p = tiny();
    const first = compileScanned('test', p).cp;
    releaseScanned(first);
    const a = compileScanned('test', p).cp;
    const b = compileScanned('test', p).cp;
    expect(a.exec.buffer).not.toBe(b.exec.buffer);
    expect(Array.from(a.exec)).toEqual([1, 2, 3, 4]);
    expect(Array.from(b.exec)).toEqual([1, 2, 3, 4]);
  });

  it('compileScanned(bad matrix) after releaseScanned throws what compileProblem throws', () => {
    const good: Problem = { ...tiny(), execTime: [[9, 9], [9, 9]] };
    const bad: Problem = { ...tiny(), execTime: [[1, 2], [3, -4]] };
    releaseScanned(compileScanned('compileProblem', good).cp);
    expect(thrown(() => compileScanned('compileProblem', bad)).message).toBe(thrown(() => compileProblem(bad)).message);
  });

  it('solve(p) is the same, field for field, whichever problems were solved before it', () => {
    fc.assert(
      fc.property(fc.array(problemArb({ maxTasks: 6, maxDevices: 3 }), { minLength: 2, maxLength: 4 }), (ps) => {
        const forward = ps.map((p) => solve(p, { strategy: 'mct' }));
        const backward = [...ps].reverse().map((p) => solve(p, { strategy: 'mct' })).reverse();
        expect(forward).toEqual(backward);
      }),
    );
  });
});

describe('compileScanned: shared read-only defaults (per-task and per-device fields no task or device gives)', () => {
  /** Every typed-array field of a compiled problem as plain arrays (Object.is keeps -0 apart from 0). */
  const fields = (cp: ReturnType<typeof compileProblem>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(cp).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v]));

  it('(oracle) every field of compileScanned equals compileProblem\'s, whatever was compiled before (arbitrary problems with and without priorities, releases, deadlines, demands, ready times, budgets, power, prices, sources)', () => {
    fc.assert(
      fc.property(fc.array(problemArb({ maxTasks: 6, maxDevices: 3 }), { minLength: 1, maxLength: 5 }), (ps) => {
        for (const p of ps) {
          const { cp } = compileScanned('test', p);
          expect(fields(cp)).toEqual(fields(compileProblem(p)));
          releaseScanned(cp);
        }
      }),
    );
  });

  it('a problem without the fields gets the defaults: zeros, Infinity deadlines and budgets, granularity 1, source −1, of lengths n and m, after a problem with them', () => {
    const rich: Problem = {
      tasks: [{ id: 'a', priority: 3, release: 2, deadline: 5, demand: 1, source: 'x' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'x', tier: 'edge', ready: 4, budget: 9, power: { busy: 2 }, price: { perSecond: 1, granularity: 3 } }, { id: 'y', tier: 'cloud' }],
      execTime: [[1, 2], [3, 4], [5, 6]],
    };
    const plain = (n: number, m: number): Problem => ({
      tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })),
      devices: Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const })),
      execTime: Array.from({ length: n }, () => Array.from({ length: m }, () => 1)),
    });
    for (const [n, m] of [[3, 2], [40, 7], [1, 1], [600, 5]] as const) {
      compileScanned('test', rich);
      const { cp } = compileScanned('test', plain(n, m));
      expect(Array.from(cp.priority)).toEqual(new Array(n).fill(0));
      expect(Array.from(cp.release)).toEqual(new Array(n).fill(0));
      expect(Array.from(cp.demand)).toEqual(new Array(n).fill(0));
      expect(Array.from(cp.deadline)).toEqual(new Array(n).fill(Infinity));
      expect(Array.from(cp.source)).toEqual(new Array(n).fill(-1));
      expect(Array.from(cp.ready)).toEqual(new Array(m).fill(0));
      expect(Array.from(cp.budget)).toEqual(new Array(m).fill(Infinity));
      expect(Array.from(cp.powerBusy)).toEqual(new Array(m).fill(0));
      expect(Array.from(cp.priceGranularity)).toEqual(new Array(m).fill(1));
      expect(fields(cp)).toEqual(fields(compileProblem(plain(n, m))));
      // compileProblem's arrays stay fresh: a caller may write them.
      const user = compileProblem(plain(n, m));
      user.priority.fill(7);
      user.deadline.fill(7);
      expect(Array.from(compileScanned('test', plain(n, m)).cp.priority)).toEqual(new Array(n).fill(0));
      expect(Array.from(compileScanned('test', plain(n, m)).cp.deadline)).toEqual(new Array(n).fill(Infinity));
    }
    // The rich problem still compiles its own values after the plain ones.
    const { cp } = compileScanned('test', rich);
    expect(Array.from(cp.priority)).toEqual([3, 0, 0]);
    expect(Array.from(cp.release)).toEqual([2, 0, 0]);
    expect(Array.from(cp.deadline)).toEqual([5, Infinity, Infinity]);
    expect(Array.from(cp.demand)).toEqual([1, 0, 0]);
    expect(Array.from(cp.source)).toEqual([0, -1, -1]);
    expect(Array.from(cp.ready)).toEqual([4, 0]);
    expect(Array.from(cp.budget)).toEqual([9, Infinity]);
    expect(Array.from(cp.priceGranularity)).toEqual([3, 1]);
  });
});

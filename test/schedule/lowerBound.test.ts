import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputTypeError, evaluate, makespanLowerBound, workedExampleProblem, type CostModel, type Problem } from '../../src/index.js';
import { compileProblem, compileScanned } from '../../src/problem/compile.js';
import type { CompiledProblem } from '../../src/problem/types.js';
import { lowerBoundCompiled, waterFill } from '../../src/schedule/lowerBound.js';
import { deepFreeze, problemArb, problemWithAssignmentArb } from '../arbitraries.js';

/** Every assignment of n tasks to m devices (m^n of them), allowed or not. */
function* assignments(n: number, m: number): Generator<number[]> {
  const a = new Array<number>(n).fill(0);
  for (;;) {
    yield a.slice();
    let k = 0;
    while (k < n && ++a[k]! === m) a[k++] = 0;
    if (k === n) return;
  }
}

/** Brute-force best makespan over all allowed assignments, tasks run in index order. */
function bruteForce(p: Problem, model: CostModel): number {
  let best = Infinity;
  const n = p.tasks.length;
  const m = p.devices.length;
  for (const a of assignments(n, m)) {
    if (a.some((j, i) => !(p.execTime[i]![j]! + (p.transferTime?.[i]![j] ?? 0) < Infinity))) continue;
    best = Math.min(best, evaluate(p, a, { costModel: model }).metrics.makespan);
  }
  return n === 0 ? 0 : best;
}

describe('makespanLowerBound: reference values', () => {
  it('makespanLowerBound gives the TSDoc example 4 = max(max(4, 3, 1), (4 + 3 + 1) / 2)', () => {
    expect(
      makespanLowerBound({
        tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }],
        execTime: [[4, 6], [3, 3], [5, 1]],
      }),
    ).toBe(4);
  });

  it('makespanLowerBound(workedExampleProblem(30)) is 5·38/4 = 47.5 sequential, 38 independent', () => {
    expect(makespanLowerBound(workedExampleProblem(30))).toBe(47.5);
    expect(makespanLowerBound(workedExampleProblem(30), { costModel: 'independent' })).toBe(38);
  });

  it('makespanLowerBound skips a device that becomes ready too late (where (Σp + Σready)/m would overshoot)', () => {
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge', ready: 1000 }], execTime: [[1, 1]] };
    expect(makespanLowerBound(p)).toBe(1);
    expect(evaluate(p, [0]).metrics.makespan).toBe(1); // achieved, so the bound is tight here
  });
});

describe('makespanLowerBound: properties', () => {
  it('makespanLowerBound(p, {costModel}) ≤ the makespan of every assignment in every order', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), fc.constantFrom<CostModel>('independent', 'sequential'), ({ problem, assignment, order }, model) => {
        deepFreeze(problem);
        const lb = makespanLowerBound(problem, { costModel: model });
        expect(lb).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(lb)).toBe(true);
        expect(lb).toBeLessThanOrEqual(evaluate(problem, assignment, { costModel: model, order }).metrics.makespan * (1 + 1e-12));
      }),
    );
  });

  it('makespanLowerBound with every ready and release 0 is max(max_i min_j p_ij, Σ_i min_j p_ij / m)', () => {
    fc.assert(
      fc.property(problemArb({ timing: false, minTasks: 1 }), (p) => {
        const mins = p.execTime.map((row, i) => Math.min(...row.map((e, j) => e + (p.transferTime?.[i]![j] ?? 0))));
        const classic = Math.max(Math.max(...mins), mins.reduce((a, b) => a + b, 0) / p.devices.length);
        expect(makespanLowerBound(p)).toBeCloseTo(classic, 9);
      }),
    );
  });

  it('makespanLowerBound is at least the single-task term and at most max(it, (Σ_i min_j p_ij + Σ_j r_j) / m)', () => {
    fc.assert(
      fc.property(problemArb({ minTasks: 1 }), (p) => {
        const rel = Math.min(...p.tasks.map((t) => t.release ?? 0));
        const pij = (i: number, j: number): number => p.execTime[i]![j]! + (p.transferTime?.[i]![j] ?? 0);
        const mins = p.execTime.map((row, i) => Math.min(...row.map((_, j) => pij(i, j))));
        const single = Math.max(...p.execTime.map((row, i) => Math.min(...row.map((_, j) => Math.max(p.devices[j]!.ready ?? 0, p.tasks[i]!.release ?? 0) + pij(i, j)))));
        const r = p.devices.map((d) => Math.max(d.ready ?? 0, rel));
        const simple = (mins.reduce((a, b) => a + b, 0) + r.reduce((a, b) => a + b, 0)) / p.devices.length;
        const lb = lowerBoundCompiled(compileProblem(p));
        expect(lb).toBeGreaterThanOrEqual(single);
        expect(lb).toBeLessThanOrEqual(Math.max(single, simple) * (1 + 1e-12));
      }),
    );
  });
});

describe('makespanLowerBound: oracles', () => {
  it("makespanLowerBound(p, {costModel: 'independent'}) equals the brute-force optimum (n ≤ 6, m ≤ 3)", () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 6, maxDevices: 3 }), (p) => {
        expect(makespanLowerBound(p, { costModel: 'independent' })).toBe(bruteForce(p, 'independent'));
      }),
      { numRuns: 40 },
    );
  });

  it("makespanLowerBound(p) ≤ the brute-force optimum under 'sequential' (n ≤ 6, m ≤ 3)", () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 6, maxDevices: 3 }), (p) => {
        expect(makespanLowerBound(p)).toBeLessThanOrEqual(bruteForce(p, 'sequential') * (1 + 1e-12));
      }),
      { numRuns: 40 },
    );
  });
});

describe('lowerBoundCompiled: oracle, with the compiler\'s row scan against the full pass', () => {
  it('lowerBoundCompiled(cp, costModel, scan) is the same double as lowerBoundCompiled(cp, costModel) for both cost models, ready times and releases included', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 8, maxDevices: 4 }), fc.boolean(), (p, readyAll) => {
        // readyAll: every device ready at 0, so the row-minima shortcut applies more often.
        const q = readyAll ? { ...p, devices: p.devices.map(({ id, tier }) => ({ id, tier })) } : p;
        const { cp, scan } = compileScanned('test', q);
        for (const costModel of ['sequential', 'independent'] as const) {
          expect(Object.is(lowerBoundCompiled(cp, costModel, scan), lowerBoundCompiled(cp, costModel))).toBe(true);
        }
      }),
    );
  });
});

describe('makespanLowerBound: edge cases', () => {
  it('makespanLowerBound of a problem with no tasks is 0', () => {
    expect(makespanLowerBound({ tasks: [], devices: [{ id: 'd', tier: 'edge', ready: 9 }], execTime: [] })).toBe(0);
    expect(makespanLowerBound({ tasks: [], devices: [], execTime: [] })).toBe(0);
  });

  it('makespanLowerBound counts release times and zero-time tasks', () => {
    const p: Problem = { tasks: [{ id: 'a', release: 7 }], devices: [{ id: 'd', tier: 'edge', ready: 3 }], execTime: [[0]] };
    expect(makespanLowerBound(p)).toBe(7);
    expect(makespanLowerBound(p, { costModel: 'independent' })).toBe(7);
  });

  it('makespanLowerBound rejects bad options and bad problems', () => {
    expect(() => makespanLowerBound(workedExampleProblem(1), { costModel: 'x' as never })).toThrow(InputTypeError);
    expect(() => makespanLowerBound(workedExampleProblem(1), { model: 'x' } as never)).toThrow('makespanLowerBound: options.model is not a known option');
    expect(() => makespanLowerBound({ tasks: [{ id: 'a' }], devices: [], execTime: [[]] })).toThrow('makespanLowerBound: problem.execTime[0] has no device to run on');
  });
});

/** Water filling as first written: r_j = max(ready_j, minRelease) sorted, for every ready time. */
function plainWaterFill(ready: Float64Array, minRelease: number, work: number, single: number): number {
  const m = ready.length;
  const r = new Float64Array(m);
  for (let j = 0; j < m; j++) r[j] = ready[j]! > minRelease ? ready[j]! : minRelease;
  r.sort();
  let prefix = 0;
  let fill = Infinity;
  for (let k = 1; k <= m; k++) {
    prefix += r[k - 1]!;
    const t = (work + prefix) / k;
    if (k === m || t <= r[k]!) {
      fill = t;
      break;
    }
  }
  return fill > single ? fill : single;
}

describe('waterFill: oracle against the sorted-array loop', () => {
  it('waterFill(cp, minRelease, work, single) is the same double as the plain sorted loop, with every device ready by minRelease or not', () => {
    const time = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(time, { minLength: 0, maxLength: 6 }), time, time, time, fc.boolean(), (readyList, minRelease, work, single, early) => {
        // early: every device ready by minRelease (the shortcut without the sorted array).
        const ready = Float64Array.from(readyList, (x) => (early ? Math.min(x, minRelease) : x));
        const cp = { m: ready.length, ready } as unknown as CompiledProblem;
        expect(Object.is(waterFill(cp, minRelease, work, single), plainWaterFill(ready, minRelease, work, single))).toBe(true);
      }),
    );
  });
});

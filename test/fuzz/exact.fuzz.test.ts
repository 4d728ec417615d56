// Fuzz: linear sum assignment, the OR-Library reader, the GAP solvers and
// the conversion from a scheduling problem.
import { describe, expect, it } from 'vitest';
import {
  gapFromProblem, linearSumAssignment, makespanLpBound, linearSumAssignmentMatrix, parseOrLibraryGap, solve, solveGap, type GapInstance, type Problem,
} from '../../src/index.js';
import { problemArb } from '../arbitraries.js';
import { assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, SLOW_RUNS, matrix, outcome, outcomeAsync } from './harness.js';

const cost = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: -50, max: 50 }) },
  { weight: 10, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 4, arbitrary: fc.constant(Infinity) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(NaN, -Infinity, 1e300, -1e300, 1e-300, 'x', null) },
);

/** Brute force over all injective maps of the smaller side, for checking optimality. */
function bruteForce(c: number[][], maximize: boolean): number | null {
  const n = c.length;
  const m = c[0]?.length ?? 0;
  const k = Math.min(n, m);
  let best: number | null = null;
  const usedCols = new Array<boolean>(m).fill(false);
  const rec = (i: number, placed: number, acc: number): void => {
    if (placed === k) {
      if (best === null || (maximize ? acc > best : acc < best)) best = acc;
      return;
    }
    if (i === n || n - i < k - placed) return;
    if (n > m) rec(i + 1, placed, acc); // a row may be left out only when rows outnumber columns
    for (let j = 0; j < m; j++) {
      const v = c[i]![j]!;
      if (usedCols[j] || !Number.isFinite(v)) continue;
      usedCols[j] = true;
      rec(i + 1, placed + 1, acc + v);
      usedCols[j] = false;
    }
  };
  rec(0, 0, 0);
  return best;
}

describe('fuzz: exact solvers', () => {
  it('linearSumAssignment(rows, {maximize}) is optimal (brute force) or a library error', () => {
    fc.assert(
      fc.property(matrix(cost, 6, 6), fc.boolean(), (rows, maximize) => {
        const frozen = deepFreeze(rows.map((r) => r.map((v) => (maximize && v === Infinity ? -Infinity : v))));
        outcome('linearSumAssignment', () => linearSumAssignment(frozen as number[][], { maximize }), (r) => {
          assertNumbersOk(r, true);
          const c = frozen as number[][];
          const used = new Set<number>();
          let sum = 0;
          r.assignment.forEach((j, i) => {
            if (j === -1) return;
            expect(used.has(j)).toBe(false);
            used.add(j);
            sum += c[i]![j]!;
          });
          expect(used.size).toBe(Math.min(c.length, c[0]?.length ?? 0));
          expect(r.cost).toBeCloseTo(sum, 6);
          const best = bruteForce(c, maximize);
          expect(best).not.toBeNull();
          expect(r.cost).toBeCloseTo(best!, 6);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('linearSumAssignmentMatrix(data, rows, cols) agrees with the rows form or throws a library error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), fc.integer({ min: -1, max: 1 }), (n, m, vals, off) => {
        const data = new Float64Array(Math.max(0, n * m + off)).map((_, k) => vals[k % Math.max(1, vals.length)] ?? 1);
        const copy = data.slice();
        outcome('linearSumAssignmentMatrix', () => linearSumAssignmentMatrix(data, n, m), (r) => {
          const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * m, i * m + m)));
          expect(r.cost).toBeCloseTo(linearSumAssignment(rows).cost, 9);
        });
        expect(data).toEqual(copy);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseOrLibraryGap(text) returns task-major instances or a library error', () => {
    const instance = fc.record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 5 }) }).chain(({ m, n }) =>
      fc.tuple(fc.constant([m, n]), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2 * m * n + m, maxLength: 2 * m * n + m })),
    );
    const text = fc.tuple(fc.array(instance, { minLength: 1, maxLength: 3 }), fc.integer({ min: -1, max: 8 }), fc.constantFrom('\n', ' ', '\r\n')).map(([insts, corrupt, sep]) => {
      const tokens: string[] = [String(insts.length)];
      for (const [[m, n], vals] of insts) tokens.push(String(m), String(n), ...vals.map(String));
      if (corrupt === 0) tokens.pop();
      if (corrupt === 1) tokens[tokens.length - 1] = 'x';
      if (corrupt === 2) tokens[0] = '9';
      if (corrupt === 3) tokens.push('7');
      return tokens.join(sep);
    });
    fc.assert(
      fc.property(fc.oneof({ weight: 10, arbitrary: text }, { weight: 1, arbitrary: fc.string() }), (t) => {
        outcome('parseOrLibraryGap', () => parseOrLibraryGap(t), (insts) => {
          for (const g of insts) {
            expect(g.demand.length).toBe(g.cost.length);
            for (const row of g.cost) expect(row.length).toBe(g.budget.length);
          }
          assertNumbersOk(insts, true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  const gapInstance: fc.Arbitrary<unknown> = fc.record({ n: fc.integer({ min: 0, max: 6 }), m: fc.integer({ min: 1, max: 3 }) }).chain(({ n, m }) =>
    fc.record({
      cost: fc.array(fc.array(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(NaN, -1, Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      demand: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      budget: fc.array(fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, NaN) }), { minLength: m, maxLength: m }),
    }),
  );

  it('solveGap(instance, {method: heuristic}) respects budgets and reports a consistent value, or a library error', async () => {
    await fc.assert(
      fc.asyncProperty(gapInstance, fc.constantFrom('min', 'max'), async (inst, sense) => {
        const frozen = deepFreeze(inst) as GapInstance;
        await outcomeAsync('solveGap/heuristic', () => solveGap(frozen, { sense: sense as 'min' | 'max', method: 'heuristic', seed: 1, timeLimitMs: 50 }), (r) => {
          assertNumbersOk(r, false);
          if (r.status === 'infeasible' || r.status === 'unknown') return;
          const load = new Array<number>(frozen.budget.length).fill(0);
          let value = 0;
          r.assignment.forEach((j, i) => {
            load[j]! += frozen.demand[i]![j]!;
            value += frozen.cost[i]![j]!;
          });
          load.forEach((l, j) => expect(l).toBeLessThanOrEqual(frozen.budget[j]!));
          expect(r.value).toBeCloseTo(value, 9);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('solveGap(instance, {method: exact}) (HiGHS) agrees with the heuristic where both prove optimality, or a library error', async () => {
    await fc.assert(
      fc.asyncProperty(gapInstance, fc.constantFrom('min', 'max'), async (inst, sense) => {
        const frozen = deepFreeze(inst) as GapInstance;
        await outcomeAsync('solveGap/exact', () => solveGap(frozen, { sense: sense as 'min' | 'max', method: 'exact', timeLimitMs: 2000 }), (r) => {
          assertNumbersOk(r, false);
          if (r.status !== 'optimal') return;
          let value = 0;
          r.assignment.forEach((j, i) => (value += frozen.cost[i]![j]!));
          expect(r.value).toBeCloseTo(value, 6);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('makespanLpBound(problem) (HiGHS) is finite, ≥ 0 and ≤ the best heuristic makespan, or a library error', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb({ maxTasks: 6, maxDevices: 3, timing: false }), async (p) => {
        const frozen = deepFreeze(p);
        await outcomeAsync('makespanLpBound', () => makespanLpBound(frozen), (lb) => {
          expect(Number.isFinite(lb) && lb >= 0).toBe(true);
          const ms = solve(frozen, { strategy: 'min-min' }).makespan;
          expect(lb).toBeLessThanOrEqual(ms * (1 + 1e-7) + 1e-7);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('gapFromProblem(problem) gives an n×m instance or a library error', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 5 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 5 }), (p, demands) => {
        const withDemand = deepFreeze({ ...p, tasks: p.tasks.map((t, i) => (demands[i] === undefined ? t : { ...t, demand: demands[i] })) }) as Problem;
        outcome('gapFromProblem', () => gapFromProblem(withDemand), (g) => {
          expect(g.cost.length).toBe(p.tasks.length);
          expect(g.budget.length).toBe(p.devices.length);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

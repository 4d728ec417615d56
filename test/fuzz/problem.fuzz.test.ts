// Fuzz: problems, evaluation, lower bounds, formats and solve() with every
// strategy. Valid problems come from test/arbitraries.ts; a mutation then
// (often) breaks or stretches them: NaN, negatives, wrong types, ragged rows,
// duplicate ids, rows where every device is forbidden, 1e-300 and 1e300.
import { describe, expect, it } from 'vitest';
import {
  compileProblem, evaluate, makespanLowerBound, parseHcsp, parseProblemJson, problemToJson, solutionToJson, solve,
  strategyNames, type Problem,
} from '../../src/index.js';
import { problemArb } from '../arbitraries.js';
import { assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, SLOW_RUNS, outcome } from './harness.js';

type Mutable = { tasks: Record<string, unknown>[]; devices: Record<string, unknown>[]; execTime: unknown[][]; transferTime?: unknown[][] };

const BAD: readonly unknown[] = [NaN, -1, -Infinity, 'x', null, undefined, 1e300, 1e-300, 5e-324, Number.MAX_VALUE];

/** A problem, valid or broken in one of many ways. */
const anyProblem: fc.Arbitrary<unknown> = fc
  .tuple(problemArb({ maxTasks: 6, maxDevices: 4 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 11 }))
  .map(([p, a, b, c, kind]) => {
    const q = JSON.parse(JSON.stringify(p, (_k, v: unknown) => (v === Infinity ? '__inf' : v)), (_k, v: unknown) => (v === '__inf' ? Infinity : v)) as Mutable;
    const n = q.tasks.length;
    const m = q.devices.length;
    const i = n > 0 ? a % n : 0;
    const j = m > 0 ? b % m : 0;
    const bad = BAD[c % BAD.length];
    switch (kind) {
      case 0: if (n > 0) q.execTime[i]![j] = bad; break;
      case 1: if (n > 0 && q.transferTime) q.transferTime[i]![j] = bad; break;
      case 2: if (n > 0) q.execTime[i] = q.execTime[i]!.slice(1); break;        // ragged
      case 3: if (n > 1) q.tasks[1] = { ...q.tasks[1], id: q.tasks[0]!.id }; break; // duplicate id
      case 4: if (n > 0) q.execTime[i] = q.execTime[i]!.map(() => Infinity); break; // no allowed device
      case 5: if (m > 0) q.devices[j] = { ...q.devices[j], ready: bad }; break;
      case 6: if (n > 0) q.tasks[i] = { ...q.tasks[i], release: bad }; break;
      case 7: if (n > 0) q.execTime = q.execTime.map((row) => row.map((v) => (typeof v === 'number' && v < Infinity ? v * 1e295 : v))); break;
      default: break; // valid (kinds 8-11)
    }
    return q;
  });

function checkSolution(p: Problem, s: ReturnType<typeof solve>): void {
  expect(s.assignment).toHaveLength(p.tasks.length);
  s.assignment.forEach((d, i) => {
    expect(Number.isInteger(d) && d >= 0 && d < p.devices.length).toBe(true);
    expect(p.execTime[i]![d]).toBeLessThan(Infinity);
  });
  expect(Number.isFinite(s.makespan)).toBe(true);
  expect(s.makespan).toBeGreaterThanOrEqual(s.lowerBound * (1 - 1e-12) - 1e-9);
  assertNumbersOk(s, false);
}

describe('fuzz: problems and solvers', () => {
  it('compileProblem(problem) compiles to n·m typed arrays or throws a library error', () => {
    fc.assert(
      fc.property(anyProblem, (raw) => {
        const frozen = deepFreeze(raw);
        outcome('compileProblem', () => compileProblem(frozen as Problem), (cp) => {
          const p = frozen as Problem;
          expect(cp.n).toBe(p.tasks.length);
          expect(cp.exec.length).toBe(cp.n * cp.m);
          assertNumbersOk(cp, false);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('evaluate(problem, assignment, options) returns a finite schedule or a library error', () => {
    // Mostly an assignment that fits the problem (right length, allowed devices), sometimes broken.
    const withAssignment = anyProblem.chain((raw) => {
      const q = raw as Mutable;
      const n = Array.isArray(q.execTime) ? q.execTime.length : 0;
      const allowed = (i: number): number[] => {
        const row = q.execTime[i];
        const idx = Array.isArray(row) ? row.flatMap((v, j) => (typeof v === 'number' && v >= 0 && v < Infinity ? [j] : [])) : [];
        return idx.length > 0 ? idx : [0];
      };
      const good = fc.tuple(...Array.from({ length: n }, (_, i) => fc.constantFrom(...allowed(i))));
      const bad = fc.array(fc.constantFrom<unknown>(-1, 1.5, NaN, 'a', 99, 0), { maxLength: n + 1 });
      return fc.tuple(fc.constant(raw), fc.oneof({ weight: 8, arbitrary: good as fc.Arbitrary<unknown[]> }, { weight: 1, arbitrary: bad }));
    });
    const opts = fc.oneof(fc.constant(undefined), fc.constantFrom<unknown>({ costModel: 'independent' }, { costModel: 'sequential' }, { costModel: 'x' }, { bogus: 1 }));
    fc.assert(
      fc.property(withAssignment, opts, ([raw, a], o) => {
        const frozen = deepFreeze({ raw, a, o });
        outcome('evaluate', () => evaluate(frozen.raw as Problem, frozen.a as number[], frozen.o as never), (s) => {
          expect(s.tasks).toHaveLength((frozen.raw as Problem).tasks.length);
          expect(Number.isFinite(s.metrics.makespan)).toBe(true);
          for (const t of s.tasks) expect(t.finish).toBeGreaterThanOrEqual(t.start);
          assertNumbersOk(s, false);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('makespanLowerBound(problem) is a finite number ≥ 0 or a library error', () => {
    fc.assert(
      fc.property(anyProblem, (raw) => {
        outcome('makespanLowerBound', () => makespanLowerBound(deepFreeze(raw) as Problem), (lb) => {
          expect(Number.isFinite(lb) && lb >= 0).toBe(true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  for (const strategy of strategyNames) {
    it(`solve(problem, {strategy: '${strategy}'}) is valid, ≥ its lower bound, deterministic, or a library error`, () => {
      const opts = fc.record({
        costModel: fc.constantFrom('sequential', 'independent'),
        objective: fc.constantFrom('makespan', 'flowtime', 'weighted-flowtime'),
        seed: fc.integer({ min: 0, max: 1000 }),
      });
      fc.assert(
        fc.property(anyProblem, opts, (raw, o) => {
          const frozen = deepFreeze(raw) as Problem;
          // maxIterations, not the clock, must end the iterative strategies: a run the clock stops is
          // reproducible only by chance (README, Time limits), and a loaded machine would flake.
          const options = { ...o, strategy, timeLimitMs: 60_000, maxIterations: 200 } as const;
          outcome(`solve/${strategy}`, () => solve(frozen, options), (s) => {
            checkSolution(frozen, s);
            expect(solutionToJson(solve(frozen, options))).toBe(solutionToJson(s));
          });
        }),
        { numRuns: Math.max(50, Math.ceil(SLOW_RUNS / strategyNames.length)) },
      );
    });
  }

  it('solve(problem, {strategy}) rejects unknown strategies and options with a library error naming the field', () => {
    const p = deepFreeze({ tasks: [{ id: 'a' }], devices: [{ id: 'd', tier: 'edge' }], execTime: [[1]] }) as Problem;
    expect(() => solve(p, { strategy: 'nope' as never })).toThrow(/options\.strategy/);
    expect(() => solve(p, { bogus: 1 } as never)).toThrow(/options\.bogus/);
    expect(() => solve(p, { timeLimitMs: NaN })).toThrow(/options\.timeLimitMs/);
  });

  it('problemToJson → parseProblemJson round-trips, and the solution JSON is byte-identical', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 6 }), fc.constantFrom(...strategyNames), (p, strategy) => {
        const text = problemToJson(p);
        const back = parseProblemJson(text);
        expect(problemToJson(back)).toBe(text);
        const opts = { strategy, seed: 7, timeLimitMs: 60_000, maxIterations: 100 } as const;
        expect(solutionToJson(solve(back, opts))).toBe(solutionToJson(solve(p, opts)));
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('parseProblemJson(text) returns a problem or a library error for arbitrary and corrupted text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      anyProblem.map((p) => JSON.stringify(p, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v))),
    );
    fc.assert(
      fc.property(text, (t) => {
        outcome('parseProblemJson', () => parseProblemJson(t), (p) => {
          expect(() => compileProblem(p)).not.toThrow();
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseHcsp(text, {tasks, machines}) returns an n×m problem or a library error', () => {
    // n·m numbers with an optional header, sometimes a bad token or a wrong count.
    const cell = fc.oneof({ weight: 60, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('x', '-1', 'NaN', '1e999') });
    const text = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -1, max: 1 }), fc.constantFrom('\n', '\r\n', ' '), fc.boolean())
      .chain(([n, m, off, sep, header]) =>
        fc.array(cell, { minLength: Math.max(0, n * m + (off === 1 ? 1 : off === -1 ? -1 : 0)), maxLength: Math.max(0, n * m + (off === 1 ? 1 : off === -1 ? -1 : 0)) }).map((ns) => [(header ? `${n} ${m} 0${sep}` : '') + ns.join(sep) + sep, header ? undefined : { tasks: n, machines: m }] as const),
      );
    const badOpts = fc.oneof(fc.constant(undefined), fc.record({ tasks: fc.integer({ min: -1, max: 6 }), machines: fc.integer({ min: -1, max: 4 }) }));
    fc.assert(
      fc.property(text, fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: badOpts }), ([t, fitting], other) => {
        const o = other === null ? fitting : other;
        outcome('parseHcsp', () => parseHcsp(t, o as never), (p) => {
          expect(p.execTime.length).toBe(p.tasks.length);
          for (const row of p.execTime) expect(row.length).toBe(p.devices.length);
          assertNumbersOk(p, false);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

// Fuzz: the column fast paths, multi-criteria scores, custom formulas, the
// problem builders and the ETC generator.
import { describe, expect, it } from 'vitest';
import { compileFormula, formulaPriorities } from '../../src/formula/index.js';
import {
  compileProblem, generateEtc, loadsFromColumns, multiCriteriaScores, multiCriteriaScoresOf, prioritiesFromColumns, problemFromArticle,
  problemFromPhysical, transferTimesFromColumns, workedExample, workedExampleProblem,
} from '../../src/index.js';
import { anyNumber, anyValue, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, outcome, record } from './harness.js';

const column = (n: number): fc.Arbitrary<number[]> => fc.array(anyNumber, { minLength: n, maxLength: n });
const threeColumns = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(column(n), column(n), fc.oneof({ weight: 20, arbitrary: column(n) }, { weight: 1, arbitrary: column(n + 1) })));
const formOptions = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom({ form: 'base' }, { form: 'normalized' }, { form: 'weighted', weights: [1, 2, 3] }, { form: 'weighted' }, { nope: 1 }),
);

describe('fuzz: column paths, multi-criteria, formulas, builders', () => {
  for (const [name, fn] of [['prioritiesFromColumns', prioritiesFromColumns], ['loadsFromColumns', loadsFromColumns], ['transferTimesFromColumns', transferTimesFromColumns]] as const) {
    it(`${name}(columns, options) returns finite scores or a library error; typed columns are not written`, () => {
      fc.assert(
        fc.property(threeColumns, formOptions, fc.boolean(), (cols, opts, typed) => {
          const input = typed ? cols.map((c) => Float64Array.from(c)) : deepFreeze(cols);
          const before = input.map((c) => Array.from(c));
          outcome(name, () => fn(input as never, opts as never), (r) => {
            expect(r.length).toBe(cols[0].length);
            assertNumbersOk(r, true);
          });
          expect(input.map((c) => Array.from(c))).toEqual(before);
        }),
        { numRuns: FUZZ_RUNS },
      );
    });
  }

  it('multiCriteriaScores(columns, options) gives scores in [0, Σw] or a library error', () => {
    const weight = fc.oneof({ weight: 30, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(-1, NaN, Infinity) });
    const scenario = fc.integer({ min: 1, max: 3 }).chain((k) =>
      fc.tuple(
        fc.integer({ min: 0, max: 5 }).chain((n) => fc.array(column(n), { minLength: k, maxLength: k })),
        fc.record(
          {
            normalization: fc.constantFrom<unknown>('sum', 'max', 'min-max', 'vector', 'sum', 'max', 'min-max', 'vector', 'nope'),
            directions: fc.oneof({ weight: 10, arbitrary: fc.array(fc.constantFrom<unknown>('benefit', 'cost'), { minLength: k, maxLength: k }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom<unknown>('benefit', 'x'), { maxLength: 4 }) }),
            weights: fc.oneof({ weight: 10, arbitrary: fc.array(weight, { minLength: k, maxLength: k }) }, { weight: 1, arbitrary: fc.array(weight, { maxLength: 4 }) }),
          },
          { requiredKeys: [] },
        ),
      ),
    );
    fc.assert(
      fc.property(scenario, ([cols, o]) => {
        const frozen = deepFreeze({ cols, o });
        outcome('multiCriteriaScores', () => multiCriteriaScores(frozen.cols, frozen.o as never), (r) => {
          assertNumbersOk(r, true);
          const w = (o.weights as number[] | undefined) ?? cols.map(() => 1);
          const total = w.reduce((a, b) => a + b, 0);
          for (const v of r) {
            expect(v).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, total));
            expect(v).toBeLessThanOrEqual(total * (1 + 1e-9) + 1e-9);
          }
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('multiCriteriaScoresOf(items, keys, options) returns finite scores or a library error', () => {
    fc.assert(
      fc.property(fc.array(record(['capacity', 'remaining', 'execTime']), { maxLength: 5 }), fc.constantFrom<unknown>(['capacity', 'remaining', 'execTime'], ['capacity'], ['nope'], []), (items, keys) => {
        const frozen = deepFreeze({ items, keys });
        outcome('multiCriteriaScoresOf', () => multiCriteriaScoresOf(frozen.items as never, frozen.keys as never, { normalization: 'min-max' }), (r) => {
          expect(r.length).toBe(items.length);
          assertNumbersOk(r, true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('compileFormula(expression) compiles to a function returning finite numbers, or a library error', () => {
    const atom = fc.constantFrom('A', 'B', 'C', 'importance', 'urgency', 'satisfaction', '2', '0', '1e308', 'pi', 'x', 'foo(A)', 'sqrt(A)', 'log(B)', '[1,2]', '"s"');
    const op = fc.constantFrom(' + ', ' - ', ' * ', ' / ', ' ^ ', ' mod ', ' > ', ' = ', ' ');
    const expr = fc.array(fc.tuple(atom, op), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([a, o], i) => (i === parts.length - 1 ? a : a + o)).join(''));
    fc.assert(
      fc.property(fc.oneof({ weight: 10, arbitrary: expr }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), fc.tuple(anyNumber, anyNumber, anyNumber), (e, values) => {
        let f: ((v: ArrayLike<number>) => number) | undefined;
        outcome('compileFormula', () => compileFormula(e), (g) => {
          f = g as (v: ArrayLike<number>) => number;
        });
        if (f === undefined) return;
        const call = f;
        outcome('compileFormula(...)(values)', () => call(values), (v) => {
          expect(typeof v).toBe('number');
          expect(Number.isFinite(v)).toBe(true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('formulaPriorities(tasks, expression) returns finite priorities or a library error', () => {
    fc.assert(
      fc.property(fc.array(record(['importance', 'urgency', 'satisfaction'], anyValue), { maxLength: 5 }), fc.constantFrom('A*B*C', 'importance^2 + urgency', 'A / B', 'log(C)', 'A > B ? A : B', 'nope', 'A +'), (tasks, e) => {
        const frozen = deepFreeze(tasks);
        outcome('formulaPriorities', () => formulaPriorities(frozen as never, e), (r) => {
          expect(r.length).toBe(tasks.length);
          assertNumbersOk(r, true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('workedExampleProblem(cloudTransferTime) and problemFromArticle(...) compile, or a library error', () => {
    fc.assert(
      fc.property(anyValue, fc.constantFrom<unknown>(undefined, { tiers: ['edge', 'edge', 'edge', 'cloud'] }, { tiers: ['edge'] }, { bogus: 1 }), (cloud, opts) => {
        outcome('workedExampleProblem', () => workedExampleProblem(cloud as number), (p) => {
          expect(() => compileProblem(p)).not.toThrow();
          expect(p.transferTime[0]![3] === cloud).toBe(true); // -0 and 0 both allowed
        });
        const w = workedExample;
        outcome('problemFromArticle', () => problemFromArticle(w.tasks, w.devices, [...w.transfers, { pack: 0, send: cloud as number, unpack: 0 }], opts as never), (p) => {
          expect(() => compileProblem(p)).not.toThrow();
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('problemFromPhysical(tasks, devices) gives a compilable problem with finite or forbidden times, or a library error', () => {
    const tasks = fc.array(fc.record({ work: anyNumber, dataSize: anyNumber }), { maxLength: 4 });
    const devices = fc.array(fc.record({ tier: fc.constantFrom<unknown>('edge', 'cloud', 'x'), speed: anyNumber, bandwidth: fc.option(anyNumber, { nil: undefined }), latency: fc.option(anyNumber, { nil: undefined }) }, { requiredKeys: ['tier', 'speed'] }), { maxLength: 3 });
    fc.assert(
      fc.property(tasks, devices, (t, d) => {
        const frozen = deepFreeze({ t, d });
        outcome('problemFromPhysical', () => problemFromPhysical(frozen.t as never, frozen.d as never), (p) => {
          expect(p.execTime).toHaveLength(t.length);
          assertNumbersOk(p, false);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('generateEtc(options) gives an n×m problem of finite positive times, or a library error', () => {
    const opts = fc.record(
      {
        tasks: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 1.5, NaN) }),
        machines: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1) }),
        consistency: fc.constantFrom<unknown>('consistent', 'inconsistent', 'semi-consistent', 'x'),
        taskHeterogeneity: fc.constantFrom<unknown>('hi', 'lo'),
        machineHeterogeneity: fc.constantFrom<unknown>('hi', 'lo'),
        seed: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom<unknown>(-1, NaN)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(opts, (o) => {
        outcome('generateEtc', () => generateEtc(deepFreeze(o) as never), (p) => {
          for (const row of p.execTime) for (const v of row) expect(Number.isFinite(v) && v > 0).toBe(true);
          expect(JSON.stringify(generateEtc(o as never))).toBe(JSON.stringify(p));
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

// Fuzz: the three models, their scalar forms and the criteria core.
import { describe, expect, it } from 'vitest';
import {
  load, loads, priorities, priority, scoreColumns, transferTime, transferTimes,
} from '../../src/index.js';
import { anyNumber, anyValue, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, outcome, record } from './harness.js';

const validOptions = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom({ form: 'base' }, { form: 'normalized' }),
  fc.record({ form: fc.constant('weighted'), weights: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }) }),
);
const badOptions = fc.oneof(
  fc.constantFrom<unknown>(null, 'x', { form: 'base', extra: 1 }, { form: 'nope' }, { form: 'weighted' }, { form: 'base', weights: [1, 1, 1] }),
  fc.record({ form: fc.constant('weighted'), weights: fc.array(anyNumber, { maxLength: 4 }) }),
);
const options = fc.oneof({ weight: 10, arbitrary: validOptions }, { weight: 1, arbitrary: badOptions });

const models = [
  { name: 'priorities', one: 'priority', set: priorities, single: priority, fields: ['importance', 'urgency', 'satisfaction'] },
  { name: 'loads', one: 'load', set: loads, single: load, fields: ['capacity', 'remaining', 'execTime'] },
  { name: 'transferTimes', one: 'transferTime', set: transferTimes, single: transferTime, fields: ['pack', 'send', 'unpack'] },
] as const;

describe('fuzz: models', () => {
  for (const m of models) {
    it(`${m.name}(items, options) returns finite scores, one per item, or a library error`, () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 30, arbitrary: fc.array(record(m.fields), { maxLength: 8 }) }, { weight: 1, arbitrary: anyValue }), options, (items, opts) => {
          const frozen = deepFreeze(structuredClone({ items, opts }));
          outcome(m.name, () => (m.set as (a: unknown, b: unknown) => Float64Array)(frozen.items, frozen.opts), (r) => {
            expect(r).toBeInstanceOf(Float64Array);
            expect(r.length).toBe((items as unknown[]).length);
            assertNumbersOk(r, true);
            // Documented invariant: normalized scores of a non-empty set sum to the number of criteria.
            if ((opts as { form?: string } | undefined)?.form === 'normalized' && r.length > 0) {
              expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 9);
            }
          });
          expect(frozen).toEqual({ items, opts });
        }),
        { numRuns: FUZZ_RUNS },
      );
    });

    it(`${m.one}(item, options) returns a finite number or a library error`, () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 30, arbitrary: record(m.fields) }, { weight: 1, arbitrary: anyValue }), options, (item, opts) => {
          const frozen = deepFreeze(structuredClone({ item, opts }));
          outcome(m.one, () => (m.single as (a: unknown, b: unknown) => number)(frozen.item, frozen.opts), (r) => {
            expect(typeof r).toBe('number');
            assertNumbersOk(r, true);
          });
        }),
        { numRuns: FUZZ_RUNS },
      );
    });
  }

  it('scoreColumns(columns, options) returns finite scores or a library error', () => {
    const column = fc.oneof({ weight: 30, arbitrary: fc.array(anyNumber, { minLength: 4, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'x', [1, 2, 3]) });
    fc.assert(
      fc.property(fc.array(column, { maxLength: 4 }), fc.oneof(validOptions.filter((o) => o === undefined || (o as { form: string }).form !== 'base'), badOptions), (cols, opts) => {
        const frozen = deepFreeze(structuredClone({ cols, opts }));
        outcome('scoreColumns', () => scoreColumns(frozen.cols as number[][], frozen.opts as never), (r) => {
          expect(r).toBeInstanceOf(Float64Array);
          assertNumbersOk(r, true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/errors.js';
import { isCriterion, readColumns, scoreColumnSet, scoreOne, scoreSet, type ModelSpec } from '../../src/models/model.js';

type Item = Record<string, unknown>;
const FIELDS = ['p', 'q', 'r'] as const;

/** A toy model over fields p, q, r with base formula p·q/r (r > 0), written plainly (no literal-name fast readers). */
function toySpec(fastPaths: boolean): ModelSpec {
  const ok = (t: unknown): t is Item => typeof t === 'object' && t !== null && FIELDS.every((f) => isCriterion((t as Item)[f]));
  const value = (t: Item, f: string): number => t[f] as number;
  return {
    setFn: 'toys', oneFn: 'toy', items: 'toys', item: 'toy', fields: ['p', 'q', 'r'], positiveInBase: 2,
    read: (items, a, b, c) => {
      for (let i = 0; i < items.length; i++) {
        const t = items[i];
        if (!ok(t)) return i;
        a[i] = value(t, 'p');
        b[i] = value(t, 'q');
        c[i] = value(t, 'r');
      }
      return -1;
    },
    readBase: (items, out) => {
      if (!fastPaths) return 0;
      for (let i = 0; i < items.length; i++) {
        const t = items[i];
        if (!ok(t) || !(value(t, 'r') > 0)) return i;
        const v = (value(t, 'p') * value(t, 'q')) / value(t, 'r');
        if (!Number.isFinite(v)) return i;
        out[i] = v;
      }
      return -1;
    },
    readSums: (items, sums) => {
      if (!fastPaths) return 0;
      sums.fill(0);
      for (let i = 0; i < items.length; i++) {
        const t = items[i];
        if (!ok(t)) return i;
        FIELDS.forEach((f, k) => (sums[k] = sums[k]! + value(t, f)));
      }
      return -1;
    },
    readWeighted: (items, wa, wb, wc, out) => {
      if (!fastPaths) return 0;
      for (let i = 0; i < items.length; i++) {
        const t = items[i];
        if (!ok(t)) return i;
        const v = wa * value(t, 'p') + wb * value(t, 'q') + wc * value(t, 'r') + 0;
        if (!Number.isFinite(v)) return i;
        out[i] = v;
      }
      return -1;
    },
    base: (a, b, c, out) => {
      for (let i = 0; i < out.length; i++) {
        const v = (a[i]! * b[i]!) / c[i]!;
        out[i] = v;
        if (!(a[i]! >= 0 && b[i]! >= 0 && c[i]! > 0 && Number.isFinite(v))) return i;
      }
      return -1;
    },
  };
}

const FAST = toySpec(true);
const SLOW = toySpec(false);
const itemArb = fc.record({ p: fc.integer({ min: 0, max: 50 }), q: fc.integer({ min: 0, max: 50 }), r: fc.integer({ min: 1, max: 50 }) });
const columnsOf = (items: readonly { p: number; q: number; r: number }[]): Float64Array[] => FIELDS.map((f) => Float64Array.from(items, (t) => t[f]));

describe('scoreSet and scoreColumnSet: reference values and oracles', () => {
  it('scoreSet(spec, items, {form}) equals the plain formulas: base p·q/r, weighted Σ w·x, normalized Σ x/Σcolumn', () => {
    const items = [{ p: 2, q: 3, r: 4 }, { p: 6, q: 1, r: 2 }];
    expect([...scoreSet(FAST, items, undefined)]).toEqual([1.5, 3]);
    expect([...scoreSet(FAST, items, { form: 'weighted', weights: [1, -2, 0.5] })]).toEqual([2 - 6 + 2, 6 - 2 + 1]);
    expect([...scoreSet(FAST, items, { form: 'normalized' })]).toEqual([2 / 8 + 3 / 4 + 4 / 6, 6 / 8 + 1 / 4 + 2 / 6]);
  });

  it('scoreSet gives the same bytes through the fast object readers, through the column path, and as scoreColumnSet on the columns, in every form', () => {
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 8 }), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), (items, w) => {
      for (const options of [{ form: 'base' }, { form: 'normalized' }, { form: 'weighted', weights: w }]) {
        if (options.form === 'normalized' && FIELDS.some((f) => items.every((t) => t[f] === 0))) {
          // A column summing to 0 has no normalized weight 1/Σ: every path refuses it.
          expect(() => scoreSet(FAST, items, options)).toThrow(InputRangeError);
          expect(() => scoreSet(SLOW, items, options)).toThrow(InputRangeError);
          continue;
        }
        const fast = scoreSet(FAST, items, options);
        expect(scoreSet(SLOW, items, options)).toEqual(fast);
        expect(scoreColumnSet(FAST, 'toyColumns', columnsOf(items), options)).toEqual(fast);
      }
    }));
  });

  it('readColumns(fn, spec, items) copies the criteria into three columns; scoreSet does not mutate its input', () => {
    const items = Object.freeze([Object.freeze({ p: 1, q: 2, r: 3 }), Object.freeze({ p: 4, q: 5, r: 6 })]);
    expect(readColumns('toys', FAST, items).map((c) => [...c])).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(() => scoreSet(FAST, items, { form: 'normalized' })).not.toThrow();
  });
});

describe('scoreOne', () => {
  it('scoreOne(spec, item, {form}) is the base or weighted score of one item; normalized is not a form of one item', () => {
    expect(scoreOne(FAST, { p: 2, q: 3, r: 4 }, undefined)).toBe(1.5);
    expect(scoreOne(FAST, { p: 2, q: 3, r: 4 }, { form: 'weighted', weights: [1, 1, 1] })).toBe(9);
    expect(() => scoreOne(FAST, { p: 2, q: 3, r: 4 }, { form: 'normalized' })).toThrow(InputTypeError);
    expect(() => scoreOne(FAST, { p: 2, q: -3, r: 4 }, undefined)).toThrow('toy: toy.q must be a finite number >= 0, got -3');
    expect(() => scoreOne(FAST, { p: 2, q: 3, r: 0 }, undefined)).toThrow(InputRangeError);
  });
});

describe('the model core: edge cases and errors', () => {
  it('isCriterion accepts finite numbers ≥ 0 only', () => {
    expect([0, 1.5, 1e308].every(isCriterion)).toBe(true);
    expect([-1, NaN, Infinity, '1', null].some(isCriterion)).toBe(false);
  });

  it('scoreSet on an empty set is empty in the base and weighted forms', () => {
    expect(scoreSet(FAST, [], undefined)).toEqual(new Float64Array(0));
    expect(scoreSet(FAST, [], { form: 'weighted', weights: [1, 2, 3] })).toEqual(new Float64Array(0));
  });

  it('scoreSet names the offending item and field, suggests the field for a misspelt key, and rejects unknown options and weights outside the weighted form', () => {
    expect(() => scoreSet(FAST, [{ p: 1, q: 1, r: 1 }, { p: 1, q: -1, r: 1 }], undefined)).toThrow('toys: toys[1].q must be a finite number >= 0, got -1');
    expect(() => scoreSet(FAST, [{ p: 1, qq: 1, r: 1 }], undefined)).toThrow("toys: toys[0].q must be a finite number, got undefined (found 'qq': did you mean 'q'?)");
    expect(() => scoreSet(FAST, [null], undefined)).toThrow('toys: toys[0] must be an object, got null');
    expect(() => scoreSet(FAST, [{ p: 1, q: 1, r: 0 }], undefined)).toThrow('toys: toys[0].r must be a finite number > 0 in the base form, got 0');
    expect(() => scoreSet(FAST, [], { fomr: 'base' })).toThrow(InputTypeError);
    expect(() => scoreSet(FAST, [], { form: 'base', weights: [1, 1, 1] })).toThrow("toys: options.weights is only used with form 'weighted'");
    expect(() => scoreColumnSet(FAST, 'toyColumns', [new Float64Array(1)], undefined)).toThrow(/^toyColumns: columns must be an array of 3 columns \(p, q, r\)/);
  });
});

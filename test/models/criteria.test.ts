import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../arbitraries.js';
import {
  InputRangeError,
  InputTypeError,
  loads,
  loadsFromColumns,
  priorities,
  prioritiesFromColumns,
  scoreColumns,
  transferTimes,
  transferTimesFromColumns,
  workedExample,
} from '../../src/index.js';

// The criteria core, tested directly (scoreColumns) and through the three
// models, which are the same operation over different field names.

type Item = Readonly<Record<string, number>>;
type SetFn = (items: readonly Item[], options?: object) => Float64Array;
type ColumnsFn = (columns: readonly ArrayLike<number>[], options?: object) => Float64Array;
const models: readonly { name: string; fn: SetFn; fromColumns: ColumnsFn; fields: readonly [string, string, string] }[] = [
  { name: 'priorities', fn: priorities as unknown as SetFn, fromColumns: prioritiesFromColumns as unknown as ColumnsFn, fields: ['importance', 'urgency', 'satisfaction'] },
  { name: 'loads', fn: loads as unknown as SetFn, fromColumns: loadsFromColumns as unknown as ColumnsFn, fields: ['capacity', 'remaining', 'execTime'] },
  { name: 'transferTimes', fn: transferTimes as unknown as SetFn, fromColumns: transferTimesFromColumns as unknown as ColumnsFn, fields: ['pack', 'send', 'unpack'] },
];


/** A trivially correct normalized form: divide each column by its sum, add. */
function naiveNormalized(columns: readonly (readonly number[])[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const col of columns) {
    const s = col.reduce((x, y) => x + y, 0);
    col.forEach((v, i) => (out[i] = out[i]! + v / s));
  }
  return out;
}

function naiveWeighted(columns: readonly (readonly number[])[], w: readonly number[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  columns.forEach((col, c) => col.forEach((v, i) => (out[i] = out[i]! + w[c]! * v)));
  return out;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    expect(Math.abs(actual[i]! - e)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  }
}

const value = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const valueOrZero = fc.oneof(fc.constant(0), value);
/** k columns of length n ≥ 1, each with at least one positive entry. */
const columnsArb = (k: number) =>
  fc.integer({ min: 1, max: 30 }).chain((n) =>
    fc.array(fc.array(valueOrZero, { minLength: n, maxLength: n }).filter((c) => c.some((v) => v > 0)), { minLength: k, maxLength: k }),
  );
const itemsArb = (fields: readonly string[]) =>
  columnsArb(3).map((cols) => cols[0]!.map((_, i) => Object.fromEntries(fields.map((f, c) => [f, cols[c]![i]!])) as Item));

describe('scoreColumns: reference values', () => {
  it('scoreColumns([[1, 3], [2, 2]]) gives the TSDoc example [0.75, 1.25]', () => {
    expect(scoreColumns([[1, 3], [2, 2]])).toEqual(Float64Array.of(0.75, 1.25));
  });
  it("scoreColumns([[1, 3], [2, 2]], {form: 'weighted', weights: [1, 10]}) gives [21, 23]", () => {
    expect(scoreColumns([[1, 3], [2, 2]], { form: 'weighted', weights: [1, 10] })).toEqual(Float64Array.of(21, 23));
  });
  it('scoreColumns on the worked example task columns gives (A+B+C)/15', () => {
    const t = workedExample.tasks;
    const cols = [t.map((x) => x.importance), t.map((x) => x.urgency), t.map((x) => x.satisfaction)];
    expectClose(scoreColumns(cols), [12 / 15, 10 / 15, 10 / 15, 10 / 15, 3 / 15]);
  });
});

describe('scoreColumns: oracle (naive reference implementation)', () => {
  it('scoreColumns(columns) equals a naive divide-by-sum for k = 1..6 columns', () => {
    const arb = fc.integer({ min: 1, max: 6 }).chain((k) => columnsArb(k));
    fc.assert(fc.property(arb, (cols) => expectClose(scoreColumns(cols), naiveNormalized(cols, cols[0]!.length))));
  });
  it("scoreColumns(columns, {form: 'weighted'}) equals a naive weighted sum for k = 1..6", () => {
    const arb = fc.integer({ min: 1, max: 6 }).chain((k) =>
      fc.tuple(columnsArb(k), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: k, maxLength: k })),
    );
    fc.assert(
      fc.property(arb, ([cols, w]) => {
        expectClose(scoreColumns(cols, { form: 'weighted', weights: w }), naiveWeighted(cols, w, cols[0]!.length), 1e-9);
      }),
    );
  });
});

describe('scoreColumns: properties', () => {
  it('scoreColumns gives the same scores for number[] and Float64Array columns, and never writes them', () => {
    fc.assert(
      fc.property(columnsArb(3), (cols) => {
        const typed = cols.map((c) => Float64Array.from(c));
        const copies = typed.map((c) => c.slice());
        expect(scoreColumns(typed)).toEqual(scoreColumns(deepFreeze(cols.map((c) => [...c]))));
        expect(typed).toEqual(copies);
      }),
    );
  });
});

describe.each(models)('$name: properties shared by the three models (criteria core)', ({ name, fn, fromColumns, fields }) => {
  const cols = (items: readonly Item[]) => fields.map((f) => items.map((x) => x[f]!));

  it(`${name}FromColumns(columns, {form}) equals ${name}(objects, {form}) in every form, and never writes the columns`, () => {
    fc.assert(
      fc.property(itemsArb(fields), fc.constantFrom('base', 'normalized', 'weighted'), (items, form) => {
        const safe = items.map((x) => Object.fromEntries(fields.map((f) => [f, x[f]! + 1])) as Item);
        const opts = form === 'weighted' ? { form, weights: [0.5, 2, -1] } : { form };
        const typed = cols(safe).map((c) => Float64Array.from(c));
        const copies = typed.map((c) => c.slice());
        expect(fromColumns(typed, opts)).toEqual(fn(safe, opts));
        expect(fromColumns(deepFreeze(cols(safe)), opts)).toEqual(fn(safe, opts));
        expect(typed).toEqual(copies);
      }),
    );
  });

  it(`${name}(objects, {form: 'normalized'}) (two passes over the objects) equals ${name}FromColumns double for double, tiny, huge and overflowing sums included`, () => {
    // Magnitudes from 1e-320 (inverse sums overflow) to 1e308 (sums overflow): both the two-pass object path and the column fallback.
    const magnitude = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constantFrom(1e-320, 5e-324, 1e300, 1e308, Number.MAX_VALUE));
    const arb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.array(fc.tuple(magnitude, magnitude, magnitude), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(arb, (rows) => {
        const items = rows.map((r) => Object.fromEntries(fields.map((f, k) => [f, r[k]!])) as Item);
        const typed = cols(items).map((c) => Float64Array.from(c));
        let expected: Float64Array | Error;
        try {
          expected = fromColumns(typed, { form: 'normalized' });
        } catch (e) {
          expected = e as Error;
        }
        if (expected instanceof Error) {
          // A column summing to 0: the same error type, naming the objects' field.
          expect(() => fn(items, { form: 'normalized' })).toThrow(expected.constructor as new () => Error);
          return;
        }
        const actual = fn(items, { form: 'normalized' });
        expect(actual.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) expect(Object.is(actual[i], expected[i]), `item ${i}: ${actual[i]} vs ${expected[i]}`).toBe(true);
      }),
    );
  });

  it(`${name}(items, {form: 'normalized'}) is invariant to scaling one column by k > 0`, () => {
    const arb = fc.tuple(itemsArb(fields), fc.integer({ min: 0, max: 2 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(arb, ([items, c, k]) => {
        const scaled = items.map((x) => ({ ...x, [fields[c]!]: x[fields[c]!]! * k }));
        expectClose(fn(scaled, { form: 'normalized' }), fn(items, { form: 'normalized' }), 1e-12);
      }),
    );
  });

  it(`${name}(items, {form}) is permutation equivariant in every form`, () => {
    const arb = itemsArb(fields).chain((items) =>
      fc.tuple(fc.constant(items), fc.shuffledSubarray([...items.keys()], { minLength: items.length, maxLength: items.length })),
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('base', 'normalized', 'weighted'), ([items, perm], form) => {
        // loads' base form needs execTime > 0; shift all values up by 1 there.
        const safe = items.map((x) => Object.fromEntries(fields.map((f) => [f, x[f]! + 1])) as Item);
        const opts = form === 'weighted' ? { form, weights: [0.5, 2, -1] } : { form };
        const all = fn(safe, opts);
        const permuted = fn(perm.map((i) => safe[i]!), opts);
        expectClose(permuted, perm.map((i) => all[i]!), 1e-12);
      }),
    );
  });

  it(`${name}(items, {form: 'normalized'}) scores sum to the number of criteria (3)`, () => {
    fc.assert(
      fc.property(itemsArb(fields), (items) => {
        const s = fn(items, { form: 'normalized' }).reduce((a, b) => a + b, 0);
        expect(Math.abs(s - 3)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it(`${name}(items, {form: 'weighted', weights: 1/column sums}) equals the normalized form`, () => {
    fc.assert(
      fc.property(itemsArb(fields), (items) => {
        const w = cols(items).map((c) => 1 / c.reduce((a, b) => a + b, 0));
        expectClose(fn(items, { form: 'weighted', weights: w }), fn(items, { form: 'normalized' }), 1e-12);
      }),
    );
  });

  it(`${name}(items, {form: 'normalized'}) equals the naive oracle and leaves deep-frozen input intact`, () => {
    fc.assert(
      fc.property(itemsArb(fields), (items) => {
        const frozen = deepFreeze(items.map((x) => ({ ...x })));
        expectClose(fn(frozen, { form: 'normalized' }), naiveNormalized(cols(items), items.length));
        expect(frozen).toEqual(items);
      }),
    );
  });
});

describe.each(models)('$name: edge cases shared by the three models', ({ name, fn, fields }) => {
  const item = (a: unknown, b: unknown, c: unknown) => ({ [fields[0]]: a, [fields[1]]: b, [fields[2]]: c }) as unknown as Item;

  it(`${name}([]) returns an empty Float64Array in every form`, () => {
    for (const opts of [{}, { form: 'normalized' }, { form: 'weighted', weights: [1, 2, 3] }]) {
      const out = fn([], opts);
      expect(out).toBeInstanceOf(Float64Array);
      expect(out.length).toBe(0);
    }
  });
  it(`${name}([one item], {form: 'normalized'}) gives 3`, () => {
    expect(fn([item(2, 7, 0.5)], { form: 'normalized' })).toEqual(Float64Array.of(3));
  });
  it(`${name}(items, {form: 'normalized'}) throws InputRangeError naming a criterion that sums to 0`, () => {
    const items = [item(1, 0, 1), item(2, 0, 3)];
    expect(() => fn(items, { form: 'normalized' })).toThrow(InputRangeError);
    expect(() => fn(items, { form: 'normalized' })).toThrow(`${name}: ${name === 'priorities' ? 'tasks' : name === 'loads' ? 'devices' : 'transfers'}[*].${fields[1]} sums to 0`);
  });
  it.each([
    ['NaN', NaN, InputRangeError, 'a finite number, got NaN'],
    ['Infinity', Infinity, InputRangeError, 'a finite number, got Infinity'],
    ['-Infinity', -Infinity, InputRangeError, 'a finite number, got -Infinity'],
    ['negative', -1, InputRangeError, 'a finite number >= 0, got -1'],
    ['missing', undefined, InputTypeError, 'a finite number, got undefined'],
    ['a string', '3', InputTypeError, 'a finite number, got "3"'],
  ] as const)(`${name} rejects a %s criterion, naming field and index`, (_, bad, cls, text) => {
    const items = [item(1, 1, 1), item(1, 1, 1), item(1, bad, 1)];
    for (const form of ['base', 'normalized'] as const) {
      expect(() => fn(items, { form })).toThrow(cls);
      expect(() => fn(items, { form })).toThrow(`[2].${fields[1]} must be ${text}`);
    }
  });
  it.each([0, 1, 2])(`${name} rejects a negative value in criterion %i, naming it`, (c) => {
    const values = [1, 1, 1];
    values[c] = -2;
    expect(() => fn([item(1, 1, 1), item(values[0], values[1], values[2])])).toThrow(`[1].${fields[c]!} must be a finite number >= 0, got -2`);
  });
  it(`${name} rejects a non-array set and a non-object item`, () => {
    expect(() => fn('x' as never)).toThrow(InputTypeError);
    expect(() => fn([item(1, 1, 1), null as never])).toThrow('[1] must be an object, got null');
    expect(() => fn([[1, 2, 3] as never])).toThrow('[0] must be an object, got an array');
  });
  it(`${name} rejects weights of the wrong length, weights outside the weighted form, and unknown options`, () => {
    const items = [item(1, 1, 1)];
    expect(() => fn(items, { form: 'weighted', weights: [1, 2] })).toThrow(InputTypeError);
    expect(() => fn(items, { form: 'weighted', weights: [1, 2] })).toThrow('options.weights must be an array of length 3');
    expect(() => fn(items, { form: 'weighted' })).toThrow('options.weights must be an array of 3 finite numbers');
    expect(() => fn(items, { form: 'weighted', weights: [1, NaN, 2] })).toThrow('options.weights[1] must be a finite number, got NaN');
    expect(() => fn(items, { weights: [1, 2, 3] })).toThrow("options.weights is only used with form 'weighted'");
    expect(() => fn(items, { form: 'normalized', weights: [1, 2, 3] })).toThrow(InputTypeError);
    expect(() => fn(items, { fomr: 'base' })).toThrow(`${name}: options.fomr is not a known option`);
    expect(() => fn(items, { form: 'sum' })).toThrow("options.form must be one of 'base', 'weighted', 'normalized'");
  });
  it(`${name}(items, {form: 'normalized'}) is finite for magnitudes 1e-300, 1e300 and near the double maximum`, () => {
    for (const m of [1e-300, 1e300, 5e307, 5e-324]) {
      const out = fn([item(m, 2 * m, m), item(3 * m, m, m)], { form: 'normalized' });
      expect(out.every(Number.isFinite)).toBe(true);
      expectClose(out, [1 / 4 + 2 / 3 + 1 / 2, 3 / 4 + 1 / 3 + 1 / 2], 1e-12);
    }
  });
  it(`${name}(items, {form: 'weighted'}) throws InputRangeError when a score overflows`, () => {
    expect(() => fn([item(1e308, 1e308, 1)], { form: 'weighted', weights: [10, 10, 0] })).toThrow('result[0] overflows');
  });
});

describe.each(models)('$name: edge cases of the column fast path', ({ name, fromColumns }) => {
  it(`${name}FromColumns rejects a wrong number of columns, ragged columns and bad entries, naming them`, () => {
    expect(() => fromColumns([[1], [1]])).toThrow(`${name}FromColumns: columns must be an array of 3 columns`);
    expect(() => fromColumns([[1, 2], [1, 2], [1]])).toThrow(`${name}FromColumns: columns[2] must be of length 2 like columns[0]`);
    expect(() => fromColumns([[1, 2], [1, NaN], [1, 1]])).toThrow(`${name}FromColumns: columns[1][1] must be a finite number, got NaN`);
    expect(() => fromColumns([[1], [1], [1]], { form: 'weighted', weights: [1] })).toThrow(InputTypeError);
    expect(() => fromColumns([[1], [1], [1]], { nope: 1 })).toThrow(`${name}FromColumns: options.nope is not a known option`);
  });
  it.each([
    [NaN, 'a finite number, got NaN'],
    [-1, 'a finite number >= 0, got -1'],
    [Infinity, 'a finite number, got Infinity'],
  ])(`${name}FromColumns on Float64Array columns rejects %s in any column and form, naming column and index`, (bad, text) => {
    for (const c of [0, 1, 2]) {
      for (const opts of [{}, { form: 'normalized' }, { form: 'weighted', weights: [1, 0, 2] }]) {
        const cols = [Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)];
        cols[c]![2] = bad;
        expect(() => fromColumns(cols, opts)).toThrow(`${name}FromColumns: columns[${c}][2] must be ${text}`);
      }
    }
  });
  it(`${name}FromColumns base form throws naming result[i] on overflow`, () => {
    const big = Float64Array.of(1, 1e308);
    expect(() => fromColumns([big, big, big])).toThrow(InputRangeError);
    expect(() => fromColumns([big, big, big])).toThrow(`${name}FromColumns: result[1] overflows`);
  });
  it(`${name}FromColumns([[], [], []]) returns an empty Float64Array`, () => {
    expect(fromColumns([[], [], []])).toEqual(new Float64Array(0));
  });
});

describe('scoreColumns: edge cases', () => {
  it('scoreColumns([]) and scoreColumns([[], []]) return an empty Float64Array', () => {
    expect(scoreColumns([])).toEqual(new Float64Array(0));
    expect(scoreColumns([[], []])).toEqual(new Float64Array(0));
  });
  it('scoreColumns on a single item gives k', () => {
    expect(scoreColumns([[4], [0.1], [7], [1e-9]])).toEqual(Float64Array.of(4));
  });
  it('scoreColumns throws InputRangeError naming a zero column', () => {
    expect(() => scoreColumns([[1, 2], [0, 0]])).toThrow(InputRangeError);
    expect(() => scoreColumns([[1, 2], [0, 0]])).toThrow('scoreColumns: columns[1] sums to 0');
  });
  it('scoreColumns names the column and index of a bad entry, for arrays and typed arrays', () => {
    expect(() => scoreColumns([[1, 2], [3, NaN]])).toThrow('scoreColumns: columns[1][1] must be a finite number, got NaN');
    expect(() => scoreColumns([Float64Array.of(1, -2)])).toThrow('scoreColumns: columns[0][1] must be a finite number >= 0, got -2');
    expect(() => scoreColumns([Float64Array.of(Infinity)])).toThrow(InputRangeError);
    expect(() => scoreColumns([[1, undefined as never]])).toThrow(InputTypeError);
  });
  it('scoreColumns rejects ragged columns, non-array columns and DataViews', () => {
    expect(() => scoreColumns([[1, 2], [3]])).toThrow('scoreColumns: columns[1] must be of length 2 like columns[0]');
    expect(() => scoreColumns([[1], 'a' as never])).toThrow(InputTypeError);
    expect(() => scoreColumns([new DataView(new ArrayBuffer(8)) as never])).toThrow(InputTypeError);
    expect(() => scoreColumns('ab' as never)).toThrow('scoreColumns: columns must be an array');
  });
  it("scoreColumns(Float64Array columns, {form: 'weighted'}) validates in the fused loop, for k = 3 and k = 2", () => {
    const w3 = { form: 'weighted' as const, weights: [1, 1, 1] };
    expect(() => scoreColumns([Float64Array.of(1, 2), Float64Array.of(3, -1), Float64Array.of(1, 1)], w3)).toThrow('scoreColumns: columns[1][1] must be a finite number >= 0, got -1');
    expect(() => scoreColumns([Float64Array.of(1, 2), Float64Array.of(3, 1), Float64Array.of(Infinity, 1)], { form: 'weighted', weights: [1, 1, 0] })).toThrow('scoreColumns: columns[2][0] must be a finite number, got Infinity');
    expect(() => scoreColumns([Float64Array.of(1, NaN), Float64Array.of(3, 1)], { form: 'weighted', weights: [1, 1] })).toThrow('scoreColumns: columns[0][1] must be a finite number, got NaN');
    expect(() => scoreColumns([Float64Array.of(1, 1e308), Float64Array.of(3, 1e308)], { form: 'weighted', weights: [10, 10] })).toThrow('scoreColumns: result[1] overflows');
  });
  it('scoreColumns accepts other numeric typed arrays', () => {
    expect(scoreColumns([Int32Array.of(1, 3), Float32Array.of(2, 2)])).toEqual(Float64Array.of(0.75, 1.25));
  });
  it('scoreColumns rejects unknown options and misplaced weights', () => {
    expect(() => scoreColumns([[1]], { weight: [1] } as never)).toThrow('scoreColumns: options.weight is not a known option');
    expect(() => scoreColumns([[1]], { weights: [1] })).toThrow(InputTypeError);
    expect(() => scoreColumns([[1]], { form: 'base' } as never)).toThrow(InputTypeError);
  });
});

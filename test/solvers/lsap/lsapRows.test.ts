import { describe, expect, it } from 'vitest';
import { InputTypeError } from '../../../src/errors.js';
import { copyRows } from '../../../src/solvers/lsap/lsapInput.js';
import { firstNonNumber, setRows } from '../../../src/solvers/lsap/lsapRows.js';
import { createRng } from '../../../src/internal/random.js';

/** The message of the error `run` throws, or 'no error'. */
function messageOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (e) {
    return (e as Error).message;
  }
}

/** setRows and copyRows copy `rows` (each `cols` long) to the same bytes. */
function expectSameCopy(rows: readonly (readonly number[])[], cols: number): void {
  const a = new Float64Array(rows.length * cols);
  const b = new Float64Array(rows.length * cols);
  setRows('f', rows, a, cols);
  copyRows('f', rows, b, cols, undefined, undefined);
  expect(Array.from(a)).toEqual(Array.from(b));
}

describe('setRows: oracles', () => {
  it('setRows copies the rows exactly as copyRows does (Infinity and NaN included) and reports a non-number or a short row with copyRows\'s message', () => {
    const rng = createRng(1505);
    expectSameCopy(Array.from({ length: 7 }, () => Array.from({ length: 5 }, () => (rng() < 0.1 ? Infinity : rng() < 0.05 ? NaN : Math.floor(rng() * 9) - 4))), 5);
    for (const bad of [[[1, 2], [3, '4']], [[1, 2], [3]], [[1, 2], null], [[1, 2], [undefined, 1]]]) {
      const cost = bad as unknown as number[][];
      expect(() => setRows('f', cost, new Float64Array(4), 2)).toThrow(InputTypeError);
      expect(() => copyRows('f', cost, new Float64Array(4), 2, undefined, undefined)).toThrow(InputTypeError);
      const m = messageOf(() => setRows('f', cost, new Float64Array(4), 2));
      expect(m).toBe(messageOf(() => copyRows('f', cost, new Float64Array(4), 2, undefined, undefined)));
      expect(m).toMatch(/^f: cost\[1\]/);
    }
  });

  it('setRows on rows of 19 entries (two blocks of eight and a remainder) copies them as copyRows does and names the first non-number wherever it is, as copyRows', () => {
    const rng = createRng(1506);
    const base = Array.from({ length: 3 }, () => Array.from({ length: 19 }, () => rng()));
    expectSameCopy(base, 19);
    for (const [i, j, bad] of [[0, 0, '1'], [1, 7, null], [1, 8, true], [2, 15, undefined], [2, 16, '2'], [2, 18, {}], [0, 3, 1n]] as const) {
      const cost = base.map((row) => [...row]) as unknown[][];
      cost[i]![j] = bad;
      if (!(i === 2 && j === 18)) cost[2]![18] = 'later'; // a second bad entry after the first one
      const m = messageOf(() => setRows('f', cost as number[][], new Float64Array(57), 19));
      expect(m).toBe(messageOf(() => copyRows('f', cost as number[][], new Float64Array(57), 19, undefined, undefined)));
      expect(m).toMatch(new RegExp(`^f: cost\\[${i}\\]\\[${j}\\] must be a number`));
    }
  });
});

describe('firstNonNumber: oracle', () => {
  it('firstNonNumber(row, cols) is the index of the first entry that is not a number, wherever it is (in a block of eight or the remainder), and -1 when all are numbers (NaN and ±Infinity included)', () => {
    for (const cols of [0, 1, 7, 8, 9, 16, 19, 33]) {
      const row: unknown[] = Array.from({ length: cols }, (_, j) => (j % 5 === 0 ? Infinity : j % 7 === 0 ? NaN : j - 3.5));
      expect(firstNonNumber(row, cols)).toBe(-1);
      for (const bad of ['1', null, undefined, true, {}, 1n]) {
        for (let at = 0; at < cols; at++) {
          const r = [...row];
          r[at] = bad;
          if (at + 2 < cols) r[at + 2] = 'later';
          // The plain loop it must agree with.
          const expected = r.findIndex((c) => typeof c !== 'number');
          expect(expected).toBe(at);
          expect(firstNonNumber(r, cols)).toBe(expected);
        }
      }
    }
    // Only the first `cols` entries are read.
    expect(firstNonNumber([1, 2, 'x'], 2)).toBe(-1);
  });
});

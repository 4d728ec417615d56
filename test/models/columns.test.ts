import { describe, expect, it } from 'vitest';
import { badRow, checkColumns, columnNaming } from '../../src/models/columns.js';

describe('checkColumns(fn, columns, naming): edge cases', () => {
  it('returns a Float64Array column as is (no copy) and copies a plain array', () => {
    const typed = new Float64Array([1, 2]);
    const [a, b] = checkColumns('f', [typed, [3, 4]], columnNaming);
    expect(a).toBe(typed);
    expect(b).toBeInstanceOf(Float64Array);
    expect(Array.from(b!)).toEqual([3, 4]);
  });

  it('rejects columns of different lengths, naming the column', () => {
    expect(() => checkColumns('f', [[1, 2], [3]], columnNaming)).toThrow(/^f: columns\[1\] must be of length 2 like columns\[0\]/);
  });

  it('rejects a negative entry of a copied column, naming the entry', () => {
    expect(() => checkColumns('f', [[1, -2]], columnNaming)).toThrow(/^f: columns\[0\]\[1\] must be a finite number >= 0, got -2/);
  });
});

describe('badRow(fn, cols, naming, i, result): edge cases', () => {
  it('names the first bad entry of the row, else the zero of a positive column, else the overflowing result', () => {
    const cols = [new Float64Array([1, 1]), new Float64Array([NaN, 0])];
    expect(() => badRow('f', cols, columnNaming, 0, 'result[0]')).toThrow(/columns\[1\]\[0\]/);
    expect(() => badRow('f', cols, columnNaming, 1, 'result[1]', 1)).toThrow(/columns\[1\]\[1\] must be a finite number > 0 in the base form/);
    expect(() => badRow('f', cols, columnNaming, 1, 'result[1]')).toThrow(/result\[1\] overflows the range of a double/);
  });
});

import { describe, expect, it } from 'vitest';
import { num, table } from '../../src/cli/table.js';

describe('num and table (reference values)', () => {
  it('num prints integers as they are and others to 4 decimals', () => {
    expect([num(38), num(2 / 3), num(0.5, 1)]).toEqual(['38', '0.6667', '0.5']);
  });

  it('table pads columns to the widest cell, numbers right-aligned, text left-aligned', () => {
    expect(table([['a', 'bb'], ['xyz', '1'], ['q', '10']], '')).toBe('a    bb\nxyz   1\nq    10');
  });
});

describe('table: marked numbers', () => {
  it("table([['point', 'x'], ['0', '11'], ['4*', '13'], ['10', '9']]) aligns the digits of '4*' with the other numbers, the marker hanging right", () => {
    expect(table([['point', 'x'], ['0', '11'], ['4*', '13'], ['10', '9']], '')).toBe(['point  x', '   0   11', '   4*  13', '  10    9'].join('\n'));
  });
});

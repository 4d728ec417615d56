import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/errors.js';
import { parseOrLibraryGap } from '../../src/io/orLibraryGap.js';

const DATA = new URL('../../data/gap/', import.meta.url);
const read = (f: string): string => readFileSync(new URL(f, DATA), 'utf8');

describe('parseOrLibraryGap: reference values', () => {
  it('parseOrLibraryGap(doc example) transposes agent-major to task-major and names the instance', () => {
    const [g] = parseOrLibraryGap('1\n2 3\n1 2 3\n4 5 6\n1 1 1\n2 2 2\n5 6\n', { fileName: 'gap1.txt' });
    expect(g).toEqual({ name: 'c23-1', cost: [[1, 4], [2, 5], [3, 6]], demand: [[1, 2], [1, 2], [1, 2]], budget: [5, 6] });
  });

  it('parseOrLibraryGap(gap1.txt) reads 5 instances c515-1..5 of 15 tasks × 5 devices', () => {
    const gs = parseOrLibraryGap(read('gap1.txt'), { fileName: 'gap1.txt' });
    expect(gs.map((g) => g.name)).toEqual(['c515-1', 'c515-2', 'c515-3', 'c515-4', 'c515-5']);
    for (const g of gs) {
      expect(g.cost).toHaveLength(15);
      expect(g.cost.every((r) => r.length === 5)).toBe(true);
      expect(g.demand).toHaveLength(15);
      expect(g.budget).toHaveLength(5);
    }
    // First tokens of gap1.txt: "5 15 / 17 21 22 18 ..." = costs of jobs 0.. on agent 0.
    const tokens = read('gap1.txt').split(/\s+/).filter(Boolean).map(Number);
    expect(gs[0]!.cost[0]![0]).toBe(tokens[3]);
    expect(gs[0]!.cost[1]![0]).toBe(tokens[4]);
    expect(gs[0]!.cost[0]![1]).toBe(tokens[3 + 15]);
  });

  it('parseOrLibraryGap(gapd.txt, {fileName}) names instances d05100 … d20200 in file order', () => {
    const gs = parseOrLibraryGap(read('gapd.txt'), { fileName: '/any/path/gapd.txt' });
    expect(gs.map((g) => g.name)).toEqual(['d05100', 'd05200', 'd10100', 'd10200', 'd20100', 'd20200']);
    expect(gs[5]!.cost).toHaveLength(200);
    expect(gs[5]!.budget).toHaveLength(20);
  });
});

describe('parseOrLibraryGap: edge cases', () => {
  it('parseOrLibraryGap without a known file name leaves instances unnamed; CRLF and extra spaces are fine', () => {
    const [g] = parseOrLibraryGap(' 1\r\n1 1\r\n 7 \r\n3\r\n4\r\n');
    expect(g).toEqual({ cost: [[7]], demand: [[3]], budget: [4] });
    expect(parseOrLibraryGap('1 1 1 7 3 4', { fileName: 'other.txt' })[0]!.name).toBeUndefined();
  });

  it('parseOrLibraryGap rejects bad tokens, sizes, negative resources, short and long files', () => {
    expect(() => parseOrLibraryGap(3 as unknown as string)).toThrow(InputTypeError);
    expect(() => parseOrLibraryGap('1 1 1 x 3 4')).toThrow('parseOrLibraryGap: text (token 3) must be a number (cost of job 0 on agent 0, instance 0), got "x"');
    expect(() => parseOrLibraryGap('1 0 1')).toThrow(InputRangeError);
    expect(() => parseOrLibraryGap('1 1 1 7 -3 4')).toThrow(/must be >= 0/);
    expect(() => parseOrLibraryGap('1 1 1 7 3')).toThrow(/ends early/);
    expect(() => parseOrLibraryGap('1 1 1 7 3 4 5')).toThrow(/1 token\(s\) after the last/);
    expect(() => parseOrLibraryGap('1 1 1 7 3 4', { name: 'x' } as never)).toThrow(/options.name is not a known option/);
  });
});

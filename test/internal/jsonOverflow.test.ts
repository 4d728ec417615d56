import { describe, expect, it } from 'vitest';
import { overflowLines, overflowPaths } from '../../src/internal/jsonOverflow.js';

describe('overflowPaths: reference values', () => {
  it('overflowPaths(JSON.parse(text with 1e400 and -1e999), "problem") names each overflowed number by path, in key and index order', () => {
    const raw: unknown = JSON.parse('{"execTime":[[1,1e400],[2,3]],"tasks":[{"id":"a","release":-1e999}],"odd key":[1e309],"ok":1e-400}');
    expect(overflowPaths(raw, 'problem')).toEqual([
      { path: 'problem.execTime[0][1]', negative: false },
      { path: 'problem.tasks[0].release', negative: true },
      { path: 'problem["odd key"][0]', negative: false },
    ]);
  });

  it('overflowPaths(finite values and the string "Infinity") finds nothing', () => {
    expect(overflowPaths(JSON.parse('{"a":[1.7976931348623157e308,"Infinity",null,true]}'), 'x')).toEqual([]);
  });

  it('overflowLines lists the first 5 and counts the rest', () => {
    const found = Array.from({ length: 7 }, (_, i) => ({ path: `p[${i}]`, negative: false }));
    const lines = overflowLines(found).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('  … and 2 more');
    expect(lines[0]).toMatch(/^ {2}p\[0\] is a JSON number too large for a double \(it overflows to Infinity\)/);
  });
});

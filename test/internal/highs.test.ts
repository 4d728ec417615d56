import { describe, expect, it, vi } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/errors.js';
import { guardHighs, loadHighs, lpLines, lpTerm } from '../../src/internal/highs.js';

describe('lpTerm and lpLines (LP-format text)', () => {
  it('lpTerm(coef, name) writes the sign apart and the shortest round-trip decimal', () => {
    expect(lpTerm(3, 'x1_2')).toBe('+ 3 x1_2');
    expect(lpTerm(-0.1, 'y')).toBe('- 0.1 y');
    expect(lpTerm(0, 'z')).toBe('+ 0 z');
    expect(lpTerm(1e-300, 'w')).toBe('+ 1e-300 w');
  });

  it('lpLines(terms, perLine) cuts the terms into lines of at most perLine, each led by a space; no terms is the empty string', () => {
    const terms = Array.from({ length: 5 }, (_, k) => lpTerm(k + 1, `x${k}`));
    expect(lpLines(terms, 2)).toBe(' + 1 x0 + 2 x1\n + 3 x2 + 4 x3\n + 5 x4');
    expect(lpLines(terms)).toBe(` ${terms.join(' ')}`);
    expect(lpLines([])).toBe('');
  });
});

describe('guardHighs', () => {
  it('guardHighs(fn, field, op) returns what op returns', () => {
    expect(guardHighs('f', 'instance', () => 42)).toBe(42);
  });

  it('guardHighs turns a foreign error into an InputRangeError naming fn and field, saying out of memory when the message says so', () => {
    const solver = (): never => {
      throw new Error('bad model');
    };
    expect(() => guardHighs('f', 'instance', solver)).toThrow(InputRangeError);
    expect(() => guardHighs('f', 'instance', solver)).toThrow('f: instance could not be solved by HiGHS (solver error: Error: bad model)');
    const oom = (): never => {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    };
    expect(() => guardHighs('f', 'instance', oom)).toThrow(/^f: instance could not be solved by HiGHS \(out of memory, the instance is too large for the WebAssembly heap: RangeError: /);
    const odd = (): never => {
      throw 'x'.repeat(300);
    };
    expect(() => guardHighs('f', 'instance', odd)).toThrow(`(solver error: ${'x'.repeat(200)})`);
  });

  it("guardHighs lets the library's own errors through unchanged", () => {
    const own = new InputTypeError('g', 'tasks', 'g: tasks must be an array, got 3');
    let caught: unknown;
    try {
      guardHighs('f', 'instance', () => {
        throw own;
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(own);
  });
});

describe('loadHighs', () => {
  it('loadHighs(fn) resolves to one cached runtime that solves a 2-variable LP at the vertex found by hand (x = 8/5, y = 6/5, 2.8)', async () => {
    const p = loadHighs('f');
    expect(loadHighs('g')).toBe(p);
    const highs = await p;
    expect(highs.version.string).toMatch(/^\d+\.\d+/);
    // max x + y  s.t.  x + 2y <= 4, 3x + y <= 6: the two rows meet at (8/5, 6/5).
    const lp = `Maximize\n obj:${lpLines([lpTerm(1, 'x'), lpTerm(1, 'y')])}\nSubject To\n c1:${lpLines([lpTerm(1, 'x'), lpTerm(2, 'y')])} <= 4\n c2:${lpLines([lpTerm(3, 'x'), lpTerm(1, 'y')])} <= 6\nEnd\n`;
    const { value, x } = highs.withModel({ format: 'lp', data: lp }, (m) => {
      m.options.set({ output_flag: false });
      m.run();
      return { value: m.getObjectiveValue(), x: Array.from(m.getSolution().colValue) };
    });
    expect(value).toBeCloseTo(2.8, 9);
    expect(x[0]).toBeCloseTo(1.6, 9);
    expect(x[1]).toBeCloseTo(1.2, 9);
  });

  it('loadHighs rejects with an InputRangeError naming options.method and "npm install highs" when the package cannot be loaded, and retries on the next call', async () => {
    vi.resetModules();
    vi.doMock('highs', () => {
      throw new Error('Cannot find package highs');
    });
    try {
      const fresh = await import('../../src/internal/highs.js');
      const errors = await import('../../src/errors.js');
      const first = fresh.loadHighs('paretoFront');
      await expect(first).rejects.toBeInstanceOf(errors.InputRangeError);
      await expect(first).rejects.toMatchObject({ fn: 'paretoFront', field: 'options.method' });
      await expect(first).rejects.toThrow(/^paretoFront: this path needs the optional package 'highs'.*npm install highs/);
      const second = fresh.loadHighs('paretoFront');
      expect(second).not.toBe(first);
      await expect(second).rejects.toBeInstanceOf(errors.InputRangeError);
    } finally {
      vi.doUnmock('highs');
      vi.resetModules();
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, compileProblem, parseHcsp } from '../../src/index.js';

// The 12 Braun et al. (2001) instances ship in the repository, in data/hcsp
// (source, licence and checksums in data/hcsp/README.md). A missing file fails
// these tests; it never skips them.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HCSP_DIR = resolve(repoRoot, 'data/hcsp');
const NAMES = ['c', 'i', 's'].flatMap((c) => ['hihi', 'hilo', 'lohi', 'lolo'].map((h) => `u_${c}_${h}.0`));
const R_TASK = { hi: 3000, lo: 100 } as const;
const R_MACH = { hi: 1000, lo: 10 } as const;

function instance(name: string): string {
  const path = resolve(HCSP_DIR, name);
  if (!existsSync(path)) {
    throw new Error(`Braun HCSP instance ${name} not found at ${path}: the 12 files must be in data/hcsp (see data/hcsp/README.md)`);
  }
  return readFileSync(path, 'utf8');
}

/** A trivially correct reader: split on whitespace, Number each token. */
function naive(text: string, n: number, m: number): number[][] {
  const v = text.split(/\s+/).filter((s) => s !== '').map(Number);
  return Array.from({ length: n }, (_, i) => v.slice(i * m, (i + 1) * m));
}

const sorted = (a: readonly number[]): boolean => a.every((v, j) => j === 0 || a[j - 1]! <= v);

describe('parseHcsp: reference values (the 12 Braun et al. 2001 instances)', () => {
  it(`finds all 12 instances in ${HCSP_DIR}`, () => {
    for (const name of NAMES) expect(existsSync(resolve(HCSP_DIR, name)), `${name} missing from ${HCSP_DIR}`).toBe(true);
  });

  for (const name of NAMES) {
    const [, c, het] = /^u_(\w)_(\w\w\w\w)\.0$/.exec(name)!;
    const th = het!.slice(0, 2) as 'hi' | 'lo';
    const mh = het!.slice(2) as 'hi' | 'lo';
    it(`parseHcsp(${name}) is 512×16, values in [1, R_task·R_mach), rows spanning < R_mach, ${c === 'c' ? 'rows sorted' : c === 's' ? 'even columns sorted' : 'rows unsorted'}`, () => {
      const p = parseHcsp(instance(name));
      expect(p.tasks.length).toBe(512);
      expect(p.devices.length).toBe(16);
      expect(p.tasks[0]).toEqual({ id: 't0' });
      expect(p.devices[15]).toEqual({ id: 'd15', tier: 'edge' });
      const all = p.execTime.flat();
      expect(all.length).toBe(8192);
      expect(Math.min(...all)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...all)).toBeLessThan(R_TASK[th] * R_MACH[mh]);
      for (const r of p.execTime) expect(Math.max(...r) / Math.min(...r)).toBeLessThan(R_MACH[mh] * (1 + 1e-6));
      const rowsSorted = p.execTime.filter(sorted).length;
      const evensSorted = p.execTime.filter((r) => sorted(r.filter((_, j) => j % 2 === 0))).length;
      if (c === 'c') expect(rowsSorted).toBe(512);
      if (c === 's') expect([rowsSorted, evensSorted]).toEqual([0, 512]);
      if (c === 'i') expect([rowsSorted, evensSorted]).toEqual([0, 0]);
      expect(compileProblem(p).n).toBe(512);
    });
  }

  it('parseHcsp(u_c_hihi.0) starts with the file values 91753.195312, 263115.4375, 275111.21875 (task 0, machines 0-2)', () => {
    expect(parseHcsp(instance('u_c_hihi.0')).execTime[0]!.slice(0, 3)).toEqual([91753.195312, 263115.4375, 275111.21875]);
  });

  it('parseHcsp gives the TSDoc example (header "2 3 0", CRLF)', () => {
    expect(parseHcsp('2 3 0\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n').execTime).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});

describe('parseHcsp: properties', () => {
  const matrixArb = fc
    .record({ n: fc.integer({ min: 1, max: 12 }), m: fc.integer({ min: 4, max: 6 }) })
    .chain(({ n, m }) => fc.array(fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }));

  it('parseHcsp(format(matrix)) returns the matrix, with or without header, LF or CRLF, blank lines, trailing spaces', () => {
    fc.assert(
      fc.property(matrixArb, fc.boolean(), fc.boolean(), fc.boolean(), (mx, header, crlf, blanks) => {
        const n = mx.length;
        const m = mx[0]!.length;
        const eol = crlf ? '\r\n' : '\n';
        const lines = mx.flat().map((v) => String(v) + (blanks ? ' ' : ''));
        const text = (header ? [`${n} ${m} 0`, ...lines] : lines).join(eol) + (blanks ? eol + eol : '');
        const p = header ? parseHcsp(text) : parseHcsp(text, { tasks: n, machines: m });
        expect(p.execTime).toEqual(mx);
      }),
    );
  });

  it('parseHcsp accepts the 1024×32 and 2048×64 sizes from their header line', () => {
    for (const [n, m] of [[1024, 32], [2048, 64]] as const) {
      const text = `${n} ${m}\n${Array.from({ length: n * m }, (_, k) => `${(k % 97) + 1}.5`).join('\n')}\n`;
      const p = parseHcsp(text);
      expect([p.tasks.length, p.devices.length]).toEqual([n, m]);
      expect(p.execTime[n - 1]![m - 1]).toBe(((n * m - 1) % 97) + 1.5);
    }
  });
});

describe('parseHcsp: oracles', () => {
  it('parseHcsp equals a naive split-and-Number reader on all 12 instances, and on a header + CRLF copy', () => {
    for (const name of NAMES) {
      const text = instance(name);
      const expected = naive(text, 512, 16);
      expect(parseHcsp(text).execTime).toEqual(expected);
      expect(parseHcsp(`512 16 0\r\n${text.replace(/\n/g, '\r\n')}`).execTime).toEqual(expected);
    }
  });
});

describe('parseHcsp: edge cases', () => {
  it('parseHcsp names the line of a bad value', () => {
    expect(() => parseHcsp('1\n2\nx\n', { tasks: 1, machines: 3 })).toThrow(new InputRangeError('parseHcsp', 'line 3', 'parseHcsp: line 3 must be a finite number >= 0, got "x"'));
    expect(() => parseHcsp('1\r\n\r\n-2\r\n', { tasks: 1, machines: 2 })).toThrow('parseHcsp: line 3 must be a finite number >= 0, got "-2"');
    expect(() => parseHcsp('1\nNaN\n', { tasks: 1, machines: 2 })).toThrow('parseHcsp: line 2 must be a finite number >= 0, got "NaN"');
    expect(() => parseHcsp('1\nInfinity\n', { tasks: 1, machines: 2 })).toThrow('parseHcsp: line 2 must be a finite number >= 0, got "Infinity"');
  });

  it('parseHcsp rejects a wrong value count, naming the expected size', () => {
    expect(() => parseHcsp('')).toThrow('parseHcsp: text has 0 values, expected 8192 = 512 tasks × 16 machines');
    expect(() => parseHcsp('1\n2\n3\n', { tasks: 1, machines: 2 })).toThrow('parseHcsp: text has 3 values (the last on line 3), expected 2 = 1 tasks × 2 machines');
    expect(() => parseHcsp('2 2\n1\n2\n3\n')).toThrow('parseHcsp: text has a header on line 1 saying 2 tasks × 2 machines = 4 values, but 3 values follow it');
  });

  it('parseHcsp rejects options that contradict the header, unknown options, non-strings', () => {
    expect(() => parseHcsp('1 2\n5\n6\n', { tasks: 2 })).toThrow('parseHcsp: options.tasks is 2, but the header on line 1 says 1 tasks');
    expect(() => parseHcsp('1 2\n5\n6\n', { machines: 3 })).toThrow('parseHcsp: options.machines is 3, but the header on line 1 says 2 machines');
    expect(parseHcsp('1 2\n5\n6\n', { tasks: 1, machines: 2 }).execTime).toEqual([[5, 6]]);
    expect(() => parseHcsp('1\n', { rows: 1 } as never)).toThrow('parseHcsp: options.rows is not a known option');
    expect(() => parseHcsp('1\n', { tasks: -1 })).toThrow(InputRangeError);
    expect(() => parseHcsp(42 as never)).toThrow(InputTypeError);
  });

  it('parseHcsp reads a headerless row-form file whose first row looks like "n m" as data when the size says so', () => {
    expect(parseHcsp('3 4\n5 6\n', { tasks: 2, machines: 2 }).execTime).toEqual([[3, 4], [5, 6]]);
  });

  it('parseHcsp("0 5", {tasks: 0, machines: 5}) accepts an empty instance from its header; without options the lone line may as well be one task on 2 machines, and is rejected saying so', () => {
    const p = parseHcsp('0 5\n', { tasks: 0, machines: 5 });
    expect([p.tasks.length, p.devices.length]).toEqual([0, 5]);
    expect(() => parseHcsp('0 5\n')).toThrow(/^parseHcsp: line 1 \(0 5\) may be a header \(0 tasks × 5 machines, then 0 values\) or the first row of data/);
    expect(parseHcsp('0 5\n', { tasks: 1, machines: 2 }).execTime).toEqual([[0, 5]]);
  });
});

describe('parseHcsp: a CSV file (edge cases)', () => {
  it('parseHcsp("a,b\\n1,2") says CSV is not a supported format and names the line', () => {
    expect(() => parseHcsp('a,b\n1,2\n', { tasks: 2, machines: 2 })).toThrow(/line 1 holds "a,b": HCSP files are whitespace-separated numbers, and CSV is not a supported format/);
  });
});

describe('parseHcsp: a first line that may be a header or data is never guessed (edge cases)', () => {
  it('parseHcsp("2 2\\n3 4\\n5 6\\n") (three rows of two, the first could be a header) is rejected naming line 1 and both readings', () => {
    expect(() => parseHcsp('2 2\n3 4\n5 6\n')).toThrow(InputRangeError);
    expect(() => parseHcsp('2 2\n3 4\n5 6\n')).toThrow('parseHcsp: line 1 (2 2) may be a header (2 tasks × 2 machines, then 4 values) or the first row of data (every line holds 2 numbers: 3 tasks × 2 machines); pass options.tasks and options.machines to say which (3 and 2 read every line as data; 2 and 2 take line 1 as the header)');
  });

  it('parseHcsp(same, {tasks: 3, machines: 2}) reads every line as data; {tasks: 2, machines: 2} takes line 1 as the header', () => {
    expect(parseHcsp('2 2\n3 4\n5 6\n', { tasks: 3, machines: 2 }).execTime).toEqual([[2, 2], [3, 4], [5, 6]]);
    expect(parseHcsp('2 2\n3 4\n5 6\n', { tasks: 2, machines: 2 }).execTime).toEqual([[3, 4], [5, 6]]);
  });

  it('a header followed by one value per line (the Braun layout) is still read without options', () => {
    expect(parseHcsp('2 2\n3\n4\n5\n6\n').execTime).toEqual([[3, 4], [5, 6]]);
    expect(parseHcsp('2 3 0\n1\n2\n3\n4\n5\n6\n').execTime).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('parseHcsp(an integer matrix written row by row, {tasks: n, machines: m}) returns exactly that matrix, and without options never a shifted one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }).chain((m) => fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 8 })), (rows) => {
        const text = `${rows.map((r) => r.join(' ')).join('\n')}\n`;
        expect(parseHcsp(text, { tasks: rows.length, machines: rows[0]!.length }).execTime).toEqual(rows);
        let read: readonly (readonly number[])[] | undefined;
        try {
          read = parseHcsp(text).execTime;
        } catch (e) {
          expect(e).toBeInstanceOf(InputRangeError);
        }
        if (read !== undefined) expect(read).toEqual(rows);
      }),
    );
  });
});

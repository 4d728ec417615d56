import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, compileProblem, generateEtc, type EtcConsistency, type Heterogeneity } from '../../src/index.js';
import { createRng } from '../../src/internal/random.js';

const R_TASK = { hi: 3000, lo: 100 } as const;
const R_MACH = { hi: 1000, lo: 10 } as const;
const sorted = (a: readonly number[]): boolean => a.every((v, j) => j === 0 || a[j - 1]! <= v);
const evens = (r: readonly number[]): number[] => r.filter((_, j) => j % 2 === 0);
const odds = (r: readonly number[]): number[] => r.filter((_, j) => j % 2 === 1);

/** Ali et al.'s range-based method, written out naively from the paper's description. */
function naiveEtc(n: number, m: number, c: EtcConsistency, th: Heterogeneity, mh: Heterogeneity, seed: number): number[][] {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const tau = 1 + (R_TASK[th] - 1) * rng();
    const row: number[] = [];
    for (let j = 0; j < m; j++) row.push(tau * (1 + (R_MACH[mh] - 1) * rng()));
    if (c === 'consistent') row.sort((a, b) => a - b);
    if (c === 'semi-consistent') {
      const e = evens(row).sort((a, b) => a - b);
      for (let j = 0; j < m; j += 2) row[j] = e[j / 2]!;
    }
    rows.push(row);
  }
  return rows;
}

const optionsArb = fc.record({
  tasks: fc.integer({ min: 0, max: 20 }),
  machines: fc.integer({ min: 1, max: 9 }),
  consistency: fc.constantFrom<EtcConsistency>('consistent', 'inconsistent', 'semi-consistent'),
  taskHeterogeneity: fc.constantFrom<Heterogeneity>('hi', 'lo'),
  machineHeterogeneity: fc.constantFrom<Heterogeneity>('hi', 'lo'),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe('generateEtc: reference values (Braun et al. 2001, Ali et al. 2000)', () => {
  it('generateEtc() is a 512×16 inconsistent hi-hi instance with tasks t0.. and edge devices d0..', () => {
    const p = generateEtc();
    expect(p.execTime.length).toBe(512);
    expect(p.execTime.every((r) => r.length === 16)).toBe(true);
    expect(p.tasks[511]).toEqual({ id: 't511' });
    expect(p.devices[15]).toEqual({ id: 'd15', tier: 'edge' });
    expect(p.transferTime).toBeUndefined();
    expect(p.execTime.filter((r) => sorted(r)).length).toBeLessThan(5); // inconsistent: rows essentially never sorted
  });

  it('generateEtc gives the TSDoc example (consistent rows ascending)', () => {
    const p = generateEtc({ tasks: 4, machines: 3, consistency: 'consistent', seed: 7 });
    expect(p.execTime.length).toBe(4);
    expect(p.execTime[0]!.length).toBe(3);
    expect(p.execTime.every((row) => row[0]! <= row[1]! && row[1]! <= row[2]!)).toBe(true);
  });

  it('generateEtc rows span at most R_mach (max/min < 1000 hi, < 10 lo), as in the Braun files', () => {
    for (const mh of ['hi', 'lo'] as const) {
      const p = generateEtc({ tasks: 512, machines: 16, machineHeterogeneity: mh, taskHeterogeneity: 'hi', seed: 1 });
      const ratios = p.execTime.map((r) => Math.max(...r) / Math.min(...r));
      expect(Math.max(...ratios)).toBeLessThan(R_MACH[mh]);
      expect(Math.max(...ratios)).toBeGreaterThan(R_MACH[mh] / 4); // the range is actually used
    }
  });
});

describe('generateEtc: properties', () => {
  it('generateEtc(options) has n×m entries in [1, R_task·R_mach) and is deterministic in the seed', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const p = generateEtc(o);
        expect(p.execTime.length).toBe(o.tasks);
        for (const row of p.execTime) {
          expect(row.length).toBe(o.machines);
          for (const v of row) {
            expect(v).toBeGreaterThanOrEqual(1);
            expect(v).toBeLessThan(R_TASK[o.taskHeterogeneity] * R_MACH[o.machineHeterogeneity]);
          }
        }
        expect(generateEtc(o)).toEqual(p);
        expect(compileProblem(p).n).toBe(o.tasks);
      }),
    );
  });

  it('generateEtc: consistent = inconsistent rows sorted; semi-consistent = even columns sorted, odd columns untouched (same seed)', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const inc = generateEtc({ ...o, consistency: 'inconsistent' }).execTime;
        const con = generateEtc({ ...o, consistency: 'consistent' }).execTime;
        const semi = generateEtc({ ...o, consistency: 'semi-consistent' }).execTime;
        inc.forEach((row, i) => {
          expect(con[i]).toEqual([...row].sort((a, b) => a - b));
          expect(sorted(evens(semi[i]!))).toBe(true);
          expect(evens(semi[i]!)).toEqual(evens(row).sort((a, b) => a - b));
          expect(odds(semi[i]!)).toEqual(odds(row));
        });
      }),
    );
  });

  it('generateEtc with different seeds gives different matrices', () => {
    expect(generateEtc({ tasks: 8, machines: 4, seed: 1 }).execTime).not.toEqual(generateEtc({ tasks: 8, machines: 4, seed: 2 }).execTime);
  });
});

describe('generateEtc: oracles', () => {
  it('generateEtc equals a naive transcription of the range-based method', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        expect(generateEtc(o).execTime).toEqual(naiveEtc(o.tasks, o.machines, o.consistency, o.taskHeterogeneity, o.machineHeterogeneity, o.seed));
      }),
    );
  });
});

describe('generateEtc: edge cases', () => {
  it('generateEtc with 0 tasks or 1 machine; 0 machines is rejected (no task could run)', () => {
    expect(generateEtc({ tasks: 0 }).execTime).toEqual([]);
    expect(() => generateEtc({ tasks: 2, machines: 0 })).toThrow('generateEtc: options.machines must be an integer >= 1, got 0');
    expect(generateEtc({ tasks: 2, machines: 1, consistency: 'semi-consistent' }).execTime.every((r) => r.length === 1)).toBe(true);
  });

  it('generateEtc rejects unknown options, bad names, negative or fractional sizes, too many entries', () => {
    expect(() => generateEtc({ task: 3 } as never)).toThrow('generateEtc: options.task is not a known option');
    expect(() => generateEtc({ consistency: 'c' as never })).toThrow(InputTypeError);
    expect(() => generateEtc({ taskHeterogeneity: 'high' as never })).toThrow("generateEtc: options.taskHeterogeneity must be one of 'hi', 'lo', got \"high\"");
    expect(() => generateEtc({ tasks: -1 })).toThrow('generateEtc: options.tasks must be an integer >= 0, got -1');
    expect(() => generateEtc({ machines: 1.5 })).toThrow(InputRangeError);
    expect(() => generateEtc({ seed: NaN })).toThrow(InputRangeError);
    expect(() => generateEtc({ tasks: 1 << 20, machines: 1 << 10 })).toThrow(InputRangeError);
  });
});

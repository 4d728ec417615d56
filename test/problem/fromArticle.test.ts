import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InputRangeError,
  InputTypeError,
  compileProblem,
  evaluate,
  problemFromArticle,
  transferTimes,
  workedExample,
  workedExampleProblem,
} from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

const w = workedExample;

describe('workedExampleProblem / problemFromArticle: reference values (seed, section 4.3)', () => {
  it('workedExampleProblem(30) has exec rows 20, 30, 40, 50 and transfer rows 18, 24, 24, 30', () => {
    const p = workedExampleProblem(30);
    expect(p.execTime).toEqual(Array(5).fill([20, 30, 40, 50]));
    expect(p.transferTime).toEqual(Array(5).fill([18, 24, 24, 30]));
    expect(p.devices.map((d) => d.tier)).toEqual(['edge', 'edge', 'edge', 'cloud']);
    expect(p.devices.map((d) => d.budget)).toEqual([500, 800, 1000, 2000]);
    expect(p.tasks.map((t) => t.criteria)).toEqual(w.tasks);
  });

  it("workedExampleProblem(c) reproduces the published totals 38, 54, 64, 54, 38 under 'independent' for any cloud transfer time", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (c) => {
        const s = evaluate(workedExampleProblem(c), w.published.assignment, { costModel: 'independent' });
        expect(s.tasks.map((t) => t.finish)).toEqual([...w.published.totalTimes]);
      }),
    );
  });

  it('problemFromArticle gives the TSDoc example', () => {
    const p = problemFromArticle(
      [{ importance: 3, urgency: 5, satisfaction: 4 }],
      [{ capacity: 1000, remaining: 500, execTime: 20 }, { capacity: 3000, remaining: 2000, execTime: 50 }],
      [{ pack: 5, send: 10, unpack: 3 }, { pack: 1, send: 2, unpack: 1 }],
      { tiers: ['edge', 'cloud'] },
    );
    expect(p.execTime).toEqual([[20, 50]]);
    expect(p.transferTime).toEqual([[18, 4]]);
  });
});

describe('problemFromArticle: properties', () => {
  const crit = fc.double({ min: 0, max: 100, noNaN: true });
  const arb = fc.integer({ min: 1, max: 6 }).chain((m) =>
    fc.record({
      tasks: fc
        .array(fc.record({ importance: crit, urgency: crit, satisfaction: crit }), { maxLength: 6 })
        .filter((ts) => ts.length === 0 || (['importance', 'urgency', 'satisfaction'] as const).every((k) => ts.some((t) => t[k] > 0))),
      devices: fc.array(fc.record({ capacity: crit, remaining: crit, execTime: crit }), { minLength: m, maxLength: m }),
      transfers: fc.array(fc.record({ pack: crit, send: crit, unpack: crit }), { minLength: m, maxLength: m }),
    }),
  );

  it('problemFromArticle gives every task the same rows (exec T_j, transfer Tp_j+Ts_j+Tr_j) and never mutates its inputs', () => {
    fc.assert(
      fc.property(arb, ({ tasks, devices, transfers }) => {
        deepFreeze([tasks, devices, transfers]);
        const p = problemFromArticle(tasks, devices, transfers);
        expect(p.tasks.length).toBe(tasks.length);
        for (const row of p.execTime) expect(row).toEqual(devices.map((d) => d.execTime));
        for (const row of p.transferTime!) expect(row).toEqual(transfers.map((t) => t.pack + t.send + t.unpack));
        expect(p.devices.every((d) => d.tier === 'edge')).toBe(true);
        expect(compileProblem(p).n).toBe(tasks.length);
      }),
    );
  });
});

describe('problemFromArticle: oracles', () => {
  it("problemFromArticle transfer rows equal transferTimes(transfers) (the base form of the models)", () => {
    const p = problemFromArticle(w.tasks, w.devices, [...w.transfers, { pack: 1, send: 2, unpack: 3 }]);
    expect(p.transferTime![0]).toEqual(Array.from(transferTimes([...w.transfers, { pack: 1, send: 2, unpack: 3 }])));
  });
});

describe('workedExampleProblem / problemFromArticle: edge cases', () => {
  it('workedExampleProblem requires a finite, non-negative cloud transfer time (no silent default)', () => {
    expect(() => workedExampleProblem(undefined as never)).toThrow(new InputTypeError('workedExampleProblem', 'cloudTransferTime', 'workedExampleProblem: cloudTransferTime must be a finite number, got undefined'));
    expect(() => workedExampleProblem(NaN)).toThrow(InputRangeError);
    expect(() => workedExampleProblem(-1)).toThrow('workedExampleProblem: cloudTransferTime must be a finite number >= 0, got -1');
    expect(() => workedExampleProblem(Infinity)).toThrow('workedExampleProblem: cloudTransferTime must be a finite number, got Infinity');
    expect(workedExampleProblem(0).transferTime[0]).toEqual([18, 24, 24, 0]);
  });

  it('problemFromArticle rejects a transfer row count other than one per device, bad tiers and bad numbers', () => {
    expect(() => problemFromArticle(w.tasks, w.devices, w.transfers)).toThrow('problemFromArticle: transfers has 3 rows, expected 4 (one per device, same index)');
    expect(() => problemFromArticle(w.tasks, w.devices.slice(0, 3), w.transfers, { tiers: ['edge'] })).toThrow('problemFromArticle: options.tiers has length 1, expected 3 (one per device)');
    expect(() => problemFromArticle(w.tasks, w.devices.slice(0, 3), w.transfers, { tiers: ['edge', 'edge', 'sky' as never] })).toThrow(InputTypeError);
    expect(() => problemFromArticle([{ importance: NaN, urgency: 1, satisfaction: 1 }], w.devices.slice(0, 3), w.transfers)).toThrow('problemFromArticle: tasks[0].importance must be a finite number, got NaN');
    expect(() => problemFromArticle(w.tasks, w.devices.slice(0, 3), w.transfers, { colors: 1 } as never)).toThrow('problemFromArticle: options.colors is not a known option');
  });

  it('problemFromArticle rejects a criterion that sums to 0 over the tasks (compileProblem could not derive priorities)', () => {
    expect(() => problemFromArticle([{ importance: 0, urgency: 1, satisfaction: 1 }], w.devices.slice(0, 3), w.transfers)).toThrow(
      'problemFromArticle: tasks[*].importance sums to 0, so the normalized priority compileProblem derives from the criteria (which divides by the sum) is undefined',
    );
  });

  it('problemFromArticle with no tasks gives an empty, valid problem', () => {
    const p = problemFromArticle([], w.devices.slice(0, 1), w.transfers.slice(0, 1));
    expect(p).toEqual({ tasks: [], devices: [{ id: 'device1', tier: 'edge', budget: 500 }], execTime: [], transferTime: [] });
  });
});

// The README's quick start, line by line: the values it shows are the values
// the library returns.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readmeBlocks } from './readmeBlocks.js';
import { compileFormula, formulaPriorities } from '../src/formula/index.js';
import { complete, createOnlineState, linearSumAssignment, multiCriteriaScoresOf, priority, loads, transferTimes, evaluate, priorities, scheduleToSvg, solve, submit, workedExample, workedExampleProblem } from '../src/index.js';
import { workedExampleEnergyProblem, type Problem } from '../src/index.js';

describe('README quick start (reference values)', () => {
  it('priorities of the worked example, base and normalized', () => {
    expect(Array.from(priorities(workedExample.tasks))).toEqual([60, 30, 30, 32, 1]);
    expect(Array.from(priorities(workedExample.tasks, { form: 'normalized' }), (v) => Number(v.toFixed(3)))).toEqual([0.8, 0.667, 0.667, 0.667, 0.2]);
  });

  it("solve(workedExampleProblem(30), {strategy: 'min-min'}) gives [0, 1, 2, 0, 3] with makespan 80", () => {
    const best = solve(workedExampleProblem(30), { strategy: 'min-min' });
    expect(best.assignment).toEqual([0, 1, 2, 0, 3]);
    expect(best.makespan).toBe(80);
    expect(scheduleToSvg(best.schedule).startsWith('<svg')).toBe(true);
  });

  it('the published assignment under the independent model finishes at 38, 54, 64, 54, 38', () => {
    const s = evaluate(workedExampleProblem(30), workedExample.published.assignment, { costModel: 'independent' });
    expect(s.tasks.map((t) => t.finish)).toEqual([38, 54, 64, 54, 38]);
  });
});

describe('README online example (reference values)', () => {
  it('submit places task a on the cloud at 0..3; complete with exec 2 moves the ratio 1 → 1.3', () => {
    const state = createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }]);
    const r = submit(state, [{ id: 'a', execTime: [4, 1], transferTime: [0, 2] }], 0, { strategy: 'seed' });
    expect(r.decisions[0]).toEqual({ id: 'a', device: 1, deviceId: 'cloud', start: 0, transfer: 2, exec: 1, finish: 3 });
    const after = complete(r.state, 'a', { exec: 2 });
    expect(after.devices[1]!.ratio).toBeCloseTo(1.3, 12);
  });
});

describe('README exact solvers example (reference values)', () => {
  it('linearSumAssignment on the README matrices', () => {
    expect(linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual({ assignment: [1, 0, 2], cost: 5 });
    expect(linearSumAssignment([[1, Infinity], [2, 3]])).toEqual({ assignment: [0, 1], cost: 4 });
  });
});

describe('README models examples (reference values)', () => {
  it('loads, transferTimes and a weighted priority', () => {
    expect(Array.from(loads(workedExample.devices))).toEqual([25000, 40000, 50000, 120000]);
    expect(Array.from(transferTimes(workedExample.transfers))).toEqual([18, 24, 24]);
    expect(priority({ importance: 3, urgency: 5, satisfaction: 4 }, { form: 'weighted', weights: [1, 0.5, 0] })).toBe(5.5);
  });

  it('min-max benefit/cost ranking of the devices puts the cloud first', () => {
    const r = multiCriteriaScoresOf(workedExample.devices, ['capacity', 'remaining', 'execTime'], { normalization: 'min-max', directions: ['benefit', 'benefit', 'cost'] });
    expect(Array.from(r, (v) => Number(v.toFixed(3)))).toEqual([1, 1.117, 1.167, 2]);
  });

  it('custom formulas', () => {
    expect(Array.from(formulaPriorities(workedExample.tasks, 'importance^2 + urgency'))).toEqual([14, 7, 27, 20, 2]);
    expect(compileFormula('A*B*C')([3, 5, 4])).toBe(60);
  });
});

describe('README code blocks run as shown and print what the README says (reference values)', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const blocks = readmeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
  const scratch = join(root, '.readme-blocks');
  beforeAll(() => mkdirSync(scratch, { recursive: true }));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the README has code blocks, and every block not run says why', () => {
    expect(blocks.filter((b) => b.notRun === undefined).length).toBeGreaterThan(5);
    for (const b of blocks) if (b.notRun !== undefined) expect(b.notRun.length, `README line ${b.line}`).toBeGreaterThan(10);
  });

  for (const b of blocks.filter((x) => x.notRun === undefined)) {
    it(`README line ${b.line}: the ${b.lang} block runs${b.expected === undefined ? '' : ' and prints the text block below it'}`, async () => {
      const code = b.code
        .replace(/from 'lepton-sched\/formula'/g, `from '${join(root, 'src/formula/index.ts')}'`)
        .replace(/from 'lepton-sched'/g, `from '${join(root, 'src/index.ts')}'`);
      expect(code, 'every block imports what it uses from lepton-sched').toMatch(/from '\//);
      const file = join(scratch, `line-${b.line}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      const printed: string[] = [];
      const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(format(...args));
      });
      try {
        await import(/* @vite-ignore */ pathToFileURL(file).href);
      } finally {
        spy.mockRestore();
      }
      if (b.expected !== undefined) expect(printed.join('\n')).toBe(b.expected);
    });
  }
});

describe('README energy and money example (reference values)', () => {
  const trip: Problem = {
    tasks: ['photo1', 'photo2', 'photo3', 'photo4'].map((id) => ({ id, source: 'phone' })),
    devices: [
      { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2 } },
      { id: 'edge', tier: 'edge', power: { busy: 8, transfer: 4 } },
      { id: 'cloud', tier: 'cloud', power: { busy: 64, transfer: 16 }, price: { perSecond: 0.001, minimum: 60 } },
    ],
    execTime: [[16, 8, 2], [16, 8, 2], [16, 8, 2], [16, 8, 2]],
    transferTime: [[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]],
  };
  const row = (s: ReturnType<typeof solve>): unknown[] => {
    const phone = s.metrics.energy.perDevice[0]!;
    return [s.assignment, s.makespan, s.metrics.cost.total, phone.total, phone.transfer, s.metrics.energy.total];
  };

  it.each([
    ['makespan', [2, 2, 1, 2], 12, 0.06, 14, 14, 562],
    ['cost', [1, 0, 1, 1], 27, 0, 70, 6, 274],
    ['energy', [0, 0, 0, 0], 64, 0, 256, 0, 256],
  ] as const)("solve(trip, {objective: '%s', strategy: 'mct'}) prints the README row", (objective, ...expected) => {
    expect(row(solve(trip, { objective, strategy: 'mct' }))).toEqual(expected);
  });

  it("solve(trip, {objective: 'cost', constraints: {makespan: 20}}) prints the README row and meets the deadline", () => {
    const s = solve(trip, { objective: 'cost', constraints: { makespan: 20 }, strategy: 'mct' });
    expect(row(s)).toEqual([[1, 0, 1, 2], 18, 0.06, 72, 8, 368]);
    expect(s.constraints!.satisfied).toBe(true);
  });

  it('workedExampleEnergyProblem keeps the published numbers (README claim)', () => {
    const s = evaluate(workedExampleEnergyProblem(30), workedExample.published.assignment, { costModel: 'independent' });
    expect(s.tasks.map((t) => t.finish)).toEqual([38, 54, 64, 54, 38]);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { solveCommand } from '../../src/cli/solve.js';
import { generateEtc, parseHcsp, problemToJson, solutionToJson, solve, strategyNames, workedExampleProblem } from '../../src/index.js';
import { problemArb } from '../arbitraries.js';

const dir = mkdtempSync(join(tmpdir(), 'lepton-solve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HCSP = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/hcsp/u_i_lolo.0');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await solveCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const worked = file('worked.json', problemToJson(workedExampleProblem(30)));

describe('lepton-sched solve: reference values', () => {
  it('solve worked.json prints the summary and tables of solve(workedExampleProblem(30))', async () => {
    const r = await run(worked);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const s = solve(workedExampleProblem(30));
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${worked} (json): 5 tasks x 4 devices; strategy min-min, cost model sequential`);
    expect(lines[2]).toMatch(/^\s+makespan\s+lower bound\s+gap\s+flowtime/);
    expect(lines[3]!.trim().split(/\s+/)[0]).toBe(String(s.makespan));
    expect(r.out).toContain('Devices');
    expect(r.out).toMatch(/\n\s+0\s+task1\s+\d/);
  });

  it("solve worked.json --strategy seed --cost-model independent --json prints solutionToJson(solve(...)) exactly", async () => {
    const r = await run(worked, '--strategy', 'seed', '--cost-model', 'independent', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${solutionToJson(solve(workedExampleProblem(30), { strategy: 'seed', costModel: 'independent' }))}\n`);
  });

  it('solve FILE --strategy duplex --objective flowtime passes the objective to solve (it changes the result here)', async () => {
    const p = generateEtc({ tasks: 4, machines: 2, seed: 0 });
    const path = file('duplex.json', problemToJson(p));
    const r = await run(path, '--strategy', 'duplex', '--objective', 'flowtime', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${solutionToJson(solve(p, { strategy: 'duplex', objective: 'flowtime', seed: 3 }))}\n`);
    expect(r.out).not.toBe((await run(path, '--strategy', 'duplex', '--json')).out);
  });

  it('solve prints every budget overrun in the table (optimal-flowtime may overrun a budget; the overrun is reported, never hidden), and "budget overruns: none" when budgets hold', async () => {
    const cap = file('cap.json', JSON.stringify({ tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 2 }, { id: 'c', demand: 2 }], devices: [{ id: 'e', tier: 'edge', budget: 3 }, { id: 'c', tier: 'cloud', budget: 3 }], execTime: [[1, 2], [4, 3], [1, 1]] }));
    const r = await run(cap, '--strategy', 'optimal-flowtime');
    expect(r.code).toBe(0);
    const json = await run(cap, '--strategy', 'optimal-flowtime', '--json');
    const overruns = (JSON.parse(json.out) as { metrics: { budgetOverruns: { id: string; demand: number; budget: number; amount: number }[] } }).metrics.budgetOverruns;
    expect(overruns.length).toBeGreaterThan(0);
    expect(r.out).toContain(`budget overruns: ${overruns.map((o) => `${o.id} (demand ${o.demand} > budget ${o.budget}, over by ${o.amount})`).join(', ')}`);
    const ok = file('ok.json', JSON.stringify({ tasks: [{ id: 'a', demand: 2 }], devices: [{ id: 'e', tier: 'edge', budget: 3 }], execTime: [[1]] }));
    expect((await run(ok)).out).toContain('  budget overruns: none\n');
    expect((await run(HCSP, '--strategy', 'mct')).out).not.toContain('budget overruns');
  });

  it('solve says next to the gap when the schedule breaks a budget (the bound ignores budgets: gap 0 is then no proof of a feasible optimum)', async () => {
    // 'optimal-flowtime' ignores budgets: [0, 0, 0] puts demand 6 on e (budget 3).
    const cap = file('cap2.json', JSON.stringify({ tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 2 }, { id: 'c', demand: 2 }], devices: [{ id: 'e', tier: 'edge', budget: 3 }, { id: 'c', tier: 'cloud', budget: 9 }], execTime: [[1, 9], [1, 9], [1, 9]] }));
    expect((await run(cap, '--strategy', 'optimal-flowtime')).out).toMatch(/% \(combinatorial bound; the schedule breaks a budget\)/);
    // The newcomer's case: the unconstrained optimum 15 puts demand 3 on d0 (budget 2); local-search keeps the budgets and proves 16, the best within them.
    const p = { tasks: [{ id: 't0' }, { id: 't1', demand: 2 }, { id: 't2' }, { id: 't3', demand: 3 }], devices: [{ id: 'd0', tier: 'edge', ready: 4, budget: 2 }, { id: 'd1', tier: 'edge', ready: 2 }], execTime: [[6, 0], ['Infinity', 3], [5, 5], [7, 6]], transferTime: [[3, 3], [3, 0], [2, 2], [0, 2]] };
    const path = file('lsbud.json', JSON.stringify(p));
    const r = await run(path, '--strategy', 'local-search');
    expect(r.out).toContain('0.00% (exhaustive bound)');
    expect(r.out).not.toContain('breaks a budget');
    expect((JSON.parse((await run(path, '--strategy', 'local-search', '--json')).out) as { makespan: number }).makespan).toBe(16);
    expect((await run(path, '--strategy', 'min-min')).out).toMatch(/% \(combinatorial bound\) /);
  });

  it('solve worked.json --svg PATH writes a Gantt chart with one execution bar per task', async () => {
    const path = join(dir, 'worked.svg');
    const r = await run(worked, '--svg', path);
    expect(r.code).toBe(0);
    const svg = readFileSync(path, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/class="exec"/g)).toHaveLength(5);
  });

  it('solve u_i_lolo.0 reads the Braun instance as HCSP (by content)', async () => {
    const r = await run(HCSP, '--strategy', 'mct', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const expected = solve(parseHcsp(readFileSync(HCSP, 'utf8')), { strategy: 'mct' });
    expect(JSON.parse(r.out).makespan).toBe(expected.makespan);
  });
});

describe('lepton-sched solve: properties', () => {
  it('solve FILE --json equals the library for random problems and strategies, and is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb({ minTasks: 1 }), fc.constantFrom(...strategyNames), async (p, strategy) => {
        const path = file('random.json', problemToJson(p));
        const a = await run(path, '--strategy', strategy, '--json');
        expect(a.code).toBe(0);
        expect(a.out).toBe(`${solutionToJson(solve(p, { strategy }))}\n`);
        expect((await run(path, '--strategy', strategy, '--json')).out).toBe(a.out);
      }),
      { numRuns: 30 },
    );
  });
});

describe('lepton-sched solve: oracles', () => {
  it('solve on an HCSP copy with header and CRLF prints the same JSON as on the original', async () => {
    const text = readFileSync(HCSP, 'utf8');
    const copy = file('copy.txt', `512 16 0\r\n${text.replace(/\n/g, '\r\n')}`);
    const a = await run(HCSP, '--json');
    const b = await run(copy, '--json');
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
  });
});

describe('lepton-sched solve: edge cases (exit 2, one message on stderr, no stack trace)', () => {
  const cases: readonly [string, () => string[], RegExp][] = [
    ['no FILE', () => [], /^lepton-sched solve: missing FILE/],
    ['two FILEs', () => [worked, worked], /^lepton-sched solve: expected one FILE, got 2/],
    ['a missing file', () => [join(dir, 'nope.json')], /^lepton-sched solve: cannot read .*nope\.json: no such file/],
    ['a directory', () => [dir], /^lepton-sched solve: cannot read .*: is a directory/],
    ['an HCSP size that does not match, with the advice in flags', () => [HCSP, '--tasks', '0'], /pass --tasks and --machines, or a header line/],
    ['an unknown flag', () => [worked, '--fast'], /^lepton-sched solve: unknown option '--fast' \(the flags: lepton-sched solve --help\)$/m],
    ['a misspelt flag, with a did-you-mean', () => [worked, '--stratgy', 'mct'], /^lepton-sched solve: unknown option '--stratgy'; did you mean '--strategy'\? \(the flags: lepton-sched solve --help\)$/m],
    ['an unknown strategy', () => [worked, '--strategy', 'best'], /^lepton-sched solve: --strategy must be one of 'seed', .*got "best"/],
    ['an unknown cost model', () => [worked, '--cost-model', 'x'], /^lepton-sched solve: --cost-model must be one of/],
    ['an unknown objective', () => [worked, '--objective', 'speed'], /^lepton-sched solve: --objective must be one of 'makespan', 'flowtime', 'weighted-flowtime', 'energy', 'cost', or an object of weights, got "speed"/],
    ['a bad seed', () => [worked, '--seed', '1.5'], /^lepton-sched solve: --seed must be a non-negative integer, got '1.5'/],
    ['a bad format', () => [worked, '--format', 'csv'], /^lepton-sched solve: --format must be auto, json or hcsp/],
    ['--tasks with a JSON file', () => [worked, '--tasks', '5'], /^lepton-sched solve: --tasks and --machines apply to HCSP files only/],
    ['invalid JSON', () => [file('bad.json', '{"tasks": [')], /^lepton-sched solve: .*bad\.json: parseProblemJson: text is not valid JSON/],
    ['an infeasible problem', () => [file('inf.json', '{"tasks":[{"id":"a"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[["Infinity"]]}')], /^lepton-sched solve: .*inf\.json: parseProblemJson: problem\.execTime\[0\] has no device/],
    ['a JSON file forced as HCSP', () => [worked, '--format', 'hcsp'], /^lepton-sched solve: .*worked\.json: parseHcsp: line 1 must be a finite number >= 0, got "\{"/],
    ['an HCSP file of the wrong size', () => [file('small.txt', '1\n2\n3\n')], /^lepton-sched solve: .*small\.txt: parseHcsp: text has 3 values/],
  ];
  for (const [what, args, pattern] of cases) {
    it(`solve with ${what} exits 2 with one clear message`, async () => {
      const r = await run(...args());
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(pattern);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('solve with a JSON file with several errors lists every one of them, one per line as parseProblemJson writes them', async () => {
    const r = await run(file('many.json', '{"tasks":[{"id":"a"},{"id":"a"}],"devices":[{"id":"x","tier":"edge"}],"execTime":[[-1],[1]]}'));
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^lepton-sched solve: .*many\.json: parseProblemJson: problem has 2 errors:$/),
      '  problem.tasks[1].id duplicates problem.tasks[0].id ("a")',
      '  problem.execTime[0][0] must be a number >= 0 or Infinity, got -1',
    ]);
  });

  it('solve reads a headerless HCSP file of another size with --tasks and --machines', async () => {
    const path = file('two.txt', '1\n2\n3\n4\n5\n6\n');
    const r = await run(path, '--tasks', '2', '--machines', '3', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).schedule.tasks).toHaveLength(2);
  });
});

describe('lepton-sched solve: standard input, empty problems and file errors (edge cases)', () => {
  async function runStdin(text: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await solveCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => text });
    return { code, out, err };
  }

  it('solve - reads the problem from standard input and solves it like the file', async () => {
    const text = problemToJson(workedExampleProblem(30));
    const fromStdin = await runStdin(text, '-', '--json');
    const fromFile = await run(worked, '--json');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toBe(fromFile.out);
  });

  it('solve - with one task and one device says "1 task x 1 device" (singular)', async () => {
    const r = await runStdin('{"tasks":[{"id":"a"}],"devices":[{"id":"d","tier":"edge"}],"execTime":[[1]]}', '-');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('stdin (json): 1 task x 1 device; strategy min-min, cost model sequential');
  });

  it('solve of an empty problem (0 tasks, 0 devices) exits 2 with a message, not 0 silently', async () => {
    const r = await run(file('empty.json', '{"tasks":[],"devices":[],"execTime":[]}'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/the problem has 0 tasks and 0 devices: nothing to schedule/);
  });

  it('solve of a .csv file says CSV is not a supported format', async () => {
    const r = await run(file('p.csv', 'a,b\n1,2\n'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CSV is not a supported format/);
  });

  it('solve of a JSON file with a UTF-8 byte-order mark reads it', async () => {
    const r = await run(file('bom.json', `\uFEFF${problemToJson(workedExampleProblem(30))}`), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).makespan).toBe(80);
  });

  it('solve with an --svg path in a missing folder says why, not only the code', async () => {
    const r = await run(worked, '--svg', join(dir, 'no-such-folder', 'x.svg'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write .*x\.svg: no such file or directory \(ENOENT\)/);
  });

  it('solve of a missing file says no such file or directory', async () => {
    const r = await run(join(dir, 'missing.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read .*missing\.json: no such file or directory/);
  });
});

describe('lepton-sched solve: energy and money', () => {
  it('solve FILE --objective energy --strategy mct --json equals solve(problem, {objective: energy})', async () => {
    const p = { tasks: [{ id: 'a', source: 'phone' }], devices: [{ id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2 } }, { id: 'cloud', tier: 'cloud', power: { busy: 64 } }], execTime: [[16, 2]], transferTime: [[0, 2]] } as const;
    const path = file('trip.json', JSON.stringify(p));
    const r = await run(path, '--objective', 'energy', '--strategy', 'mct', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${solutionToJson(solve(p, { strategy: 'mct', objective: 'energy' }))}\n`);
    expect(JSON.parse(r.out).assignment).toEqual([0]); // 64 J on the phone against 128 + 4 J
  });
});
describe('lepton-sched solve: bounded error reports (issue 11, item 9)', () => {
  it('solve with a generated file of 10^6 malformed tasks prints a bounded stderr report: 5 errors per kind and "… and 999,995 more of the same kind"', async () => {
    const n = 1_000_000;
    const text = `{"tasks":[${Array.from({ length: n }, (_, i) => `{"id":"t${i}","release":-1}`).join(',')}],"devices":[{"id":"d","tier":"edge"}],"execTime":[]}`;
    expect(text.length).toBeGreaterThan(20e6); // the issue's 21 MB file
    const r = await run(file('million.json', text));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    // Before: 117 MB of output. Now a few hundred bytes.
    expect(r.err.length).toBeLessThan(1000);
    expect(r.err.split('\n').length).toBeLessThan(15); // a few lines, one per error shown
    expect(r.err).toContain('parseProblemJson: problem has 1,000,001 errors:\n  problem.tasks[0].release must be a finite number >= 0, got -1\n');
    expect(r.err).toContain('… and 999,995 more of the same kind (problem.tasks[*].release)');
    expect(r.err).toContain('problem.execTime has 0 rows, expected 1000000 (one per task)');
  }, 300_000);
});

describe('lepton-sched solve: --max-iterations and --trace', () => {
  it('solve big.json --strategy local-search --max-iterations 0 --json equals solve(p, {strategy: local-search, maxIterations: 0}) and stops early', async () => {
    const p = generateEtc({ tasks: 40, machines: 4, seed: 5 });
    const big = file('iters.json', problemToJson(p));
    const r = await run(big, '--strategy', 'local-search', '--max-iterations', '0', '--time-limit', '100000', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${solutionToJson(solve(p, { strategy: 'local-search', maxIterations: 0, timeLimitMs: 100_000 }))}\n`);
    expect(JSON.parse(r.out).stoppedEarly).toBe(true);
  });

  it('solve worked.json --trace off --json has an empty trace; --trace on (and the default here) one decision per task', async () => {
    const off = JSON.parse((await run(worked, '--trace', 'off', '--json')).out) as { trace: unknown[] };
    const on = JSON.parse((await run(worked, '--trace', 'on', '--json')).out) as { trace: unknown[] };
    expect(off.trace).toEqual([]);
    expect(on.trace).toHaveLength(5);
    expect((await run(worked, '--json')).out).toBe((await run(worked, '--trace', 'on', '--json')).out);
  });

  it('solve --trace of / --max-iterations x / --max-iteration 3 are usage errors with the fix', async () => {
    const a = await run(worked, '--trace', 'of');
    expect(a.code).toBe(2);
    expect(a.err).toContain("--trace must be on or off, got 'of'; did you mean 'on'?");
    const b = await run(worked, '--max-iterations', 'x');
    expect(b.code).toBe(2);
    expect(b.err).toContain("--max-iterations must be a non-negative integer, got 'x'");
    const c = await run(worked, '--max-iteration', '3');
    expect(c.code).toBe(2);
    expect(c.err).toContain("unknown option '--max-iteration'; did you mean '--max-iterations'?");
  });
});

describe('lepton-sched solve: --time-limit and --lp-bound (issue 11, item 10)', () => {
  it('solve worked.json --strategy local-search prints gap 0.00% against the exhaustive bound (makespan 80 is optimal: brute force over 4^5 assignments)', async () => {
    const r = await run(worked, '--strategy', 'local-search');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[3]).toMatch(/^\s*80\s+80\s+0\.00% \(exhaustive bound\)/);
  });

  it('solve worked.json --lp-bound measures the gap against the LP bound: 16.73% (lp bound) instead of 68.42% (combinatorial bound)', async () => {
    const plain = await run(worked);
    expect(plain.out.split('\n')[3]).toContain('68.42% (combinatorial bound)');
    const r = await run(worked, '--lp-bound');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[3]).toContain('16.73% (lp bound)');
    expect(JSON.parse((await run(worked, '--lp-bound', '--json')).out).bound.kind).toBe('lp');
    expect(r.out).toMatch(/\n {2}lp bound: 68\.5\d* \(the gap is measured against it\)\n/);
  });

  it('solve worked.json --strategy local-search --lp-bound prints the LP value too, though the exhaustive bound 80 is higher and the gap uses it', async () => {
    const r = await run(worked, '--strategy', 'local-search', '--lp-bound');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[3]).toMatch(/^\s*80\s+80\s+0\.00% \(exhaustive bound\)/);
    expect(r.out).toMatch(/\n {2}lp bound: 68\.5\d*, not above the exhaustive bound 80 the gap is measured against\n/);
    const json = JSON.parse((await run(worked, '--strategy', 'local-search', '--lp-bound', '--json')).out) as { bound: { kind: string }; lpBound: number };
    expect(json.bound.kind).toBe('exhaustive');
    expect(json.lpBound).toBeCloseTo(68.53135175753528, 6);
    // Without --lp-bound the JSON is the library's solutionToJson, no lpBound key.
    expect(JSON.parse((await run(worked, '--strategy', 'local-search', '--json')).out)).not.toHaveProperty('lpBound');
  });

  it('solve --time-limit MS passes timeLimitMs through: 0 stops local search on a 40-task instance at once (stopped early)', async () => {
    const big = file('big.json', problemToJson(generateEtc({ tasks: 40, machines: 4, seed: 5 })));
    const r = await run(big, '--strategy', 'local-search', '--time-limit', '0', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).stoppedEarly).toBe(true);
    const bad = await run(big, '--time-limit', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--time-limit must be a non-negative integer');
  });
});


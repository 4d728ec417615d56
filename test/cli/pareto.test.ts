import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { balancedPoint, paretoCommand } from '../../src/cli/pareto.js';
import { runCli } from '../../src/cli/main.js';
import { parseProblemJson } from '../../src/io/json.js';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import type { ParetoFront } from '../../src/pareto/types.js';

const dir = mkdtempSync(join(tmpdir(), 'lepton-pareto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/pareto-edge-cloud.json');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await paretoCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('lepton-sched pareto', () => {
  it('pareto FILE --objectives makespan,cost --method exact prints the exact front, one row per point, the balanced choice starred', async () => {
    const r = await run(EXAMPLE, '--objectives', 'makespan,cost', '--method', 'exact');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const front = await paretoFront(parseProblemJson(readFileSync(EXAMPLE, 'utf8')), { objectives: ['makespan', 'cost'], method: 'exact' });
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${EXAMPLE}: 7 tasks x 3 devices; Pareto front of makespan, cost by exact: ${front.points.length} points`);
    const rows = lines.slice(3, 3 + front.points.length).map((l) => l.trim().split(/\s+/));
    expect(rows.map((c) => [Number(c[1]), Number(c[2])])).toEqual(front.points.map((p) => p.objectives));
    expect(rows.filter((c) => c[0]!.endsWith('*'))).toHaveLength(1);
    expect(r.out).toContain('proved complete');
  });

  it('pareto --json prints the front as JSON and --svg writes its scatter plot', async () => {
    const svg = join(dir, 'front.svg');
    const r = await run(EXAMPLE, '--objectives', 'makespan,energy', '--json', '--svg', svg, '--time-limit', '60000');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ParetoFront;
    expect(json.method).toBe('nsga2');
    expect(json.objectives).toEqual(['makespan', 'energy']);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('class="highlight"');
  });

  it('pareto --population N --generations G runs NSGA-II with that population and generation count (same front as paretoFront with those options)', async () => {
    const r = await run(EXAMPLE, '--objectives', 'makespan,energy', '--population', '6', '--generations', '3', '--seed', '2', '--time-limit', '600000', '--json');
    expect(r.err).toBe('');
    const problem = parseProblemJson(readFileSync(EXAMPLE, 'utf8'));
    const direct = await paretoFront(problem, { objectives: ['makespan', 'energy'], populationSize: 6, maxGenerations: 3, seed: 2, timeLimitMs: 600000 });
    const other = await paretoFront(problem, { objectives: ['makespan', 'energy'], populationSize: 100, maxGenerations: 1000, seed: 2, timeLimitMs: 600000 });
    expect((JSON.parse(r.out) as ParetoFront).points).toEqual(direct.points);
    expect(direct.reason).toContain('3 generations');
    expect(other.reason).not.toContain(' 3 generations');
  });

  it('pareto --population and --generations reject non-integers and out-of-range values on one line, naming the flag', async () => {
    expect((await run(EXAMPLE, '--objectives', 'makespan,cost', '--population', 'many')).err).toBe("lepton-sched pareto: --population must be a non-negative integer, got 'many'\n");
    expect((await run(EXAMPLE, '--objectives', 'makespan,cost', '--generations', '1.5')).err).toBe("lepton-sched pareto: --generations must be a non-negative integer, got '1.5'\n");
    const small = await run(EXAMPLE, '--objectives', 'makespan,cost', '--population', '1');
    expect(small.code).toBe(2);
    expect(small.err).toMatch(/^lepton-sched pareto: --population must be .*got 1/);
  });

  it('is registered in the main CLI and its help', async () => {
    let out = '';
    const code = await runCli(['pareto', EXAMPLE, '--objectives', 'makespan,cost', '--method', 'exact'], { stdout: (s) => (out += s), stderr: () => {} });
    expect(code).toBe(0);
    expect(out).toContain('Pareto front of makespan, cost by exact');
    let help = '';
    await runCli(['--help'], { stdout: (s) => (help += s), stderr: () => {} });
    expect(help).toContain('lepton-sched pareto FILE --objectives');
  });

  it('reports usage mistakes and bad input on one stderr line with exit code 2', async () => {
    expect((await run()).err).toBe('lepton-sched pareto: missing FILE (usage: lepton-sched pareto FILE --objectives makespan,energy)\n');
    expect((await run(EXAMPLE)).err).toContain('missing --objectives');
    const bad = await run(EXAMPLE, '--objectives', 'makespan,speed');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("lepton-sched pareto: --objectives[1] must be one of 'makespan', 'flowtime', 'energy', 'cost', got \"speed\"\n");
    const twice = await run(EXAMPLE, '--objectives', 'makespan,makespan');
    expect(twice.err).toBe("lepton-sched pareto: --objectives[1] repeats 'makespan' (already --objectives[0])\n");
    expect((await run(EXAMPLE, '--objectives', 'makespan,cost', '--method', 'magic')).err).toContain('--method must be one of');
    expect((await run(EXAMPLE, '--objectives', 'makespan,cost', '--seed', '-3')).code).toBe(2);
    expect((await run(EXAMPLE, '--objectives', 'makespan,cost', '--time-limit', 'soon')).err).toContain("--time-limit must be a finite number >= 0, got 'soon'");
    expect((await run(join(dir, 'missing.json'), '--objectives', 'makespan,cost')).err).toContain('no such file');
    expect((await run(EXAMPLE, '--objectives', 'makespan,cost', '--bogus')).code).toBe(2);
  });

  it('balancedPoint picks the smallest sum of range-scaled objectives (hand-computed)', () => {
    const pts = [[11, 10], [14, 5], [15, 3], [17, 0]].map((o) => ({ assignment: [], order: [], objectives: o }));
    // Scaled sums: 0 + 1, 0.5 + 0.5, 0.667 + 0.3, 1 + 0 → index 2 (0.967).
    expect(balancedPoint({ points: pts, objectives: ['makespan', 'cost'], method: 'exact', status: 'optimal', proved: true, stoppedEarly: false, reason: '' })).toBe(2);
  });
});

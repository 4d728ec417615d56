// The README's "The Pareto front" section, line by line: the values it shows
// are the values the library and the CLI return, and the committed picture is
// what the CLI draws.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { paretoCommand } from '../../src/cli/pareto.js';
import { evaluate, hypervolume, parseProblemJson, paretoFront } from '../../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### The Pareto front'), readme.indexOf('## Online use and simulation'));
const problem = parseProblemJson(readFileSync(join(root, 'examples/pareto-edge-cloud.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'lepton-readme-pareto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README: the Pareto front (reference values)', () => {
  it('the exact makespan–cost front of examples/pareto-edge-cloud.json, its hypervolume and the phone\'s upload energy', async () => {
    const front = await paretoFront(problem, { objectives: ['makespan', 'cost'], method: 'exact' });
    expect(front.proved).toBe(true);
    expect(front.points.map((p) => p.objectives)).toEqual([[11, 10], [12, 8], [13, 7], [14, 5], [15, 3], [17, 0]]);
    expect(section).toContain('[ [ 11, 10 ], [ 12, 8 ], [ 13, 7 ], [ 14, 5 ], [ 15, 3 ], [ 17, 0 ] ]');
    expect(hypervolume(front.points.map((p) => p.objectives), [20, 12])).toBe(72);
    const pick = front.points[4]!;
    expect(evaluate(problem, pick.assignment, { order: pick.order }).metrics.energy.perDevice[0]).toEqual({ execution: 60, transfer: 10, idle: 0, total: 70 });
  });

  it('the three-objective table is what `lepton-sched pareto … --method exact` prints, and the committed SVG is what --svg draws', async () => {
    let out = '';
    const svgPath = join(dir, 'front.svg');
    const file = relative(process.cwd(), join(root, 'examples/pareto-edge-cloud.json'));
    expect(await paretoCommand([file, '--objectives', 'makespan,energy,cost', '--method', 'exact'], { stdout: (s) => (out += s), stderr: () => {} })).toBe(0);
    const table = out.split('\n').slice(2, 11).join('\n');
    expect(section).toContain(table);
    expect(await paretoCommand([file, '--objectives', 'makespan,cost', '--method', 'exact', '--svg', svgPath], { stdout: () => {}, stderr: () => {} })).toBe(0);
    expect(readFileSync(svgPath, 'utf8')).toBe(readFileSync(join(root, 'examples/pareto-front.svg'), 'utf8'));
  });
});

// README "Task graphs: formats, CLI and pictures": the values it prints are
// the values the library returns, and docs/workflow-gantt.svg is what
// examples/workflow-pipeline.ts draws today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateWorkflow, parseWfCommons, scheduleWorkflow } from '../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('README task-graph formats (reference values)', () => {
  it('parseWfCommons(montage, {coresAsDevices: true}) has 58 tasks, 114 edges, 48 devices; HEFT reaches the bound 559.794', () => {
    const montage = parseWfCommons(readFileSync(join(root, 'data/wfcommons/montage-chameleon-dss-05d-001.json'), 'utf8'), { coresAsDevices: true });
    expect([montage.tasks.length, montage.edges.length, montage.devices.length]).toEqual([58, 114, 48]);
    const s = scheduleWorkflow(montage, { strategy: 'heft' });
    expect([s.makespan, s.lowerBound].map((x) => +x.toFixed(3))).toEqual([559.794, 559.794]);
    const recorded = JSON.parse(readFileSync(join(root, 'data/wfcommons/montage-chameleon-dss-05d-001.json'), 'utf8')) as { workflow: { execution: { makespanInSeconds: number } } };
    expect(recorded.workflow.execution.makespanInSeconds).toBe(870);
  });

  it('generateWorkflow({n: 100, m: 8, alpha: 1, outDegree: 3, ccr: 0.5, beta: 1}, 1) has 100 tasks and 214 edges', () => {
    const g = generateWorkflow({ n: 100, m: 8, alpha: 1, outDegree: 3, ccr: 0.5, beta: 1 }, 1);
    expect([g.tasks.length, g.edges.length]).toEqual([100, 214]);
  });

  it('docs/workflow-gantt.svg is byte for byte what examples/workflow-pipeline.ts writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lepton-readme-'));
    try {
      const out = join(dir, 'g.svg');
      execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'examples/workflow-pipeline.ts'), out], { cwd: root, stdio: 'pipe' });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'docs/workflow-gantt.svg'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { num } from '../../src/cli/table.js';
import { detectWorkflowFormat, workflowCommand } from '../../src/cli/workflow.js';
import { parseWfCommons } from '../../src/io/wfcommons.js';
import { workflowToJson } from '../../src/io/workflowJson.js';
import { generateWorkflow } from '../../src/workflow/generate.js';
import { scheduleWorkflow, workflowStrategyNames } from '../../src/workflow/scheduleWorkflow.js';
import type { Workflow } from '../../src/workflow/types.js';

const dir = mkdtempSync(join(tmpdir(), 'lepton-workflow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MONTAGE = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/wfcommons/montage-chameleon-dss-05d-001.json');
const BLAST = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/wfcommons/blast-chameleon-small-001.json');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await workflowCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** The expected --json text, written independently of the CLI's code path. */
const asJson = (w: Workflow, strategy: (typeof workflowStrategyNames)[number]): string =>
  `${JSON.stringify(scheduleWorkflow(w, { strategy }), (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;

const pipeline: Workflow = {
  tasks: [{ id: 'decode' }, { id: 'detect' }, { id: 'track' }],
  devices: [{ id: 'cam', tier: 'edge' }, { id: 'dc', tier: 'cloud' }],
  execTime: [[1, Infinity], [6, 2], [1, 1]],
  edges: [{ from: 'decode', to: 'detect', data: 4 }, { from: 'detect', to: 'track', data: 1 }],
  network: { bandwidth: 2, latency: 0.5 },
};
const pipelineFile = file('pipeline.json', workflowToJson(pipeline));

/** The hand example of test/workflow/energy.test.ts: a phone and a VM that carry power, the VM a per-hour price. */
const phoneVm: Workflow = {
  tasks: [{ id: 'capture' }, { id: 'detect' }, { id: 'preview' }, { id: 'show' }],
  devices: [
    { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2, idle: 1 } },
    { id: 'vm', tier: 'cloud', power: { busy: 120, transfer: 40, idle: 60 }, price: { perSecond: 0.001, granularity: 3600 } },
  ],
  execTime: [[2, 1], [8, 2], [3, 3], [1, 1]],
  edges: [
    { from: 'capture', to: 'detect', data: 8 }, { from: 'capture', to: 'preview', data: 1 },
    { from: 'detect', to: 'show', data: 2 }, { from: 'preview', to: 'show', data: 0 },
  ],
  network: { bandwidth: 4, latency: 0.5 },
};
const phoneVmFile = file('phone-vm.json', workflowToJson(phoneVm));

describe('lepton-sched workflow: reference values', () => {
  it('workflow phone-vm.json --strategy seed prints energy (split) and cost, in total and per device, when devices carry power or price', async () => {
    // seed: capture, detect on the vm [0, 1], [1, 3]; preview, show on the phone [1.75, 4.75], [4.75, 5.75].
    // phone: 4 W · 4 s + 2 W · (0.75 + 1) s received + 1 W · (5.75 − 4.75) s idle = 16 + 3.5 + 1 = 20.5 J.
    // vm: 120 W · 3 s + 40 W · 1.75 s sent + 60 W · (5.75 − 4) s idle = 360 + 70 + 105 = 535 J; 4 s billed one hour = 3.6.
    const r = await run(phoneVmFile, '--strategy', 'seed');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\n  energy: 555.5000 J (execution 376, transfer 73.5000, idle 106); cost: 3.6000\n');
    expect(r.out).toMatch(/\n\s+device\s+id\s+tier\s+tasks\s+busy\s+utilization\s+energy J\s+cost\n/);
    expect(r.out).toMatch(/\n\s+0\s+phone\s+edge\s+2\s+4\s+0\.6957\s+20\.5000\s+0\n/);
    expect(r.out).toMatch(/\n\s+1\s+vm\s+cloud\s+2\s+3\s+0\.5217\s+535\s+3\.6000\n/);
    const json = await run(phoneVmFile, '--strategy', 'seed', '--json');
    expect(JSON.parse(json.out).schedule.metrics.cost).toEqual({ total: 3.6, perDevice: [0, 3.6] });
  });

  it('workflow pipeline.json (no power, no price) prints no energy or cost', async () => {
    const r = await run(pipelineFile);
    expect(r.out).not.toMatch(/energy|cost/);
  });

  it('workflow pipeline.json prints the summary and tables of scheduleWorkflow(w) (HEFT by default)', async () => {
    const r = await run(pipelineFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const s = scheduleWorkflow(pipeline);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${pipelineFile} (json): 3 tasks, 2 edges x 2 devices; strategy heft`);
    expect(lines[2]).toMatch(/^\s+makespan\s+lower bound\s+gap\s+flowtime\s+data moved$/);
    expect(lines[3]!.trim().split(/\s+/)[0]).toBe(num(s.makespan));
    expect(r.out).toContain('  between tiers: edge->cloud 4 (1 edge)');
    expect(r.out).toMatch(/\n\s+0\s+decode\s+0\s+0\s+1\n/);
  });

  it('workflow montage.json --strategy peft --json prints the library solution of parseWfCommons(file) exactly', async () => {
    const r = await run(MONTAGE, '--strategy', 'peft', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(asJson(parseWfCommons(readFileSync(MONTAGE, 'utf8')), 'peft'));
  });

  it('workflow blast.json --cores schedules on one device per core (48)', async () => {
    const r = await run(BLAST, '--cores', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).schedule.devices).toHaveLength(48);
  });

  it('workflow pipeline.json --svg PATH writes a Gantt chart with one bar per task and an arrow for the edge-to-cloud transfer', async () => {
    const path = join(dir, 'pipeline.svg');
    const r = await run(pipelineFile, '--svg', path);
    expect(r.code).toBe(0);
    const svg = readFileSync(path, 'utf8');
    expect(svg.match(/class="exec"/g)).toHaveLength(3);
    expect(svg.match(/class="transfer"/g)).toHaveLength(1);
  });

  it('runCli(["workflow", ...]) dispatches to the workflow command and --help lists it', async () => {
    let out = '';
    const code = await runCli(['workflow', pipelineFile, '--strategy', 'cpop', '--json'], { stdout: (s) => (out += s), stderr: () => undefined });
    expect(code).toBe(0);
    expect(out).toBe(asJson(pipeline, 'cpop'));
    let help = '';
    await runCli(['--help'], { stdout: (s) => (help += s), stderr: () => undefined });
    expect(help).toContain('lepton-sched workflow FILE [options]');
  });
});

describe('lepton-sched workflow: properties', () => {
  it('workflow FILE --strategy S --json equals the library for random workflows and every strategy, deterministically', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(...workflowStrategyNames), async (n, m, seed, strategy) => {
        const w = generateWorkflow({ n, m }, seed);
        const path = file('random.json', workflowToJson(w));
        const a = await run(path, '--strategy', strategy, '--json');
        expect(a.code).toBe(0);
        expect(a.out).toBe(asJson(w, strategy));
        expect((await run(path, '--strategy', strategy, '--json')).out).toBe(a.out);
      }),
      { numRuns: 25 },
    );
  });
});

describe('lepton-sched workflow: oracles', () => {
  it('detectWorkflowFormat: schemaVersion or workflow keys mean WfCommons, anything else the JSON workflow format', () => {
    expect(detectWorkflowFormat(readFileSync(MONTAGE, 'utf8'))).toBe('wfcommons');
    expect(detectWorkflowFormat('{"workflow":{}}')).toBe('wfcommons');
    expect(detectWorkflowFormat(workflowToJson(pipeline))).toBe('json');
    expect(detectWorkflowFormat('[1]')).toBe('json');
    expect(detectWorkflowFormat('{')).toBe('json');
  });

  it('workflow FILE --format wfcommons on a WfCommons file gives the same output as auto', async () => {
    expect((await run(MONTAGE, '--format', 'wfcommons', '--json')).out).toBe((await run(MONTAGE, '--json')).out);
  });
});

describe('lepton-sched workflow: edge cases (exit 2, one message on stderr, no stack trace)', () => {
  const cases: readonly [string, () => string[], RegExp][] = [
    ['no FILE', () => [], /^lepton-sched workflow: missing FILE/],
    ['two FILEs', () => [pipelineFile, pipelineFile], /^lepton-sched workflow: expected one FILE, got 2/],
    ['a missing file', () => [join(dir, 'nope.json')], /^lepton-sched workflow: cannot read .*nope\.json: no such file/],
    ['a directory', () => [dir], /^lepton-sched workflow: cannot read .*: is a directory/],
    ['an unknown flag', () => [pipelineFile, '--fast'], /^lepton-sched workflow: unknown option '--fast' \(the flags: lepton-sched workflow --help\)$/m],
    ['an unknown strategy', () => [pipelineFile, '--strategy', 'best'], /^lepton-sched workflow: --strategy must be one of heft, cpop, .*got 'best'/],
    ['a bad format', () => [pipelineFile, '--format', 'dax'], /^lepton-sched workflow: --format must be auto, json or wfcommons, got 'dax'/],
    ['--cores with a JSON workflow', () => [pipelineFile, '--cores'], /^lepton-sched workflow: --cores applies to WfCommons files only/],
    ['invalid JSON', () => [file('bad.json', '{"tasks": [')], /^lepton-sched workflow: .*bad\.json: parseWorkflowJson: text is not valid JSON/],
    ['a cycle', () => [file('cyc.json', '{"tasks":[{"id":"a"},{"id":"b"}],"devices":[{"id":"e","tier":"edge"}],"execTime":[[1],[1]],"edges":[{"from":"a","to":"b","data":0},{"from":"b","to":"a","data":0}]}')], /^lepton-sched workflow: .*cyc\.json: parseWorkflowJson: workflow\.edges must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"\n/],
    ['a WfCommons file of an old version', () => [file('old.json', '{"schemaVersion":"1.2","workflow":{}}')], /^lepton-sched workflow: .*old\.json: parseWfCommons: schemaVersion must be one of "1\.4", "1\.5", "1\.6"/],
    ['an unwritable SVG path', () => [pipelineFile, '--svg', join(dir, 'no', 'such', 'dir.svg')], /^lepton-sched workflow: cannot write .*dir\.svg: no such file or directory \(ENOENT\)/],
  ];
  it('workflow with a WfCommons file forced as JSON exits 2 listing the errors one per line, as parseWorkflowJson writes them', async () => {
    const r = await run(MONTAGE, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^lepton-sched workflow: .*parseWorkflowJson: workflow has \d+ errors:$/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
  });
  for (const [what, args, pattern] of cases) {
    it(`workflow with ${what} exits 2 with one clear message`, async () => {
      const r = await run(...args());
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(pattern);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }
});

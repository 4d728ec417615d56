// Fuzz: task graphs. Workflows from generateWorkflow, then (often) broken or
// stretched: cycles, self-loops, disconnected parts, zero-data edges,
// Infinity bandwidth, forbidden devices (whole rows too), NaN, wrong types,
// unknown ids, duplicate edges, 1e-300 and 1e300. Every public function of
// issue 13 (both helpers' parts, solveWorkflowExact included) must end in a
// valid result or a library error naming the field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import {
  compileWorkflow, criticalPath, downwardRanks, evaluateWorkflow, generateWorkflow, optimisticCostTable, parseWfCommons, parseWorkflowJson,
  scheduleWorkflow, solveWorkflowExact, upwardRanks, workflowFromPhysical, workflowLowerBound, workflowStrategyNames, workflowToJson, workflowToSvg, workflowToWfCommons,
  type Workflow, type WorkflowSchedule,
} from '../../src/index.js';
import { anyNumber, anyValue, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, outcome, SLOW_RUNS } from './harness.js';

type Mutable = { tasks: Record<string, unknown>[]; devices: Record<string, unknown>[]; execTime: unknown[][]; edges: Record<string, unknown>[]; network?: Record<string, unknown> };

const BAD: readonly unknown[] = [NaN, -1, -Infinity, 'x', null, undefined, 1e300, 1e-300, 5e-324, Infinity, 0];
/** Network values: bad ones, extreme ones (1e-300 and 5e-324 make data / bandwidth overflow) and valid ones. */
const NET: readonly unknown[] = [NaN, -1, -Infinity, 'x', null, 0, 1e300, 1e-12, 1e-300, 5e-324, Infinity];

/** Deep copy keeping Infinity (JSON would turn it into null). */
function copy(w: Workflow): Mutable {
  return JSON.parse(JSON.stringify(w, (_k, v: unknown) => (v === Infinity ? '__inf' : v)), (_k, v: unknown) => (v === '__inf' ? Infinity : v)) as Mutable;
}

/** A workflow, valid or broken in one of many ways. */
const anyWorkflow: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 3 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 17 }))
  .map(([n, m, seed, a, b, kind]) => {
    const q = copy(generateWorkflow({ n, m, ccr: 1, tiers: (['edge', 'fog', 'cloud'] as const).slice(0, m) }, seed));
    const i = n > 0 ? a % n : 0;
    const j = b % m;
    const bad = BAD[(a + b) % BAD.length];
    const e = q.edges.length > 0 ? q.edges[a % q.edges.length]! : undefined;
    switch (kind) {
      case 0: break; // valid
      case 1: if (e) q.edges.push({ from: e.to, to: e.from, data: 1 }); break; // 2-cycle
      case 2: if (n > 0) q.edges.push({ from: `t${i}`, to: `t${i}`, data: 0 }); break; // self-loop
      case 3: for (let k = 0; k < 3; k++) { q.tasks.push({ id: `iso${k}` }); q.execTime.push(Array.from({ length: m }, () => 1 + k)); } break; // disconnected
      case 4: for (const x of q.edges) x.data = 0; break; // zero-data edges
      case 5: q.network = { bandwidth: Infinity, latency: b % 2 === 0 ? 0 : 0.5 }; break;
      case 6: q.network = { bandwidth: Array.from({ length: m }, (_, p) => Array.from({ length: m }, (_, r) => ((p + r + a) % 2 === 0 ? Infinity : 1 + p))) }; break;
      case 7: if (n > 0) q.execTime[i]![j] = Infinity; break; // forbidden device
      case 8: if (n > 0) q.execTime[i] = q.execTime[i]!.map(() => Infinity); break; // nowhere to run
      case 9: if (n > 0) q.execTime[i]![j] = bad; break;
      case 10: if (e) e.data = bad; break;
      case 11: q.network = { bandwidth: NET[(a + b) % NET.length], latency: NET[a % NET.length] }; break;
      case 12: if (e) e.to = 'nobody'; break;
      case 13: if (e) q.edges.push({ ...e }); break; // duplicate edge
      case 14: q.devices[j]!.tier = b % 2 === 0 ? 'sky' : undefined; break;
      case 15: if (n > 0) q.tasks[i]![['release', 'deadline', 'priority'][b % 3]!] = bad; break;
      case 16: if (n > 1) q.tasks[1]!.id = q.tasks[0]!.id; break; // duplicate id
      default: if (n > 0) q.execTime[i] = q.execTime[i]!.slice(1); // ragged
    }
    return q;
  });

/** An independent check of a schedule: re-evaluation, data arrival, no overlap, finite times. */
function expectValid(w: Workflow, s: WorkflowSchedule): void {
  assertNumbersOk(s, true);
  expect(s.tasks).toHaveLength(w.tasks.length);
  // finish = start + exec up to rounding (at 1e300, adding 19 changes nothing).
  for (const t of s.tasks) expect(Math.abs(t.finish - (t.start + w.execTime[t.task]![t.device]!))).toBeLessThanOrEqual(1e-9 * Math.max(1, t.finish));
  for (const tr of s.transfers) expect(s.tasks[tr.to]!.start).toBeGreaterThanOrEqual(tr.arrival - 1e-9 * Math.max(1, tr.arrival));
  for (const d of s.devices) {
    for (let k = 1; k < d.tasks.length; k++) expect(s.tasks[d.tasks[k]!]!.start).toBeGreaterThanOrEqual(s.tasks[d.tasks[k - 1]!]!.finish - 1e-9 * Math.max(1, s.tasks[d.tasks[k - 1]!]!.finish));
  }
}

describe('fuzz: task graphs', () => {
  it('compileWorkflow(workflow) compiles (n, m, a permutation as topo order) or throws a library error', () => {
    fc.assert(
      fc.property(anyWorkflow, (raw) => {
        const w = deepFreeze(raw) as Workflow;
        outcome('compileWorkflow', () => compileWorkflow(w), (c) => {
          expect(c.n).toBe(w.tasks.length);
          expect([...c.topo].sort((x, y) => x - y)).toEqual(Array.from({ length: c.n }, (_, i) => i));
          assertNumbersOk(c.exec, false);
          assertNumbersOk(c.data, true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  for (const strategy of workflowStrategyNames) {
    it(`scheduleWorkflow(workflow, {strategy: '${strategy}'}) gives a valid schedule ≥ the lower bound, or a library error`, () => {
      fc.assert(
        fc.property(anyWorkflow, (raw) => {
          const w = deepFreeze(raw) as Workflow;
          outcome(`scheduleWorkflow(${strategy})`, () => scheduleWorkflow(w, { strategy }), (s) => {
            expectValid(w, s.schedule);
            expect(s.makespan).toBeGreaterThanOrEqual(s.lowerBound * (1 - 1e-9) - 1e-12);
            expect(evaluateWorkflow(w, s.placement, s.order)).toEqual(s.schedule);
          });
        }),
        { numRuns: SLOW_RUNS },
      );
    });
  }

  it('solveWorkflowExact(workflow, {maxNodes}) gives a valid schedule, when optimal ≤ every heuristic, or a library error', () => {
    const opts = fc.oneof(
      { weight: 10, arbitrary: fc.record({ maxNodes: fc.integer({ min: 0, max: 3000 }) }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({ maxNodes: -1 }, { maxNodes: 1.5 }, { timeLimitMs: NaN }, { nodes: 1 }, null) },
    );
    fc.assert(
      fc.property(anyWorkflow, opts, (raw, o) => {
        const w = deepFreeze(raw) as Workflow;
        outcome('solveWorkflowExact', () => solveWorkflowExact(w, o as never), (s) => {
          expectValid(w, s.schedule);
          expect(['optimal', 'node-limit', 'time-limit']).toContain(s.status);
          if (s.status === 'optimal') {
            for (const strategy of workflowStrategyNames) expect(s.makespan).toBeLessThanOrEqual(scheduleWorkflow(w, { strategy }).makespan * (1 + 1e-9) + 1e-12);
          }
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('evaluateWorkflow(workflow, placement, order) with random plans gives a valid schedule or a library error', () => {
    const plan = fc.tuple(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 9 }), anyValue);
    fc.assert(
      fc.property(anyWorkflow, plan, (raw, [vals, byIndex, rot, corrupt, v]) => {
        const w = deepFreeze(raw) as Workflow;
        const n = Array.isArray(w.tasks) ? w.tasks.length : 0;
        const m = Array.isArray(w.devices) ? w.devices.length : 0;
        const placement: unknown[] = Array.from({ length: n }, (_, i) => vals[i]! % Math.max(1, m));
        // Orders: each device's tasks by index (a topological order for generated graphs) or rotated (often a deadlock).
        const order: unknown[][] = Array.from({ length: m }, (_, j) => {
          const on = placement.flatMap((p, i) => (p === j ? [i] : []));
          return byIndex || on.length === 0 ? on : [...on.slice(rot % on.length), ...on.slice(0, rot % on.length)];
        });
        if (corrupt === 1 && n > 0) placement[rot % n] = v;
        if (corrupt === 2) placement.pop();
        if (corrupt === 3 && m > 0) order[rot % m]!.push(v);
        outcome('evaluateWorkflow', () => evaluateWorkflow(w, placement as number[], order as number[][]), (s) => expectValid(w, s));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  for (const [name, fn] of [['upwardRanks', upwardRanks], ['downwardRanks', downwardRanks], ['optimisticCostTable', optimisticCostTable], ['criticalPath', criticalPath], ['workflowLowerBound', workflowLowerBound]] as const) {
    it(`${name}(workflow) returns finite numbers for every task, or a library error`, () => {
      fc.assert(
        fc.property(anyWorkflow, (raw) => {
          const w = deepFreeze(raw) as Workflow;
          outcome(name, () => (fn as (x: Workflow) => unknown)(w), (r) => {
            assertNumbersOk(r, name !== 'optimisticCostTable');
            if (Array.isArray(r)) expect(r).toHaveLength(w.tasks.length);
          });
        }),
        { numRuns: FUZZ_RUNS },
      );
    });
  }

  // Found by this suite: a bandwidth so small that data / bandwidth overflows to Infinity used to be
  // accepted, and a strategy forced across devices returned makespan Infinity. compileWorkflow now
  // rejects such a network (wf-core's fix); this pins it.
  it('scheduleWorkflow where data / bandwidth overflows to Infinity ends in a library error naming the bandwidth', () => {
    const w: Workflow = {
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[1, Infinity], [Infinity, 1]],
      edges: [{ from: 'a', to: 'b', data: 18 }],
      network: { bandwidth: 5e-324 },
    };
    expect(outcome('scheduleWorkflow(overflow)', () => scheduleWorkflow(w), (s) => expectValid(w, s.schedule))).toBe('error');
    expect(() => scheduleWorkflow(w)).toThrow(/^scheduleWorkflow: workflow\.network\.bandwidth /);
  });

  it('workflowToJson(workflow) round-trips through parseWorkflowJson, or a library error', () => {
    fc.assert(
      fc.property(anyWorkflow, (raw) => {
        const w = deepFreeze(raw) as Workflow;
        outcome('workflowToJson', () => workflowToJson(w), (text) => expect(parseWorkflowJson(text)).toEqual(w));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseWorkflowJson(text) of broken documents gives a compilable workflow or a library error', () => {
    const cut = fc.oneof({ weight: 8, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat() });
    fc.assert(
      fc.property(anyWorkflow, cut, fc.oneof({ weight: 10, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), (raw, at, junk) => {
        const full = JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : String(v)) : v));
        const text = at < 0 ? full + junk : full.slice(0, at % (full.length + 1)) + junk;
        outcome('parseWorkflowJson', () => parseWorkflowJson(text), (w) => expect(() => compileWorkflow(w)).not.toThrow());
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('workflowToWfCommons(workflow) and parseWfCommons(text) of edited WfFormat documents give a compilable workflow or a library error', () => {
    const edit = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), anyValue);
    fc.assert(
      fc.property(anyWorkflow, edit, (raw, [kind, k, v]) => {
        const w = deepFreeze(raw) as Workflow;
        let text: string | undefined;
        outcome('workflowToWfCommons', () => workflowToWfCommons(w), (t) => (text = t));
        if (text === undefined) return;
        const d = JSON.parse(text) as { schemaVersion: unknown; workflow: { specification: { tasks: Record<string, unknown>[]; files: Record<string, unknown>[] }; execution: { tasks: Record<string, unknown>[] } } };
        const tasks = d.workflow.specification.tasks;
        const t = tasks.length > 0 ? tasks[k % tasks.length]! : undefined;
        if (kind === 1) d.schemaVersion = ['1.3', '1.6', 1.5, undefined][k % 4];
        if (kind === 2 && t) t.parents = [...(t.children as string[]), ...(t.parents as string[])]; // cycles
        if (kind === 3 && t) t.id = v;
        if (kind === 4 && d.workflow.specification.files.length > 0) d.workflow.specification.files[k % d.workflow.specification.files.length]!.sizeInBytes = v;
        if (kind === 5 && d.workflow.execution.tasks.length > 0) d.workflow.execution.tasks[k % d.workflow.execution.tasks.length]!.runtimeInSeconds = v;
        if (kind === 6 && t) t.children = v;
        if (kind === 7) d.workflow.execution.tasks.pop();
        if (kind === 8 && t) t.inputFiles = ['ghost'];
        const edited = JSON.stringify(d);
        outcome('parseWfCommons', () => parseWfCommons(edited, kind === 9 ? { coresAsDevices: true, defaultRuntime: 1 } : undefined), (p) => expect(() => compileWorkflow(p)).not.toThrow());
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('generateWorkflow(options, seed) gives a compilable DAG, the same for the same seed, or a library error', () => {
    const opts = fc.record(
      {
        n: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: anyValue }),
        m: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: anyValue }),
        alpha: anyNumber,
        outDegree: fc.oneof(fc.integer({ min: 1, max: 5 }), anyValue),
        ccr: anyNumber,
        beta: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), anyNumber),
        averageCost: anyNumber,
        tiers: fc.constantFrom<unknown>('edge', 'cloud', ['edge'], 'x', undefined),
      },
      { requiredKeys: ['n', 'm'] },
    );
    fc.assert(
      fc.property(opts, fc.oneof(fc.integer(), anyValue), (o, seed) => {
        const frozen = deepFreeze(o);
        outcome('generateWorkflow', () => generateWorkflow(frozen as never, seed as number), (w) => {
          expect(() => compileWorkflow(w)).not.toThrow();
          assertNumbersOk(w, true);
          expect(JSON.stringify(generateWorkflow(frozen as never, seed as number))).toBe(JSON.stringify(w));
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('workflowFromPhysical(tasks, devices, edges) gives a workflow with finite times, or a library error', () => {
    const tasks = fc.array(fc.record({ work: anyValue }), { maxLength: 4 });
    const devices = fc.array(fc.record({ tier: fc.constantFrom<unknown>('edge', 'fog', 'cloud', 'x'), speed: anyValue, bandwidth: fc.option(anyValue, { nil: undefined }), latency: fc.option(anyNumber, { nil: undefined }) }, { requiredKeys: ['tier', 'speed'] }), { maxLength: 3 });
    const edges = fc.array(fc.record({ from: fc.constantFrom<unknown>('t0', 't1', 't2', 1), to: fc.constantFrom<unknown>('t0', 't1', 't3'), size: anyValue }), { maxLength: 3 });
    fc.assert(
      fc.property(tasks, devices, edges, (t, d, e) => {
        const frozen = deepFreeze({ t, d, e });
        outcome('workflowFromPhysical', () => workflowFromPhysical(frozen.t as never, frozen.d as never, frozen.e as never), (w) => {
          expect(w.execTime).toHaveLength(t.length);
          assertNumbersOk(w.execTime, true);
          assertNumbersOk(w.network.latency, true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('workflowToSvg(schedule, workflow, options) is an SVG document, or a library error (bad options, corrupted schedules)', () => {
    const options = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.record({ width: anyValue, laneHeight: anyValue, transfers: fc.constantFrom<unknown>(true, false, 'no'), transferLabels: fc.constantFrom<unknown>(true, false, 1), title: fc.constantFrom<unknown>('<&>', 3) }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({ colors: { exec: 1 } }, { nope: 1 }, null) },
    );
    fc.assert(
      fc.property(anyWorkflow, options, fc.integer({ min: 0, max: 4 }), anyValue, (raw, opts, corrupt, v) => {
        const w = deepFreeze(raw) as Workflow;
        let s: WorkflowSchedule | undefined;
        try {
          s = scheduleWorkflow(w).schedule;
        } catch {
          return; // invalid workflows are covered above
        }
        const sched: WorkflowSchedule =
          corrupt === 1 && s.tasks.length > 0 ? { ...s, tasks: s.tasks.map((t, i) => (i === 0 ? { ...t, start: v as number } : t)) } : corrupt === 2 && s.transfers.length > 0 ? { ...s, transfers: s.transfers.map((t) => ({ ...t, arrival: v as number })) } : s;
        outcome('workflowToSvg', () => workflowToSvg(deepFreeze(sched), w, opts as never), (svg) => {
          expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
          expect(svg).not.toMatch(/NaN|undefined/);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('lepton-sched workflow FILE [flags] exits 0 or 2 (one stderr line or one line per error, no stack trace); --json output parses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lepton-wf-fuzz-'));
    let count = 0;
    try {
      const text = fc.oneof(
        { weight: 6, arbitrary: anyWorkflow.map((w) => JSON.stringify(w, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : String(v)) : v))) },
        { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.nat()).map(([n, seed]) => workflowToWfCommons(generateWorkflow({ n, m: 2 }, seed))) },
        { weight: 1, arbitrary: fc.json() },
        { weight: 1, arbitrary: fc.string() },
      );
      const flag = fc.constantFrom('--json', '--cores', '--nope', '--strategy', 'heft', 'peft', 'nope', '--format', 'json', 'wfcommons', 'auto', '--svg');
      await fc.assert(
        fc.asyncProperty(text, fc.array(flag, { maxLength: 4 }), fc.boolean(), async (t, flags, json) => {
          const path = join(dir, `w${count++}.json`);
          writeFileSync(path, t);
          let out = '';
          let err = '';
          const argv = ['workflow', path, ...flags.flatMap((f) => (f === '--svg' ? [f, `${path}.svg`] : [f])), ...(json ? ['--json'] : [])];
          const code = await runCli(argv, { stdout: (x) => (out += x), stderr: (x) => (err += x) });
          expect([0, 2]).toContain(code);
          if (code === 2) {
            // One line, or a library report of several errors: its header line, then one indented line per error.
            const lines = err.trimEnd().split('\n');
            if (lines.length > 1) expect(lines[0]).toMatch(/ errors:$/);
            expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
            expect(err).not.toMatch(/\n\s+at /);
            expect(out).toBe('');
          } else {
            expect(err).toBe('');
            if (json) expect(() => JSON.parse(out)).not.toThrow();
          }
        }),
        { numRuns: Math.max(25, Math.ceil(SLOW_RUNS / 2)) },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

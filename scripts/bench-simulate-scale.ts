/**
 * `simulate` on an overloaded system at growing sizes (issue 15): Poisson
 * arrivals at twice the capacity of 16 devices (12 edge, 4 cloud), MCT at
 * each arrival (and Min-Min in batch mode), execution noise 0.1 and slowed
 * devices so that every completion changes a learnt ratio and re-times a
 * device's queue. Reports wall and CPU seconds, events per CPU second and
 * the CPU cost per event relative to the smallest size (a logarithmic per-event cost keeps that
 * ratio near 1; a linear one grows with the pending tasks). With
 * `--reference` it also times the plain step-by-step version
 * (test/online/simulateReference.ts) at the sizes it can finish. Each case
 * runs in a child process of its own with a wall-clock cap. Writes
 * bench/SIMULATE.md.
 *
 *   npx tsx scripts/bench-simulate-scale.ts [--cap 120] [--sizes 20000,50000,100000,200000] [--reference 2000,5000,10000] [--out bench/SIMULATE.md]
 *
 * Not part of the test suite (a minute or more). The machine may be shared:
 * the header records its load average at the start and the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SimDevice, SimTask, SimulationPolicy } from '../src/online/simulationTypes.js';
import { scriptArgs } from './scriptArgs.js';

/** 12 edge devices (speeds 1, 1.5, 2, 2.5, the slower half running 1.3× slower than nominal) and 4 clouds (speed 8, latency 0.5). */
const DEVICES: readonly SimDevice[] = [
  ...Array.from({ length: 12 }, (_, j): SimDevice => ({ id: `edge-${j}`, tier: 'edge', speed: 1 + 0.5 * (j % 4), latency: 0.05, bandwidth: 50, slowdown: j % 2 === 0 ? 1.3 : 1 })),
  ...Array.from({ length: 4 }, (_, j): SimDevice => ({ id: `cloud-${j}`, tier: 'cloud', speed: 8, latency: 0.5, bandwidth: 20 })),
];
/** Work 2..8 (mean 5), some data, a deadline. */
const TEMPLATES: readonly SimTask[] = [2, 3, 4, 5, 6, 7, 8].map((work) => ({ work, dataSize: work / 2, deadline: 40 }));
const CAPACITY = DEVICES.reduce((s, d) => s + d.speed, 0); // work units per time unit (nominal)
const RATE = (2 * CAPACITY) / 5; // arrivals per time unit: twice what the devices can serve
const POLICIES: Record<string, SimulationPolicy> = {
  mct: { strategy: 'mct' },
  'min-min batch 1': { strategy: 'min-min', batchInterval: 1 },
};

interface ChildOut {
  readonly ms: number;
  /** CPU time of the process during the run (user + system), less sensitive than wall time to other jobs. */
  readonly cpuMs: number;
  readonly events: number;
  readonly pendingMax: number;
  readonly makespan: number;
}

/** Child mode: run one case, print its time and event count as JSON. */
async function child(spec: string): Promise<void> {
  const c = JSON.parse(spec) as { impl: 'fast' | 'reference'; policy: string; arrivals: number };
  const run = c.impl === 'fast' ? (await import('../src/online/simulate.js')).simulate : (await import('../test/online/simulateReference.js')).simulateReference;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = run({ kind: 'poisson', rate: RATE, count: c.arrivals, tasks: TEMPLATES }, DEVICES, POLICIES[c.policy]!, { seed: 15, execNoise: 0.1, recordEvents: false });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  // Pending tasks at the last arrival: arrived and not finished by then.
  const last = r.arrivals[r.arrivals.length - 1] ?? 0;
  let pendingMax = 0;
  for (const s of r.schedule.tasks) if (s.finish > last) pendingMax++;
  const out: ChildOut = { ms, cpuMs, events: r.metrics.events, pendingMax, makespan: r.metrics.makespan };
  console.log(JSON.stringify(out));
}

function runCase(spec: object, capS: number): ChildOut | string {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', self, '--child', JSON.stringify(spec)], { encoding: 'utf8', timeout: capS * 1000 });
  if (r.error !== undefined || r.status !== 0) {
    if (r.signal === 'SIGTERM') return `> ${capS} s (stopped)`;
    return `failed: ${(r.stderr || String(r.error)).split('\n')[0]}`;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildOut;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!);
  const arg = scriptArgs(argv).value;
  const cap = Number(arg('--cap', '120'));
  const sizes = arg('--sizes', '20000,50000,100000,200000').split(',').map(Number);
  const refSizes = arg('--reference', '').split(',').filter((s) => s !== '').map(Number);
  const out = arg('--out', 'bench/SIMULATE.md');
  const load0 = loadavg()[0]!.toFixed(1);
  const rows: string[] = [];
  for (const policy of Object.keys(POLICIES)) {
    for (const [impl, list] of [['reference', refSizes], ['fast', sizes]] as const) {
      let base: number | undefined;
      let prev: ChildOut | undefined;
      for (const arrivals of list) {
        const o = runCase({ impl, policy, arrivals }, cap);
        const name = impl === 'fast' ? '`simulate`' : 'reference (step by step)';
        if (typeof o === 'string') {
          console.error(`${policy} ${impl} ${arrivals}: ${o}`);
          rows.push(`| ${policy} | ${name} | ${arrivals.toLocaleString('en')} | ${o} | | | | | | |`);
          continue;
        }
        const perEvent = (o.cpuMs * 1000) / o.events; // CPU µs
        base ??= perEvent;
        // Extra CPU time over the previous size per extra event: the fixed costs (JIT warm-up) cancel.
        const marginal = prev === undefined || o.events <= prev.events ? '' : (((o.cpuMs - prev.cpuMs) * 1000) / (o.events - prev.events)).toFixed(2);
        prev = o;
        const line = `| ${policy} | ${name} | ${arrivals.toLocaleString('en')} | ${(o.ms / 1000).toFixed(2)} | ${(o.cpuMs / 1000).toFixed(2)} | ${o.events.toLocaleString('en')} | ${Math.round(o.events / (o.cpuMs / 1000)).toLocaleString('en')} | ${perEvent.toFixed(2)} (${(perEvent / base).toFixed(2)}×) | ${marginal} | ${o.pendingMax.toLocaleString('en')} |`;
        console.error(line);
        rows.push(line);
      }
    }
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const lines = [
    '# `simulate` on an overloaded system',
    '',
    `Written by \`npx tsx scripts/bench-simulate-scale.ts\` on ${new Date().toISOString().slice(0, 16)}Z at commit ${commit}; ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. The machine was shared with other jobs (load average ${load0} at the start, ${loadavg()[0]!.toFixed(1)} at the end): times are wall-clock for one run each, each in its own process, stopped after ${cap} s.`,
    '',
    `Workload: 16 devices (12 edge of speeds 1-2.5, half of them 1.3× slower than nominal; 4 clouds of speed 8, latency 0.5), total nominal speed ${CAPACITY}; Poisson arrivals at rate ${RATE} (twice the capacity) of tasks with work 2-8 (mean 5) and data; execution noise 0.1 (seed 15), so every completion moves a learnt ratio; events not recorded. "Pending at the last arrival" counts the tasks arrived and not yet finished then (the queue the per-event cost must not depend on linearly). Wall time counts the waits for a shared core; CPU time (user + system of the child process) is the work done, and the per-event cost is CPU time ÷ events, with its factor relative to the smallest size of the same row group (a per-event cost logarithmic in the pending tasks keeps it near 1; a linear one grows with them). The marginal cost is the extra CPU time over the previous size ÷ the extra events: the fixed costs (JIT warm-up) cancel. Here every completion moves a learnt ratio, so \`simulate\` re-times the device's whole queue behind it (bit for bit \`complete\`'s semantics, which round each queued task's time one at a time): that part of the per-event cost grows with the pending tasks, one multiply-add per queued task; without noise (bench/SCALE.md) the re-timing resumes where the previous one stopped and the per-event cost is flat.`,
    '',
    '| policy | implementation | arrivals | wall s | CPU s | events | events per CPU s | CPU µs per event (× smallest) | marginal CPU µs per event | pending at the last arrival |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
  writeFileSync(out, lines.join('\n'));
  console.error(`wrote ${out}`);
}

await main();

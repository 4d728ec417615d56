/**
 * Scale runs (issue 15): every list heuristic through `solve` (trace off)
 * at 100 000 tasks × 16 devices and 20 000 × 64, consistent and
 * inconsistent ETC matrices from `generateEtc` (hihi, fixed seeds), and
 * `simulate` on an overloaded system (arrival rate above capacity). Each
 * case runs in a child process of its own with a wall-clock cap, so one
 * slow case neither stops the others nor inherits their garbage; the child
 * reports its time and its peak resident memory. Writes bench/SCALE.md.
 *
 *   npx tsx scripts/bench-scale.ts [--cap 60] [--only min-min,mct,simulate] [--arrivals 20000,50000,100000,200000] [--out bench/SCALE.md]
 *
 * With `--only simulate` the solve table of the existing output file is kept
 * and only its `simulate` section is rewritten.
 *
 * Not part of the test suite (minutes). The machine may be shared: the
 * header records its load average at the start and the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from './scriptArgs.js';

const HEURISTICS = ['seed', 'olb', 'met', 'mct', 'min-min', 'max-min', 'duplex', 'sufferage', 'sufferage-greedy'] as const;
const SHAPES = [
  { tasks: 100_000, machines: 16, consistency: 'inconsistent' },
  { tasks: 100_000, machines: 16, consistency: 'consistent' },
  { tasks: 20_000, machines: 64, consistency: 'inconsistent' },
  { tasks: 20_000, machines: 64, consistency: 'consistent' },
] as const;

/** Child mode: run one case, print `{ms, rssMb, result}` as JSON. */
async function child(spec: string): Promise<void> {
  const c = JSON.parse(spec) as { kind: 'solve'; strategy: string; tasks: number; machines: number; consistency: string } | { kind: 'simulate'; arrivals: number };
  if (c.kind === 'solve') {
    const { generateEtc } = await import('../src/problem/generate.js');
    const { solve } = await import('../src/solvers/solve.js');
    const p = generateEtc({ tasks: c.tasks, machines: c.machines, consistency: c.consistency as 'consistent', seed: 15 });
    const t = performance.now();
    const s = solve(p, { strategy: c.strategy as 'mct', trace: false });
    const ms = performance.now() - t;
    console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, result: s.makespan }));
  } else {
    const { simulate } = await import('../src/online/simulate.js');
    // Two devices of total speed 3 work units per time unit; arrivals at rate 1 with mean work 5: overloaded.
    const tasks = [2, 3, 4, 5, 6, 7, 8].map((work) => ({ work, dataSize: 1 }));
    const cpu = process.cpuUsage();
    const t = performance.now();
    const r = simulate({ kind: 'poisson', rate: 1, count: c.arrivals, tasks }, [
      { id: 'edge', tier: 'edge', speed: 1 },
      { id: 'cloud', tier: 'cloud', speed: 2, latency: 0.1, bandwidth: 10 },
    ], { strategy: 'mct' }, { seed: 1, recordEvents: false });
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    // Pending at the last arrival: arrived and not finished by then (the queue a per-event cost must not grow with).
    const last = r.arrivals[r.arrivals.length - 1] ?? 0;
    let pending = 0;
    for (const s of r.schedule.tasks) if (s.finish > last) pending++;
    console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, events: r.metrics.events, pending, rssMb: process.resourceUsage().maxRSS / 1024, result: r.metrics.makespan }));
  }
}

/** One `simulate` size as a table row: wall and CPU time, events, CPU µs per event and its factor over the first size, pending tasks, memory. */
function simulateRow(arrivals: number, capS: number, base: { perEvent?: number; cpuMs?: number; events?: number }): string {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', self, '--child', JSON.stringify({ kind: 'simulate', arrivals })], { encoding: 'utf8', timeout: capS * 1000 });
  const name = arrivals.toLocaleString('en');
  if (r.error !== undefined || r.status !== 0) return `| ${name} | ${r.signal === 'SIGTERM' ? `> ${capS} s (stopped)` : 'failed'} | | | | | | |`;
  const o = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; events: number; pending: number; rssMb: number };
  const perEvent = (o.cpuMs * 1000) / o.events;
  base.perEvent ??= perEvent;
  // The extra CPU time over the previous size per extra event: the fixed costs (JIT warm-up) cancel.
  const marginal = base.cpuMs === undefined || base.events === undefined || o.events <= base.events ? '' : (((o.cpuMs - base.cpuMs) * 1000) / (o.events - base.events)).toFixed(2);
  base.cpuMs = o.cpuMs;
  base.events = o.events;
  return `| ${name} | ${(o.ms / 1000).toFixed(2)} | ${(o.cpuMs / 1000).toFixed(2)} | ${o.events.toLocaleString('en')} | ${perEvent.toFixed(2)} (${(perEvent / base.perEvent).toFixed(2)}×) | ${marginal} | ${o.pending.toLocaleString('en')} | ${Math.round(o.rssMb)} |`;
}

interface Outcome {
  readonly label: string;
  readonly cell: string;
}

function runCase(spec: object, capS: number): string {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', self, '--child', JSON.stringify(spec)], { encoding: 'utf8', timeout: capS * 1000 });
  if (r.error !== undefined || r.status !== 0) {
    if (r.signal === 'SIGTERM') return `> ${capS} s (stopped)`;
    return `failed: ${(r.stderr || String(r.error)).split('\n')[0]}`;
  }
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; rssMb: number };
  return `${(out.ms / 1000).toFixed(2)} s, ${Math.round(out.rssMb)} MB`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!);
  const arg = scriptArgs(argv).value;
  const cap = Number(arg('--cap', '60'));
  const only = arg('--only', [...HEURISTICS, 'simulate'].join(',')).split(',');
  const out = arg('--out', 'bench/SCALE.md');
  const load0 = loadavg()[0]!.toFixed(1);
  const rows: Outcome[][] = [];
  for (const strategy of HEURISTICS.filter((h) => only.includes(h))) {
    const row: Outcome[] = [];
    for (const s of SHAPES) {
      const cell = runCase({ kind: 'solve', strategy, ...s }, cap);
      console.error(`${strategy} ${s.tasks}×${s.machines} ${s.consistency}: ${cell}`);
      row.push({ label: strategy, cell });
    }
    rows.push(row);
  }
  const sims: string[] = [];
  if (only.includes('simulate')) {
    const base: { perEvent?: number; cpuMs?: number; events?: number } = {};
    for (const arrivals of arg('--arrivals', '20000,50000,100000,200000').split(',').map(Number)) {
      const row = simulateRow(arrivals, cap, base);
      console.error(row);
      sims.push(row);
    }
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const lines = [
    '# Scale runs',
    '',
    `Written by \`npx tsx scripts/bench-scale.ts\` on ${new Date().toISOString().slice(0, 16)}Z at commit ${commit}; ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. The machine was shared with other jobs (load average ${load0} at the start, ${loadavg()[0]!.toFixed(1)} at the end): times are wall-clock for one run each and can be several times the unloaded ones.`,
    '',
    `\`solve(problem, {strategy, trace: false})\` end to end (validation, compilation, the strategy, evaluation, the bound) on \`generateEtc\` matrices (hihi, seed 15); peak resident memory of the process that built the problem and ran it; each case in its own process, stopped after ${cap} s.`,
    '',
    `| strategy | ${SHAPES.map((s) => `${s.tasks.toLocaleString('en')}×${s.machines} ${s.consistency}`).join(' | ')} |`,
    `|---|${SHAPES.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r[0]!.label} | ${r.map((o) => o.cell).join(' | ')} |`),
    '',
  ];
  const simulateLines = [
    `\`simulate\` on an overloaded system (this section run on ${new Date().toISOString().slice(0, 16)}Z at commit ${commit}, load average ${load0} at the start; Poisson arrivals at rate 1, work drawn from {2, …, 8} (mean 5), two devices of total speed 3, MCT at each arrival, no execution noise, events not recorded); "pending" counts the tasks arrived and not finished at the last arrival. CPU time (user + system of the child process) is the work done; the CPU cost per event, with its factor over the smallest size, stays flat when the per-event cost does not grow with the pending tasks; the marginal cost (extra CPU time over the previous size ÷ extra events) leaves out the fixed costs such as the JIT warm-up, and grows in proportion to the pending tasks when the per-event cost is linear in them:`,
    '',
    '| arrivals | wall s | CPU s | events | CPU µs per event (× smallest) | marginal CPU µs per event | pending at the last arrival | peak MB |',
    '|---|---|---|---|---|---|---|---|',
    ...sims,
    '',
  ];
  if (sims.length > 0) lines.push(...simulateLines);
  // Only simulate run: keep the solve table of the existing file, replace its simulate section.
  if (rows.length === 0 && sims.length > 0 && existsSync(out)) {
    const old = readFileSync(out, 'utf8');
    const at = old.indexOf('`simulate` on an overloaded system');
    lines.splice(0, lines.length, ...(at < 0 ? old : old.slice(0, at)).trimEnd().split('\n'), '', ...simulateLines);
  }
  writeFileSync(out, lines.join('\n'));
  console.error(`wrote ${out}`);
}

await main();

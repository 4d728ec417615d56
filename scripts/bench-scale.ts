/**
 * Scale runs (issue 15): every list heuristic through `solve` (trace off)
 * at 100 000 tasks × 16 devices and 20 000 × 64, consistent and
 * inconsistent ETC matrices from `generateEtc` (hihi, fixed seeds), and
 * `simulate` on an overloaded system (arrival rate above capacity). Each
 * case runs in a child process of its own with a wall-clock cap, so one
 * slow case neither stops the others nor inherits their garbage; the child
 * reports its time and its peak resident memory. Writes bench/SCALE.md.
 *
 *   npx tsx scripts/bench-scale.ts [--cap 60] [--only min-min,mct] [--out bench/SCALE.md]
 *
 * Not part of the test suite (minutes). The machine may be shared: the
 * header records its load average at the start and the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

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
    const t = performance.now();
    const tasks = [2, 3, 4, 5, 6, 7, 8].map((work) => ({ work, dataSize: 1 }));
    const r = simulate({ kind: 'poisson', rate: 1, count: c.arrivals, tasks }, [
      { id: 'edge', tier: 'edge', speed: 1 },
      { id: 'cloud', tier: 'cloud', speed: 2, latency: 0.1, bandwidth: 10 },
    ], { strategy: 'mct' }, { seed: 1, recordEvents: false });
    const ms = performance.now() - t;
    console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, result: r.metrics.makespan }));
  }
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
  const arg = (name: string, dflt: string): string => {
    const k = argv.indexOf(name);
    return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : dflt;
  };
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
    for (const arrivals of [20_000, 200_000]) {
      const cell = runCase({ kind: 'simulate', arrivals }, cap);
      console.error(`simulate ${arrivals}: ${cell}`);
      sims.push(`| ${arrivals.toLocaleString('en')} arrivals | ${cell} |`);
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
  if (sims.length > 0) {
    lines.push(
      '`simulate` on an overloaded system (Poisson arrivals at rate 1, work drawn from {2, …, 8} (mean 5), two devices of total speed 3, MCT batches at each arrival, events not recorded):',
      '',
      '| workload | time, peak memory |',
      '|---|---|',
      ...sims,
      '',
    );
  }
  writeFileSync(out, lines.join('\n'));
  console.error(`wrote ${out}`);
}

await main();

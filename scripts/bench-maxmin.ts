/**
 * Max-Min and Duplex speed (issue 15), measured as ratios in one run:
 * `solve(p, {strategy, trace: false})` end to end ÷ the plain O(n²·m)
 * Min-Min full-rescan loop (the baseline of bench/heuristics.bench.ts) on
 * the same compiled matrix, interleaved round by round (medians), on the 12
 * Braun instances (512×16) and generated 8192×256 matrices (minimum over
 * rounds by default, the steadiest under load; STAT=median for medians;
 * CLOCK=cpu for process CPU time instead of wall-clock); also the
 * previous incremental Max-Min loop (`incrementalMaxMin`) for a before/after
 * ratio.
 *
 * With many tasks on few devices (20 000×16, where `'max-min'` runs the k-d
 * tree search, `kdMaxMin`), its time ÷ the column read's (`lazyMaxMin`, what
 * ran there before), interleaved, --big-rounds rounds.
 *
 *   npx tsx scripts/bench-maxmin.ts [--rounds 15] [--big-rounds 2] [--skip-big] [--skip-braun] [--skip-large]
 *
 * Not part of the test suite. The machine may be shared: compare ratios.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseHcsp } from '../src/io/hcsp.js';
import { compileProblem } from '../src/problem/compile.js';
import { generateEtc } from '../src/problem/generate.js';
import type { Problem } from '../src/problem/types.js';
import { lazyMaxMin } from '../src/solvers/heuristics/lazyMaxMin.js';
import { incrementalMaxMin, maxMinRun } from '../src/solvers/heuristics/maxMinLoops.js';
import type { StrategyContext } from '../src/solvers/registry.js';
import { solve } from '../src/solvers/solve.js';
import { minMinFullRescan } from '../bench/baselines.js';

const BRAUN = ['u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0', 'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0', 'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0'];

let sink = 0;

/** Wall-clock ms, or with CLOCK=cpu this process's CPU ms (steadier when other jobs share the cores). */
function time(f: () => void): number {
  if (process.env.CLOCK === 'cpu') {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  }
  const t = performance.now();
  f();
  return performance.now() - t;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

interface Row {
  label: string;
  base: number;
  ratios: Record<string, number>;
}

function measure(label: string, p: Problem, rounds: number): Row {
  const cp = compileProblem(p);
  const ctx: StrategyContext = { cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false };
  const cases: Record<string, () => void> = {
    base: () => (sink += minMinFullRescan(cp)),
    'max-min': () => (sink += solve(p, { strategy: 'max-min', trace: false }).makespan),
    duplex: () => (sink += solve(p, { strategy: 'duplex', trace: false }).makespan),
    'min-min': () => (sink += solve(p, { strategy: 'min-min', trace: false }).makespan),
    'old max-min loop': () => (sink += incrementalMaxMin(ctx).assignment[0]!),
  };
  const t: Record<string, number[]> = {};
  for (const k of Object.keys(cases)) t[k] = [];
  for (let r = 0; r < rounds + 1; r++) {
    for (const [k, f] of Object.entries(cases)) {
      const ms = time(f);
      if (r > 0) t[k]!.push(ms); // round 0 warms up
    }
  }
  // Under load the minimum is the steadiest statistic; STAT=median for medians.
  const stat = process.env.STAT === 'median' ? median : (xs: number[]): number => Math.min(...xs);
  const base = stat(t.base!);
  const ratios: Record<string, number> = {};
  for (const k of Object.keys(cases)) if (k !== 'base') ratios[k] = stat(t[k]!) / base;
  return { label, base, ratios };
}

function print(r: Row): void {
  const cells = Object.entries(r.ratios).map(([k, v]) => `${k} ${v.toFixed(3)}`);
  console.log(`${r.label.padEnd(28)} base ${r.base.toFixed(2)} ms | ${cells.join(' | ')}`);
}

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const k = argv.indexOf(name);
  return k >= 0 ? Number(argv[k + 1]) : dflt;
};
console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
const rows: Row[] = [];
for (const name of argv.includes('--skip-braun') ? [] : BRAUN) {
  const p = parseHcsp(readFileSync(new URL(`../data/hcsp/${name}`, import.meta.url), 'utf8'));
  const r = measure(name, p, arg('--rounds', 15));
  rows.push(r);
  print(r);
}
for (const k of rows.length > 0 ? ['max-min', 'duplex', 'min-min', 'old max-min loop'] : []) {
  const xs = rows.map((r) => r.ratios[k]!);
  console.log(`Braun ${k}: worst ${Math.max(...xs).toFixed(3)}, median ${median(xs).toFixed(3)}`);
}
if (!argv.includes('--skip-big')) {
  for (const consistency of ['consistent', 'inconsistent'] as const) {
    const p = generateEtc({ tasks: 8192, machines: 256, consistency, seed: 2 });
    print(measure(`8192×256 ${consistency}`, p, arg('--big-rounds', 2)));
  }
}
if (!argv.includes('--skip-large')) {
  for (const consistency of ['consistent', 'inconsistent'] as const) {
    const cp = compileProblem(generateEtc({ tasks: 20_000, machines: 16, consistency, seed: 15 }));
    const ctx: StrategyContext = { cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false };
    const kd: number[] = [];
    const column: number[] = [];
    for (let r = 0; r < arg('--big-rounds', 2); r++) {
      kd.push(time(() => (sink += maxMinRun(ctx).order[0]!)));
      column.push(time(() => (sink += lazyMaxMin(ctx)!.order[0]!)));
    }
    const a = Math.min(...kd);
    const b = Math.min(...column);
    console.log(`20000×16 ${consistency}: max-min loop (k-d) ${a.toFixed(0)} ms, column read ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(3)}`);
  }
}
console.log(`load average ${loadavg()[0]!.toFixed(1)} (sink ${sink > 0})`);

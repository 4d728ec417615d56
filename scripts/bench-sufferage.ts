/**
 * Sufferage speed against the plain Min-Min full-rescan loop (issue 15),
 * measured in one run, interleaved: for each of the 12 Braun instances,
 * rounds of (plain loop, `solve(p, {strategy, trace: false})`, the strategy
 * alone) after two warm-up rounds, and the median of each; ratios are
 * medians over medians. With `--big`, the generated 8192×256 consistent
 * and inconsistent instances (seed 2; one round each, no warm-up: the plain
 * loop takes tens of seconds).
 *
 *   [CLOCK=cpu] npx tsx scripts/bench-sufferage.ts [--rounds 15] [--big] [--strategy sufferage]
 *
 * CLOCK=cpu times with this process's CPU time instead of the wall clock.
 *
 * Not part of the test suite.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseHcsp } from '../src/io/hcsp.js';
import { compileProblem } from '../src/problem/compile.js';
import { generateEtc } from '../src/problem/generate.js';
import type { Problem } from '../src/problem/types.js';
import type { StrategyContext } from '../src/solvers/registry.js';
import { solve } from '../src/solvers/solve.js';
import { STRATEGIES, type StrategyName } from '../src/solvers/strategies.js';
import { minMinFullRescan } from '../bench/baselines.js';
import { scriptArgs } from './scriptArgs.js';

const { argv: args, value: arg } = scriptArgs();
const ROUNDS = Number(arg('--rounds', '15'));
const STRATEGY = arg('--strategy', 'sufferage') as StrategyName;
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

function measure(label: string, p: Problem, rounds: number): { plain: number; solve: number; run: number } {
  const cp = compileProblem(p);
  const ctx: StrategyContext = { cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false };
  const plain: number[] = [];
  const sol: number[] = [];
  const run: number[] = [];
  for (let r = 0; r < rounds + 2; r++) {
    const a = time(() => (sink += minMinFullRescan(cp)));
    const b = time(() => (sink += solve(p, { strategy: STRATEGY, trace: false }).makespan));
    const c = time(() => (sink += STRATEGIES[STRATEGY].run(ctx).assignment[0]!));
    if (r >= 2) {
      plain.push(a);
      sol.push(b);
      run.push(c);
    }
  }
  const res = { plain: median(plain), solve: median(sol), run: median(run) };
  console.log(`| ${label} | ${res.plain.toFixed(3)} | ${res.solve.toFixed(3)} | ${res.run.toFixed(3)} | ${(res.solve / res.plain).toFixed(3)} |`);
  return res;
}

console.log(`${STRATEGY}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}, ${ROUNDS} rounds`);
console.log('| case | plain ms | solve ms | run ms | solve / plain |');
console.log('|---|---|---|---|---|');
const ratios: number[] = [];
for (const name of BRAUN) {
  const p = parseHcsp(readFileSync(new URL(`../data/hcsp/${name}`, import.meta.url), 'utf8'));
  const r = measure(name, p, ROUNDS);
  ratios.push(r.solve / r.plain);
}
console.log(`Braun worst ${Math.max(...ratios).toFixed(3)}, median ${median(ratios).toFixed(3)}`);
if (args.includes('--big')) {
  for (const consistency of ['consistent', 'inconsistent'] as const) {
    measure(`8192×256 ${consistency}`, generateEtc({ tasks: 8192, machines: 256, consistency, seed: 2 }), 1);
  }
}
if (sink === 0.5) console.log(sink);

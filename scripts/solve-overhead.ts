/**
 * Same-run A/B of `solve(p, {strategy, trace: false})` end to end against one
 * pass over the matrix (issue 15: OLB, MET, MCT and the article's rule 'seed'
 * ≤ 10× that pass on each of the 12 Braun instances, 512×16, data/hcsp).
 *
 * The baseline is the `baseline: one pass over the matrix` of
 * bench/heuristics.bench.ts (row minima of transfer + exec on the compiled
 * problem). Every round visits the 12 instances, and within each instance the
 * baseline and the four strategies, in a rotated order (interleaved, so a
 * burst of load on the shared machine hits every case alike); each visit times
 * a batch of calls. Per instance the ratio is median(solve) / median(baseline)
 * of that instance; the report gives, per strategy, the median and the worst
 * ratio over the 12 instances, and which instance is worst.
 *
 * Cold calls: the first call of each (instance, strategy) in this process is
 * timed on its own before any warm-up and reported apart (the JIT is still
 * compiling then), so one can tell whether a worst case is a cold instance
 * or a consistent class.
 *
 * `--stages` also times the stages of solve separately (compile, strategy,
 * evaluate, lower bound) on the compiled problem, for profiling.
 *
 *   npx tsx scripts/solve-overhead.ts [--rounds 40] [--stages]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseHcsp } from '../src/io/hcsp.js';
import { compileProblem, compileScanned } from '../src/problem/compile.js';
import type { CompiledProblem, Problem } from '../src/problem/types.js';
import { evaluateCompiled } from '../src/schedule/evaluate.js';
import { lowerBoundCompiled } from '../src/schedule/lowerBound.js';
import { solve } from '../src/solvers/solve.js';
import { STRATEGIES, type StrategyName } from '../src/solvers/strategies.js';
import { onePass } from '../bench/baselines.js';

const BRAUN = ['u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0', 'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0', 'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0'];
const STRATS: readonly StrategyName[] = ['olb', 'met', 'mct', 'seed'];

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const ROUNDS = flag('--rounds', 40);
const STAGES = args.includes('--stages');

let sink = 0;

/** Milliseconds per call of `f`, over a batch of `reps` calls. */
function time(f: () => void, reps: number): number {
  const t = performance.now();
  for (let r = 0; r < reps; r++) f();
  return (performance.now() - t) / reps;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

interface Instance {
  readonly name: string;
  readonly problem: Problem;
  readonly cp: CompiledProblem;
}

const instances: Instance[] = BRAUN.map((name) => {
  const problem = parseHcsp(readFileSync(new URL(`../data/hcsp/${name}`, import.meta.url), 'utf8'));
  return { name, problem, cp: compileProblem(problem) };
});

const load0 = loadavg()[0]!;
// Cold: the first call of each (instance, strategy), instances in file order.
const cold = new Map<string, number>();
for (const inst of instances) {
  for (const s of STRATS) cold.set(`${inst.name} ${s}`, time(() => void (sink += solve(inst.problem, { strategy: s, trace: false }).makespan), 1));
}
const coldBase = instances.map((inst) => time(() => void (sink += onePass(inst.cp)), 1));

// Warm-up.
for (let w = 0; w < 200; w++) {
  for (const inst of instances) {
    sink += onePass(inst.cp);
    for (const s of STRATS) sink += solve(inst.problem, { strategy: s, trace: false }).makespan;
  }
}

const CASES = ['baseline', ...STRATS] as const;
type CaseName = (typeof CASES)[number];
const samples = new Map<string, number[]>();
const push = (key: string, v: number): void => {
  const a = samples.get(key);
  if (a === undefined) samples.set(key, [v]);
  else a.push(v);
};
for (let round = 0; round < ROUNDS; round++) {
  for (let q = 0; q < instances.length; q++) {
    const inst = instances[(q + round) % instances.length]!;
    for (let c = 0; c < CASES.length; c++) {
      const name: CaseName = CASES[(c + round) % CASES.length]!;
      const ms =
        name === 'baseline'
          ? time(() => void (sink += onePass(inst.cp)), 100)
          : time(() => void (sink += solve(inst.problem, { strategy: name, trace: false }).makespan), 10);
      push(`${inst.name} ${name}`, ms);
    }
  }
}

const us = (ms: number): string => (ms * 1000).toFixed(1);
console.log(`solve end to end ÷ one pass over the matrix, 12 Braun instances 512×16, ${ROUNDS} interleaved rounds (load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}, Node ${process.version})`);
console.log('');
console.log(`| instance | one pass (µs) | ${STRATS.map((s) => `${s} (µs, ratio)`).join(' | ')} |`);
console.log(`|---|---:|${STRATS.map(() => '---:').join('|')}|`);
const ratios = new Map<StrategyName, { name: string; r: number }[]>(STRATS.map((s) => [s, []]));
for (const inst of instances) {
  const base = median(samples.get(`${inst.name} baseline`)!);
  const cells = STRATS.map((s) => {
    const t = median(samples.get(`${inst.name} ${s}`)!);
    ratios.get(s)!.push({ name: inst.name, r: t / base });
    return `${us(t)} (${(t / base).toFixed(2)})`;
  });
  console.log(`| ${inst.name} | ${us(base)} | ${cells.join(' | ')} |`);
}
console.log('');
console.log('| strategy | median ratio | worst ratio | worst instance |');
console.log('|---|---:|---:|---|');
for (const s of STRATS) {
  const rs = ratios.get(s)!;
  const worst = rs.reduce((a, b) => (b.r > a.r ? b : a));
  console.log(`| ${s} | ${median(rs.map((x) => x.r)).toFixed(2)} | ${worst.r.toFixed(2)} | ${worst.name} |`);
}
console.log('');
console.log(`Cold (first call of each pair in this process, instances in file order; µs): baseline first call ${us(coldBase[0]!)}, later ${us(median(coldBase.slice(1)))}`);
for (const s of STRATS) {
  const row = instances.map((inst) => us(cold.get(`${inst.name} ${s}`)!));
  console.log(`  ${s}: ${row.join(', ')}`);
}

if (STAGES) {
  // The stages of solve on one instance per consistency class, each timed alone (warm).
  console.log('');
  console.log('| instance | stage | µs |');
  console.log('|---|---|---:|');
  for (const inst of [instances[0]!, instances[4]!, instances[8]!]) {
    const { cp, scan } = compileScanned('solve', inst.problem);
    const stage = (label: string, f: () => void): void => {
      const xs: number[] = [];
      for (let r = 0; r < 30; r++) xs.push(time(f, 20));
      console.log(`| ${inst.name} | ${label} | ${us(median(xs))} |`);
    };
    stage('one pass (baseline)', () => void (sink += onePass(cp)));
    stage('compileScanned', () => void (sink += compileScanned('solve', inst.problem).cp.n));
    for (const s of STRATS) {
      const ctx = { cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false } as const;
      const res = STRATEGIES[s].run(ctx);
      stage(`${s}: strategy`, () => void (sink += STRATEGIES[s].run(ctx).assignment[0]!));
      stage(`${s}: evaluateCompiled`, () => void (sink += evaluateCompiled(cp, res.assignment, 'sequential', res.order).metrics.makespan));
      stage(`${s}: solve`, () => void (sink += solve(inst.problem, { strategy: s, trace: false }).makespan));
    }
    stage('lowerBoundCompiled', () => void (sink += lowerBoundCompiled(cp, 'sequential', scan)));
  }
}
if (sink === 42) console.log('');

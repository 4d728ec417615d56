/**
 * The makespan search on the 12 Braun et al. (2001) instances: Min-Min, the
 * 'local-search' strategy with a time budget, and the LP lower bound
 * (makespanLpBound, needs `highs`); prints a markdown table with the gaps
 * (makespan − LP) / LP. Goals: within 1% in at most 10 s each (issue 5),
 * within 0.5% (issue 15). The header gives the load average at the start
 * and the end (the machine may be shared: the time limit then buys less).
 *
 *   npx tsx scripts/local-search-braun.ts [--ms 10000] [--seed 0] [--only u_c_hihi.0,...]
 *
 * Not part of the test suite (12 × 10 s).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseHcsp } from '../src/io/hcsp.js';
import { makespanLpBound } from '../src/solvers/search/makespanLpBound.js';
import { solve } from '../src/solvers/solve.js';
import { scriptArgs } from './scriptArgs.js';

const { argv, value: arg } = scriptArgs();
const ms = Number(arg('--ms', '10000'));
const seed = Number(arg('--seed', '0'));
const all = ['u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0', 'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0', 'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0'];
const names = arg('--only', all.join(',')).split(',');

const load = (): string => loadavg().map((x) => x.toFixed(1)).join(', ');
console.log(`local-search, timeLimitMs ${ms}, seed ${seed}; ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z; load average ${load()}`);
console.log('');
console.log('| instance | LP bound | Min-Min | gap | local-search | gap | time s | stopped |');
console.log('|---|---|---|---|---|---|---|---|');
let within = 0;
let withinHalf = 0;
for (const name of names) {
  const p = parseHcsp(readFileSync(new URL(`../data/hcsp/${name}`, import.meta.url), 'utf8'));
  const lp = await makespanLpBound(p);
  const mm = solve(p, { strategy: 'min-min', trace: false });
  const t0 = performance.now();
  const ls = solve(p, { strategy: 'local-search', timeLimitMs: ms, seed, trace: false, maxIterations: 1e9 });
  const secs = (performance.now() - t0) / 1000;
  const gap = (ls.makespan - lp) / lp;
  if (gap <= 0.01) within++;
  if (gap <= 0.005) withinHalf++;
  const pct = (v: number): string => `${(100 * v).toFixed(2)}%`;
  const iters = ls.stoppedEarly ? 'time limit' : 'converged';
  console.log(`| ${name} | ${lp.toFixed(1)} | ${mm.makespan.toFixed(1)} | ${pct((mm.makespan - lp) / lp)} | ${ls.makespan.toFixed(1)} | ${pct(gap)} | ${secs.toFixed(1)} | ${iters} |`);
}
console.log('');
console.log(`${within} of ${names.length} within 1% of the LP bound, ${withinHalf} within 0.5%; load average at the end ${load()}.`);

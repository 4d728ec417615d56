/**
 * A per-device skip rule for batch Sufferage, measured against
 * `runSufferage` (issue 15; not kept in `src/`, see bench/SUFFERAGE.md).
 * Each task keeps the K devices fastest at its last row scan and the
 * (K+1)-th time as a lower bound on the others (times only grow). Each
 * pass re-times the K kept devices of every unmapped task: when the
 * smallest is strictly below the bound, the best device is known exactly;
 * when the second is below it too (or nothing lies outside the kept set),
 * so is the sufferage and the task claims at once. When only the best is
 * known, the sufferage lies in [bound − best, kept second − best]: the task
 * waits, and after every exact claim it is rescanned only if that upper
 * bound can still beat (or tie with a lower index) the holder of its best
 * device; otherwise it stays stale (its kept set and bound stay valid).
 * When the best is not known, the row is scanned. The holder of a device
 * is the highest sufferage, lowest index among the tasks whose best it is,
 * which does not depend on the order the tasks are examined in. Checked
 * against `runSufferage` (same assignment and mapping order) on every case
 * before timing; rounds interleave the two, process CPU time, medians.
 *
 *   npx tsx scripts/bench-sufferage-pending.ts [--rounds 30] [--keep 3,4,6] [--big] [--gen N] [--only-gen]
 *
 * `--big` adds the generated 8192×256 consistent instance (seed 2; three
 * rounds), `--gen N` the generated N×16 consistent and inconsistent ones
 * (seed 2; one round), `--only-gen` leaves out the Braun instances. No
 * trace; forbidden pairs only through `Infinity` arithmetic; checked only
 * on the cases it times. Not part of the test suite.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseHcsp } from '../src/io/hcsp.js';
import { compileProblem } from '../src/problem/compile.js';
import { generateEtc } from '../src/problem/generate.js';
import type { CompiledProblem } from '../src/problem/types.js';
import { runSufferage } from '../src/solvers/heuristics/sufferage.js';
import { scriptArgs } from './scriptArgs.js';

const { argv: args, value: arg } = scriptArgs();

/** The skip-rule variant; `scans` counts full row scans (the first n included). */
function runPending(cp: CompiledProblem, K: number): { assignment: Int32Array; order: Int32Array; scans: number } {
  const { n, m, exec, transfer, release } = cp;
  const k = Math.min(K, m);
  const cost = new Float64Array(n * m);
  for (let q = 0; q < n * m; q++) cost[q] = transfer[q]! + exec[q]!;
  const avail = cp.ready.slice();
  const kept = new Int32Array(n * k);
  const size = new Int32Array(n);
  const bound = new Float64Array(n);
  const bestDev = new Int32Array(n);
  const suff = new Float64Array(n);
  const hi = new Float64Array(n);
  const holder = new Int32Array(m).fill(-1);
  const unmapped = new Int32Array(n);
  const pending = new Int32Array(n);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const buf = new Float64Array(k + 1);
  const row = new Float64Array(m);
  let scans = 0;
  // full scan: exact best/second into bestDev/suff, and new kept set
  const scan = (i: number): void => {
    scans++;
    const r = release[i]!;
    const base = i * m;
    let bd = -1, bc = Infinity, sc = Infinity;
    let cnt = 0; // buf holds the cnt smallest values ascending, cnt ≤ k+1
    for (let j = 0; j < m; j++) {
      const a = avail[j]!;
      const ct = (a > r ? a : r) + cost[base + j]!;
      row[j] = ct;
      if (ct < bc) { sc = bc; bd = j; bc = ct; } else if (ct < sc) sc = ct;
      if (cnt <= k) { let p = cnt++; while (p > 0 && buf[p - 1]! > ct) { buf[p] = buf[p - 1]!; p--; } buf[p] = ct; }
      else if (ct < buf[k]!) { let p = k; while (p > 0 && buf[p - 1]! > ct) { buf[p] = buf[p - 1]!; p--; } buf[p] = ct; }
    }
    const v = cnt > k ? buf[k]! : Infinity;
    const at = i * k;
    let s = 0;
    for (let j = 0; j < m; j++) if (row[j]! < v) kept[at + s++] = j;
    size[i] = s;
    bound[i] = s >= 2 || v === Infinity ? v : -Infinity;
    bestDev[i] = bd;
    suff[i] = sc - bc;
  };
  const claim = (i: number): void => {
    const d = bestDev[i]!;
    const h = holder[d]!;
    if (h < 0 || suff[h]! < suff[i]! || (suff[h] === suff[i] && i < h)) holder[d] = i;
  };
  for (let i = 0; i < n; i++) { unmapped[i] = i; scan(i); claim(i); }
  let count = n, step = 0;
  while (count > 0) {
    for (let j = 0; j < m; j++) {
      const t = holder[j]!;
      if (t < 0) continue;
      assignment[t] = j;
      order[step++] = t;
      const a = avail[j]!, r = release[t]!;
      avail[j] = (a > r ? a : r) + (transfer[t * m + j]! + exec[t * m + j]!);
      bestDev[t] = -1;
    }
    holder.fill(-1);
    let left = 0, np = 0;
    for (let q = 0; q < count; q++) {
      const i = unmapped[q]!;
      if (bestDev[i]! < 0) continue;
      unmapped[left++] = i;
      const B = bound[i]!;
      const r = release[i]!;
      const base = i * m;
      const at = i * k;
      let bd = -1, bc = Infinity, sc = Infinity;
      for (let p = 0, e = size[i]!; p < e; p++) {
        const j = kept[at + p]!;
        const a = avail[j]!;
        const ct = (a > r ? a : r) + cost[base + j]!;
        if (ct < bc) { sc = bc; bd = j; bc = ct; } else if (ct < sc) sc = ct;
      }
      if (bc < B) {
        bestDev[i] = bd;
        if (sc < B || B === Infinity) { suff[i] = sc - bc; claim(i); }
        else { hi[i] = sc - bc; pending[np++] = i; }
      } else { scan(i); claim(i); }
    }
    count = left;
    for (let q = 0; q < np; q++) {
      const i = pending[q]!;
      const h = holder[bestDev[i]!]!;
      if (h >= 0 && (hi[i]! < suff[h]! || (hi[i] === suff[h] && h < i))) continue;
      scan(i);
      claim(i);
    }
  }
  return { assignment, order, scans };
}

const BRAUN = ['u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0', 'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0', 'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0'];
const ROUNDS = Number(arg('--rounds', '30'));
const KS = arg('--keep', '3,4,6').split(',').map(Number);
const cpuT = (f: () => void): number => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
let sink = 0;
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| case | current ms | ' + KS.map((K) => `K=${K} ms | ratio | scans`).join(' | ') + ' |');
console.log('|---|---|' + KS.map(() => '---|---|---|').join(''));
const cases: [string, CompiledProblem, number][] = (args.includes('--only-gen') ? [] : BRAUN).map((nm) => [nm, compileProblem(parseHcsp(readFileSync(new URL(`../data/hcsp/${nm}`, import.meta.url), 'utf8'))), ROUNDS]);
if (args.includes('--big')) cases.push(['8192×256 c', compileProblem(generateEtc({ tasks: 8192, machines: 256, consistency: 'consistent', seed: 2 })), 3]);
const gen = Number(arg('--gen', '0'));
if (gen > 0) {
  for (const consistency of ['consistent', 'inconsistent'] as const) cases.push([`${gen}×16 ${consistency}`, compileProblem(generateEtc({ tasks: gen, machines: 16, consistency, seed: 2 })), 1]);
}
for (const [name, cp, rounds] of cases) {
  const ctx = { cp, costModel: 'sequential' as const, objective: 'makespan' as const, seed: 0, timeLimitMs: 1e4, maxIterations: 1e5, trace: false };
  const ref = runSufferage(ctx);
  const scansInfo: number[] = [];
  for (const K of KS) {
    const r = runPending(cp, K);
    if (r.assignment.some((j, i) => j !== ref.assignment[i]) || r.order.some((j, i) => j !== ref.order[i])) throw new Error(`${name} K=${K} differs`);
    scansInfo.push(r.scans);
  }
  const t0: number[] = [], tk: number[][] = KS.map(() => []);
  for (let q = 0; q < rounds + 2; q++) {
    const a = cpuT(() => (sink += runSufferage(ctx).assignment[0]!));
    const b = KS.map((K) => cpuT(() => (sink += runPending(cp, K).assignment[0]!)));
    if (q >= 2) { t0.push(a); b.forEach((x, t) => tk[t]!.push(x)); }
  }
  const m0 = median(t0);
  console.log(`| ${name} | ${m0.toFixed(3)} | ` + KS.map((K, t) => `${median(tk[t]!).toFixed(3)} | ${(median(tk[t]!) / m0).toFixed(2)} | ${scansInfo[t]}`).join(' | ') + ' |');
}
if (sink === 0.5) console.log(sink);

/**
 * Whether a bound can let batch Sufferage skip tasks in a pass (issue 15):
 * replays the pass-by-pass loop on the 12 Braun instances with plain row
 * scans (every unmapped task exact at the start of every pass) and counts,
 * over W (the sum over passes of the unmapped tasks):
 *
 * 1. `global`: tasks whose exact sufferage is ≥ H, the smallest sufferage
 *    of a device's holder in the pass. A pass-level rule "skip every task
 *    whose sufferage bound is below every holder's" must touch at least
 *    these, even with exact bounds.
 * 2. `stale K`: tasks whose upper bound from one pass earlier, with the K
 *    devices fastest one pass earlier re-timed (second smallest of their
 *    current times minus the smaller of their smallest current time and
 *    the (K+1)-th time one pass earlier), is ≥ the sufferage of the holder
 *    of the task's own best device; and `known K`, tasks whose best device
 *    the K re-timed devices determine (smallest current time strictly
 *    below that (K+1)-th time). A per-device skip rule with K kept devices
 *    must scan at least the former and the tasks not in the latter.
 * 3. `pair kept`: tasks whose best and second-best devices are the same
 *    after the pass and whose second's new time is still strictly below
 *    the third-best time before it (a structure keeping tasks grouped by
 *    (best, second) with a shared shift, as a kinetic heap would, must
 *    rescan every other task), and `pair same`, the same pair whatever
 *    the third.
 *
 * Checks that the replay maps every task as `runSufferage` does.
 *
 *   npx tsx scripts/sufferage-bounds.ts
 *
 * Not part of the test suite.
 */
import { readFileSync } from 'node:fs';
import { parseHcsp } from '../src/io/hcsp.js';
import { compileProblem } from '../src/problem/compile.js';
import { place, scanTopThree } from '../src/solvers/heuristics/completion.js';
import { runSufferage } from '../src/solvers/heuristics/sufferage.js';

const BRAUN = ['u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0', 'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0', 'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0'];
const KS = [2, 3, 4, 6, 8];

console.log(`| case | W | global | ${KS.map((k) => `stale ${k} | known ${k}`).join(' | ')} | pair kept | pair same |`);
console.log(`|---|---|---|${KS.map(() => '---|---|').join('')}---|---|`);
for (const name of BRAUN) {
  const cp = compileProblem(parseHcsp(readFileSync(new URL(`../data/hcsp/${name}`, import.meta.url), 'utf8')));
  const { n, m, exec, transfer, release } = cp;
  const avail = cp.ready.slice();
  const ct = (i: number, j: number): number => {
    const a = avail[j]!;
    const r = release[i]!;
    return (a > r ? a : r) + (transfer[i * m + j]! + exec[i * m + j]!);
  };
  const bd = new Int32Array(n);
  const sd = new Int32Array(n);
  const bc = new Float64Array(n);
  const sc = new Float64Array(n);
  const tc = new Float64Array(n);
  const nb = new Int32Array(n);
  const ns = new Int32Array(n);
  const nbc = new Float64Array(n);
  const nsc = new Float64Array(n);
  const ntc = new Float64Array(n);
  const mapped = new Uint8Array(n);
  const assignment = new Int32Array(n);
  // Each task's devices by (time, index) and their times at the start of the previous pass.
  const byTime: number[][] = [];
  const timeThen: number[][] = [];
  for (let i = 0; i < n; i++) scanTopThree(cp, avail, i, bd, bc, sd, sc, tc);
  let count = n;
  let passes = 0;
  let W = 0;
  let global = 0;
  let pairKept = 0;
  let pairSame = 0;
  const stale = KS.map(() => 0);
  const known = KS.map(() => 0);
  while (count > 0) {
    passes++;
    const holder = new Int32Array(m).fill(-1);
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      W++;
      const h = holder[bd[i]!]!;
      if (h < 0 || sc[h]! - bc[h]! < sc[i]! - bc[i]!) holder[bd[i]!] = i;
    }
    let H = Infinity;
    for (let j = 0; j < m; j++) {
      const h = holder[j]!;
      if (h >= 0 && sc[h]! - bc[h]! < H) H = sc[h]! - bc[h]!;
    }
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      if (sc[i]! - bc[i]! >= H) global++;
      if (passes === 1) continue;
      const h = holder[bd[i]!]!;
      const hs = sc[h]! - bc[h]!;
      KS.forEach((K, t) => {
        const now = byTime[i]!.slice(0, K).map((j) => ct(i, j)).sort((a, b) => a - b);
        const bound = K < m ? timeThen[i]![K]! : Infinity;
        if (now[1]! - Math.min(now[0]!, bound) >= hs) stale[t]!++;
        if (now[0]! < bound) known[t]!++;
      });
    }
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      const order = [...Array(m).keys()];
      const times = order.map((j) => ct(i, j));
      order.sort((a, b) => times[a]! - times[b]! || a - b);
      byTime[i] = order;
      timeThen[i] = order.map((j) => times[j]!);
    }
    for (let j = 0; j < m; j++) {
      const k = holder[j]!;
      if (k < 0) continue;
      mapped[k] = 1;
      assignment[k] = j;
      count--;
      place(cp, avail, k, j);
    }
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      scanTopThree(cp, avail, i, nb, nbc, ns, nsc, ntc);
      if (nb[i] === bd[i] && ns[i] === sd[i]) {
        pairSame++;
        if (sd[i]! < 0 || ct(i, sd[i]!) < tc[i]!) pairKept++;
      }
      bd[i] = nb[i]!;
      sd[i] = ns[i]!;
      bc[i] = nbc[i]!;
      sc[i] = nsc[i]!;
      tc[i] = ntc[i]!;
    }
  }
  const ref = runSufferage({ cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false }).assignment;
  if (assignment.some((j, i) => j !== ref[i])) throw new Error(`${name}: replay differs from runSufferage`);
  const f = (x: number): string => (x / W).toFixed(2);
  console.log(`| ${name} | ${W} | ${f(global)} | ${KS.map((_, t) => `${f(stale[t]!)} | ${f(known[t]!)}`).join(' | ')} | ${f(pairKept)} | ${f(pairSame)} |`);
}

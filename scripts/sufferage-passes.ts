/**
 * Why batch Sufferage at 512×16 stays near Θ(W·m) (issue 15): replays the
 * pass-by-pass loop on the 12 Braun instances with plain row scans and
 * counts, per instance, the passes, the tasks mapped per pass (k), W (the
 * sum over passes of the unmapped tasks), U (the unmapped tasks whose best
 * or second-best device received a task in the pass, so needing a new top
 * two), the share of U whose second-best device also received a task, and
 * the share an O(1) update would settle (second-best device unchanged and
 * the best device's new time still strictly below the second best, or equal
 * with the lower index). Checks that the replay maps every task as
 * `runSufferage` does.
 *
 *   npx tsx scripts/sufferage-passes.ts
 *
 * Not part of the test suite.
 */
import { readFileSync } from 'node:fs';
import { parseHcsp } from '../src/io/hcsp.js';
import { compileProblem } from '../src/problem/compile.js';
import { place, scanTopTwo } from '../src/solvers/heuristics/completion.js';
import { runSufferage } from '../src/solvers/heuristics/sufferage.js';

const BRAUN = ['u_c_hihi.0', 'u_c_hilo.0', 'u_c_lohi.0', 'u_c_lolo.0', 'u_i_hihi.0', 'u_i_hilo.0', 'u_i_lohi.0', 'u_i_lolo.0', 'u_s_hihi.0', 'u_s_hilo.0', 'u_s_lohi.0', 'u_s_lolo.0'];

console.log('| case | passes | k per pass | W | U / W | second also loaded | O(1) update possible |');
console.log('|---|---|---|---|---|---|---|');
for (const name of BRAUN) {
  const cp = compileProblem(parseHcsp(readFileSync(new URL(`../data/hcsp/${name}`, import.meta.url), 'utf8')));
  const { n, m, release, exec, transfer } = cp;
  const avail = cp.ready.slice();
  const bd = new Int32Array(n);
  const bc = new Float64Array(n);
  const sd = new Int32Array(n);
  const sc = new Float64Array(n);
  const mapped = new Uint8Array(n);
  const assignment = new Int32Array(n);
  for (let i = 0; i < n; i++) scanTopTwo(cp, avail, i, bd, bc, sd, sc);
  let count = n;
  let passes = 0;
  let W = 0;
  let U = 0;
  let secondLoaded = 0;
  let fast = 0;
  while (count > 0) {
    passes++;
    const holder = new Int32Array(m).fill(-1);
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      W++;
      const h = holder[bd[i]!]!;
      if (h < 0 || sc[h]! - bc[h]! < sc[i]! - bc[i]!) holder[bd[i]!] = i;
    }
    const changed = new Uint8Array(m);
    for (let j = 0; j < m; j++) {
      const k = holder[j]!;
      if (k < 0) continue;
      mapped[k] = 1;
      assignment[k] = j;
      count--;
      place(cp, avail, k, j);
      changed[j] = 1;
    }
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      const b = bd[i]!;
      const s = sd[i]!;
      if (changed[b] !== 1 && !(s >= 0 && changed[s] === 1)) continue;
      U++;
      if (s >= 0 && changed[s] === 1) secondLoaded++;
      else if (changed[b] === 1) {
        const a = avail[b]!;
        const r = release[i]!;
        const ct = (a > r ? a : r) + (transfer[i * m + b]! + exec[i * m + b]!);
        if (ct < sc[i]! || (ct === sc[i]! && b < s)) fast++;
      }
      scanTopTwo(cp, avail, i, bd, bc, sd, sc);
    }
  }
  const ref = runSufferage({ cp, costModel: 'sequential', objective: 'makespan', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false }).assignment;
  if (assignment.some((j, i) => j !== ref[i])) throw new Error(`${name}: replay differs from runSufferage`);
  console.log(`| ${name} | ${passes} | ${(n / passes).toFixed(1)} | ${W} | ${(U / W).toFixed(2)} | ${(secondLoaded / U).toFixed(2)} | ${(fast / U).toFixed(2)} |`);
}

/**
 * solveGap on the OR-Library GAP sets (data/gap): gap1-gap12 as
 * maximization, gapa-gapd as minimization; exact (HiGHS WebAssembly through
 * the `highs` package) and heuristic, against the reference values of
 * test/fixtures/gap-scipy.json (scipy.optimize.milp, native HiGHS, 60 s per
 * instance; LP relaxation bound from scipy.optimize.linprog). Prints markdown
 * tables.
 *
 *   npx tsx scripts/gap-report.ts [--exact-ms 10000] [--heuristic-ms 2000] [--files gap1,...,gapd]
 *   npx tsx scripts/gap-report.ts --heuristic-only [--heuristic-ms 5000] [--iterations 1000000000] [--files gapc,gapd]
 *
 * `--heuristic-only` skips the exact method (default files: gapc, gapd) and
 * prints the heuristic's value, iterations, stop reason and time; with
 * `--iterations N` and a generous `--heuristic-ms`, a load-independent run.
 * There the reference is the optimum or best-known value of
 * test/fixtures/gap-best-known.json (literature values, see
 * data/gap/README.md), with the scipy value beside it.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseOrLibraryGap } from '../src/io/orLibraryGap.js';
import { solveGap } from '../src/solvers/gap/gap.js';
import { scriptArgs } from './scriptArgs.js';

interface Ref { file: string; name: string; sense: 'min' | 'max'; status: string; value: number; lp: number; bound?: number }
const { argv, value: arg } = scriptArgs();
const exactMs = Number(arg('--exact-ms', '10000'));
const heurMs = Number(arg('--heuristic-ms', '2000'));
const heurOnly = argv.includes('--heuristic-only');
const iterBudget = Number(arg('--iterations', '1000000000'));
const files = arg('--files', heurOnly ? 'gapc,gapd' : [...Array.from({ length: 12 }, (_, k) => `gap${k + 1}`), 'gapa', 'gapb', 'gapc', 'gapd'].join(',')).split(',');
interface BestKnown { name: string; value: number; status: string }
const bestKnown = new Map((JSON.parse(readFileSync(new URL('../test/fixtures/gap-best-known.json', import.meta.url), 'utf8')) as { instances: BestKnown[] }).instances.map((r) => [r.name, r]));
const refs = new Map((JSON.parse(readFileSync(new URL('../test/fixtures/gap-scipy.json', import.meta.url), 'utf8')) as { instances: Ref[] }).instances.map((r) => [r.name, r]));

if (heurOnly) {
  console.log(`solveGap heuristic: ${heurMs} ms, ≤ ${iterBudget} iterations (seed 0); ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`);
  console.log('reference: optimum or best-known value (test/fixtures/gap-best-known.json, data/gap/README.md); scipy: test/fixtures/gap-scipy.json (milp, native HiGHS, 60 s); gap = (value − reference) / reference, > 0 is worse.');
  console.log('');
  console.log('| instance | reference | scipy | heuristic | gap vs ref | iterations | stopped by | s |');
  console.log('|---|---|---|---|---|---|---|---|');
  let worst = -Infinity;
  for (const f of files) {
    const instances = parseOrLibraryGap(readFileSync(new URL(`../data/gap/${f}.txt`, import.meta.url), 'utf8'), { fileName: f });
    const sense = /^gap\d+$/.test(f) ? 'max' : 'min';
    for (const g of instances) {
      const sp = refs.get(g.name!)!;
      const bk = bestKnown.get(g.name!);
      const ref = bk ?? { value: sp.value, status: sp.status === 'optimal' ? 'optimal' : 'best in 60 s (scipy)' };
      const t0 = performance.now();
      const h = await solveGap(g, { sense, method: 'heuristic', timeLimitMs: heurMs, maxIterations: iterBudget });
      const secs = (performance.now() - t0) / 1000;
      const hg = sense === 'max' ? (ref.value - h.value) / ref.value : (h.value - ref.value) / ref.value;
      // A value better than a proved optimum would be a bug (or a wrong reference): say so loudly.
      if (ref.status === 'optimal' && hg < 0) throw new Error(`${g.name}: heuristic ${h.value} beats the optimum ${ref.value}`);
      worst = Math.max(worst, hg);
      console.log(`| ${g.name} | ${ref.value}${ref.status === 'optimal' ? ' (opt)' : ` (${ref.status})`} | ${sp.value}${sp.status === 'optimal' ? ' (opt)' : ''} | ${h.value} | ${(100 * hg).toFixed(2)}% | ${h.iterations} | ${h.reason ?? h.status} | ${secs.toFixed(1)} |`);
    }
  }
  console.log('');
  console.log(`worst gap vs reference: ${(100 * worst).toFixed(2)}%`);
  process.exit(0);
}
console.log(`solveGap: exact ≤ ${exactMs} ms, heuristic ${heurMs} ms (seed 0); ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`);
console.log('reference: scipy milp (native HiGHS, 60 s limit) and its LP relaxation; gap = |value − reference| / reference, signed so that > 0 is worse.');
console.log('');
console.log('| instance | sense | reference (scipy) | LP bound | exact (HiGHS wasm) | status | s | heuristic | gap vs ref | gap vs LP |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
const summary = new Map<string, { n: number; exactOpt: number; exactAgree: number; heurGap: number; heurMatch: number }>();
for (const f of files) {
  const instances = parseOrLibraryGap(readFileSync(new URL(`../data/gap/${f}.txt`, import.meta.url), 'utf8'), { fileName: f });
  const sense = /^gap\d+$/.test(f) ? 'max' : 'min';
  const acc = { n: 0, exactOpt: 0, exactAgree: 0, heurGap: 0, heurMatch: 0 };
  for (const g of instances) {
    const ref = refs.get(g.name!)!;
    const t0 = performance.now();
    const ex = await solveGap(g, { sense, method: 'exact', timeLimitMs: exactMs });
    const secs = (performance.now() - t0) / 1000;
    const h = await solveGap(g, { sense, method: 'heuristic', timeLimitMs: heurMs, maxIterations: 1e9 });
    const worse = (v: number, r: number): number => (sense === 'max' ? (r - v) / r : (v - r) / r);
    const hg = worse(h.value, ref.value);
    acc.n++;
    if (ex.status === 'optimal') acc.exactOpt++;
    if (ex.value === ref.value) acc.exactAgree++;
    acc.heurGap += hg;
    if (h.value === ref.value) acc.heurMatch++;
    const pct = (v: number): string => `${(100 * v).toFixed(2)}%`;
    console.log(`| ${g.name} | ${sense} | ${ref.value}${ref.status === 'optimal' ? ' (opt)' : ` (best in 60 s; bound ${ref.bound ?? '?'})`} | ${ref.lp.toFixed(1)} | ${ex.value} | ${ex.status}${ex.bound !== undefined && ex.status !== 'optimal' ? `, bound ${ex.bound.toFixed(1)}` : ''} | ${secs.toFixed(1)} | ${h.value} | ${pct(hg)} | ${pct(worse(h.value, ref.lp))} |`);
  }
  summary.set(f, acc);
}
console.log('');
console.log('| file | instances | exact: proved optimal | exact = reference | heuristic = reference | heuristic mean gap vs reference |');
console.log('|---|---|---|---|---|---|');
for (const [f, a] of summary) console.log(`| ${f} | ${a.n} | ${a.exactOpt} | ${a.exactAgree} | ${a.heurMatch} | ${(100 * a.heurGap / a.n).toFixed(2)}% |`);

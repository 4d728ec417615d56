/**
 * LSAP comparison in one run on the same matrices: linearSumAssignment
 * (rows and Float64Array forms), the npm peers, and scipy's C++
 * linear_sum_assignment (through scripts/bench-scipy-lsap.py, solve call
 * only). The matrices come from bench/lsapInputs.ts (mulberry32 seeded with
 * n, uniform [0, 1)) and are written to a temp dir as raw float64 for
 * python, so every solver sees identical numbers; the script also checks
 * that all optimal costs agree.
 *
 *   npx tsx scripts/bench-lsap-compare.ts [--runs 5] [--sizes 100,500,1000,2000] [--skip-slow-peers]
 *
 * Prints a markdown table of median times (ms) and the ratios the issue
 * asks for: ours / best npm peer, ours / scipy. Timings interleave the
 * implementations run by run, so load from other processes hits all alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import munkres from 'munkres';
import { minWeightAssign } from 'munkres-algorithm';
import { linearSumAssignment as lsaPeer } from 'linear-sum-assignment';
import { LSAP_SIZES, lsapMatrix, lsapRows } from '../bench/lsapInputs.js';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../src/solvers/lsap/linearSumAssignment.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const k = argv.indexOf(name);
  return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : dflt;
};
const runs = Number(arg('--runs', '5'));
const sizes = arg('--sizes', LSAP_SIZES.join(',')).split(',').map(Number);
const skipSlow = argv.includes('--skip-slow-peers');

const dir = mkdtempSync(join(tmpdir(), 'lepton-lsap-'));
for (const n of sizes) writeFileSync(join(dir, `lsap-${n}.f64`), lsapMatrix(n));
const scipy = new Map<number, { median_ms: number; cost: number }>();
const py = execFileSync('python3', [join(import.meta.dirname, 'bench-scipy-lsap.py'), dir, ...sizes.map(String), '--runs', String(Math.max(runs, 20))], { encoding: 'utf8' });
for (const line of py.trim().split('\n')) {
  const r = JSON.parse(line) as { n: number; median_ms: number; cost: number };
  scipy.set(r.n, r);
}
rmSync(dir, { recursive: true, force: true });

type Solver = (rows: number[][], flat: Float64Array, n: number) => number;
const rowCost = (rows: number[][], pairs: readonly (readonly number[])[]): number => pairs.reduce((s, [i, j]) => s + rows[i!]![j!]!, 0);
const solvers: Record<string, Solver> = {
  'linearSumAssignment (rows)': (rows) => linearSumAssignment(rows).cost,
  'linearSumAssignmentMatrix': (_r, flat, n) => linearSumAssignmentMatrix(flat, n, n).cost,
  munkres: (rows) => rowCost(rows, munkres(rows)),
  'munkres-algorithm': (rows) => minWeightAssign(rows).assignmentsWeight,
  'linear-sum-assignment': (rows) => lsaPeer(rows, { maximaze: false }).gain,
};
const peers = ['munkres', 'munkres-algorithm', 'linear-sum-assignment'];

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z; median (and min) of max(${runs}, 2e6/n²) runs after a warm-up, ours and munkres alternating run by run, the slow peers in their own blocks (scipy: median of ${Math.max(runs, 20)} after a warm-up, solve call only); munkres-js omitted (≈12 s at n = 500).`);
console.log('');
console.log('| n | ours (rows) ms | ours (Float64Array) ms | munkres ms | munkres-algorithm ms | linear-sum-assignment ms | scipy ms | ours/best peer | ours/scipy |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const n of sizes) {
  const rows = lsapRows(n);
  const flat = lsapMatrix(n);
  const times: Record<string, number[]> = {};
  const costs: Record<string, number> = {};
  const active = Object.keys(solvers).filter((k) => !(skipSlow && n >= 1000 && (k === 'munkres-algorithm' || k === 'linear-sum-assignment')));
  // Ours and munkres (the fastest peer) alternate run by run, so load from
  // other processes hits them alike; the two slow, allocation-heavy peers run
  // afterwards in their own blocks (their garbage is not billed to the
  // others). Small sizes take many more runs (a 0.1 ms solve is mostly noise).
  const reps = Math.max(runs, Math.floor(2e6 / (n * n)));
  const fast = active.filter((k) => k !== 'munkres-algorithm' && k !== 'linear-sum-assignment');
  const slow = active.filter((k) => !fast.includes(k));
  const timeOne = (k: string): void => {
    const t0 = performance.now();
    costs[k] = solvers[k]!(rows, flat, n);
    (times[k] ??= []).push(performance.now() - t0);
  };
  for (const k of fast) solvers[k]!(rows, flat, n); // warm-up
  for (let r = 0; r < reps; r++) for (const k of fast) timeOne(k);
  for (const k of slow) {
    solvers[k]!(rows, flat, n);
    for (let r = 0; r < Math.min(reps, runs); r++) timeOne(k);
  }
  const ref = scipy.get(n)!;
  for (const k of active) {
    if (Math.abs(costs[k]! - ref.cost) > 1e-6 * Math.max(1, Math.abs(ref.cost))) throw new Error(`${k} at n=${n}: cost ${costs[k]} differs from scipy's ${ref.cost}`);
  }
  const t = (k: string): number | undefined => (times[k] === undefined ? undefined : median(times[k]!));
  const tmin = (k: string): number => Math.min(...(times[k] ?? [Infinity]));
  const fmt = (v: number | undefined): string => (v === undefined ? '–' : v.toFixed(v < 10 ? 2 : 1));
  const ours = t('linearSumAssignment (rows)')!;
  const oursFlat = t('linearSumAssignmentMatrix')!;
  const bestPeer = Math.min(...peers.map((k) => t(k) ?? Infinity));
  const bestPeerMin = Math.min(...peers.map((k) => tmin(k)));
  console.log(
    `| ${n} | ${fmt(ours)} | ${fmt(oursFlat)} | ${fmt(t('munkres'))} | ${fmt(t('munkres-algorithm'))} | ${fmt(t('linear-sum-assignment'))} | ${fmt(ref.median_ms)} | ${(ours / bestPeer).toFixed(2)} (by min ${(tmin('linearSumAssignment (rows)') / bestPeerMin).toFixed(2)}) | ${(ours / ref.median_ms).toFixed(2)} (matrix form ${(oursFlat / ref.median_ms).toFixed(2)}) |`,
  );
}

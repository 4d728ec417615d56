/**
 * LSAP comparison in one run on the same matrices: linearSumAssignment
 * (rows and Float64Array forms), the npm peers, and scipy's C++
 * linear_sum_assignment (through scripts/bench-scipy-lsap.py, solve call
 * only), warm and cold. The matrices come from bench/lsapInputs.ts (uniform,
 * the structured families i·j, all-equal and rank one, and the rectangular
 * shapes, solved as given) and are written to a temp dir as raw float64 for
 * python, so every solver sees identical numbers; the script checks that all
 * optimal costs agree.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx scripts/bench-lsap-compare.ts [--runs 7] [--shapes uniform,ij 1000] [--cold 5] [--peer-limit-ms 3000]
 *
 * With --expose-gc every timed run starts after a full collection (the npm
 * peers allocate heavily; without it their garbage is collected during
 * whichever run comes next, often ours).
 *
 * Warm: median of max(runs, 2e6/(rows·cols)) runs after a warm-up (3 runs
 * when one solve, ours or scipy's, takes over a second), ours and munkres alternating run by
 * run so load from other processes hits them alike; the two slow peers run
 * afterwards in their own blocks; scipy (a python server) is timed in the
 * same loop, one solve per run. A peer whose warm-up solve exceeds
 * --peer-limit-ms is reported as "> limit" (not run again on that shape nor
 * on the later shapes of the same family that are as large or larger).
 * Cold: `--cold N` fresh node processes per shape (scripts/lsap-cold.ts),
 * each timing its first linearSumAssignment call; the median is compared with
 * the warm median. Prints a markdown table and the worst ratios.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import munkres from 'munkres';
import { minWeightAssign } from 'munkres-algorithm';
import { linearSumAssignment as lsaPeer } from 'linear-sum-assignment';
import { LSAP_SHAPES, lsapShapeMatrix, shapeName, toRows, type LsapShape } from '../bench/lsapInputs.js';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../src/solvers/lsap/linearSumAssignment.js';
import { scriptArgs } from './scriptArgs.js';

const { argv, value: arg } = scriptArgs();
const runs = Number(arg('--runs', '7'));
const coldRuns = Number(arg('--cold', '5'));
const peerLimit = Number(arg('--peer-limit-ms', '3000'));
const filter = arg('--shapes', '').split(',').filter((s) => s !== '');
const shapes = LSAP_SHAPES.filter((s) => filter.length === 0 || filter.some((f) => shapeName(s).startsWith(f)));
const fileOf = (s: LsapShape): string => `${s.kind}-${s.rows}x${s.cols}.f64`;

const dir = mkdtempSync(join(tmpdir(), 'lepton-lsap-'));
for (const s of shapes) writeFileSync(join(dir, fileOf(s)), lsapShapeMatrix(s));
// scipy as a server (scripts/bench-scipy-lsap.py): one request per timed run,
// so its runs interleave with ours.
const py = spawn('python3', [join(import.meta.dirname, 'bench-scipy-lsap.py'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
const answers = createInterface({ input: py.stdout! })[Symbol.asyncIterator]();
async function scipyRun(s: LsapShape, reps: number): Promise<{ times_ms: number[]; cost: number }> {
  py.stdin!.write(`${fileOf(s)} ${s.rows} ${s.cols} ${reps}\n`);
  const next = await answers.next();
  if (next.done === true) throw new Error('scipy server stopped');
  return JSON.parse(next.value) as { times_ms: number[]; cost: number };
}

type Solver = (rows: number[][], flat: Float64Array, s: LsapShape) => number;
const rowCost = (rows: number[][], pairs: readonly (readonly number[])[]): number => pairs.reduce((t, [i, j]) => t + rows[i!]![j!]!, 0);
const solvers: Record<string, Solver> = {
  ours: (rows) => linearSumAssignment(rows).cost,
  'ours (Float64Array)': (_r, flat, s) => linearSumAssignmentMatrix(flat, s.rows, s.cols).cost,
  munkres: (rows) => rowCost(rows, munkres(rows)),
  'munkres-algorithm': (rows) => minWeightAssign(rows).assignmentsWeight,
  'linear-sum-assignment': (rows) => lsaPeer(rows, { maximaze: false }).gain,
};
const peers = ['munkres', 'munkres-algorithm', 'linear-sum-assignment'];

/** Times of the first call in fresh processes. */
function cold(s: LsapShape): number[] {
  const out: number[] = [];
  for (let r = 0; r < coldRuns; r++) {
    const text = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lsap-cold.ts'), s.kind, String(s.rows), String(s.cols)], { encoding: 'utf8' });
    out.push(Number(text.trim()));
  }
  return out;
}

const gc = (globalThis as { gc?: () => void }).gc;
const median = (v: readonly number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const fmt = (v: number | undefined): string => (v === undefined ? '–' : v === Infinity ? `> ${peerLimit}` : v.toFixed(v < 10 ? 2 : 1));
console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z. Warm: median of max(${runs}, 2e6/(rows·cols)) runs after a warm-up (3 when a solve, ours or scipy's, takes over 1 s), ours and munkres alternating run by run, the slow peers in their own blocks, a peer whose warm-up exceeds ${peerLimit} ms shown as "> ${peerLimit}"; scipy (a python server, scripts/bench-scipy-lsap.py) timed in the same loop, one solve call per run after a warm-up. Cold: median of ${coldRuns} fresh node processes, first call of linearSumAssignment (rows form). ${gc === undefined ? 'No' : 'A'} full garbage collection before each timed warm run. The machine is shared: medians, not means, and still noisy.`);
console.log('');
console.log('| shape | ours ms | ours (Float64Array) ms | cold ms | munkres ms | munkres-algorithm ms | linear-sum-assignment ms | scipy ms | ours/scipy | ours/best peer | cold/warm |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const overLimit = new Map<string, number>(); // peer:kind -> the smallest rows·cols where its warm-up exceeded the limit
const worst = { scipy: [0, ''] as [number, string], peer: [0, ''] as [number, string], cold: [0, ''] as [number, string] };
for (const s of shapes) {
  const flat = lsapShapeMatrix(s);
  const rows = toRows(flat, s.rows, s.cols);
  const times: Record<string, number[]> = {};
  const costs: Record<string, number> = {};
  const timeOne = (k: string): number => {
    gc?.(); // with --expose-gc: no run pays for the garbage of the one before
    const t0 = performance.now();
    costs[k] = solvers[k]!(rows, flat, s);
    const t = performance.now() - t0;
    (times[k] ??= []).push(t);
    return t;
  };
  // A peer over the limit on a shape of the same kind is not run again on shapes as large or larger.
  const tooSlow = new Set<string>(peers.filter((k) => (overLimit.get(`${k}:${s.kind}`) ?? Infinity) <= s.rows * s.cols));
  const warm = (k: string): void => {
    if (tooSlow.has(k)) return;
    const t = timeOne(k);
    times[k] = [];
    if (peers.includes(k) && t > peerLimit) {
      tooSlow.add(k);
      overLimit.set(`${k}:${s.kind}`, Math.min(overLimit.get(`${k}:${s.kind}`) ?? Infinity, s.rows * s.cols));
    }
  };
  const fast = ['ours', 'ours (Float64Array)', 'munkres'];
  const slow = ['munkres-algorithm', 'linear-sum-assignment'];
  for (const k of fast) warm(k);
  let reps = Math.max(runs, Math.floor(2e6 / (s.rows * s.cols)));
  const probe = performance.now();
  solvers.ours!(rows, flat, s);
  if (performance.now() - probe > 1000) reps = 3;
  const scipyTimes: number[] = [];
  const scipyProbe = performance.now();
  let scipyCost = (await scipyRun(s, 0)).cost; // load and warm up
  if (performance.now() - scipyProbe > 1000) reps = 3; // scipy's solve takes over a second (i·j, rank one at n = 1000 and up)
  for (let r = 0; r < reps; r++) {
    for (const k of fast) if (!tooSlow.has(k)) timeOne(k);
    const a = await scipyRun(s, 1);
    scipyTimes.push(...a.times_ms);
    scipyCost = a.cost;
  }
  for (const k of slow) {
    warm(k);
    if (!tooSlow.has(k)) for (let r = 0; r < Math.min(reps, runs); r++) timeOne(k);
  }
  const ref = { cost: scipyCost, median_ms: median(scipyTimes) };
  for (const k of Object.keys(costs)) {
    if (Math.abs(costs[k]! - ref.cost) > 1e-6 * Math.max(1, Math.abs(ref.cost))) throw new Error(`${k} on ${shapeName(s)}: cost ${costs[k]} differs from scipy's ${ref.cost}`);
  }
  const t = (k: string): number | undefined => (tooSlow.has(k) ? Infinity : times[k] === undefined || times[k]!.length === 0 ? undefined : median(times[k]!));
  const ours = t('ours')!;
  const bestPeer = Math.min(...peers.map((k) => t(k) ?? Infinity));
  const coldMs = coldRuns > 0 ? median(cold(s)) : undefined;
  const name = shapeName(s);
  const rs = ours / ref.median_ms;
  const rp = ours / bestPeer;
  const rc = coldMs === undefined ? undefined : coldMs / ours;
  if (rs > worst.scipy[0]) worst.scipy = [rs, name];
  if (rp > worst.peer[0]) worst.peer = [rp, name];
  if (rc !== undefined && rc > worst.cold[0]) worst.cold = [rc, name];
  console.log(
    `| ${name} | ${fmt(ours)} | ${fmt(t('ours (Float64Array)'))} | ${fmt(coldMs)} | ${fmt(t('munkres'))} | ${fmt(t('munkres-algorithm'))} | ${fmt(t('linear-sum-assignment'))} | ${fmt(ref.median_ms)} | ${rs.toFixed(2)} | ${bestPeer === Infinity ? `< ${(ours / peerLimit).toFixed(2)}` : rp.toFixed(2)} | ${rc === undefined ? '–' : rc.toFixed(2)} |`,
  );
}
py.stdin!.end();
rmSync(dir, { recursive: true, force: true });
console.log('');
console.log(`Worst cases: ours/scipy ${worst.scipy[0].toFixed(2)} (${worst.scipy[1]}); ours/best npm peer ${worst.peer[0].toFixed(2)} (${worst.peer[1]}); cold/warm ${worst.cold[0].toFixed(2)} (${worst.cold[1] || '–'}).`);

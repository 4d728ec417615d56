/**
 * linearSumAssignment of this tree against another copy of the library (a
 * base, e.g. `git archive <commit> src bench scripts | tar -x -C /tmp/base`
 * with a `node_modules` link), measured in one run on the shapes of
 * bench/lsapInputs.ts:
 * - warm: both versions imported into one process, alternating call by
 *   call, a full garbage collection before each call, median of 15-201
 *   calls per version and form (rows, Float64Array); the answers (cost and
 *   assignment) must be identical or the script stops;
 * - cold (`--cold N`): N fresh processes per version, alternating, each
 *   timing its first linearSumAssignment call (scripts/lsap-cold.ts of each
 *   tree); median and minimum (the minimum is the least disturbed by other
 *   processes on a shared machine).
 *
 *   NODE_OPTIONS=--expose-gc npx tsx scripts/bench-lsap-ab.ts --base /tmp/base [--cold 9] [--warm] [--shapes "equal 100×,uniform 300×900"]
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { LSAP_SHAPES, lsapShapeMatrix, shapeName, toRows } from '../bench/lsapInputs.js';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../src/solvers/lsap/linearSumAssignment.js';
import { scriptArgs } from './scriptArgs.js';

type Rows = (cost: readonly (readonly number[])[]) => { assignment: number[]; cost: number };
type Flat = (data: Float64Array, rows: number, cols: number) => { assignment: number[]; cost: number };

const { argv, value: arg } = scriptArgs();
const baseDir = resolve(arg('--base', ''));
const coldRuns = Number(arg('--cold', '0'));
const warmOn = argv.includes('--warm');
const filter = arg('--shapes', '').split(',').filter((s) => s !== '');
const shapes = LSAP_SHAPES.filter((s) => filter.length === 0 || filter.some((f) => shapeName(s).startsWith(f)));
const here = resolve(import.meta.dirname, '..');
const median = (v: readonly number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const f = (x: number): string => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const gc = (globalThis as { gc?: () => void }).gc;

const baseModule = (await import(join(baseDir, 'src/solvers/lsap/linearSumAssignment.ts'))) as { linearSumAssignment: Rows; linearSumAssignmentMatrix: Flat };
console.log(`base ${baseDir}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

if (warmOn) {
  if (gc === undefined) throw new Error('run with NODE_OPTIONS=--expose-gc');
  console.log('');
  console.log('| shape | base ms | new ms | new/base | base f64 ms | new f64 ms | new/base f64 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const s of shapes) {
    const flat = lsapShapeMatrix(s);
    const rows = toRows(flat, s.rows, s.cols);
    const reps = Math.max(15, Math.min(201, Math.floor(4e6 / (s.rows * s.cols))));
    const calls: Record<string, () => { assignment: number[]; cost: number }> = {
      base: () => baseModule.linearSumAssignment(rows),
      now: () => linearSumAssignment(rows),
      baseF64: () => baseModule.linearSumAssignmentMatrix(flat, s.rows, s.cols),
      nowF64: () => linearSumAssignmentMatrix(flat, s.rows, s.cols),
    };
    const times: Record<string, number[]> = {};
    const answers = new Set<string>();
    for (let r = 0; r < reps + 3; r++) {
      for (const [k, call] of Object.entries(calls)) {
        gc();
        const t0 = performance.now();
        const res = call();
        const dt = performance.now() - t0;
        if (r >= 3) (times[k] ??= []).push(dt);
        answers.add(`${res.cost} ${res.assignment.join()}`);
      }
    }
    if (answers.size !== 1) throw new Error(`the two versions answer differently on ${shapeName(s)}`);
    const [b, n, bf, nf] = ['base', 'now', 'baseF64', 'nowF64'].map((k) => median(times[k]!)) as [number, number, number, number];
    console.log(`| ${shapeName(s)} | ${f(b)} | ${f(n)} | ${(n / b).toFixed(2)} | ${f(bf)} | ${f(nf)} | ${(nf / bf).toFixed(2)} |`);
  }
}

if (coldRuns > 0) {
  console.log('');
  console.log('| shape | base cold ms (median) | new cold ms (median) | new/base | base min | new min |');
  console.log('|---|---|---|---|---|---|');
  const once = (tree: string, s: (typeof shapes)[number]): number =>
    Number(execFileSync(process.execPath, ['--import', 'tsx', join(tree, 'scripts/lsap-cold.ts'), s.kind, String(s.rows), String(s.cols)], { cwd: tree, encoding: 'utf8' }).trim());
  for (const s of shapes) {
    const b: number[] = [];
    const n: number[] = [];
    for (let r = 0; r < coldRuns; r++) {
      b.push(once(baseDir, s));
      n.push(once(here, s));
    }
    console.log(`| ${shapeName(s)} | ${f(median(b))} | ${f(median(n))} | ${(median(n) / median(b)).toFixed(2)} | ${f(Math.min(...b))} | ${f(Math.min(...n))} |`);
  }
}
console.log('');
console.log(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

/**
 * The WebAssembly dense LSAP kernel against the JavaScript path it replaces,
 * in one run: warm (`linearSumAssignment`, rows form, the two paths
 * alternating call by call, median) and cold (the first call in fresh node
 * processes, the two paths alternating process by process, median), on the
 * benchmark shapes of bench/lsapInputs.ts. The JavaScript path is the
 * library with the WebAssembly path switched off (setLsapWasmEnabled), i.e.
 * what runs where WebAssembly is unavailable.
 *
 *   npx tsx scripts/bench-lsap-wasm.ts [--cold 5] [--shapes "uniform 100×100,int1000 300×900"]
 *   node --import tsx scripts/bench-lsap-wasm.ts --one KIND ROWS COLS js|wasm   (one cold call)
 */
import { execFileSync } from 'node:child_process';
import { LSAP_SHAPES, lsapShapeMatrix, shapeName, toRows, type LsapKind } from '../bench/lsapInputs.js';
import { linearSumAssignment } from '../src/solvers/lsap/linearSumAssignment.js';
import { setLsapWasmEnabled } from '../src/solvers/lsap/lsapWasm.js';
import { scriptArgs } from './scriptArgs.js';

const { argv: args, value: arg } = scriptArgs();
const median = (x: number[]): number => [...x].sort((p, q) => p - q)[x.length >> 1] ?? NaN;

if (args[0] === '--one') {
  const [kind, rows, cols, mode] = args.slice(1);
  setLsapWasmEnabled(mode === 'wasm');
  const s = { kind: kind as LsapKind, rows: Number(rows), cols: Number(cols) };
  const c = toRows(lsapShapeMatrix(s), s.rows, s.cols);
  const t0 = performance.now();
  const r = linearSumAssignment(c);
  const ms = performance.now() - t0;
  if (!Number.isFinite(r.cost)) throw new Error('no cost');
  console.log(ms.toFixed(3));
} else {
  const coldRuns = Number(arg('--cold', '5'));
  const filter = arg('--shapes', '').split(',').filter((f) => f !== '');
  const shapes = LSAP_SHAPES.filter((s) => filter.length === 0 || filter.some((f) => shapeName(s).startsWith(f)));
  console.log('| shape | JS warm ms | wasm warm ms | wasm/JS warm | JS cold ms | wasm cold ms | JS cold/warm | wasm cold/warm |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const s of shapes) {
    const c = toRows(lsapShapeMatrix(s), s.rows, s.cols);
    const reps = Math.max(7, Math.min(41, Math.round(4e6 / (s.rows * s.cols))));
    const warm: Record<'js' | 'wasm', number[]> = { js: [], wasm: [] };
    let same = true;
    let first: string | undefined;
    for (let k = 0; k < reps + 2; k++) {
      for (const mode of ['js', 'wasm'] as const) {
        setLsapWasmEnabled(mode === 'wasm');
        const t0 = performance.now();
        const r = linearSumAssignment(c);
        const dt = performance.now() - t0;
        if (k >= 2) warm[mode].push(dt);
        const key = `${r.cost} ${r.assignment.join()}`;
        if (first === undefined) first = key;
        else if (key !== first) same = false;
      }
    }
    setLsapWasmEnabled(true);
    const cold: Record<'js' | 'wasm', number[]> = { js: [], wasm: [] };
    for (let k = 0; k < coldRuns; k++) {
      for (const mode of ['js', 'wasm'] as const) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--one', s.kind, String(s.rows), String(s.cols), mode], { encoding: 'utf8' });
        cold[mode].push(Number(out.trim()));
      }
    }
    const [wj, ww, cj, cw] = [median(warm.js), median(warm.wasm), median(cold.js), median(cold.wasm)];
    const f = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
    console.log(`| ${shapeName(s)}${same ? '' : ' (RESULTS DIFFER)'} | ${f(wj)} | ${f(ww)} | ${(ww / wj).toFixed(2)} | ${f(cj)} | ${f(cw)} | ${(cj / wj).toFixed(1)} | ${(cw / ww).toFixed(1)} |`);
  }
}

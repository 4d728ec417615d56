/**
 * First call against warm calls of linearSumAssignment, in fresh processes
 * (issue 15's "first call ≤ 3× a warm call"), optionally against a base
 * tree (another checkout of this repository) alternating process by process.
 * Each child process builds the shape's matrix (bench/lsapInputs.ts, rows
 * form), times the first call, then after `--warmup M` untimed calls (30)
 * `--warm N` more (15) (a full collection
 * before each when `--expose-gc` is on) and prints wall and process CPU
 * milliseconds (CPU: `process.cpuUsage`, every thread of the process, so
 * V8's background compiles count). The driver prints, per shape and tree,
 * the medians over the processes of the first call, of the warm median, and
 * of the per-process ratio first/warm, in wall and CPU time, and whether the
 * assignments were identical across the trees.
 *
 *   npx tsx scripts/lsap-cold-ratio.ts [--procs 15] [--warmup 30] [--warm 15] [--base /tmp/base] [--shapes "uniform 300×300,int1000 500×800"]
 *
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scriptArgs } from './scriptArgs.js';

const args = scriptArgs();
const here = resolve(import.meta.dirname, '..');

if (args.argv[0] === '--child') {
  const [, tree, kind, rows, cols, warmupRuns, warmRuns] = args.argv as [string, string, string, string, string, string, string];
  const { lsapShapeMatrix, toRows } = (await import(pathToFileURL(join(here, 'bench/lsapInputs.ts')).href)) as typeof import('../bench/lsapInputs.js');
  const s = { kind: kind as never, rows: Number(rows), cols: Number(cols) };
  const c = toRows(lsapShapeMatrix(s), s.rows, s.cols);
  const gc = (globalThis as { gc?: () => void }).gc;
  const i0 = performance.now();
  const { linearSumAssignment } = (await import(pathToFileURL(join(tree, 'src/solvers/lsap/linearSumAssignment.ts')).href)) as typeof import('../src/solvers/lsap/linearSumAssignment.js');
  const importMs = performance.now() - i0;
  const time = (): [number, number, number[]] => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = linearSumAssignment(c);
    const wall = performance.now() - t0;
    const cu = process.cpuUsage(c0);
    return [wall, (cu.user + cu.system) / 1000, r.assignment];
  };
  const [coldWall, coldCpu, assignment] = time();
  for (let k = 0; k < Number(warmupRuns); k++) time();
  const w: number[] = [];
  const wc: number[] = [];
  for (let k = 0; k < Number(warmRuns); k++) {
    gc?.();
    const [a, b] = time();
    w.push(a);
    wc.push(b);
  }
  const hash = createHash('sha1').update(assignment.join(',')).digest('hex').slice(0, 12);
  console.log(JSON.stringify({ coldWall, coldCpu, warmWall: median(w), warmCpu: median(wc), importMs, hash }));
} else {
  const procs = Number(args.value('--procs', '15'));
  const warm = args.value('--warm', '15');
  const warmup = args.value('--warmup', '30');
  const base = args.argv.includes('--base') ? resolve(args.value('--base', '')) : undefined;
  const shapes = args.value('--shapes', 'uniform 100×100,uniform 300×300,uniform 1000×1000,uniform 2000×2000,int1000 500×800,int1000 300×900,int1000 1000×3000')
    .split(',').map((t) => {
      const m = /^(\w+) (\d+)×(\d+)$/.exec(t.trim());
      if (m === null) throw new Error(`shape ${t}`);
      return { kind: m[1]!, rows: Number(m[2]), cols: Number(m[3]) };
    });
  const trees = base === undefined ? [['new', here]] : [['base', base], ['new', here]];
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${procs} processes per shape${base === undefined ? '' : ' and tree (alternating)'}, ${warm} warm calls each after ${warmup} untimed ones (a full GC before each timed one)`);
  console.log('| shape | tree | first wall ms | warm wall ms | first/warm wall | first CPU ms | warm CPU ms | first/warm CPU | import ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const s of shapes) {
    const out = new Map<string, { coldWall: number; coldCpu: number; warmWall: number; warmCpu: number; importMs: number; hash: string }[]>();
    for (let p = 0; p < procs; p++) {
      for (const [name, tree] of trees) {
        const text = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'scripts/lsap-cold-ratio.ts'), '--child', tree!, s.kind, String(s.rows), String(s.cols), warmup, warm], { encoding: 'utf8' });
        const list = out.get(name!) ?? [];
        list.push(JSON.parse(text.trim().split('\n').pop()!));
        out.set(name!, list);
      }
    }
    const hashes = new Set([...out.values()].flat().map((r) => r.hash));
    for (const [name] of trees) {
      const r = out.get(name!)!;
      const f = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
      console.log(`| ${s.kind} ${s.rows}×${s.cols} | ${name} | ${f(median(r.map((x) => x.coldWall)))} | ${f(median(r.map((x) => x.warmWall)))} | ${median(r.map((x) => x.coldWall / x.warmWall)).toFixed(2)} | ${f(median(r.map((x) => x.coldCpu)))} | ${f(median(r.map((x) => x.warmCpu)))} | ${median(r.map((x) => x.coldCpu / x.warmCpu)).toFixed(2)} | ${f(median(r.map((x) => x.importMs)))} |`);
    }
    if (hashes.size !== 1) console.log(`| ${s.kind} ${s.rows}×${s.cols} | ASSIGNMENTS DIFFER (${[...hashes].join(' ')}) | | | | | | | |`);
  }
  console.log(`load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

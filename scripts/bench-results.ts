/**
 * Runs the vitest benchmarks and writes bench/RESULTS.md: per group, every
 * case's mean time and its ratio to the group's `baseline: ...` case measured
 * in the same run (ratios, not absolute times, are what carry across
 * machines). Then copies the summary into README.md between the
 * `<!-- bench:start -->` and `<!-- bench:end -->` markers.
 *
 *   npm run bench:results                 # every bench file, every size
 *   npm run bench:results -- bench/models.bench.ts   # some files
 *   npm run bench:results -- --from-json FILE        # re-render a saved run
 *
 * The README gets the headline groups only (largest sizes, Braun 512×16, the
 * LSAP and exact-solver groups, see HEADLINE) and the worst case over the
 * twelve Braun instances; RESULTS.md gets every group. Ratios use the median
 * time (robust on a shared machine) when vitest reports it, else the mean.
 * A `|` in a group or case name (R||ΣC) is escaped so table rows keep their
 * cells.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';

interface BenchStats {
  readonly name: string;
  readonly mean: number;
  readonly median?: number;
  readonly rme: number;
  readonly sampleCount: number;
}
interface BenchGroup {
  readonly fullName: string;
  readonly benchmarks: readonly BenchStats[];
}
interface BenchJson {
  readonly files: readonly { readonly filepath: string; readonly groups: readonly BenchGroup[] }[];
}

/** Groups quoted in the README. */
const HEADLINE = /n = 1000000|u_i_hihi\.0 \(512×16\)$|8192×256|LSAP|generated 4096×128|10000 Poisson|10000 queued|GAP|R\|\|/;

/** Groups summarized together as "every Braun instance": worst and median ratio per case. */
const BRAUN_GROUP = /^Braun (u_[csi]_\w+\.0) \(512×16\), solve end to end$/;

/** A table cell: pipes escaped (Markdown would split the cell at an unescaped `|`). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The time a ratio is computed from: the median when reported, else the mean. */
function typical(b: BenchStats): number {
  return b.median ?? b.mean;
}

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const fromJson = args[0] === '--from-json' ? args[1] : undefined;
let out: string;
if (fromJson === undefined) {
  out = join(mkdtempSync(join(tmpdir(), 'lepton-bench-')), 'bench.json');
  execFileSync('npx', ['vitest', 'bench', '--run', '--outputJson', out, ...args], { cwd: root, stdio: 'inherit' });
  console.log(`raw results: ${out}`);
} else {
  out = fromJson;
}
const data = JSON.parse(readFileSync(out, 'utf8')) as BenchJson;

function ms(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 1) return v.toFixed(2);
  if (v >= 0.001) return v.toFixed(4);
  return v.toExponential(2);
}

const lines: string[] = [];
const summary: string[] = ['| group | case | median (ms) | ratio to baseline |', '|---|---|---:|---:|'];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const date = new Date().toISOString().slice(0, 10);
lines.push('# Benchmark results', '');
lines.push(`Written by \`npm run bench:results\` on ${date}; machine: ${machine}.`, '');
lines.push('Ratio = median time of the case / median time of the group\'s `baseline:` case (means when no median is reported), measured in the same run (below 1 is faster than the baseline). The machine is shared with other jobs (2 cores): absolute times vary from run to run; ratios within a group are measured side by side.', '');
const braunRatios = new Map<string, number[]>();
// Groups outside the Braun set that also time the plain O(n²·m) loop (8192×256): every case against it.
const plainRows: string[] = [];
for (const file of data.files) {
  lines.push(`## ${relative(root, file.filepath)}`, '');
  for (const g of file.groups) {
    const group = g.fullName.split(' > ').slice(1).join(' > ');
    const base = g.benchmarks.find((b) => b.name.startsWith('baseline:'));
    const braun = BRAUN_GROUP.test(group);
    lines.push(`### ${group}`, '');
    lines.push('| case | mean (ms) | median (ms) | ± | samples | ratio to baseline |', '|---|---:|---:|---:|---:|---:|');
    for (const b of g.benchmarks) {
      const r = base ? typical(b) / typical(base) : NaN;
      const ratio = base ? r.toFixed(r < 0.1 ? 3 : 2) : 'n/a';
      lines.push(`| ${cell(b.name)} | ${ms(b.mean)} | ${b.median === undefined ? '' : ms(b.median)} | ${b.rme.toFixed(1)}% | ${b.sampleCount} | ${ratio} |`);
      if (HEADLINE.test(group)) summary.push(`| ${cell(group)} | ${b === base ? `**${cell(b.name)}**` : cell(b.name)} | ${ms(typical(b))} | ${ratio} |`);
      const plainBase = braun ? undefined : g.benchmarks.find((x) => x.name.startsWith('baseline: Min-Min'));
      if (plainBase !== undefined && !b.name.startsWith('baseline:')) {
        const q = typical(b) / typical(plainBase);
        plainRows.push(`| ${cell(group)} | ${cell(b.name)} | ${q.toFixed(q < 0.1 ? 4 : 2)} |`);
      }
      if (braun && base) {
        // Against the one-pass baseline for the one-pass heuristics, the full rescan for the batch ones.
        const plain = g.benchmarks.find((x) => x.name.startsWith('baseline: Min-Min'));
        const onePass = /solve: (seed|olb|met|mct)$/.test(b.name);
        const against = onePass ? base : plain ?? base;
        const key = `${b.name} ÷ ${against.name.replace('baseline: ', '')}`;
        if (!b.name.startsWith('baseline:')) braunRatios.set(key, [...(braunRatios.get(key) ?? []), typical(b) / typical(against)]);
      }
    }
    // Object entry points against the hand-written loop over the same objects (issue 15: within 1.5x).
    const objects = g.benchmarks.find((b) => b.name.startsWith('baseline (objects):'));
    if (objects) {
      const entries = g.benchmarks.filter((b) => /\(objects/.test(b.name) && !b.name.startsWith('baseline'));
      lines.push('', `Ratio to \`${cell(objects.name)}\`: ${entries.map((b) => `${cell(b.name)} ${(typical(b) / typical(objects)).toFixed(2)}`).join('; ')}.`);
    }
    lines.push('');
  }
}
if (plainRows.length > 0) {
  const table = ['| group | case | ratio to the plain O(n²·m) Min-Min loop |', '|---|---|---:|', ...plainRows];
  lines.push('## Against the plain loop (generated instances)', '', 'Every case of the groups that also time `baseline: Min-Min, full rescan O(n²·m)` (run once there), divided by that baseline.', '', ...table, '');
  summary.push('', 'Generated instances, every case against the plain O(n²·m) Min-Min loop measured in the same run:', '', ...table);
}
if (braunRatios.size > 0) {
  const n = Math.max(...[...braunRatios.values()].map((v) => v.length));
  const table = ['| case ÷ baseline | worst ratio | median ratio |', '|---|---:|---:|'];
  for (const [key, v] of braunRatios) {
    const sorted = [...v].sort((a, b) => a - b);
    const f = (x: number): string => x.toFixed(x < 0.1 ? 3 : 2);
    table.push(`| ${cell(key)} | ${f(sorted[sorted.length - 1]!)} | ${f(sorted[(sorted.length - 1) >> 1]!)} |`);
  }
  lines.push(`## Every Braun instance (${n} of 12), worst case`, '', 'Per case, the largest and the median ratio over the Braun groups above (the one-pass heuristics against one pass over the matrix, the others against the plain O(n²·m) Min-Min loop).', '', ...table, '');
  summary.push('', `Worst case over the ${n} Braun instances (512×16), \`solve\` end to end; the one-pass heuristics against one pass over the matrix, the others against the plain O(n²·m) Min-Min loop:`, '', ...table);
}
writeFileSync(join(root, 'bench/RESULTS.md'), lines.join('\n'));

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i >= 0 && j > i) {
  const block = [start, '', `Measured by \`npm run bench:results\` on ${date} (${machine}). Ratio = median time / median time of the group's **baseline** case, measured in the same run, on a machine shared with other jobs. Headline groups only; every group and size is in [bench/RESULTS.md](bench/RESULTS.md).`, '', ...summary, '', end].join('\n');
  writeFileSync(readmePath, readme.slice(0, i) + block + readme.slice(j + end.length));
}
console.log(`wrote bench/RESULTS.md (${data.files.length} files)`);

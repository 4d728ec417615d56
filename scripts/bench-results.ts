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
 * LSAP and exact-solver groups, see HEADLINE); RESULTS.md gets every group.
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
const HEADLINE = /n = 1000000|512×16|8192×256|LSAP|generated 4096×128|10000 Poisson|10000 queued|GAP|R\|\|/;

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
const summary: string[] = ['| group | case | mean (ms) | ratio to baseline |', '|---|---|---:|---:|'];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const date = new Date().toISOString().slice(0, 10);
lines.push('# Benchmark results', '');
lines.push(`Written by \`npm run bench:results\` on ${date}; machine: ${machine}.`, '');
lines.push('Ratio = mean time of the case / mean time of the group\'s `baseline:` case, measured in the same run (below 1 is faster than the baseline).', '');
for (const file of data.files) {
  lines.push(`## ${relative(root, file.filepath)}`, '');
  for (const g of file.groups) {
    const group = g.fullName.split(' > ').slice(1).join(' > ');
    const base = g.benchmarks.find((b) => b.name.startsWith('baseline:'));
    lines.push(`### ${group}`, '');
    lines.push('| case | mean (ms) | ± | samples | ratio to baseline |', '|---|---:|---:|---:|---:|');
    for (const b of g.benchmarks) {
      const ratio = base ? (b.mean / base.mean).toFixed(2) : 'n/a';
      lines.push(`| ${b.name} | ${ms(b.mean)} | ${b.rme.toFixed(1)}% | ${b.sampleCount} | ${ratio} |`);
      if (HEADLINE.test(group)) summary.push(`| ${group} | ${b === base ? `**${b.name}**` : b.name} | ${ms(b.mean)} | ${ratio} |`);
    }
    lines.push('');
  }
}
writeFileSync(join(root, 'bench/RESULTS.md'), lines.join('\n'));

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i >= 0 && j > i) {
  const block = [start, '', `Measured by \`npm run bench:results\` on ${date} (${machine}). Ratio = mean time / mean time of the group's **baseline** case, measured in the same run. Headline groups only; every group and size is in [bench/RESULTS.md](bench/RESULTS.md).`, '', ...summary, '', end].join('\n');
  writeFileSync(readmePath, readme.slice(0, i) + block + readme.slice(j + end.length));
}
console.log(`wrote bench/RESULTS.md (${data.files.length} files)`);

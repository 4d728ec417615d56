/**
 * solveGap's heuristic on chosen OR-Library gapc/gapd instances at a fixed
 * iteration budget (load-independent values) with the process CPU time, for
 * comparing versions of the search. Prints one line per instance and seed.
 *
 *   npx tsx scripts/gap-iterations.ts [--iterations 4000] [--seeds 0] [--names d20200,d10200]
 */
import { readFileSync } from 'node:fs';
import { parseOrLibraryGap } from '../src/io/orLibraryGap.js';
import { solveGap } from '../src/solvers/gap/gap.js';
import { scriptArgs } from './scriptArgs.js';

const { argv, value: arg } = scriptArgs();
const iterations = Number(arg('--iterations', '4000'));
const seeds = arg('--seeds', '0').split(',').map(Number);
const names = arg('--names', 'd20200,d10200').split(',');
for (const name of names) {
  const file = `gap${name[0]}`;
  const g = parseOrLibraryGap(readFileSync(new URL(`../data/gap/${file}.txt`, import.meta.url), 'utf8'), { fileName: file }).find((x) => x.name === name);
  if (g === undefined) throw new Error(`no instance ${name}`);
  for (const seed of seeds) {
    const c0 = process.cpuUsage();
    const h = await solveGap(g, { sense: 'min', method: 'heuristic', seed, timeLimitMs: 3_600_000, maxIterations: iterations });
    const c = process.cpuUsage(c0);
    console.log(`${name} seed ${seed}: ${h.value} after ${h.iterations} iterations (${h.reason ?? h.status}), CPU ${((c.user + c.system) / 1e6).toFixed(2)} s`);
  }
}

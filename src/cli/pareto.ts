/**
 * `lepton-sched pareto FILE --objectives makespan,energy [--method exact|nsga2]
 * [--cost-model M] [--seed N] [--population N] [--generations N]
 * [--time-limit MS] [--json] [--svg OUT]`: read a
 * JSON problem file, compute its Pareto front, print it.
 *
 * Output: a table of the front's points (one row per point: its objective
 * values and its assignment as device ids) and a line saying whether the
 * front is proved complete; with `--json` the whole front as JSON. `--svg`
 * writes the scatter plot of the first two objectives, highlighting the
 * balanced choice ({@link balancedPoint}). Exit codes: 0 done; 2 usage error
 * or bad input (one line on stderr).
 * @internal
 * @module
 */
import { parseArgs } from 'node:util';
import { parseProblemJson } from '../io/json.js';
import { paretoFront, type ParetoFrontOptions } from '../pareto/paretoFront.js';
import type { ParetoFront } from '../pareto/types.js';
import type { Problem } from '../problem/types.js';
import { frontToSvg } from '../render/scatter.js';
import { count, exitOnMistake, readText, UsageError as Usage, type CliIo } from './io.js';
import { writeSvg } from './solve.js';
import { num, table } from './table.js';

/** Usage text of the `pareto` command, for the CLI's help. @internal */
export const PARETO_USAGE = `  lepton-sched pareto FILE --objectives A,B[,C]   the Pareto front of a JSON problem file
      --objectives L    two or three of makespan, flowtime, energy, cost (required)
      --method M        exact | nsga2 (default nsga2; exact needs the optional package highs)
      --cost-model M    sequential | independent (default sequential)
      --seed N          NSGA-II's seed (default 0)
      --population N    NSGA-II's population size, 2 to 10000 (default 100)
      --generations N   NSGA-II's number of generations (default 1000)
      --time-limit MS   wall-clock budget in milliseconds (default 10000 for nsga2, 60000 for exact)
      --json            print the front as JSON instead of a table
      --svg PATH        also write the scatter plot of the first two objectives to PATH
`;

const FLAGS: Readonly<Record<string, string>> = {
  'options.objectives': '--objectives',
  'options.method': '--method',
  'options.costModel': '--cost-model',
  'options.seed': '--seed',
  'options.populationSize': '--population',
  'options.maxGenerations': '--generations',
  'options.timeLimitMs': '--time-limit',
};

/**
 * A balanced choice on the front: the smallest Σ_k (f_k − min_k) / (max_k −
 * min_k), each objective scaled to [0, 1] between its best and worst value
 * on the front (a term is 0 when all values are equal); ties to the lowest
 * index; 0 for an empty front. @internal
 */
export function balancedPoint(front: ParetoFront): number {
  const dims = front.objectives.length;
  const lo = Array.from({ length: dims }, (_, k) => Math.min(...front.points.map((p) => p.objectives[k]!)));
  const hi = Array.from({ length: dims }, (_, k) => Math.max(...front.points.map((p) => p.objectives[k]!)));
  let best = 0;
  let bestScore = Infinity;
  front.points.forEach((p, i) => {
    let s = 0;
    for (let k = 0; k < dims; k++) s += hi[k]! > lo[k]! ? (p.objectives[k]! - lo[k]!) / (hi[k]! - lo[k]!) : 0;
    if (s < bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

function report(file: string, problem: Problem, front: ParetoFront): string {
  const ids = problem.devices.map((d) => d.id);
  const pick = balancedPoint(front);
  const lines = [
    `${file}: ${problem.tasks.length} tasks x ${problem.devices.length} devices; Pareto front of ${front.objectives.join(', ')} by ${front.method}: ${count(front.points.length, 'point')}`,
    '',
    table([
      ['point', ...front.objectives, 'assignment'],
      ...front.points.map((p, i) => [`${i}${i === pick ? '*' : ''}`, ...p.objectives.map(num), p.assignment.map((j) => ids[j]!).join(' ')]),
    ]),
    `  * balanced choice: smallest sum of the objectives, each scaled to [0, 1] between its best and worst value on the front`,
    `  ${front.proved ? 'proved complete' : 'not proved complete'}: ${front.reason}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `lepton-sched pareto` with the arguments after `pareto`.
 * @param args - Command-line arguments after the word `pareto`.
 * @param io - Output channels.
 * @returns The exit code: 0 success, 2 usage error or bad input.
 * @internal
 */
export async function paretoCommand(args: readonly string[], io: CliIo): Promise<number> {
  let file = '';
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        objectives: { type: 'string' },
        method: { type: 'string' },
        'cost-model': { type: 'string' },
        seed: { type: 'string' },
        population: { type: 'string' },
        generations: { type: 'string' },
        'time-limit': { type: 'string' },
        json: { type: 'boolean' },
        svg: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Usage(positionals.length === 0 ? 'missing FILE (usage: lepton-sched pareto FILE --objectives makespan,energy)' : `expected one FILE, got ${positionals.length}`);
    file = positionals[0]!;
    if (values.objectives === undefined) throw new Usage('missing --objectives (two or three of makespan, flowtime, energy, cost, comma-separated)');
    const options: Record<string, unknown> = { objectives: values.objectives.split(',').map((s) => s.trim()) };
    if (values.method !== undefined) options.method = values.method;
    if (values['cost-model'] !== undefined) options.costModel = values['cost-model'];
    if (values.seed !== undefined) {
      if (!/^\d+$/.test(values.seed)) throw new Usage(`--seed must be a non-negative integer, got '${values.seed}'`);
      options.seed = Number(values.seed);
    }
    for (const [flag, key] of [['population', 'populationSize'], ['generations', 'maxGenerations']] as const) {
      const v = values[flag];
      if (v === undefined) continue;
      if (!/^\d+$/.test(v)) throw new Usage(`--${flag} must be a non-negative integer, got '${v}'`);
      options[key] = Number(v);
    }
    if (values['time-limit'] !== undefined) {
      const t = Number(values['time-limit']);
      if (values['time-limit'].trim() === '' || !Number.isFinite(t) || t < 0) throw new Usage(`--time-limit must be a finite number >= 0, got '${values['time-limit']}'`);
      options.timeLimitMs = t;
    }
    const text = await readText(file, io.stdin);
    const problem = parseProblemJson(text);
    const front = await paretoFront(problem, options as unknown as ParetoFrontOptions);
    if (values.svg !== undefined) {
      const svg = frontToSvg(front, { title: `${file}: Pareto front (${front.method})`, ...(front.points.length > 0 ? { highlight: balancedPoint(front) } : {}) });
      await writeSvg(values.svg, svg);
    }
    io.stdout(values.json === true ? `${JSON.stringify(front, null, 2)}\n` : report(file, problem, front));
    return 0;
  } catch (e) {
    const where = file === '' ? '' : `${file}: `;
    return exitOnMistake('pareto', e, io, (x) => {
      const flag = x.fn === 'paretoFront' ? FLAGS[x.field.replace(/\[\d+\]$/, '')] : undefined;
      return flag === undefined ? `${where}${x.message}` : x.message.replace(`paretoFront: ${x.field.replace(/\[\d+\]$/, '')}`, flag).replaceAll('options.objectives', '--objectives');
    }, PARETO_USAGE);
  }
}

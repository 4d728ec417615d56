/**
 * The `lepton-sched` command: argument parsing and dispatch. Every user
 * mistake becomes one line on stderr and exit code 2; no stack traces.
 * @internal
 * @module
 */
import { parseArgs } from 'node:util';
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { workedExampleReport } from './exampleReport.js';
import { isParseArgsError, oneLine, parseArgsMessage, UsageError, type CliIo } from './io.js';
import { SOLVE_USAGE, solveCommand, writeSvg } from './solve.js';
import { SERVE_USAGE, serveCommand } from './serve.js';
import { WORKFLOW_USAGE, workflowCommand } from './workflow.js';
import { PARETO_USAGE, paretoCommand } from './pareto.js';
import { evaluate } from '../schedule/evaluate.js';
import { scheduleToSvg } from '../render/gantt.js';
import { workedExampleProblem } from '../problem/fromArticle.js';
import { workedExample } from '../workedExample.js';
import { VERSION } from './version.js';
import { didYouMean } from '../internal/suggest.js';

/** The cloud transfer time the worked example uses where the article gives none. */
export const DEFAULT_CLOUD_TRANSFER = 30;

const EXAMPLE_USAGE = `  lepton-sched example [--svg PATH] [--cloud-transfer T]
                                   print the seed article's worked example report;
                                   --svg writes the published assignment's Gantt chart
                                   (the article's no-waiting model); --cloud-transfer sets
                                   the cloud's transfer time, which the article omits (default 30)
`;

/** Each command's usage block, printed by `lepton-sched COMMAND --help`. */
const COMMAND_USAGE: Readonly<Record<string, string>> = {
  example: EXAMPLE_USAGE,
  solve: SOLVE_USAGE,
  workflow: WORKFLOW_USAGE,
  pareto: PARETO_USAGE,
  serve: SERVE_USAGE,
};

export const HELP = `lepton-sched ${VERSION}: schedule tasks across edge devices and the cloud

Usage:
${EXAMPLE_USAGE}${SOLVE_USAGE}${WORKFLOW_USAGE}${PARETO_USAGE}${SERVE_USAGE}  lepton-sched --help              this text
  lepton-sched --version           the version

Exit codes: 0 success, 1 internal error, 2 usage error or bad input.
`;

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command (try --help)');
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const usage = Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;
  const flags = rest.indexOf('--') >= 0 ? rest.slice(0, rest.indexOf('--')) : rest;
  if (usage !== undefined && (flags.includes('--help') || flags.includes('-h'))) {
    io.stdout(`Usage:\n${usage}`);
    return 0;
  }
  switch (command) {
    case 'example': {
      const { values } = parseArgs({
        args: [...rest],
        options: { svg: { type: 'string' }, 'cloud-transfer': { type: 'string' } },
        allowPositionals: false,
        strict: true,
      });
      const cloud = values['cloud-transfer'] === undefined ? DEFAULT_CLOUD_TRANSFER : Number(values['cloud-transfer']);
      if (!Number.isFinite(cloud) || cloud < 0) throw new UsageError(`--cloud-transfer must be a finite number >= 0, got '${values['cloud-transfer']}'`);
      const report = workedExampleReport({ cloudTransferTime: cloud });
      if (values.svg !== undefined) {
        const schedule = evaluate(workedExampleProblem(cloud), workedExample.published.assignment, { costModel: 'independent' });
        await writeSvg(values.svg, scheduleToSvg(schedule, { title: 'Worked example: the published assignment (no waiting)' }));
      }
      io.stdout(report);
      if (values.svg !== undefined) io.stdout(`wrote ${values.svg}\n`);
      return 0;
    }
    case 'solve':
      return solveCommand(rest, io);
    case 'serve':
      return serveCommand(rest, io);
    case 'workflow':
      return workflowCommand(rest, io);
    case 'pareto':
      return paretoCommand(rest, io);
    default:
      throw new UsageError(`unknown command '${command}'${didYouMean(command, Object.keys(COMMAND_USAGE))} (try --help)`);
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError) {
      const command = argv[0] !== undefined && Object.hasOwn(COMMAND_USAGE, argv[0]) ? ` ${argv[0]}` : '';
      io.stderr(`lepton-sched${command}: ${e instanceof UsageError ? oneLine(e.message) : e.message}\n`);
      return 2;
    }
    if (isParseArgsError(e)) {
      const command = argv[0] ?? '';
      io.stderr(`lepton-sched ${command}: ${parseArgsMessage(command, e, Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined)}\n`);
      return 2;
    }
    throw e;
  }
}

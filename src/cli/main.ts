/**
 * The `lepton-sched` command: argument parsing and dispatch. Every user
 * mistake becomes one line on stderr and exit code 2; no stack traces.
 * @internal
 * @module
 */
import { parseArgs } from 'node:util';
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { workedExampleReport } from './exampleReport.js';
import { UsageError, type CliIo } from './io.js';
import { SOLVE_USAGE, solveCommand } from './solve.js';
import { VERSION } from './version.js';

export const HELP = `lepton-sched ${VERSION}: schedule tasks across edge devices and the cloud

Usage:
  lepton-sched example             print the seed article's worked example report
${SOLVE_USAGE}  lepton-sched --help              this text
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
  switch (command) {
    case 'example': {
      parseArgs({ args: [...rest], options: {}, allowPositionals: false, strict: true });
      io.stdout(workedExampleReport());
      return 0;
    }
    case 'solve':
      return solveCommand(rest, io);
    default:
      throw new UsageError(`unknown command '${command}' (try --help)`);
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError) {
      io.stderr(`lepton-sched: ${e.message}\n`);
      return 2;
    }
    // parseArgs reports unknown flags with a code, not a class.
    if (e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`lepton-sched: ${e.message} (try --help)\n`);
      return 2;
    }
    throw e;
  }
}

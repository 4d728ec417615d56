/**
 * Entry point of the `lepton-sched` command (see `src/cli/main.ts`).
 * @internal
 * @module
 */
import { runCli } from './cli/main.js';

// A reader that stops early (`lepton-sched solve … | head`) closes the pipe:
// stop quietly, as other command-line tools do, instead of a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`lepton-sched: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);

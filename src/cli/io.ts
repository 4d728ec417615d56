/**
 * The CLI's output channels, injected so commands are testable without
 * spawning a process.
 * @internal
 * @module
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A user mistake: printed as one line on stderr, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

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

/**
 * One line for stderr: a multi-line library message (e.g. every error of a
 * JSON problem file) is folded into one line, its parts joined by "; ".
 */
export function oneLine(message: string): string {
  return message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ');
}

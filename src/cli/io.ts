import { readFile } from 'node:fs/promises';
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { didYouMean } from '../internal/suggest.js';
/**
 * The CLI's output channels, injected so commands are testable without
 * spawning a process.
 * @internal
 * @module
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input, read to the end (for `FILE` = `-`); the process's stdin when absent. */
  readonly stdin?: () => Promise<string>;
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

/** `n` and the noun, plural when n ≠ 1: `1 task`, `0 tasks`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A file-system error as a reader wants it: what went wrong, then Node's own words. */
export function describeFileError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const what: Readonly<Record<string, string>> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    ENOTDIR: 'a part of the path is not a directory',
  };
  const known = err.code === undefined ? undefined : what[err.code];
  return known === undefined ? (err.message ?? String(e)) : `${known} (${err.code ?? ""})`;
}

/** Reads standard input to the end, as UTF-8. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a problem file as text: `-` is standard input; a UTF-8 byte-order
 * mark is dropped; an unreadable path is a usage error that says why.
 */
export async function readText(file: string, stdin?: () => Promise<string>): Promise<string> {
  let text: string;
  if (file === '-') {
    text = await (stdin ?? (() => readStdin()))();
  } else {
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${describeFileError(e)}`);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The library's error classes, as the commands report them. */
type LibraryError = InputTypeError | InputRangeError | InfeasibleError;

/**
 * Ends a command on a user mistake: a usage error, a library error (its
 * message shaped by `describe`, e.g. prefixed with the file name) or a
 * `parseArgs` error becomes a message on stderr and exit code 2 (one line,
 * except a library report of several errors: one error per line, as the
 * library writes it); anything else is a bug and is rethrown.
 */
export function exitOnMistake(command: string, e: unknown, io: CliIo, describe: (e: LibraryError) => string, usage?: string): number {
  let message: string;
  if (e instanceof UsageError) message = oneLine(e.message);
  // A library report of several errors keeps one error per line, as the library writes it.
  else if (e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError) message = describe(e);
  else if (isParseArgsError(e)) message = parseArgsMessage(command, e, usage);
  else throw e;
  io.stderr(`lepton-sched ${command}: ${message}\n`);
  return 2;
}

/** The long flags a usage text names (`--strategy`, `--help` always). */
function usageFlags(usage: string | undefined): string[] {
  return [...new Set([...(usage ?? '').matchAll(/--[a-z][a-z0-9-]*/g)].map((x) => x[0]).concat('--help'))];
}

/** Whether `e` is an error of `node:util`'s `parseArgs` (it has a code, not a class). */
export function isParseArgsError(e: unknown): e is TypeError & { readonly code: string } {
  return e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

/**
 * A `parseArgs` error in this CLI's words: an unknown flag is named without
 * Node's advice about positionals, and every message ends with where the
 * command's flags are listed. With the command's `usage` text, a misspelt flag
 * gets a did-you-mean from the flags that text names.
 */
export function parseArgsMessage(command: string, e: TypeError & { readonly code: string }, usage?: string): string {
  const name = /'([^' ]+)/.exec(e.message)?.[1];
  let what = oneLine(e.message);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name !== undefined) what = `unknown option '${name}'${didYouMean(name, usageFlags(usage))}`;
  else if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name !== undefined && e.message.includes('ambiguous')) {
    what = `${name} is followed by a value starting with '-', which reads as another option: write ${name}=VALUE to pass such a value`;
  }
  return `${what} (the flags: lepton-sched ${command} --help)`;
}

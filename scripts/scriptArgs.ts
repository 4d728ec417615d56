/**
 * The command line of the scripts in this folder: `--name value` options
 * and `--flag` switches (one parser, so that every script reads them alike).
 */

/** A script's arguments: the raw list and a reader of `--name value`. */
export interface ScriptArgs {
  /** The arguments after the script's path. */
  readonly argv: readonly string[];
  /** The word after `name`, or `fallback` when `name` is absent or last. */
  readonly value: (name: string, fallback: string) => string;
}

/** Reads `argv` (by default this process's arguments after the script's path). */
export function scriptArgs(argv: readonly string[] = process.argv.slice(2)): ScriptArgs {
  return {
    argv,
    value: (name, fallback) => {
      const k = argv.indexOf(name);
      return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : fallback;
    },
  };
}

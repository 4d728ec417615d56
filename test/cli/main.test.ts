import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { VERSION } from '../../src/cli/version.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('lepton-sched CLI', () => {
  it('--version prints VERSION (kept equal to package.json by test/cli/version.test.ts)', async () => {
    const r = await run('--version');
    expect(r).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
  });

  it('--help lists the commands and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('lepton-sched example');
  });

  it.each(['example', 'solve', 'workflow', 'pareto', 'serve'])('%s --help (or -h) prints that command\'s usage block from --help, exits 0 and runs nothing', async (command) => {
    const all = (await run('--help')).out;
    for (const flag of ['--help', '-h']) {
      const r = await run(command, 'some-file.json', flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out.startsWith(`Usage:\n  lepton-sched ${command} `)).toBe(true);
      expect(all).toContain(r.out.slice('Usage:\n'.length));
    }
  });

  it('a --help after -- is a positional, not a request for help', async () => {
    const r = await run('solve', '--', '--help');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('example prints the report with the published totals', async () => {
    const r = await run('example');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Published assignment');
  });

  it('example --svg PATH writes the published assignment as an SVG Gantt chart', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lepton-cli-')), 'we.svg');
    const r = await run('example', '--svg', path);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${path}`);
    const svg = readFileSync(path, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/class="exec"/g)?.length).toBe(5);
  });

  it.each([
    [['example', '--cloud-transfer=-1'], 'lepton-sched example: --cloud-transfer must be'],
    [['example', '--svg', '/nonexistent-dir/x.svg'], 'cannot write'],
    [[], 'missing command'],
    [['bogus'], "unknown command 'bogus'"],
    [['example', '--cloud-transfer', '-3'], "lepton-sched example: --cloud-transfer is followed by a value starting with '-', which reads as another option: write --cloud-transfer=VALUE to pass such a value (the flags: lepton-sched example --help)"],
    [['example', '--nope'], "lepton-sched example: unknown option '--nope' (the flags: lepton-sched example --help)"],
    [['example', 'extra'], 'extra'],
  ])('usage error %j exits 2 with one line on stderr and no stack trace', async (argv, text) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(text);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('lepton-sched: did-you-mean for misspelt commands and flags', () => {
  it.each([
    [['solv'], "lepton-sched: unknown command 'solv'; did you mean 'solve'? (try --help)"],
    [['example', '--svgg', 'x.svg'], "lepton-sched example: unknown option '--svgg'; did you mean '--svg'? (the flags: lepton-sched example --help)"],
    [['serve', '--stdi'], "lepton-sched serve: unknown option '--stdi'; did you mean '--stdio'? (the flags: lepton-sched serve --help)"],
    [['bogus'], "lepton-sched: unknown command 'bogus' (try --help)"],
  ])('lepton-sched %j exits 2 naming the nearest command or flag', async (argv, line) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${line}\n`);
  });
});

// Fuzz: the command line. Arbitrary arguments and file contents end in exit
// 0 with output, or exit 2 with exactly one line on stderr and no stack trace;
// `--json` output is always valid JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { problemToJson, strategyNames } from '../../src/index.js';
import { problemArb } from '../arbitraries.js';
import { fc, SLOW_RUNS } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'lepton-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const counts = { ok: 0, usage: 0 };
afterAll(() => console.log(`fuzz counts\n  cli: ${counts.ok + counts.usage} invocations (${counts.ok} exit 0, ${counts.usage} exit 2)`));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const fileText = fc.oneof(
  { weight: 6, arbitrary: problemArb({ maxTasks: 5 }).map((p) => problemToJson(p)) },
  { weight: 2, arbitrary: problemArb({ maxTasks: 5 }).map((p) => problemToJson(p).replace(/\d/, 'x')) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 12 }).map((xs) => xs.join('\n')) },
);
const flag = fc.oneof(
  fc.constantFrom('--json', '--help', '--nope', '-x', '--strategy', '--cost-model', '--seed', '--format', '--tasks', '--svg'),
  fc.constantFrom(...strategyNames, 'nope', 'sequential', 'independent', 'json', 'hcsp', '3', '-1', 'x'),
);

describe('fuzz: CLI', () => {
  it('lepton-sched solve FILE [flags] exits 0 or 2 (one stderr line or one line per error, no stack); --json output parses', async () => {
    await fc.assert(
      fc.asyncProperty(fileText, fc.constantFrom('.json', '.txt', ''), fc.array(flag, { maxLength: 4 }), fc.boolean(), fc.boolean(), async (text, ext, flags, missing, json) => {
        const path = join(dir, `f${fileCount++}${ext}`);
        if (!missing) writeFileSync(path, text);
        // --svg always gets a path inside the scratch folder, so nothing is written elsewhere.
        const argv = ['solve', path, ...flags.flatMap((f) => (f === '--svg' ? [f, `${path}.svg`] : [f])), ...(json ? ['--json'] : [])];
        const r = await run(argv);
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) {
          counts.usage++;
          // One line, or a library report of several errors: its header line, then one indented line per error.
          const lines = r.err.trimEnd().split('\n');
          if (lines.length > 1) expect(lines[0]).toMatch(/ errors:$/);
          expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
          expect(r.err).not.toMatch(/\n\s+at /);
          expect(r.out).toBe('');
        } else {
          counts.ok++;
          expect(r.err).toBe('');
          if (json && !flags.includes('--help')) expect(() => JSON.parse(r.out)).not.toThrow();
        }
      }),
      { numRuns: Math.max(25, Math.ceil(SLOW_RUNS / 2)) },
    );
  });

  it('lepton-sched with arbitrary arguments exits 0 or 2 with one stderr line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(flag, fc.constantFrom('example', 'solve', 'help', '--version'), fc.string({ maxLength: 6 })), { maxLength: 4 }), async (args) => {
        const argv = args.filter((a) => a !== '--svg');
        const r = await run(argv);
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) {
          counts.usage++;
          expect(r.err.trimEnd().split('\n')).toHaveLength(1);
        } else counts.ok++;
      }),
      { numRuns: Math.max(25, Math.ceil(SLOW_RUNS / 2)) },
    );
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('lepton-sched (the process entry point, src/cli.ts)', () => {
  it('stops quietly with exit code 0 when its reader closes the pipe early (solve … | head, here | true), with no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lepton-pipe-'));
    try {
      const err = join(dir, 'stderr.txt');
      const tsx = join(root, 'node_modules/.bin/tsx');
      const script = `set -o pipefail; "${tsx}" "${join(root, 'src/cli.ts')}" solve "${join(root, 'data/hcsp/u_c_hihi.0')}" --strategy mct 2>"${err}" | true`;
      const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
      expect(readFileSync(err, 'utf8')).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

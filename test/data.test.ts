import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sums(folder: string): [string, string][] {
  return readFileSync(join(root, 'data', folder, 'SHA256SUMS'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [hash, name] = l.trim().split(/\s+/);
      return [hash ?? '', (name ?? '').replace(/^\*/, '')];
    });
}

describe('data/: the bundled public instances', () => {
  for (const folder of readdirSync(join(root, 'data')).filter((f) => statSync(join(root, 'data', f)).isDirectory())) {
    it(`data/${folder} matches its SHA256SUMS and has a README with source and licence`, () => {
      const rows = sums(folder);
      expect(rows.length).toBeGreaterThan(0);
      for (const [hash, name] of rows) {
        const actual = createHash('sha256').update(readFileSync(join(root, 'data', folder, name))).digest('hex');
        expect(actual, `data/${folder}/${name}`).toBe(hash);
      }
      const readme = readFileSync(join(root, 'data', folder, 'README.md'), 'utf8');
      expect(readme).toMatch(/[Ll]icen[cs]e/);
      expect(readme).toMatch(/[Ss]ource|Redistributed from/);
    });
  }
});

/** Every file the project runs, as text: src, test, bench, scripts, examples, .ci. */
function projectFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'fixtures') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) projectFiles(path, out);
    else if (/\.(ts|py|sh|js|mjs|cjs|json)$|^run$/.test(name)) out.push(path);
  }
  return out;
}

describe('the repository is self-contained', () => {
  it('no source, test, bench, script, example or CI file reads a path outside the repository (a shared folder beside the clone, or any path climbing above the root)', () => {
    const offenders: string[] = [];
    for (const d of ['src', 'test', 'bench', 'scripts', 'examples', '.ci']) {
      for (const f of projectFiles(join(root, d))) {
        const text = readFileSync(f, 'utf8');
        // A literal naming the outside folder, or a relative path climbing above
        // the repository root from the file's own folder.
        if (/shared\/data|\.\.\/shared\b/.test(text) && !f.endsWith('data.test.ts')) offenders.push(f);
        const depth = f.slice(root.length + 1).split('/').length - 1;
        for (const m of text.matchAll(/['"`]((?:\.\.\/)+)/g)) {
          const ups = (m[1] ?? '').length / 3;
          if (ups > depth) offenders.push(`${f}: ${m[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('data/*/README.md: cited test files', () => {
  for (const folder of readdirSync(join(root, 'data')).filter((f) => statSync(join(root, 'data', f)).isDirectory())) {
    it(`data/${folder}/README.md cites only test files (test/….test.ts) that exist`, () => {
      const text = readFileSync(join(root, 'data', folder, 'README.md'), 'utf8');
      const cited = [...text.matchAll(/`(test\/[\w/.-]+\.test\.ts)`/g)].map((x) => x[1]!);
      const missing = cited.filter((p) => { try { return !statSync(join(root, p)).isFile(); } catch { return true; } });
      expect(missing).toEqual([]);
    });
  }
});

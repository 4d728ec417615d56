import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as formula from '../../src/formula/index.js';
import * as core from '../../src/index.js';

/** Every module reachable from `entry` by static and dynamic imports. */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return; // a package
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      visit(spec.startsWith('.') ? resolve(dirname(file), spec.replace(/\.js$/, '.ts')) : spec);
    }
  };
  visit(entry);
  return seen;
}

describe('lepton-sched/formula: edge cases of the module boundary', () => {
  it('the subpath exports compileFormula and formulaPriorities, and the core exports neither', () => {
    expect(Object.keys(formula).sort()).toEqual(['compileFormula', 'formulaPriorities']);
    expect('compileFormula' in core || 'formulaPriorities' in core).toBe(false);
  });
  it('src/index.ts never reaches src/formula or mathjs through its imports', () => {
    const graph = importGraph(resolve(__dirname, '../../src/index.ts'));
    expect(graph.size).toBeGreaterThan(5);
    const offending = [...graph].filter((f) => f.includes('/src/formula/') || f.startsWith('mathjs'));
    expect(offending).toEqual([]);
  });
  it('src/formula/index.ts does reach mathjs (the check above can fail)', () => {
    const graph = importGraph(resolve(__dirname, '../../src/formula/index.ts'));
    expect([...graph].some((f) => f.startsWith('mathjs'))).toBe(true);
  });
});

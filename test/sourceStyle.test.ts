import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir`, recursively, sorted. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** Line numbers (1-based) of every `any` type keyword in a TypeScript text (comments and strings are not keywords). */
function anyLines(text: string, name: string): number[] {
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) lines.push(sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return lines;
}

describe('source style (CONTRIBUTING): no `any`', () => {
  const root = join(import.meta.dirname, '..');

  it.each(['src', 'test', 'bench', 'examples', 'scripts'])('no file under %s/ uses the type `any` (use `unknown` and narrow)', (dir) => {
    const files = tsFiles(join(root, dir));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) => anyLines(readFileSync(f, 'utf8'), f).map((line) => `${relative(root, f)}:${line}`));
    expect(found).toEqual([]);
  });

  it('the check finds `any` in annotations, assertions and type arguments, not in comments or strings', () => {
    const text = "// any\nconst a: any = 1;\nconst b = 2 as any;\nconst c: Array<any> = [];\nconst d = 'any';\n";
    expect(anyLines(text, 'sample.ts')).toEqual([2, 3, 4]);
  });
});

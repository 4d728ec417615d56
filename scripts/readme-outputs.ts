/**
 * Rewrites the expected output of README's code blocks: runs every ```ts /
 * ```js block that is followed by a ```text block (the same blocks
 * test/readme.test.ts runs) and replaces that text block with what the block
 * prints now. Run after changing an example, then read the diff:
 *
 *   npx tsx scripts/readme-outputs.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readmeBlocks } from '../test/readmeBlocks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = join(root, 'README.md');
const scratch = join(root, '.readme-blocks');
mkdirSync(scratch, { recursive: true });
const lines = readFileSync(readme, 'utf8').split('\n');
// Last block first, so earlier line numbers stay valid while we splice.
for (const b of readmeBlocks(lines.join('\n')).reverse()) {
  if (b.expected === undefined || b.notRun !== undefined) continue;
  const code = b.code
    .replace(/from 'lepton-sched\/formula'/g, `from '${join(root, 'src/formula/index.ts')}'`)
    .replace(/from 'lepton-sched'/g, `from '${join(root, 'src/index.ts')}'`);
  const file = join(scratch, `line-${b.line}.mts`);
  writeFileSync(file, `${code}\nexport {};\n`);
  const printed = execFileSync(join(root, 'node_modules/.bin/tsx'), [file], { encoding: 'utf8', cwd: root }).replace(/\n$/, '');
  // Find the text block after the code block and replace its body.
  let i = b.line; // 0-based index of the line after the opening fence
  while (!/^\s*```\s*$/.test(lines[i]!)) i++;
  let open = i + 1;
  while (!/^\s*```text\s*$/.test(lines[open]!)) open++;
  const indent = /^(\s*)/.exec(lines[open]!)![1]!;
  let close = open + 1;
  while (!/^\s*```\s*$/.test(lines[close]!)) close++;
  lines.splice(open + 1, close - open - 1, ...printed.split('\n').map((l) => (l === '' ? l : indent + l)));
  console.log(`README line ${b.line}: ${printed.split('\n').length} lines of output`);
}
writeFileSync(readme, lines.join('\n'));
rmSync(scratch, { recursive: true, force: true });

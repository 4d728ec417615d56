/**
 * Extracts the README's code blocks for test/readme.test.ts: every ```ts or
 * ```js block, with the ```text block that follows it (if any) as its
 * expected standard output. A block preceded by an HTML comment
 * `<!-- not run: REASON -->` is listed with that reason and not run.
 */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: 'ts' | 'js';
  readonly code: string;
  /** The expected output (the following text block), or undefined. */
  readonly expected: string | undefined;
  /** Why the block is not run, or undefined when it is. */
  readonly notRun: string | undefined;
}

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const out: ReadmeBlock[] = [];
  let i = 0;
  let lastComment: { line: number; reason: string } | undefined;
  while (i < lines.length) {
    const raw = lines[i]!;
    const comment = /^<!--\s*not run:\s*(.*?)\s*-->\s*$/.exec(raw.trim());
    if (comment) lastComment = { line: i, reason: comment[1]! };
    const open = /^(\s*)```(\w*)\s*$/.exec(raw);
    if (!open) {
      i++;
      continue;
    }
    const indent = open[1]!.length;
    const lang = open[2]!;
    const start = i;
    const body: string[] = [];
    i++;
    while (i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) body.push(lines[i++]!.slice(indent));
    i++;
    if (lang !== 'ts' && lang !== 'js') continue;
    // The expected output: a text block after at most a few prose lines.
    let expected: string | undefined;
    let j = i;
    while (j < lines.length && j < i + 3 && !/^\s*```/.test(lines[j]!)) j++;
    const next = /^(\s*)```text\s*$/.exec(lines[j] ?? '');
    if (next && lines.slice(i, j).every((l) => l.trim() === '' || /^(prints|output)\b/i.test(l.trim()))) {
      const ind = next[1]!.length;
      const text: string[] = [];
      let k = j + 1;
      while (k < lines.length && !/^\s*```\s*$/.test(lines[k]!)) text.push(lines[k++]!.slice(ind));
      expected = text.join('\n');
      i = k + 1;
    }
    const notRun = lastComment !== undefined && start - lastComment.line <= 2 ? lastComment.reason : undefined;
    out.push({ line: start + 1, lang, code: body.join('\n'), expected, notRun });
  }
  return out;
}

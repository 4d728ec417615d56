/**
 * Drives the playground in a real headless Chromium (Debian's chromium via
 * playwright-core) and checks it against the library run here in Node:
 * the page loads with no console errors or failed requests; each strategy
 * solved in the page shows the makespan `solve` gives and a Gantt SVG with
 * one bar per task and a trace row per task; malformed input shows the
 * library's own error message. Saves screenshots to SCREENSHOT_DIR (default
 * a temp folder) and prints their paths.
 *
 * Run by scripts/clients/browser.sh (which builds the page and starts the
 * static server); direct use: PLAYGROUND_URL=http://127.0.0.1:PORT/ npx tsx scripts/clients/browser-test.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  parseProblemJson,
  parseWorkflowJson,
  problemToJson,
  scheduleWorkflow,
  solve,
  strategyNames,
  workedExampleProblem,
  workflowStrategyNames,
  workflowToJson,
  type StrategyName,
} from '../../src/index.js';

const url = process.env['PLAYGROUND_URL'];
if (url === undefined) throw new Error('browser-test: set PLAYGROUND_URL to the served playground');
const executablePath = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const shots = process.env['SCREENSHOT_DIR'] ?? mkdtempSync(join(tmpdir(), 'lepton-playground-shots-'));
mkdirSync(shots, { recursive: true });

let failures = 0;
const check = (ok: boolean, what: string): void => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

const problem = workedExampleProblem(30);
const expected = (strategy: StrategyName, costModel: 'sequential' | 'independent' = 'sequential') =>
  solve(problem, { strategy, costModel, trace: true, maxIterations: 5000, timeLimitMs: 2000 });
/** The message the library throws for `text`, as the page prints it (class name: message). */
const libraryError = (text: string, run: (t: string) => unknown = parseProblemJson): string => {
  try {
    run(text);
  } catch (e) {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
  }
  throw new Error(`browser-test: expected the library to reject ${JSON.stringify(text.slice(0, 40))}`);
};
const workflowText = readFileSync(new URL('../../data/workflows/topcuoglu2002.json', import.meta.url), 'utf8');
const workflow = parseWorkflowJson(workflowText);

async function shown(page: Page): Promise<{ makespan: string; bars: number; execRects: number; traceRows: number; chosen: string[]; error: string; runs: number }> {
  return {
    makespan: (await page.locator('#metric-makespan td').allTextContents()).join(),
    bars: await page.locator('#gantt svg g.task').count(),
    execRects: await page.locator('#gantt svg g.task rect.exec').count(),
    traceRows: await page.locator('#trace tbody tr').count(),
    chosen: await page.locator('#trace tbody tr td:nth-child(3)').allTextContents(),
    error: (await page.locator('#error').textContent()) ?? '',
    runs: await page.locator('#runs tbody tr').count(),
  };
}

const profile = mkdtempSync(join(tmpdir(), 'lepton-chromium-profile-'));
// playwright-core takes the profile folder as its own parameter (it passes --user-data-dir) and adds --headless.
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => consoleErrors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()}: ${r.url()}`); });

  await page.goto(url, { waitUntil: 'load' });
  check((await page.locator('#input').inputValue()) === problemToJson(problem), 'the worked example is preloaded as problemToJson(workedExampleProblem(30))');
  const options = await page.locator('#strategy option').allTextContents();
  check(options.join() === strategyNames.join(), `the strategy list is strategyNames (${options.length})`);

  // Loaded: the page solved the preloaded problem with the default strategy.
  const seed = expected('seed');
  let s = await shown(page);
  check(s.makespan === String(seed.makespan), `on load, seed: page makespan ${s.makespan} = library ${seed.makespan}`);
  check(s.bars === problem.tasks.length && s.execRects === problem.tasks.length, `on load: ${s.bars} bars in the SVG for ${problem.tasks.length} tasks`);
  await page.screenshot({ path: join(shots, 'loaded.png'), fullPage: true });

  for (const strategy of strategyNames) {
    const want = expected(strategy);
    await page.locator('#strategy').selectOption(strategy);
    await page.locator('#solve').click();
    s = await shown(page);
    const wantChosen = want.trace.map((d) => problem.devices[d.chosen]!.id);
    check(
      s.makespan === String(want.makespan) && s.bars === problem.tasks.length && s.traceRows === Math.max(want.trace.length, 1) && s.chosen.join() === wantChosen.join() && s.error === '',
      `${strategy}: makespan ${s.makespan} (library ${want.makespan}), ${s.bars} bars, trace ${s.chosen.join(' ')}`,
    );
  }
  await page.locator('#strategy').selectOption('min-min');
  await page.locator('#costModel').selectOption('independent');
  await page.locator('#solve').click();
  const independent = expected('min-min', 'independent');
  s = await shown(page);
  check(s.makespan === String(independent.makespan), `min-min, independent cost model: makespan ${s.makespan} = library ${independent.makespan}`);
  await page.screenshot({ path: join(shots, 'min-min-independent.png'), fullPage: true });

  // Malformed input: the page shows the library's message and no stale chart.
  const truncated = problemToJson(problem).slice(0, 120);
  await page.locator('#input').fill(truncated);
  await page.locator('#solve').click();
  s = await shown(page);
  // The library quotes the JavaScript engine's own JSON.parse message, which
  // Chromium words differently from Node (it adds the line and column): swap
  // in the page engine's wording of the same parse error.
  const nativeMessage = (t: string): string => { try { JSON.parse(t); } catch (e) { if (e instanceof Error) return e.message; } return ''; };
  const browserNative = await page.evaluate((t) => { try { JSON.parse(t); } catch (e) { return e instanceof Error ? e.message : ''; } return ''; }, truncated);
  const wantTruncated = libraryError(truncated).replace(nativeMessage(truncated), browserNative);
  check(browserNative !== '' && wantTruncated.includes(browserNative), `Chromium's own JSON.parse message: "${browserNative}"`);
  check(s.error === wantTruncated && s.bars === 0 && s.makespan === '' && s.traceRows === 0, `truncated JSON: the page shows "${s.error}", no chart, no metrics, no trace`);
  check(await page.locator('#results').isHidden(), 'after an error the results panel is hidden (no stale headings)');
  await page.screenshot({ path: join(shots, 'malformed-json.png'), fullPage: true });

  const negative = problemToJson(problem).replace('[20,', '[-20,');
  await page.locator('#input').fill(negative);
  await page.locator('#solve').click();
  s = await shown(page);
  check(s.error === libraryError(negative), `a negative execution time: the page shows "${s.error}"`);
  await page.screenshot({ path: join(shots, 'bad-field.png'), fullPage: true });

  await page.locator('#reset').click();
  s = await shown(page);
  check(s.error === '' && s.bars === problem.tasks.length, 'the example button restores the worked example and solves it');

  // Workflows: the Topcuoglu 2002 sample graph, every task-graph strategy.
  await page.locator('#kind').selectOption('workflow');
  check((await page.locator('#input').inputValue()) === workflowToJson(workflow), 'workflow mode preloads workflowToJson(topcuoglu2002.json)');
  const wfOptions = await page.locator('#strategy option').allTextContents();
  check(wfOptions.join() === workflowStrategyNames.join(), `the strategy list is workflowStrategyNames (${wfOptions.length})`);
  for (const name of workflowStrategyNames) {
    const want = scheduleWorkflow(workflow, { strategy: name });
    await page.locator('#strategy').selectOption(name);
    await page.locator('#solve').click();
    s = await shown(page);
    check(
      s.makespan === String(want.makespan) && s.bars === workflow.tasks.length && s.runs === workflow.tasks.length && s.error === '',
      `workflow ${name}: makespan ${s.makespan} (library ${want.makespan}), ${s.bars} bars, ${s.runs} schedule rows`,
    );
    if (name === 'heft') await page.screenshot({ path: join(shots, 'workflow-heft.png'), fullPage: true });
  }
  const cyclic = JSON.parse(workflowText) as { edges: unknown[] };
  cyclic.edges.push({ from: 'n10', to: 'n1', data: 1 });
  const cyclicText = JSON.stringify(cyclic, null, 1);
  await page.locator('#input').fill(cyclicText);
  await page.locator('#solve').click();
  s = await shown(page);
  const wantCycle = libraryError(cyclicText, (t) => scheduleWorkflow(parseWorkflowJson(t)));
  check(s.error === wantCycle && s.bars === 0, `a workflow with a cycle: the page shows "${s.error}"`);
  await page.screenshot({ path: join(shots, 'workflow-cycle.png'), fullPage: true });
  check(consoleErrors.length === 0, `no console errors, warnings or failed requests${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`screenshots: ${shots}`);
if (failures > 0) {
  console.error(`browser-test: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('browser-test: all checks passed');

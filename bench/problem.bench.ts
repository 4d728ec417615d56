/**
 * Problem compilation, schedule evaluation (both cost models) and the HCSP
 * reader, each against a naive reference (each group's `baseline:`): plain
 * arrays of arrays, objects per task, `split` + `Number`.
 *
 * Cases: a Braun et al. (2001) instance (512×16, read from
 * data/hcsp) and a generated 4096×128 instance (Ali et al.'s
 * range-based method, seed 1). The assignment evaluated is MET's (each task
 * on its fastest device), built outside the timed body.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { compileProblem, evaluate, generateEtc, parseHcsp, type CostModel, type Problem } from '../src/index.js';
import { evaluateCompiled } from '../src/schedule/evaluate.js';
import { benchOptions, sizes } from './scale.js';

interface Case {
  readonly label: string;
  readonly text: string;
  readonly problem: Problem;
  readonly assignment: number[];
}

const HCSP = resolve(dirname(fileURLToPath(import.meta.url)), '../data/hcsp/u_i_hihi.0');

function makeCase(label: string, text: string, problem: Problem): Case {
  const assignment = problem.execTime.map((row) => row.indexOf(Math.min(...row)));
  return { label, text, problem, assignment };
}

const cases = sizes<() => Case>([
  () => {
    const text = readFileSync(HCSP, 'utf8');
    return makeCase('Braun u_i_hihi.0 512×16', text, parseHcsp(text));
  },
  () => {
    const p = generateEtc({ tasks: 4096, machines: 128, seed: 1 });
    return makeCase('generated 4096×128', `4096 128 0\n${p.execTime.flat().join('\n')}\n`, p);
  },
]).map((f) => f());

/** The obvious implementation: arrays of arrays, one object per task, no typed arrays. */
function naiveEvaluate(p: Problem, a: readonly number[], model: CostModel) {
  const free = p.devices.map((d) => d.ready ?? 0);
  const busy = p.devices.map(() => 0);
  const tasks = p.tasks.map((t, i) => {
    const j = a[i]!;
    const dur = (p.transferTime?.[i]?.[j] ?? 0) + p.execTime[i]![j]!;
    const start = model === 'sequential' ? Math.max(free[j]!, t.release ?? 0) : t.release ?? 0;
    if (model === 'sequential') free[j] = start + dur;
    busy[j] = busy[j]! + dur;
    return { task: i, id: t.id, device: j, start, finish: start + dur };
  });
  const makespan = Math.max(0, ...tasks.map((t) => t.finish));
  const devices = p.devices.map((d, j) => ({ device: j, id: d.id, busy: busy[j]!, tasks: tasks.filter((t) => t.device === j).map((t) => t.task) }));
  return { tasks, devices, makespan, flowtime: tasks.reduce((s, t) => s + t.finish, 0) };
}

/** Copying the matrix into a Float64Array with no checks at all. */
function copyOnly(p: Problem): Float64Array {
  const n = p.tasks.length;
  const m = p.devices.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) out.set(p.execTime[i]!, i * m);
  return out;
}

for (const c of cases) {
  const cp = compileProblem(c.problem);
  const a32 = Int32Array.from(c.assignment);
  for (const model of ['sequential', 'independent'] as const) {
    describe(`evaluate ${model}, ${c.label}`, () => {
      bench('baseline: naive array-of-arrays evaluation', () => void naiveEvaluate(c.problem, c.assignment, model), benchOptions);
      bench('evaluateCompiled(cp, assignment) (typed arrays, no validation)', () => void evaluateCompiled(cp, a32, model), benchOptions);
      bench(`evaluate(problem, assignment, {costModel: '${model}'}) (validates + compiles)`, () => void evaluate(c.problem, c.assignment, { costModel: model }), benchOptions);
    });
  }

  describe(`compileProblem, ${c.label}`, () => {
    bench('baseline: copy execTime into a Float64Array, no checks', () => void copyOnly(c.problem), benchOptions);
    bench('compileProblem(problem)', () => void compileProblem(c.problem), benchOptions);
  });

  describe(`parseHcsp, ${c.label}`, () => {
    bench('baseline: naive text.split(/\\s+/).map(Number)', () => void c.text.split(/\s+/).filter((s) => s !== '').map(Number), benchOptions);
    bench('parseHcsp(text)', () => void parseHcsp(c.text), benchOptions);
  });
}

/**
 * The exact GAP path behind `solveGap(…, {method: 'exact'})`: a binary
 * program in LP format, solved by HiGHS (loaded lazily). No validation.
 * @internal
 * @module
 */
import { loadHighs, lpLines, lpTerm } from '../../internal/highs.js';
import type { CompiledGap } from './gap.js';

/** Outcome of {@link gapExact}, in minimization form. @internal */
export interface GapExactResult {
  readonly assignment: Int32Array | undefined;
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  readonly bound: number | undefined;
  readonly stoppedEarly: boolean;
}

/**
 * The LP-format text of min Σ c_ij x_ij s.t. Σ_j x_ij = 1 (each task once),
 * Σ_i a_ij x_ij ≤ b_j (finite budgets), x binary, over allowed pairs only.
 * Also returns the (task, device) of each column, in column order.
 * @internal
 */
export function gapLpText(g: CompiledGap, relax = false): { text: string; task: Int32Array; device: Int32Array } {
  const { n, m, cost, demand, budget, allowed } = g;
  const names: string[] = [];
  const task: number[] = [];
  const device: number[] = [];
  const obj: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (allowed[i * m + j] === 0) continue;
      const name = `x${i}_${j}`;
      names.push(name);
      task.push(i);
      device.push(j);
      obj.push(lpTerm(cost[i * m + j] as number, name));
    }
  }
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const terms: string[] = [];
    for (let j = 0; j < m; j++) if (allowed[i * m + j] === 1) terms.push(`+ x${i}_${j}`);
    rows.push(` t${i}:\n${lpLines(terms)} = 1`);
  }
  for (let j = 0; j < m; j++) {
    if (budget[j] === Infinity) continue;
    const terms: string[] = [];
    for (let i = 0; i < n; i++) if (allowed[i * m + j] === 1) terms.push(lpTerm(demand[i * m + j] as number, `x${i}_${j}`));
    if (terms.length > 0) rows.push(` b${j}:\n${lpLines(terms)} <= ${budget[j] as number}`);
  }
  const text = [
    'Minimize',
    ` obj:\n${lpLines(obj)}`,
    'Subject To',
    ...rows,
    ...(relax ? ['Bounds', ...names.map((x) => ` 0 <= ${x} <= 1`)] : ['Binary', lpLines(names)]),
    'End',
    '',
  ].join('\n');
  return { text, task: Int32Array.from(task), device: Int32Array.from(device) };
}

/**
 * Solves the compiled GAP exactly with HiGHS within `timeLimitMs`, starting
 * from `incumbent` when given. Rounds HiGHS's 0/1 values and re-checks the
 * budgets in plain arithmetic before reporting a solution.
 * @internal
 */
export async function gapExact(fn: string, g: CompiledGap, incumbent: Int32Array | undefined, timeLimitMs: number): Promise<GapExactResult> {
  const highs = await loadHighs(fn);
  const { n, m } = g;
  if (n === 0) return { assignment: new Int32Array(0), status: 'optimal', bound: 0, stoppedEarly: false };
  const { text, task, device } = gapLpText(g);
  if (task.length === 0 || !everyTaskHasAColumn(n, task)) return { assignment: undefined, status: 'infeasible', bound: undefined, stoppedEarly: false };
  const st = highs.constants.modelStatus;
  return highs.withModel({ format: 'lp', data: text }, (model) => {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.001, timeLimitMs / 1000),
      mip_rel_gap: 0,
      // Integral costs: an objective gap below 1 already proves optimality.
      mip_abs_gap: g.integral ? 0.999 : 1e-9,
    });
    if (incumbent !== undefined) {
      const col = new Float64Array(task.length);
      for (let c = 0; c < task.length; c++) col[c] = incumbent[task[c] as number] === device[c] ? 1 : 0;
      model.setSolution({ colValue: col });
    }
    model.run();
    const status = model.getModelStatus();
    if (status === st.infeasible) return { assignment: undefined, status: 'infeasible', bound: undefined, stoppedEarly: false };
    const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
    let assignment: Int32Array | undefined;
    if (hasPrimal) {
      const x = model.getSolution().colValue;
      assignment = new Int32Array(n).fill(-1);
      for (let c = 0; c < task.length; c++) if ((x[c] as number) > 0.5) assignment[task[c] as number] = device[c] as number;
      if (!feasible(g, assignment)) assignment = incumbent;
    } else {
      assignment = incumbent;
    }
    const rawBound = Number(model.info.get('mip_dual_bound'));
    const optimal = status === st.optimal && assignment !== undefined;
    const bound = optimal && assignment !== undefined ? costOf(g, assignment) : Number.isFinite(rawBound) ? rawBound : undefined;
    if (assignment === undefined) return { assignment: undefined, status: 'unknown', bound, stoppedEarly: true };
    return { assignment, status: optimal ? 'optimal' : 'feasible', bound, stoppedEarly: !optimal };
  });
}

function everyTaskHasAColumn(n: number, task: Int32Array): boolean {
  const seen = new Uint8Array(n);
  for (const i of task) seen[i] = 1;
  return seen.every((v) => v === 1);
}

/** Every task placed on an allowed device, every budget respected (exact sums). */
function feasible(g: CompiledGap, asg: Int32Array): boolean {
  const load = new Float64Array(g.m);
  for (let i = 0; i < g.n; i++) {
    const j = asg[i] as number;
    if (j < 0 || g.allowed[i * g.m + j] === 0) return false;
    load[j] = (load[j] as number) + (g.demand[i * g.m + j] as number);
  }
  for (let j = 0; j < g.m; j++) if ((load[j] as number) > (g.budget[j] as number)) return false;
  return true;
}

function costOf(g: CompiledGap, asg: Int32Array): number {
  let s = 0;
  for (let i = 0; i < g.n; i++) s += g.cost[i * g.m + (asg[i] as number)] as number;
  return s;
}

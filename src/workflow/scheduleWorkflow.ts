/**
 * The one entry point to every task-graph strategy.
 * @module
 */
import { checkOneOf, checkOptions } from '../internal/errors.js';
import { lowerBoundsCompiled } from './bounds.js';
import { compileWorkflowFor } from './compile.js';
import { checkEnergyFinite } from './energy.js';
import { evaluateCompiled } from './evaluate.js';
import type { WorkflowPlan } from './listState.js';
import type { WorkflowSchedule } from './scheduleTypes.js';
import { cpop } from './strategies/cpop.js';
import { heft } from './strategies/heft.js';
import { heftLookahead } from './strategies/heftLookahead.js';
import { maxMin } from './strategies/maxMin.js';
import { mct } from './strategies/mct.js';
import { minMin } from './strategies/minMin.js';
import { peft } from './strategies/peft.js';
import { seed } from './strategies/seed.js';
import { sufferage } from './strategies/sufferage.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** The built-in task-graph strategies (see {@link scheduleWorkflow}). */
export type WorkflowStrategyName = 'heft' | 'cpop' | 'peft' | 'heft-lookahead' | 'mct' | 'min-min' | 'max-min' | 'sufferage' | 'seed';

/** The strategy table: name → algorithm on the compiled workflow. @internal */
export const WORKFLOW_STRATEGIES: Readonly<Record<WorkflowStrategyName, (cw: CompiledWorkflow) => WorkflowPlan>> = {
  heft,
  cpop,
  peft,
  'heft-lookahead': heftLookahead,
  mct,
  'min-min': minMin,
  'max-min': maxMin,
  sufferage,
  seed,
};

/** Every built-in strategy name, in table order. */
export const workflowStrategyNames: readonly WorkflowStrategyName[] = Object.keys(WORKFLOW_STRATEGIES) as WorkflowStrategyName[];

/** Options of {@link scheduleWorkflow}. */
export interface ScheduleWorkflowOptions {
  /**
   * Which strategy to run; see {@link workflowStrategyNames}.
   * @defaultValue `'heft'`
   */
  readonly strategy?: WorkflowStrategyName;
}

/** What {@link scheduleWorkflow} returns: plain, JSON-serializable data. */
export interface WorkflowSolution {
  /** The strategy that produced it (or `'exact'`). */
  readonly strategy: WorkflowStrategyName | 'exact';
  /** `placement[i]`: device of task i. */
  readonly placement: number[];
  /** `order[j]`: task indices device j runs, in run order. */
  readonly order: number[][];
  /** The evaluated schedule (`evaluateWorkflow(workflow, placement, order)`). */
  readonly schedule: WorkflowSchedule;
  /** schedule.metrics.makespan. */
  readonly makespan: number;
  /** `workflowLowerBound(workflow).bound`. */
  readonly lowerBound: number;
  /** (makespan − lowerBound) / lowerBound; when the bound is 0: 0 if the makespan is 0 too, else `Infinity`. */
  readonly gap: number;
}

/** Evaluates a plan and wraps it as a solution. @internal */
export function solutionOf(fn: string, cw: CompiledWorkflow, strategy: WorkflowStrategyName | 'exact', plan: WorkflowPlan): WorkflowSolution {
  const schedule = evaluateCompiled(fn, cw, plan.placement, plan.order);
  checkEnergyFinite(fn, schedule.metrics);
  const makespan = schedule.metrics.makespan;
  const lowerBound = lowerBoundsCompiled(cw).bound;
  const gap = lowerBound > 0 ? (makespan - lowerBound) / lowerBound : makespan === 0 ? 0 : Infinity;
  return { strategy, placement: Array.from(plan.placement), order: plan.order.map((r) => r.slice()), schedule, makespan, lowerBound, gap };
}

/**
 * Schedules a workflow's tasks on its devices with a list-scheduling
 * strategy, evaluates the result and bounds it from below.
 *
 * Steps: validate the options, validate and compile the workflow once
 * (`compileWorkflow`), run the strategy on the compiled arrays (a device and
 * a run order per device), time it with `evaluateWorkflow`'s semi-active rule,
 * and report the gap to `workflowLowerBound`. The schedule's metrics include
 * `energy` and `cost` (see `evaluateWorkflow`); the strategies optimize time
 * only. Same input, same output; ties go
 * to the lowest task, then device, index.
 *
 * Strategies (rule, source, complexity):
 * - `'heft'`: upward rank, earliest finish with insertion; Topcuoglu et al.
 *   2002; O(e·m + n²·m).
 * - `'cpop'`: rank_u + rank_d, critical path pinned to one device, others
 *   earliest finish with insertion; Topcuoglu et al. 2002; O(e·m + n²·m).
 * - `'peft'`: rank_oct, min EFT + OCT with insertion; Arabnejad and Barbosa
 *   2014; O(e·m + n²·m).
 * - `'heft-lookahead'`: HEFT order, device minimizing the children's largest
 *   finish; Bittencourt et al. 2010; O(e·m²·n).
 * - `'mct'`, `'min-min'`, `'max-min'`, `'sufferage'`: Braun et al. 2001 and
 *   Maheswaran et al. 1999 over the ready set, finish including data
 *   arrival, appended; O(e·m + n·m) for mct, O(e·m + n²·m) for the others.
 * - `'seed'`: the article's rule over the ready set (highest task priority,
 *   ties lowest index, to the earliest-finish device), appended; O(e·m + n²).
 *
 * @param workflow - The workflow (validated, never mutated).
 * @param options - {@link ScheduleWorkflowOptions}.
 * @returns A {@link WorkflowSolution}.
 * @throws {@link InputTypeError} for an unknown option or strategy (the message lists the known ones) or a malformed workflow.
 * @throws {@link InputRangeError} for a bad number or a cycle in the workflow, or power or price figures whose energy or cost overflows to Infinity.
 * @throws {@link InfeasibleError} for a task that no device can run.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
 *   execTime: [[2, 1], [3, 1], [2, 2]],
 *   edges: [{ from: 'a', to: 'b', data: 4 }, { from: 'a', to: 'c', data: 1 }],
 * };
 * const s = scheduleWorkflow(w, { strategy: 'heft' });
 * s.placement;  // [1, 1, 0]
 * s.order;      // [[2], [0, 1]]
 * s.makespan;   // 4
 * s.lowerBound; // 3
 * ```
 */
export function scheduleWorkflow(workflow: Workflow, options?: ScheduleWorkflowOptions): WorkflowSolution {
  const fn = 'scheduleWorkflow';
  const o = checkOptions(fn, options, ['strategy']);
  const strategy = o.strategy === undefined ? 'heft' : checkOneOf(fn, 'options.strategy', o.strategy, workflowStrategyNames);
  const cw = compileWorkflowFor(fn, workflow);
  return solutionOf(fn, cw, strategy, WORKFLOW_STRATEGIES[strategy](cw));
}

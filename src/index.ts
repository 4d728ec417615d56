/**
 * lepton-sched: pure functions for scheduling tasks across edge devices and
 * the cloud. This module only re-exports; the API is filed by the folders of
 * the architecture (models, problems, task graphs, schedules, solvers,
 * Pareto fronts, online use, pictures, formats).
 * @module lepton-sched
 */

// errors
export { InputTypeError, InputRangeError, InfeasibleError } from './errors.js';
export type { LeptonErrorInfo } from './errors.js';

// the seed's worked example
export { workedExample } from './workedExample.js';
export type { WorkedExample, PublishedResults } from './workedExample.js';

// models
export { scoreColumns } from './models/criteria.js';
export type { ScoreForm, ColumnForm, ScoreColumnsOptions } from './models/criteria.js';
export { priorities, priority } from './models/priority.js';
export type { PriorityCriteria, PrioritiesOptions, PriorityOptions } from './models/priority.js';
export { loads, load } from './models/load.js';
export type { LoadCriteria, LoadsOptions, LoadOptions } from './models/load.js';
export { transferTimes, transferTime } from './models/transfer.js';
export type { TransferCriteria, TransferTimesOptions, TransferTimeOptions } from './models/transfer.js';

// models: column fast paths and multi-criteria scores (issue 3, helper A)
export { prioritiesFromColumns } from './models/priority.js';
export { loadsFromColumns } from './models/load.js';
export { transferTimesFromColumns } from './models/transfer.js';
export { multiCriteriaScores, multiCriteriaScoresOf } from './models/multiCriteria.js';
export type { Normalization, CriterionDirection, MultiCriteriaOptions } from './models/multiCriteria.js';

// problem, schedule, io (issue 4, helper B1)
export { compileProblem } from './problem/compile.js';
export type { Problem, TaskSpec, DeviceSpec, Tier, CompiledProblem } from './problem/types.js';
export { problemFromArticle, workedExampleProblem } from './problem/fromArticle.js';
export type { ProblemFromArticleOptions } from './problem/fromArticle.js';
export { problemFromPhysical } from './problem/fromPhysical.js';
export type { PhysicalTask, PhysicalDevice } from './problem/fromPhysical.js';
export { generateEtc } from './problem/generate.js';
export type { GenerateEtcOptions, EtcConsistency, Heterogeneity } from './problem/generate.js';
export { evaluate } from './schedule/evaluate.js';
export type { EvaluateOptions } from './schedule/evaluate.js';
export { makespanLowerBound } from './schedule/lowerBound.js';
export type { LowerBoundOptions } from './schedule/lowerBound.js';
export type { CostModel, Schedule, ScheduledTask, DeviceUsage, DeadlineMiss, ScheduleMetrics } from './schedule/types.js';
export { parseHcsp } from './io/hcsp.js';
export type { ParseHcspOptions } from './io/hcsp.js';
export { parseProblemJson, problemToJson, solutionToJson } from './io/json.js';
export type { SolutionToJsonOptions } from './io/json.js';

// solvers: solve and the heuristic strategies (issue 4, helper B2)
export { solve, TRACE_DEFAULT_MAX_PAIRS } from './solvers/solve.js';
export type { SolveOptions, Solution } from './solvers/solve.js';
export { strategyNames } from './solvers/strategies.js';
export type { StrategyName } from './solvers/strategies.js';
export type { Objective, TimeObjective, TaskDecision, DecisionCandidate, DecisionExclusion } from './solvers/registry.js';

// exact solvers (issue 5, helper C): LSAP, R‖ΣC, GAP, makespan search and its LP bound.
// `highs` is never imported statically: solveGap's exact path and makespanLpBound load it on demand.
export { linearSumAssignment, linearSumAssignmentMatrix } from './solvers/lsap/linearSumAssignment.js';
export type { LinearSumAssignmentOptions, LinearSumAssignmentResult } from './solvers/lsap/linearSumAssignment.js';
export { parseOrLibraryGap } from './io/orLibraryGap.js';
export type { ParseOrLibraryGapOptions } from './io/orLibraryGap.js';
export { solveGap } from './solvers/gap/gap.js';
export type { GapInstance, SolveGapOptions, GapSolution } from './solvers/gap/gap.js';
export { gapFromProblem } from './solvers/gap/gapFromProblem.js';
export { makespanLpBound } from './solvers/search/makespanLpBound.js';

// online, simulation, rendering (issue 6, helper D)
export { createOnlineState } from './online/state.js';
export type { OnlineState, OnlineStateOptions, OnlineDeviceState, OnlinePlannedTask } from './online/state.js';
export { submit } from './online/submit.js';
export type { OnlineTask, SubmitOptions, OnlineDecision, SubmitResult } from './online/submit.js';
export type { OnlineUnplaced } from './online/submit.js';
export { complete } from './online/complete.js';
export type { OnlineObservation } from './online/complete.js';
export { simulate } from './online/simulate.js';
export type {
  SimDevice,
  SimTask,
  PoissonWorkload,
  TraceArrival,
  TraceWorkload,
  Workload,
  SimulationPolicy,
  SimulateOptions,
  SimEvent,
  SimDeviceStats,
  SimMetrics,
  SimulationResult,
} from './online/simulationTypes.js';
export { scheduleToSvg } from './render/gantt.js';
export type { GanttOptions, GanttColors } from './render/gantt.js';
export { barChartToSvg, lineChartToSvg } from './render/plot.js';
export type { BarDatum, LineSeries, PlotOptions } from './render/plot.js';
export type { GapReason } from './solvers/gap/gap.js';
export type { MakespanLpBoundOptions } from './solvers/search/makespanLpBound.js';
export type { Workflow, WorkflowTask, WorkflowDevice, WorkflowEdge, Network, CompiledWorkflow } from './workflow/types.js';
export { compileWorkflow } from './workflow/compile.js';
export { upwardRanks, downwardRanks } from './workflow/ranks.js';
export { optimisticCostTable } from './workflow/optimisticCostTable.js';
export { criticalPath } from './workflow/criticalPath.js';
export type { CriticalPath } from './workflow/criticalPath.js';
export { evaluateWorkflow } from './workflow/evaluate.js';
export type { WorkflowSchedule, WorkflowScheduledTask, WorkflowTransfer, WorkflowDeviceUsage, WorkflowDeadlineMiss, WorkflowMetrics, TierFlow, IdleGap } from './workflow/scheduleTypes.js';
export { workflowLowerBound } from './workflow/bounds.js';
export type { WorkflowLowerBound } from './workflow/bounds.js';
export { scheduleWorkflow, workflowStrategyNames } from './workflow/scheduleWorkflow.js';
export type { ScheduleWorkflowOptions, WorkflowSolution, WorkflowStrategyName } from './workflow/scheduleWorkflow.js';
export { solveWorkflowExact } from './workflow/exact.js';
export type { SolveWorkflowExactOptions, WorkflowExactSolution, ExactStatus } from './workflow/exact.js';

// task graphs: formats, builders, pictures (issue 13, wf-io)
export { generateWorkflow } from './workflow/generate.js';
export type { GenerateWorkflowOptions } from './workflow/generate.js';
export { workflowFromPhysical } from './workflow/fromPhysical.js';
export type { PhysicalWorkflowTask, PhysicalWorkflowDevice, PhysicalWorkflowEdge } from './workflow/fromPhysical.js';
export { parseWfCommons, workflowToWfCommons } from './io/wfcommons.js';
export type { ParseWfCommonsOptions, WfCommonsDevice, WorkflowToWfCommonsOptions } from './io/wfcommons.js';
export { parseWorkflowJson, workflowToJson } from './io/workflowJson.js';
export { workflowToSvg } from './render/workflowGantt.js';
export type { WorkflowGanttOptions, WorkflowGanttColors } from './render/workflowGantt.js';

// energy and money (issue 14, energy helper)
export type { DevicePower, DevicePrice } from './problem/types.js';
export { workedExampleEnergyProblem } from './problem/workedExampleEnergy.js';
export type { DeviceEnergy, EnergyMetrics, CostMetrics } from './schedule/types.js';
export type { ObjectiveWeights, SolveConstraints, ConstraintReport, ConstraintViolation } from './solvers/objective.js';

// Pareto fronts (issue 14, pareto helper)
export { dominates, nonDominated } from './pareto/dominance.js';
export { hypervolume } from './pareto/hypervolume.js';
export { objectiveVector } from './pareto/objectives.js';
export type { ObjectiveVectorOptions } from './pareto/objectives.js';
export { paretoFront } from './pareto/paretoFront.js';
export type { ParetoFrontOptions } from './pareto/paretoFront.js';
export type { ParetoObjective, ParetoPoint, ParetoFront } from './pareto/types.js';
export { frontToSvg } from './render/scatter.js';
export type { FrontSvgOptions } from './render/scatter.js';
export type { BudgetOverrun } from './schedule/overruns.js';
export type { SolutionBound } from './solvers/solve.js';
export type { BoundKind } from './solvers/registry.js';

/**
 * lepton-sched/formula: custom scoring formulas compiled with mathjs. A
 * separate entry point so that the core library never loads mathjs. This
 * module only re-exports.
 * @module lepton-sched/formula
 */
export { compileFormula } from './compileFormula.js';
export type { CompiledFormula, CompileFormulaOptions } from './compileFormula.js';
export { formulaPriorities } from './formulaPriorities.js';

/**
 * lepton-sched: pure functions for scheduling tasks across edge devices and
 * the cloud. This module only re-exports.
 * @module
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

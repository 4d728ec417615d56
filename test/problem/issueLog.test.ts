import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../src/index.js';
import { IssueLog, issueKind, KEEP_PER_KIND } from '../../src/problem/issueLog.js';

const range = (field: string): InputRangeError => new InputRangeError('f', field, `f: ${field} must be >= 0, got -1`);

describe('IssueLog: reference values', () => {
  it('issueKind(e) is the class and the field with every index as [*]', () => {
    expect(issueKind(range('problem.execTime[12][3]'))).toBe('InputRangeError problem.execTime[*][*]');
    expect(issueKind(new InputTypeError('f', 'problem.tasks[0].id', 'm'))).toBe('InputTypeError problem.tasks[*].id');
    expect(issueKind(range('problem.tasks[*].criteria.importance'))).toBe('InputRangeError problem.tasks[*].criteria.importance');
    expect(issueKind(range('problem'))).toBe('InputRangeError problem');
  });

  it('IssueLog keeps the first 5 of each kind, counts the rest, and writes "… and N more of the same kind" after the last kept one', () => {
    const log = new IssueLog();
    for (let i = 0; i < 1000; i++) log.add(range(`problem.tasks[${i}].release`));
    log.add(new InputTypeError('f', 'problem.execTime', 'f: problem.execTime must be an array, got null'));
    expect(KEEP_PER_KIND).toBe(5);
    expect(log.total).toBe(1001);
    expect(log.issues).toHaveLength(6);
    expect(log.lines('f: ')).toEqual([
      'problem.tasks[0].release must be >= 0, got -1',
      'problem.tasks[1].release must be >= 0, got -1',
      'problem.tasks[2].release must be >= 0, got -1',
      'problem.tasks[3].release must be >= 0, got -1',
      'problem.tasks[4].release must be >= 0, got -1',
      '… and 995 more of the same kind (problem.tasks[*].release)',
      'problem.execTime must be an array, got null',
    ]);
    expect(log.anyType).toBe(true);
    expect(log.allInfeasible).toBe(false);
  });
});

describe('IssueLog: edge cases', () => {
  it('IssueLog with no issue, or only infeasibilities, reports so', () => {
    const log = new IssueLog();
    expect(log.lines('f: ')).toEqual([]);
    expect(log.allInfeasible).toBe(true);
    for (let i = 0; i < 7; i++) log.add(new InfeasibleError('f', `problem.execTime[${i}]`, `f: problem.execTime[${i}] has no device`));
    expect(log.allInfeasible).toBe(true);
    expect(log.anyType).toBe(false);
    expect(log.lines('f: ').at(-1)).toBe('… and 2 more of the same kind (problem.execTime[*])');
  });
});

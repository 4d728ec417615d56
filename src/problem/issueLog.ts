/**
 * Collects validation errors without letting their number grow the report:
 * the first few of each kind are kept, the rest only counted. A kind is the
 * error class and the field with every index replaced by `*`
 * (`problem.tasks[*].id`). A file with 10^6 malformed tasks then costs
 * O(n) time and a report of a few lines, not two million.
 * @internal
 * @module
 */
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';

/** Any error the problem validator reports. @internal */
export type ProblemIssue = InputTypeError | InputRangeError | InfeasibleError;

/** How many errors of each kind are kept (the rest are counted). @internal */
export const KEEP_PER_KIND = 5;

/** The kind of an issue: its class and its field with indices as `[*]`. @internal */
export function issueKind(e: ProblemIssue): string {
  // A character loop (no RegExp): this runs once per error, and a file can hold millions.
  const f = e.field;
  let out = `${e.name} `;
  let from = 0;
  for (let k = 0; k < f.length; k++) {
    if (f.charCodeAt(k) !== 91 /* [ */) continue;
    let end = k + 1;
    while (end < f.length && f.charCodeAt(end) >= 48 && f.charCodeAt(end) <= 57) end++;
    if (end > k + 1 && f.charCodeAt(end) === 93 /* ] */) {
      out += `${f.slice(from, k)}[*]`;
      from = end + 1;
      k = end;
    }
  }
  return out + f.slice(from);
}

/** A bounded collection of issues. @internal */
export class IssueLog {
  /** The kept issues, in the order found (at most {@link KEEP_PER_KIND} per kind). */
  readonly issues: ProblemIssue[] = [];
  /** Issues found in all, kept or not. */
  total = 0;
  /** Whether any issue (kept or not) is a shape error. */
  anyType = false;
  /** Whether every issue (kept or not) is an infeasibility. */
  allInfeasible = true;
  private readonly kept = new Map<string, number>();
  private readonly dropped = new Map<string, number>();

  add(e: ProblemIssue): void {
    this.total++;
    if (e instanceof InputTypeError) this.anyType = true;
    if (!(e instanceof InfeasibleError)) this.allInfeasible = false;
    const kind = issueKind(e);
    const k = this.kept.get(kind) ?? 0;
    if (k < KEEP_PER_KIND) {
      this.kept.set(kind, k + 1);
      this.issues.push(e);
    } else {
      this.dropped.set(kind, (this.dropped.get(kind) ?? 0) + 1);
    }
  }

  /**
   * One line per kept issue (`fn: ` prefix removed), and after the last kept
   * issue of a kind with more, `… and 999,995 more of the same kind
   * (problem.tasks[*].id)`.
   */
  lines(prefix: string): string[] {
    const last = new Map<string, number>();
    this.issues.forEach((e, q) => last.set(issueKind(e), q));
    const out: string[] = [];
    this.issues.forEach((e, q) => {
      out.push(e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
      const kind = issueKind(e);
      const more = this.dropped.get(kind);
      if (more !== undefined && last.get(kind) === q) {
        out.push(`… and ${more.toLocaleString('en-US')} more of the same kind (${kind.slice(kind.indexOf(' ') + 1)})`);
      }
    });
    return out;
  }
}

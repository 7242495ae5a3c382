import { ValidationError } from '../index.js';

/** One bad row: where, which field, which rule. Never the value. */
export interface RowIssue {
  /** Position of the row in the input, from 1. */
  row: number;
  /** The row's `ref`, when it has a usable one. */
  ref?: string | undefined;
  /** The field at fault. */
  field: string;
  /** The rule it broke, e.g. `required`, `duplicate`, `min`. */
  rule: string;
  /** What is wrong, without the value. */
  message: string;
}

/**
 * Rows that failed validation; nothing was sent. `field` is `rows`, `rule` is `invalid_rows`,
 * and `issues` lists every bad row.
 */
export class BulkRowsError extends ValidationError {
  /** Every bad row, in input order. */
  readonly issues: readonly RowIssue[];

  /** Builds the error from the issues found. */
  constructor(issues: readonly RowIssue[]) {
    const first = issues
      .slice(0, 3)
      .map((i) => `row ${i.row} ${i.field} (${i.rule})`)
      .join(', ');
    super(`${issues.length} invalid row(s): ${first}${issues.length > 3 ? ', …' : ''}.`, {
      field: 'rows',
      rule: 'invalid_rows',
      operation: 'bulk',
      hint: 'Fix the rows listed in error.issues, or pass skipInvalid: true to send only the valid ones.',
    });
    this.issues = issues;
  }
}

/** The journal cannot be used: a damaged line, or another batch or operation. Nothing was sent. */
export function journalError(rule: string, message: string, hint: string): ValidationError {
  return new ValidationError(message, { field: 'journal', rule, operation: 'bulk', hint });
}

/** What a run lock records: who holds it and when it last beat. */
export interface LockHolder {
  /** Process id of the holder. */
  pid: number;
  /** Host name of the holder. */
  host: string;
  /** Epoch milliseconds of its last heartbeat. */
  beat: number;
  /** A token unique to the run. */
  token: string;
}

/** Another run holds the journal's lock and is alive (its heartbeat is recent). */
export class JournalLockedError extends Error {
  /** Always `'JournalLockedError'`. */
  override readonly name = 'JournalLockedError';
  /** What to do next. */
  readonly hint: string;
  /** The run holding the lock. */
  readonly holder: Readonly<Omit<LockHolder, 'token'>>;

  /** Builds the error from the lock found. */
  constructor(holder: LockHolder) {
    super(
      `The journal is locked by process ${holder.pid} on ${holder.host} (heartbeat ${new Date(holder.beat).toISOString()}).`,
    );
    this.holder = { pid: holder.pid, host: holder.host, beat: holder.beat };
    this.hint =
      'Wait for that run to finish. A lock whose process is gone or whose heartbeat is stale is taken over by the next run.';
  }
}

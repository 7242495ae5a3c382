import { MIN_CARD_TOP_UP, toAmount } from '../core/money.js';
import { issueBody } from '../resources/card-issue.js';
import type { RowIssue } from './errors.js';
import { type BulkOperation, REF, rowExternalId } from './keys.js';
import type { IssueRow, TopUpRow } from './types.js';

/** A valid row, ready to send: its position, ref and the parameters of its call. */
export interface CheckedRow {
  /** Position in the input, from 1. */
  row: number;
  /** The row's ref. */
  ref: string;
  /** The row without `ref`, as given (the journal fingerprints this). */
  fields: Record<string, unknown>;
}

/** The field and rule of an SDK validation error, whatever copy of the class threw it. */
function describe(error: unknown): NonNullable<Problem> {
  const e = error as { field?: unknown; rule?: unknown; message?: unknown };
  return {
    field: typeof e.field === 'string' ? e.field : 'row',
    rule: typeof e.rule === 'string' ? e.rule : 'invalid',
    message: typeof e.message === 'string' ? e.message : 'The row is invalid.',
  };
}

const TOP_UP_FIELDS: ReadonlySet<string> = new Set(['ref', 'card', 'amount', 'note']);

type Problem = { field: string; rule: string; message: string } | undefined;

/** Checks a top-up row as `funds.topUp` would. @throws the SDK's ValidationError for the amount. */
function checkTopUp(row: TopUpRow): Problem {
  for (const key of Object.keys(row)) {
    if (!TOP_UP_FIELDS.has(key))
      return { field: key, rule: 'unknown_field', message: `${key} is not a field of a top-up row.` };
  }
  if (typeof row.card !== 'string' || row.card.trim() === '')
    return { field: 'card', rule: 'required', message: 'card (the card id or external id) is required.' };
  if (row.note !== undefined && typeof row.note !== 'string')
    return { field: 'note', rule: 'type', message: 'note must be a string.' };
  toAmount(row.amount, 'amount', MIN_CARD_TOP_UP);
  return undefined;
}

/**
 * Checks every row before anything is sent: a plain object, a well-formed `ref` unique in the
 * batch, the call's own rules (the SDK's checks of `cards.issue` and `funds.topUp`), and for
 * issuance an `externalId` no other row of the batch uses.
 */
export function checkRows(
  operation: BulkOperation,
  rows: readonly unknown[],
  batchId: string,
): { valid: CheckedRow[]; issues: RowIssue[] } {
  const valid: CheckedRow[] = [];
  const issues: RowIssue[] = [];
  const refs = new Map<string, number>();
  const externalIds = new Map<string, number>();
  /** The row's problem, or undefined when it is valid. */
  const check = (given: unknown, row: number): Omit<RowIssue, 'row'> | undefined => {
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      return { field: 'row', rule: 'type', message: 'A row must be an object.' };
    }
    const { ref, ...fields } = given as Record<string, unknown>;
    if (typeof ref !== 'string' || !REF.test(ref)) {
      return { field: 'ref', rule: 'format', message: 'ref must be 1–64 of A-Z a-z 0-9 . _ -.' };
    }
    const seen = refs.get(ref);
    if (seen !== undefined)
      return { ref, field: 'ref', rule: 'duplicate', message: `ref is also the ref of row ${seen}.` };
    refs.set(ref, row);
    try {
      if (operation === 'topup') {
        const problem = checkTopUp(given as TopUpRow);
        return problem && { ref, ...problem };
      }
      const chosen = fields.externalId ?? rowExternalId(batchId, ref);
      issueBody({ ...fields, externalId: chosen } as unknown as IssueRow);
      const externalId = String(chosen);
      const other = externalIds.get(externalId);
      if (other !== undefined) {
        return {
          ref,
          field: 'externalId',
          rule: 'duplicate',
          message: `externalId is also the externalId of row ${other}.`,
        };
      }
      externalIds.set(externalId, row);
      return undefined;
    } catch (error) {
      return { ref, ...describe(error) };
    }
  };
  rows.forEach((given, index) => {
    const row = index + 1;
    const problem = check(given, row);
    if (problem) issues.push({ row, ...problem });
    else {
      const { ref, ...fields } = given as Record<string, unknown>;
      valid.push({ row, ref: ref as string, fields });
    }
  });
  return { valid, issues };
}

/**
 * Issue and fund cards in bulk, exactly once across crashes and re-runs: each row's intent is
 * journalled before its request and its outcome after, every request carries a key derived from
 * the batch and the row, and a re-run settles what an earlier run left open before it sends
 * anything new. Node only (the journal and its lock are files unless a store is given).
 */
import type { CardsClient } from '../index.js';
import { runBulk } from './runner.js';
import type { BulkOptions, BulkResult, IssueRow, TopUpRow } from './types.js';

export { BulkRowsError, JournalLockedError, type LockHolder, type RowIssue } from './errors.js';
export { fileJournal } from './file-store.js';
export type {
  BulkOptions,
  BulkProgress,
  BulkResult,
  BulkRowResult,
  IssueRow,
  JournalStore,
  RowOutcome,
  TopUpRow,
} from './types.js';

/**
 * Issues one card per row with `cards.issue`. Each card's `externalId` defaults to
 * `<batchId>.<ref>`, so a card issued before a crash is found again instead of issued twice.
 *
 * @example
 * ```ts
 * const result = await issueCards(client, [{ ref: 'E-1001', model: 'card', typeId, initialBalance: 50, firstName: 'Ada', lastName: 'Lovelace' }], { journal: 'payroll.journal' });
 * ```
 * @throws {BulkRowsError} for invalid rows (nothing sent, unless `skipInvalid`).
 * @throws {ValidationError} field `journal` for a damaged journal, another batch or bad options.
 * @throws {JournalLockedError} while another live run holds the journal.
 */
export function issueCards(
  client: CardsClient,
  rows: readonly IssueRow[],
  options: BulkOptions,
): Promise<BulkResult> {
  return runBulk('issue', client, rows, options);
}

/**
 * Funds one standalone card per row with `funds.topUp`, under a key bfinance processes once.
 *
 * @throws {BulkRowsError} for invalid rows (nothing sent, unless `skipInvalid`).
 * @throws {ValidationError} field `journal` for a damaged journal, another batch or bad options.
 * @throws {JournalLockedError} while another live run holds the journal.
 */
export function topUpCards(
  client: CardsClient,
  rows: readonly TopUpRow[],
  options: BulkOptions,
): Promise<BulkResult> {
  return runBulk('topup', client, rows, options);
}

import type { CardsClient } from '../index.js';
import { BulkRowsError, journalError } from './errors.js';
import { fileJournal } from './file-store.js';
import { Journal, type OutcomeRecord } from './journal.js';
import { type BulkOperation, rowExternalId, rowFingerprint, rowKey } from './keys.js';
import { takeLock } from './lock.js';
import { Progress } from './progress.js';
import { type CheckedRow, checkRows } from './rows.js';
import { issueCall, type RowCall, type StepContext, sendRow, topUpCall } from './steps.js';
import type { BulkOptions, BulkResult, BulkRowResult } from './types.js';

const DEFAULT_CONCURRENCY = 4;

function checkOptions(options: BulkOptions): void {
  const bad = (field: string, message: string): never => {
    throw journalError(field, message, 'See the BulkOptions documentation.');
  };
  if (typeof options !== 'object' || options === null) bad('options', 'Bulk options must be an object.');
  const { journal, concurrency, settleMs, staleLockMs } = options;
  if (typeof journal !== 'string' && (typeof journal !== 'object' || journal === null)) {
    bad('journal', 'journal must be a file path or a JournalStore.');
  }
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)
  ) {
    bad('concurrency', 'concurrency must be a whole number from 1 to 64.');
  }
  for (const [name, value] of [
    ['settleMs', settleMs],
    ['staleLockMs', staleLockMs],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0))
      bad(name, `${name} must be 0 or more.`);
  }
}

/** Calls a caller's hook; what it throws is not the run's concern. */
function hook<T>(fn: ((value: T) => void) | undefined): (value: T) => void {
  return (value) => {
    try {
      fn?.(value);
    } catch {
      // A progress or message hook never stops a run.
    }
  };
}

/** The pause every worker obeys after a rate limit. */
function rateGate(message: (text: string) => void): Pick<StepContext, 'ready' | 'pause'> {
  let until = 0;
  return {
    async ready() {
      for (let wait = until - Date.now(); wait > 0; wait = until - Date.now()) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
    pause(ms) {
      if (Date.now() + ms <= until) return;
      until = Date.now() + ms;
      message(`rate limited: every worker pauses for ${Math.ceil(ms / 1000)} s, then the row is sent again.`);
    },
  };
}

/**
 * Runs one operation over every row: validates them all, takes the journal's lock, settles rows
 * an earlier run left unsettled, then sends the rest, `concurrency` at a time.
 */
export async function runBulk(
  operation: BulkOperation,
  client: CardsClient,
  rows: readonly unknown[],
  options: BulkOptions,
): Promise<BulkResult> {
  checkOptions(options);
  if (!Array.isArray(rows))
    throw new BulkRowsError([{ row: 0, field: 'rows', rule: 'type', message: 'rows must be an array.' }]);
  const message = hook(options.onMessage);
  const store = typeof options.journal === 'string' ? fileJournal(options.journal) : options.journal;
  const lock = await takeLock(store, options.staleLockMs ?? 30_000, message);
  try {
    const journal = await Journal.open(store, operation, options.batchId, message);
    const { valid, issues } = checkRows(operation, rows, journal.batchId);
    if (issues.length > 0 && options.skipInvalid !== true) throw new BulkRowsError(issues);
    const results: BulkRowResult[] = [];
    for (const issue of issues) {
      results[issue.row - 1] = {
        row: issue.row,
        ref: issue.ref ?? '',
        outcome: 'invalid',
        error: 'ValidationError',
        hint: issue.message,
        fromJournal: false,
      };
    }
    const ctx: StepContext = { client, settleMs: options.settleMs ?? 10_000, ...rateGate(message) };
    const callOf = (row: CheckedRow): RowCall => {
      const key = rowKey(operation, journal.batchId, row.ref);
      if (operation === 'topup') return topUpCall(ctx, row, key);
      const externalId =
        (row.fields.externalId as string | undefined) ?? rowExternalId(journal.batchId, row.ref);
      return issueCall(ctx, row, key, externalId);
    };
    const runRow = async (row: CheckedRow): Promise<{ outcome: OutcomeRecord; fromJournal: boolean }> => {
      const fp = rowFingerprint(row.fields);
      const state = journal.row(row.ref);
      if (state !== undefined && state.fp !== fp) {
        const hint =
          'The row changed since its request was recorded: restore it, or send the new one in a new batch (a new journal).';
        return { outcome: { o: 'refused', error: 'ValidationError', hint }, fromJournal: true };
      }
      const done = state?.outcome;
      if (done?.o === 'applied' || (done?.o === 'refused' && options.retryRefused !== true)) {
        return { outcome: done, fromJournal: true };
      }
      const call = callOf(row);
      if (state !== undefined && done?.o !== 'refused') {
        const settled = await call.resume(state);
        if (settled !== 'send') {
          await journal.outcome(row.ref, settled);
          return { outcome: settled, fromJournal: false };
        }
      } else {
        const refusal = await call.check?.();
        if (refusal !== undefined) {
          await journal.intent(row.ref, fp);
          await journal.outcome(row.ref, refusal);
          return { outcome: refusal, fromJournal: false };
        }
        await journal.intent(row.ref, fp);
      }
      const outcome = await sendRow(ctx, call);
      await journal.outcome(row.ref, outcome);
      return { outcome, fromJournal: false };
    };
    // Rows an earlier run left unsettled go first.
    const unsettled = (row: CheckedRow): boolean => {
      const state = journal.row(row.ref);
      return state !== undefined && (state.outcome === undefined || state.outcome.o === 'unknown');
    };
    const queue = [...valid.filter(unsettled), ...valid.filter((row) => !unsettled(row))];
    const progress = new Progress(valid.length, hook(options.onProgress));
    let next = 0;
    let failure: { error: unknown } | undefined;
    const stopped = (): boolean =>
      failure !== undefined || options.signal?.aborted === true || lock.lost.aborted;
    const worker = async (): Promise<void> => {
      while (!stopped() && next < queue.length) {
        const row = queue[next++] as CheckedRow;
        try {
          const { outcome, fromJournal } = await runRow(row);
          results[row.row - 1] = {
            row: row.row,
            ref: row.ref,
            outcome: outcome.o,
            cardId: outcome.card,
            last4: outcome.last4,
            error: outcome.error,
            hint: outcome.hint,
            fromJournal,
          };
          progress.add(outcome.o, fromJournal);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? DEFAULT_CONCURRENCY }, worker));
    if (failure !== undefined) throw failure.error;
    if (lock.lost.aborted) message('journal: another run took the lock over; this run stopped.');
    for (const row of valid) {
      results[row.row - 1] ??= { row: row.row, ref: row.ref, outcome: 'not-run', fromJournal: false };
    }
    const count = (outcome: BulkRowResult['outcome']): number =>
      results.filter((r) => r.outcome === outcome).length;
    return {
      batchId: journal.batchId,
      rows: results,
      applied: count('applied'),
      refused: count('refused'),
      unknown: count('unknown'),
      invalid: count('invalid'),
      notRun: count('not-run'),
      interrupted: count('not-run') > 0,
    };
  } finally {
    await lock.release();
  }
}

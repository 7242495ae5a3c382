import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type BulkResult, BulkRowsError, issueCards, JournalLockedError, topUpCards } from '../bulk/index.js';
import type { BulkOperation } from '../bulk/keys.js';
import { checkRows } from '../bulk/rows.js';
import { DEFAULT_BASE_URL } from '../core/base-url.js';
import type { DoctorIo } from '../doctor/cli.js';
import { CardsClient } from '../index.js';
import { readArgs } from './args.js';
import { COLUMNS, readCsv, resultsCsv } from './bulk-csv.js';
import { progressView, summary } from './bulk-progress.js';
import { EXIT, type ExitCode, exitCodeTable, worstExit } from './exit-codes.js';

const USAGE = `Usage: bfinance-cards bulk issue|topup --csv FILE --journal FILE [options]

Issues (issue) or funds (topup) one card per CSV row, exactly once across crashes and re-runs:
each row's intent is journalled before its request and its outcome after. Run the same command
again after a crash or an unknown outcome: applied rows are skipped, open rows settled first.

Options:
  --csv FILE          the rows: a header row naming the fields, then one row per card
  --journal FILE      the batch's journal, created when missing (its lock: FILE.lock; the
                      results: FILE.results.csv, ref, card id, last four, outcome, error, hint)
  --batch ID          batch id of a new journal (default: generated; a journal keeps its own)
  --type ID           card program (typeId) for issue rows without a typeId column
  --concurrency N     rows sent at once (default 4)
  --dry-run           validate the rows only: nothing is sent, no journal is written
  --skip-invalid      send the valid rows when some are invalid
  --retry-refused     send again the rows an earlier run recorded as refused
  --settle-ms N       wait between the two reads that prove a card was not issued (default 10000)
  -h, --help          this text

Columns, issue: ${COLUMNS.issue.join(', ')}
Columns, topup: ${COLUMNS.topup.join(', ')}

Environment: BFINANCE_API_TOKEN (required), BFINANCE_BASE_URL (optional).

Exit status (where several apply, the highest-risk wins; unknown wins over refused):
${exitCodeTable()}
`;

/** What the bulk command reads and writes; injectable for tests. */
export interface BulkIo extends DoctorIo {
  /** Stops the run: rows in flight finish and are journalled. */
  signal?: AbortSignal | undefined;
  /** Where a progress bar is drawn when it is a terminal (stderr). */
  terminal?: (NodeJS.WritableStream & { isTTY?: boolean }) | undefined;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      csv: { type: 'string' },
      journal: { type: 'string' },
      batch: { type: 'string' },
      type: { type: 'string' },
      concurrency: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      'retry-refused': { type: 'boolean', default: false },
      'settle-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

const whole = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new Error(`--${name} must be a whole number.`);
  return Number(text);
};

/** The exit status of a finished run: unknown, then interrupted, then refused or skipped rows. */
export function resultExit(result: BulkResult): ExitCode {
  const codes: ExitCode[] = [EXIT.ok];
  if (result.unknown > 0) codes.push(EXIT.outcomeUnknown);
  if (result.interrupted) codes.push(EXIT.interrupted);
  if (result.refused > 0 || result.invalid > 0) codes.push(EXIT.refused);
  return worstExit(codes);
}

/** Runs `bfinance-cards bulk …` (argv after `bulk`); resolves to the exit status. */
export async function bulkCommand(io: BulkIo): Promise<number> {
  const parsed = readArgs(io, USAGE, () => {
    const args = parse(io.argv);
    const { concurrency, 'settle-ms': settle } = args.values;
    return { ...args, concurrency: whole(concurrency, 'concurrency'), settleMs: whole(settle, 'settle-ms') };
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, concurrency, settleMs } = parsed;
  const operation = positionals[0] as BulkOperation;
  if (
    positionals.length !== 1 ||
    (operation !== 'issue' && operation !== 'topup') ||
    !values.csv ||
    !values.journal
  ) {
    io.err(`bulk needs issue or topup, --csv FILE and --journal FILE.\n\n${USAGE}`);
    return EXIT.usage;
  }
  const journal = values.journal;
  let rows: Record<string, unknown>[];
  let lines: number[];
  try {
    ({ rows, lines } = readCsv(await readFile(values.csv, 'utf8'), operation, values.type));
  } catch (error) {
    io.err(`bfinance-cards bulk: cannot read ${values.csv}: ${(error as Error).message}\n`);
    return EXIT.configuration;
  }
  const report = (error: BulkRowsError): void => {
    for (const i of error.issues) {
      io.err(
        `row ${i.row} (line ${lines[i.row - 1] ?? '?'}${i.ref ? `, ref ${i.ref}` : ''}): ${i.field}: ${i.rule}: ${i.message}\n`,
      );
    }
  };
  if (values['dry-run']) {
    const { valid, issues } = checkRows(operation, rows, values.batch ?? 'dry-run');
    if (issues.length > 0) report(new BulkRowsError(issues));
    io.out(`dry run: ${valid.length} valid row(s), ${issues.length} invalid; nothing was sent.\n`);
    return issues.length > 0 ? EXIT.configuration : EXIT.ok;
  }
  const apiToken = io.env.BFINANCE_API_TOKEN?.trim();
  if (!apiToken) {
    io.err(
      'bfinance-cards bulk: BFINANCE_API_TOKEN is not set. Export your bfinance API token, then run again.\n',
    );
    return EXIT.configuration;
  }
  const view = await progressView(io.terminal, io.err);
  try {
    const client = new CardsClient({
      apiToken,
      // Never left to the client: it would read BFINANCE_BASE_URL from the process, not from `io`.
      baseUrl: io.env.BFINANCE_BASE_URL?.trim() || DEFAULT_BASE_URL,
      ...(io.fetch ? { fetch: io.fetch } : {}),
    });
    const options = {
      journal,
      ...(values.batch !== undefined ? { batchId: values.batch } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(settleMs !== undefined ? { settleMs } : {}),
      skipInvalid: values['skip-invalid'],
      retryRefused: values['retry-refused'],
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: view.update,
      onMessage: (text: string) => io.err(`${text}\n`),
    };
    const run = operation === 'issue' ? issueCards : topUpCards;
    const result = await run(client, rows as never[], options);
    view.stop();
    const resultsPath = `${journal}.results.csv`;
    await writeFile(resultsPath, resultsCsv(result.rows));
    io.out(summary(operation, result, resultsPath));
    return resultExit(result);
  } catch (error) {
    view.stop();
    if (error instanceof JournalLockedError) {
      io.err(`bfinance-cards bulk: ${error.message} ${error.hint}\n`);
      return EXIT.locked;
    }
    if (error instanceof BulkRowsError) {
      report(error);
      io.err(
        `bfinance-cards bulk: ${error.message} Fix the rows above, or pass --skip-invalid to send only the valid ones. Nothing was sent.\n`,
      );
      return EXIT.configuration;
    }
    const e = error as { name?: string; message?: string; hint?: string };
    if (e.name === 'ValidationError') {
      io.err(`bfinance-cards bulk: ${e.message} ${e.hint ?? ''}\n`);
      return EXIT.configuration;
    }
    throw error;
  }
}

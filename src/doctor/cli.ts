import { parseArgs } from 'node:util';
import { readArgs } from '../cli/args.js';
import { EXIT, exitCodeTable } from '../cli/exit-codes.js';
import { DEFAULT_BASE_URL } from '../core/base-url.js';
import { ValidationError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { configurationDiagnosis, type Diagnosis, diagnose } from './diagnosis.js';
import type { FetchLike } from './get-only.js';
import { type ProbeResult, runProbes } from './probes.js';
import { formatDiagnosis, formatJson, formatTable } from './report.js';

const USAGE = `Usage: bfinance-cards doctor [--json] [--customer ID]

Checks bfinance-cards against your bfinance account with read-only calls (GET only):
the organization balance, card programs, the first page of cards, one card's details,
transactions and limits, and a customer and its questionnaires with --customer. Prints, per call, ok / drift / the error class,
and for drift the wire field paths; then what is wrong and the next step (--json: "diagnosis").
Never prints a value from a response, nor the token.

Environment: BFINANCE_API_TOKEN (required), BFINANCE_BASE_URL (optional, default
${DEFAULT_BASE_URL}).

Exit status of bfinance-cards (where several apply, the highest-risk wins):
${exitCodeTable()}
`;

/** Where the doctor writes and what it reads; injectable for tests. */
export interface DoctorIo {
  /** Command-line arguments after the executable and script. */
  argv: readonly string[];
  /** Environment variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** Standard output. */
  out: (text: string) => void;
  /** Standard error. */
  err: (text: string) => void;
  /** The fetch to send through (GET only is enforced on top of it). */
  fetch?: FetchLike | undefined;
}

/** Runs `bfinance-cards <command>`; resolves to the exit status. */
export async function main(io: DoctorIo): Promise<number> {
  const parsed = readArgs(io, USAGE, () => parse(io.argv));
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'doctor') {
    io.err(USAGE);
    return EXIT.usage;
  }
  const refuse = (diagnosis: Diagnosis): number => {
    if (values.json) io.out(formatJson([], VERSION, diagnosis));
    else io.err(formatDiagnosis(diagnosis));
    return diagnosis.exitCode;
  };
  const apiToken = io.env.BFINANCE_API_TOKEN?.trim();
  if (!apiToken) {
    return refuse(
      configurationDiagnosis(
        'BFINANCE_API_TOKEN is not set.',
        'Export your bfinance API token, then run bfinance-cards doctor again.',
      ),
    );
  }
  // Never left to the client: it would read BFINANCE_BASE_URL from the process, not from `io`.
  const baseUrl = io.env.BFINANCE_BASE_URL?.trim() || DEFAULT_BASE_URL;
  let results: ProbeResult[];
  try {
    results = await runProbes({ apiToken, baseUrl, customerId: values.customer, fetch: io.fetch });
  } catch (error) {
    if (error instanceof ValidationError) return refuse(configurationDiagnosis(error.message, error.hint));
    throw error;
  }
  const diagnosis = diagnose(results, baseUrl, VERSION);
  io.out(values.json ? formatJson(results, VERSION, diagnosis) : formatTable(results, diagnosis));
  return diagnosis.exitCode;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      customer: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

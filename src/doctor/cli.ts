import { parseArgs } from 'node:util';
import { VERSION } from '../version.js';
import type { FetchLike } from './get-only.js';
import { runProbes } from './probes.js';
import { allOk, formatJson, formatTable } from './report.js';

const USAGE = `Usage: bfinance-cards doctor [--json] [--customer ID]

Checks bfinance-cards against your bfinance account with read-only calls (GET only):
the organization balance, card programs, the first page of cards, one card's details and
transactions, and a customer with --customer. Prints, per call, ok / drift / the error class,
and for drift the wire field paths. Never prints a value from a response, nor the token.

Environment: BFINANCE_API_TOKEN (required), BFINANCE_BASE_URL (optional).
Exit status: 0 when every call matched, 1 when any drifted or failed, 2 for a usage error.
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
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(io.argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : 'Invalid arguments.'}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'doctor') {
    io.err(USAGE);
    return 2;
  }
  const apiToken = io.env.BFINANCE_API_TOKEN?.trim();
  if (!apiToken) {
    io.err(
      'BFINANCE_API_TOKEN is not set: export your bfinance API token, then run bfinance-cards doctor again.\n',
    );
    return 2;
  }
  const results = await runProbes({
    apiToken,
    baseUrl: io.env.BFINANCE_BASE_URL?.trim() || undefined,
    customerId: values.customer,
    fetch: io.fetch,
  });
  io.out(values.json ? formatJson(results, VERSION) : formatTable(results));
  return allOk(results) ? 0 : 1;
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

/**
 * The exit statuses of the `bfinance-cards` command, one table for every subcommand: scripts and
 * CI branch on these numbers, so a number never changes meaning.
 */
export const EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  configuration: 3,
  outcomeUnknown: 4,
  interrupted: 5,
  locked: 6,
  tokenRefused: 10,
  accessRefused: 11,
  notFound: 12,
  cannotConnect: 13,
} as const;

/** One exit status of {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit status means, in table order; `--help` and the README print these rows. */
export const EXIT_MEANINGS: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.ok, 'ok'],
  [EXIT.refused, 'refused, or findings to report'],
  [EXIT.usage, 'usage: unknown command or flag'],
  [EXIT.configuration, 'configuration: token, base URL or option'],
  [EXIT.outcomeUnknown, 'outcome unknown: a call may have been applied'],
  [EXIT.interrupted, 'interrupted'],
  [EXIT.locked, 'locked: another run holds the lock'],
  [EXIT.tokenRefused, 'token refused (HTTP 401)'],
  [EXIT.accessRefused, 'access refused (HTTP 403)'],
  [EXIT.notFound, 'not found (HTTP 404): check the base URL'],
  [EXIT.cannotConnect, 'cannot connect'],
];

/**
 * Which status wins when several apply, first wins. An unknown outcome comes first: money may have
 * moved, and no other status may hide that. Then what stopped the run, then the cause whose fix
 * comes first (nothing can be judged before a connection, a token before access); refusals and
 * findings last.
 */
export const PRECEDENCE: readonly ExitCode[] = [
  EXIT.outcomeUnknown,
  EXIT.interrupted,
  EXIT.locked,
  EXIT.cannotConnect,
  EXIT.configuration,
  EXIT.usage,
  EXIT.tokenRefused,
  EXIT.accessRefused,
  EXIT.notFound,
  EXIT.refused,
  EXIT.ok,
];

/** The status that wins among `codes` by {@link PRECEDENCE}; 0 when there is none. */
export function worstExit(codes: Iterable<ExitCode>): ExitCode {
  let best = PRECEDENCE.length - 1;
  for (const code of codes) best = Math.min(best, PRECEDENCE.indexOf(code));
  return PRECEDENCE[best] ?? EXIT.ok;
}

/** The exit-status table as `--help` prints it, one `  <code>  <meaning>` line per status. */
export function exitCodeTable(): string {
  return EXIT_MEANINGS.map(([code, meaning]) => `  ${String(code).padStart(2)}  ${meaning}`).join('\n');
}

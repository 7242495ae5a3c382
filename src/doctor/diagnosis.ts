import { EXIT, type ExitCode, worstExit } from '../cli/exit-codes.js';
import { DEFAULT_BASE_URL } from '../core/base-url.js';
import type { ProbeResult } from './probes.js';

/** What the doctor concludes from a run: one cause, what to do about it, and the exit status. */
export interface Diagnosis {
  /** `ok`, `drift`, `failed`, `configuration`, `token-refused`, `access-refused`, `not-found` or `cannot-connect`. */
  code: string;
  /** The exit status (see `EXIT`). */
  exitCode: ExitCode;
  /** What is wrong, in one sentence; never a value from a response, nor the token. */
  message: string;
  /** What to do next. */
  nextStep: string;
}

const API_PATH = '/external/api';
const SET_BASE_URL = `Set BFINANCE_BASE_URL to the API base, ${DEFAULT_BASE_URL}, or leave it unset; a sandbox prints its own URL, which ends in ${API_PATH}.`;

/** A configuration mistake found before anything was sent: the SDK's own message and hint. */
export function configurationDiagnosis(message: string, hint: string): Diagnosis {
  return { code: 'configuration', exitCode: EXIT.configuration, message, nextStep: hint };
}

const failed = (r: ProbeResult): boolean => r.result !== 'ok' && r.result !== 'drift';
const ops = (results: readonly ProbeResult[]): string => results.map((r) => r.operation).join(', ');

/**
 * Reads the probe results for their cause. Only drift and unreadable responses ask for a report;
 * a refused token, refused access, a wrong base URL or no connection each name the next step.
 */
export function diagnose(results: readonly ProbeResult[], baseUrl: string, version: string): Diagnosis {
  const found: Diagnosis[] = [];
  const add = (code: string, exitCode: ExitCode, message: string, nextStep: string): void => {
    found.push({ code, exitCode, message, nextStep });
  };
  const unreached = results.filter((r) => r.result === 'ConnectionError' || r.result === 'TimeoutError');
  if (unreached.length > 0) {
    add(
      'cannot-connect',
      EXIT.cannotConnect,
      `Could not reach ${new URL(baseUrl).host} (${ops(unreached)}).`,
      'Check the network: that this machine reaches that host (DNS, proxy, firewall, VPN) and, for a local sandbox, that its server is running; then run bfinance-cards doctor again.',
    );
  }
  const withStatus = (status: number): ProbeResult[] =>
    results.filter((r) => failed(r) && r.status === status);
  if (withStatus(401).length > 0) {
    add(
      'token-refused',
      EXIT.tokenRefused,
      `bfinance refused the token (HTTP 401 on ${ops(withStatus(401))}).`,
      'Check BFINANCE_API_TOKEN: copy the token again from your bfinance account, without a `Bearer ` prefix; a sandbox token works only with its sandbox URL.',
    );
  }
  if (withStatus(403).length > 0) {
    add(
      'access-refused',
      EXIT.accessRefused,
      `bfinance accepted the token but refused access (HTTP 403 on ${ops(withStatus(403))}).`,
      "Check the account's access with bfinance: the token's organization may not be allowed these endpoints.",
    );
  }
  const everyNotFound = withStatus(404).length === results.length;
  if (everyNotFound) {
    add(
      'not-found',
      EXIT.notFound,
      'Every call answered 404 Not Found: BFINANCE_BASE_URL is not the bfinance API.',
      SET_BASE_URL,
    );
  }
  const allOk = results.every((r) => r.result === 'ok');
  if (!allOk && !new URL(baseUrl).pathname.replace(/\/+$/, '').endsWith(API_PATH)) {
    // The SDK accepts any path (a proxy may serve the API elsewhere); a run that failed there
    // most likely failed because of it.
    add(
      'configuration',
      EXIT.configuration,
      `BFINANCE_BASE_URL has no ${API_PATH} path, where bfinance serves its API${everyNotFound ? ', and every call answered 404 Not Found' : ''}.`,
      SET_BASE_URL,
    );
  }
  if (
    results.some(
      (r) => r.result === 'drift' || r.result === 'ResponseValidationError' || r.invalid.length > 0,
    )
  ) {
    add(
      'drift',
      EXIT.refused,
      'Some responses differ from the shapes bfinance-cards expects.',
      `Send this report (it holds field names only, no values) with your bfinance-cards version, ${version}, in an issue.`,
    );
  }
  const otherFailures = results.filter(failed);
  if (otherFailures.length > 0) {
    add(
      'failed',
      EXIT.refused,
      `Some calls failed: ${ops(otherFailures)} (error class and HTTP status above).`,
      "A 404 on one call names a card or customer that does not exist; a 429 or 5xx is on bfinance's side: run bfinance-cards doctor again later.",
    );
  }
  const exitCode = worstExit(found.map((d) => d.exitCode));
  return (
    found.find((d) => d.exitCode === exitCode) ?? {
      code: 'ok',
      exitCode: EXIT.ok,
      message: 'Every probe matched the shapes bfinance-cards expects.',
      nextStep: 'Nothing to do.',
    }
  );
}

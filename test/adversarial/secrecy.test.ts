import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import type { Logger } from '../../src/core/logger.js';
import { CanaryScanner } from '../helpers/canary.js';
import { newStats, report, size } from '../reliability/config.js';

// Finding 9 of the adversarial review: every string that comes from outside the SDK (a server body
// or header, a custom fetch's error) passes the redactor before an error stores it or a log line
// carries it. A hostile server puts the token and card data into every string it controls; the
// canary scanner reads every rendering of every error (String, JSON, full util.inspect, message,
// hint, cause) and every log line.

const PAN = '4111111111111111';
const RENDERINGS = [
  (p: string) => p,
  (p: string) => p.replace(/(\d{4})(?=\d)/g, '$1 '),
  (p: string) => p.replace(/(\d{4})(?=\d)/g, '$1-'),
  (p: string) => p.replace(/(\d{4})(?=\d)/g, '$1.'),
];

function hostile(scanner: CanaryScanner, token: string) {
  return fc
    .record({
      message: fc.constantFrom(
        `Card ${PAN} declined`,
        `token ${token} invalid`,
        'CVC: 737 rejected',
        `Bearer ${token}`,
      ),
      errorId: fc.constantFrom(...RENDERINGS.map((r) => r(PAN)), token),
      requestId: fc.constantFrom(token, RENDERINGS[1]?.(PAN) ?? PAN, `req-${token}`),
      status: fc.constantFrom(400, 404, 409, 422, 500, 503, 200),
      mode: fc.constantFrom('response', 'fetch-error-code', 'fetch-error-message'),
    })
    .map((c) => {
      scanner.addPan(PAN);
      return c;
    });
}

describe('adversarial: nothing from outside the SDK reaches an error or a log unredacted', () => {
  it('hostile bodies, headers and fetch errors leave no canary in any rendering', async (context) => {
    const stats = newStats('7 adversarial secrecy');
    const started = Date.now();
    const token = 'tok_LIVE_3f9c1d2e8a7b6c5d4e3f';
    const scanner = new CanaryScanner(token);
    // The scanner squeezes spaces and dashes only; dotted and other renderings are checked verbatim.
    const literal = RENDERINGS.map((r) => r(PAN));
    const seen: string[] = [];
    const scan = scanner.scan.bind(scanner);
    scanner.scan = (where, text, kind) => {
      for (const form of literal) if (text.includes(form)) seen.push(`${where}: ${form}`);
      scan(where, text, kind);
    };
    const counter = { lines: 0 };
    const logger: Logger = scanner.logger(counter);
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(hostile(scanner, token), async (c) => {
        const fetch = async (): Promise<Response> => {
          if (c.mode === 'fetch-error-code') throw Object.assign(new Error('boom'), { code: token });
          if (c.mode === 'fetch-error-message')
            throw new TypeError(`fetch failed for ${token}`, { cause: { code: token.toUpperCase() } });
          const body =
            c.status === 200
              ? { status: 'error', message: c.message, errorId: c.errorId }
              : { status: 'error', message: c.message, errorId: c.errorId };
          return new Response(JSON.stringify(body), {
            status: c.status,
            headers: {
              'content-type': 'application/json',
              'x-request-id': c.requestId,
              'request-id': c.requestId,
            },
          });
        };
        const client = new CardsClient({
          apiToken: token,
          baseUrl: 'https://api.example.test/external/api',
          fetch,
          logger,
          logLevel: 'debug',
          maxRetries: 0,
        });
        for (const call of [
          () => client.funds.topUp('card_1', { amount: 5 }),
          () => client.cards.retrieve('card_1'),
        ]) {
          try {
            await call();
          } catch (error) {
            errors += 1;
            scanner.scanValue('error', error);
            if (error instanceof Error && error.cause !== undefined) scanner.scanValue('cause', error.cause);
          }
        }
      }),
      { numRuns: size(400, 80), seed: 20251203 },
    );
    expect(errors).toBeGreaterThan(0);
    expect(counter.lines).toBeGreaterThan(0);
    stats.cases = errors;
    stats.faults = errors;
    stats.outcomes.failed = errors;
    stats.canaryHits = scanner.hits.length + seen.length;
    stats.elapsedMs = Date.now() - started;
    report(context, stats);
    expect(scanner.hits).toEqual([]);
    expect(seen).toEqual([]);
  });
});

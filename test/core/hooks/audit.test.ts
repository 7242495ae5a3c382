import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardsClientOptions, CLIENT_CLOCK } from '../../../src/connection.js';
import { OutcomeUnknownError } from '../../../src/core/errors.js';
import type { AuditEvent } from '../../../src/core/hooks/audit.js';
import { CardsClient } from '../../../src/index.js';
import { luhnUuidArb } from '../../helpers/ids.js';
import { failure } from '../../helpers/wire.js';

// The Idempotency-Key is what resends or reconciles a money call, so every place that reports the
// call carries it exactly as sent, even a key whose digits read as a card number to a redactor.

const BASE = 'https://bank.audit.test/external/api';

function client(lose: boolean, audits: AuditEvent[], lines: Array<Record<string, unknown>>): CardsClient {
  const fetch = async (): Promise<Response> => {
    // Applied, then the answer is lost on the way back: the outcome is unknown.
    if (lose)
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }),
      });
    return Response.json({ status: 'success', message: 'Card has been topped up' });
  };
  return new CardsClient({
    apiToken: 'tok_audit_0123456789abcdef',
    baseUrl: BASE,
    fetch,
    maxRetries: 0,
    logLevel: 'debug',
    logger: {
      debug: (f: object) => lines.push({ ...f }),
      info: (f: object) => lines.push({ ...f }),
      warn: (f: object) => lines.push({ ...f }),
      error: (f: object) => lines.push({ ...f }),
    },
    onAudit: (event) => {
      audits.push(event);
    },
    [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
  } as CardsClientOptions);
}

describe('the Idempotency-Key in audit events, log lines and errors', () => {
  it('is the key as sent, for an applied call and for one whose outcome is unknown', async () => {
    await fc.assert(
      fc.asyncProperty(luhnUuidArb, fc.boolean(), async (key, lose) => {
        const audits: AuditEvent[] = [];
        const lines: Array<Record<string, unknown>> = [];
        const c = client(lose, audits, lines);
        const call = c.funds.topUp('card_1', { amount: 25 }, { idempotencyKey: key });
        if (lose) {
          const error = await failure(call);
          expect(error).toBeInstanceOf(OutcomeUnknownError);
          expect((error as OutcomeUnknownError).idempotencyKey).toBe(key);
          expect(JSON.parse(JSON.stringify(error)).idempotencyKey).toBe(key);
        } else {
          await call;
        }
        expect(audits.map((e) => e.idempotencyKey)).toEqual([key]);
        const keyed = lines.filter((line) => 'idempotencyKey' in line);
        expect(keyed.length).toBeGreaterThan(0);
        for (const line of keyed) expect(line.idempotencyKey).toBe(key);
      }),
      { numRuns: 150 },
    );
  });
});

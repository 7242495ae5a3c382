import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type CardsClientOptions, CLIENT_CLOCK } from '../../src/connection.js';
import { IdempotencyKeyReusedError, OutcomeUnknownError, ValidationError } from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/core/hooks/audit.js';
import { CardsClient } from '../../src/index.js';
import { polluted } from '../helpers/pollute.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// Independent review of #17: cases the earlier tests did not vary. Each fake bank here records
// what it received; the assertions are on the outcome class, what was sent and the audit event.

const BASE = 'https://bank.review17.test/external/api';

type Reply = (attempt: number) => Response;

/** A client over a scripted fetch; `reply` answers attempt n (0-based) or throws for a lost one. */
function bank(reply: Reply, options: Partial<CardsClientOptions> = {}) {
  const sent: Array<{ key: string | null; body: string }> = [];
  const audits: AuditEvent[] = [];
  const client = new CardsClient({
    apiToken: 'tok_review17_0123456789abcdef',
    baseUrl: BASE,
    maxRetries: 2,
    fetch: async (_url: string, init: RequestInit) => {
      sent.push({ key: new Headers(init.headers).get('idempotency-key'), body: String(init.body ?? '') });
      return reply(sent.length - 1);
    },
    onAudit: (event: AuditEvent) => {
      audits.push(event);
    },
    ...options,
    [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
  } as CardsClientOptions);
  return { client, sent, audits };
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

/** The answer of an attempt that reached the bank and whose answer was lost (undici's fetch failure). */
function lost(): never {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }),
  });
}

const error = (status: number, message: string): Response =>
  Response.json({ status: 'error', message }, { status });

describe('§5: fields an endpoint leaves out are never taken from Object.prototype', () => {
  it.each(['documented', false] as const)(
    'Object.prototype.deduplicated = true does not re-send a budget top-up (retryUnknownOutcomes %s)',
    async (retryUnknownOutcomes) => {
      const { client, sent, audits } = bank(lost, { retryUnknownOutcomes });
      const e = await polluted('deduplicated', true, () =>
        thrown(client.funds.topUpBudget('b1', { amount: 5 })),
      );
      expect(e).toBeInstanceOf(OutcomeUnknownError);
      expect(sent).toHaveLength(1);
      expect(audits.map((a) => a.outcome)).toEqual(['unknown']);
    },
  );

  it('Object.prototype.converge does not turn a refused pins.set after a lost attempt into a success', async () => {
    const { client, sent, audits } = bank((n) => (n === 0 ? lost() : error(400, 'Card is blocked')));
    const e = await polluted(
      'converge',
      async () => ({ message: 'done' }),
      () => thrown(client.pins.set('c1', '7294')),
    );
    expect((e as Error).name).not.toBe('OutcomeUnknownError');
    expect(sent).toHaveLength(2);
    expect(audits.map((a) => a.outcome)).toEqual(['unknown']);
  });
});

describe('§2: what an answer says about the key is read by meaning, and another key is not the key', () => {
  // Innocent answers about the API token or another key on a call whose key the SDK generated.
  const INNOCENT: ReadonlyArray<[number, string]> = [
    [401, 'API key does not match this account'],
    [403, 'This API key belongs to another organization'],
    [403, 'Access key mismatch'],
    [400, 'Encryption key differs from the registered one'],
    [401, 'The x-api-key header is not the same as the one issued'],
  ];

  it.each(INNOCENT)('%i "%s" on a fresh top-up is not IdempotencyKeyReusedError', async (status, message) => {
    const { client, sent, audits } = bank(() => error(status, message));
    const e = await thrown(client.funds.topUp('c1', { amount: 5 }));
    expect(e).not.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(e).not.toBeInstanceOf(OutcomeUnknownError);
    expect(sent).toHaveLength(1);
    expect(audits.map((a) => a.outcome)).toEqual(['refused']);
  });

  // A repeat of an earlier request with the caller's key (e.g. from a process that crashed).
  const REPEATS: readonly string[] = [
    'Duplicated request',
    'This request is a duplicate',
    'Original request already succeeded',
    'Request with this key was already fulfilled',
    'An operation with this idempotency key is ongoing',
    'Another request with this key is being handled',
    'Idempotency key already in use',
  ];

  it('property: an "already processed" or "in progress" paraphrase in any 4xx, with the caller\'s key, is unknown and never a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REPEATS),
        fc.integer({ min: 400, max: 499 }).filter((s) => s !== 429),
        async (message, status) => {
          const { client, sent, audits } = bank(() => error(status, message), {
            retryUnknownOutcomes: false,
          });
          const e = await thrown(
            client.funds.topUpBudget('b1', { amount: 5 }, { idempotencyKey: 'order-17-repeat' }),
          );
          expect(e).toBeInstanceOf(OutcomeUnknownError);
          expect((e as OutcomeUnknownError).cause).not.toBeInstanceOf(IdempotencyKeyReusedError);
          expect(sent).toHaveLength(1);
          expect(audits.map((a) => a.outcome)).toEqual(['unknown']);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a paraphrase of "key used for a different request" on a fresh call is IdempotencyKeyReusedError', async () => {
    const { client, sent } = bank(() =>
      error(422, 'Payload is inconsistent with the first request using this idempotency key'),
    );
    const e = await thrown(client.funds.topUp('c1', { amount: 5 }, { idempotencyKey: 'order-17-a' }));
    expect(e).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(sent).toHaveLength(1);
  });
});

describe('§5: resend() options are undefined or a plain object', () => {
  it('a class instance is a ValidationError and nothing is sent', async () => {
    const { client, sent } = bank(
      (n) => (n === 0 ? lost() : Response.json({ status: 'success', message: 'ok' })),
      {
        maxRetries: 0,
      },
    );
    const e = await thrown(client.funds.topUp('c1', { amount: 5, note: 'r17' }));
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    class ResendOptions {
      timeoutMs = 1;
    }
    const refused = await thrown((e as OutcomeUnknownError).resend(new ResendOptions() as never));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).rule).toBe('type');
    expect(sent).toHaveLength(1);
    // A plain object still re-sends the identical request.
    await expect((e as OutcomeUnknownError).resend({ timeoutMs: 1000 })).resolves.toEqual({ message: 'ok' });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });
});

describe('§2: resend() refused by retryUnknownOutcomes: false tells the truth about bfinance', () => {
  it('a card top-up is not called an operation bfinance does not de-duplicate', async () => {
    const { client, sent } = bank(lost, { retryUnknownOutcomes: false, maxRetries: 0 });
    const e = await thrown(client.funds.topUp('c1', { amount: 5 }));
    const refused = await thrown((e as OutcomeUnknownError).resend());
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).rule).toBe('not_deduplicated');
    expect((refused as Error).message).toContain('retryUnknownOutcomes: false');
    expect(sent).toHaveLength(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type CardsClientOptions, CLIENT_CLOCK } from '../../src/connection.js';
import {
  ConnectionError,
  IdempotencyKeyReusedError,
  OutcomeUnknownError,
  ValidationError,
} from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/core/hooks/audit.js';
import { CardsClient } from '../../src/index.js';
import { failure } from '../helpers/wire.js';
import { newStats, report, size } from '../reliability/config.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// Whether a money call may have reached bfinance is what the transport saw, never an error code;
// bfinance de-duplicates card top-ups and withdrawals on Idempotency-Key, so those are re-sent with
// the same key and body. The fake bank here applies a request and then lets the network fail in
// ways our sandbox never does.

const BASE = 'https://bank.facts.test/external/api';

/** How an applied attempt's answer is lost on its way back. */
type Loss =
  | 'host-unreachable'
  | 'terminated-body'
  | 'not-a-response'
  | 'thrown-string'
  | 'invalid-arg-code'
  | 'refused-code-without-syscall';

function lose(loss: Loss): Response {
  switch (loss) {
    case 'host-unreachable':
      // The connected socket failed after the request was written: EHOSTUNREACH from a read.
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('read EHOSTUNREACH'), { code: 'EHOSTUNREACH', syscall: 'read' }),
      });
    case 'terminated-body': {
      // undici's fetch: a 200 whose body then fails ("terminated", the socket error as cause).
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":"succ'));
          controller.error(
            new TypeError('terminated', {
              cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
            }),
          );
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    case 'not-a-response':
      return { ok: true, status: 200 } as unknown as Response;
    case 'thrown-string':
      throw 'connection dropped';
    case 'invalid-arg-code':
      throw Object.assign(new TypeError('invalid'), { code: 'UND_ERR_INVALID_ARG' });
    case 'refused-code-without-syscall':
      throw Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' });
  }
}

const LOSSES: readonly Loss[] = [
  'host-unreachable',
  'terminated-body',
  'not-a-response',
  'thrown-string',
  'invalid-arg-code',
  'refused-code-without-syscall',
];

/** A bank that applies each request, de-duplicating on the key or not, and loses some answers. */
class Bank {
  /** Applied movements, one per application (a bank that ignores keys may hold a key twice). */
  readonly applied: string[] = [];
  readonly sent: Array<{ key: string | null; body: string }> = [];
  readonly #seen = new Map<string, string>();
  constructor(
    readonly dedupe: boolean,
    /** What happens to the answer of attempt n (0-based); undefined: a success answer. */
    readonly losses: ReadonlyArray<Loss | undefined>,
  ) {}

  readonly fetch = async (_url: string, init: RequestInit): Promise<Response> => {
    const key = new Headers(init.headers).get('idempotency-key');
    const body = String(init.body ?? '');
    const n = this.sent.length;
    this.sent.push({ key, body });
    const prior = key === null ? undefined : this.#seen.get(key);
    if (this.dedupe && prior !== undefined && prior !== body) {
      return Response.json(
        { status: 'error', message: 'Idempotency key was used with a different request' },
        { status: 422 },
      );
    }
    if (!this.dedupe || prior === undefined) this.applied.push(key ?? `none-${n}`);
    if (key !== null) this.#seen.set(key, body);
    const loss = this.losses[n];
    if (loss !== undefined) return lose(loss);
    return Response.json({ status: 'success', message: 'Card has been topped up' });
  };
}

function client(
  bank: Bank,
  options: Partial<CardsClientOptions> = {},
  audits: AuditEvent[] = [],
): CardsClient {
  return new CardsClient({
    apiToken: 'tok_facts_0123456789abcdef',
    baseUrl: BASE,
    fetch: bank.fetch,
    maxRetries: 2,
    onAudit: (event) => {
      audits.push(event);
    },
    ...options,
    [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
  } as CardsClientOptions);
}

describe('an attempt that may have reached bfinance is never called "never sent"', () => {
  it.each(LOSSES)(
    '%s after a top-up was applied, retryUnknownOutcomes false: OutcomeUnknownError, sent once, audited unknown',
    async (loss) => {
      const bank = new Bank(false, [loss]);
      const audits: AuditEvent[] = [];
      const error = await failure(
        client(bank, { retryUnknownOutcomes: false }, audits).funds.topUp('card_1', { amount: 5 }),
      );
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(bank.sent).toHaveLength(1);
      expect(bank.applied).toHaveLength(1);
      expect(audits.map((e) => e.outcome)).toEqual(['unknown']);
    },
  );

  it.each(LOSSES)(
    '%s after a top-up was applied, a de-duplicating bank and the default: re-sent with the same key, applied once',
    async (loss) => {
      const bank = new Bank(true, [loss]);
      const audits: AuditEvent[] = [];
      const result = await client(bank, {}, audits).funds.topUp('card_1', { amount: 5, note: 'n-1' });
      expect(result).toEqual({ message: 'Card has been topped up' });
      expect(bank.sent).toHaveLength(2);
      expect(new Set(bank.sent.map((s) => s.key)).size).toBe(1);
      expect(bank.sent[1]?.body).toBe(bank.sent[0]?.body);
      expect(bank.applied).toHaveLength(1);
      expect(audits.map((e) => e.outcome)).toEqual(['applied']);
    },
  );

  it('a card issuance, which bfinance does not de-duplicate, is never re-sent after any of these', async () => {
    for (const loss of LOSSES) {
      const bank = new Bank(false, [loss]);
      const error = await failure(
        client(bank).cards.issue({
          model: 'card',
          typeId: 'type_1',
          initialBalance: 10,
          firstName: 'Ada',
          lastName: 'Lovelace',
        }),
      );
      expect(error, loss).toBeInstanceOf(OutcomeUnknownError);
      expect(bank.sent, loss).toHaveLength(1);
    }
  });

  it('property: whatever is lost and whether the bank de-duplicates, no money moves twice and nothing is reported not sent', async (context) => {
    const stats = newStats('7 adversarial transport facts');
    const started = Date.now();
    const loss = fc.option(fc.constantFrom(...LOSSES), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(loss, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<boolean | 'documented'>(true, false, 'documented'),
        async (dedupe, losses, retryUnknownOutcomes) => {
          fc.pre(dedupe || retryUnknownOutcomes === false);
          const bank = new Bank(dedupe, losses);
          const outcome = await client(bank, { retryUnknownOutcomes })
            .funds.withdraw('card_1', { amount: 3 })
            .then(
              () => 'ok',
              (e: unknown) => e,
            );
          stats.cases += 1;
          stats.faults += losses.slice(0, bank.sent.length).filter((l) => l !== undefined).length;
          stats.outcomes[
            outcome === 'ok' ? 'success' : outcome instanceof OutcomeUnknownError ? 'unknown' : 'failed'
          ] += 1;
          if (new Set(bank.applied).size !== bank.applied.length) stats.duplicates += 1;
          if (outcome === 'ok' && bank.applied.length === 0) stats.lost += 1;
          // A server that honours keys never holds a key twice; one that ignores them is never re-sent to.
          expect(new Set(bank.applied).size).toBe(bank.applied.length);
          if (outcome !== 'ok') {
            expect(outcome).toBeInstanceOf(OutcomeUnknownError);
            expect(outcome).not.toBeInstanceOf(ConnectionError);
          }
        },
      ),
      { numRuns: size(1500, 150), seed: 20261207 },
    );
    stats.elapsedMs = Date.now() - started;
    report(context, stats);
    expect([stats.duplicates, stats.lost]).toEqual([0, 0]);
  });
});

describe('resend() and the key contract', () => {
  it('resend() sends the identical request with the same key and returns its answer', async () => {
    const bank = new Bank(true, ['host-unreachable', 'host-unreachable', 'host-unreachable']);
    const audits: AuditEvent[] = [];
    const error = (await failure(
      client(bank, {}, audits).funds.topUp('card_1', { amount: 7, note: 'payroll 12' }),
    )) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.hint).toMatch(/resend\(\)/);
    await expect(error.resend()).resolves.toEqual({ message: 'Card has been topped up' });
    expect(bank.sent).toHaveLength(4);
    expect(new Set(bank.sent.map((s) => `${s.key} ${s.body}`)).size).toBe(1);
    expect(bank.applied).toHaveLength(1);
    expect(audits.map((e) => e.outcome)).toEqual(['unknown', 'applied']);
  });

  it('resend() refuses an operation without documented de-duplication, and sends nothing', async () => {
    const bank = new Bank(false, ['host-unreachable']);
    const error = (await failure(
      client(bank).funds.topUpBudget('budget_1', { amount: 7 }),
    )) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.hint).not.toMatch(/safe|resend\(\)/i);
    const refused = await failure(error.resend());
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).rule).toBe('not_deduplicated');
    expect(bank.sent).toHaveLength(1);
  });

  it('resend() refuses once the first attempt is more than 30 days old (bfinance keeps keys a month)', async () => {
    const bank = new Bank(true, ['host-unreachable', 'host-unreachable', 'host-unreachable']);
    const realNow = Date.now;
    const error = (await failure(client(bank).funds.topUp('card_1', { amount: 7 }))) as OutcomeUnknownError;
    try {
      Date.now = () => realNow() + 31 * 24 * 60 * 60 * 1000;
      const refused = await failure(error.resend());
      expect((refused as ValidationError).rule).toBe('expired');
    } finally {
      Date.now = realNow;
    }
    expect(bank.sent).toHaveLength(3);
  });

  it('refuses locally to send one key with two different bodies; the same body again is fine', async () => {
    const bank = new Bank(true, []);
    const c = client(bank);
    await c.funds.topUp('card_1', { amount: 5 }, { idempotencyKey: 'order-7' });
    await c.funds.topUp('card_1', { amount: 5 }, { idempotencyKey: 'order-7' });
    const error = await failure(c.funds.topUp('card_1', { amount: 6 }, { idempotencyKey: 'order-7' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('idempotencyKey');
    expect(bank.sent).toHaveLength(2);
  });

  it('after a definite refusal the same key may carry a mended request (nothing was done under it)', async () => {
    const sent: string[] = [];
    const refusesFirst = async (_url: unknown, init?: RequestInit): Promise<Response> => {
      sent.push(String(init?.body));
      return sent.length === 1
        ? Response.json(
            { status: 'error', message: 'Insufficient funds on organization balance' },
            { status: 400 },
          )
        : Response.json({ status: 'success', message: 'Card has been topped up' });
    };
    const c = new CardsClient({
      apiToken: 'tok_facts_0123456789abcdef',
      baseUrl: BASE,
      fetch: refusesFirst,
      [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
    } as CardsClientOptions);
    await failure(c.funds.topUp('card_1', { amount: 500 }, { idempotencyKey: 'order-9' }));
    await c.funds.topUp('card_1', { amount: 50 }, { idempotencyKey: 'order-9' });
    expect(sent).toEqual(['{"amount":500}', '{"amount":50}']);
  });

  it('a key reused for a different request, answered by bfinance: a definite IdempotencyKeyReusedError', async () => {
    const bank = new Bank(true, []);
    await client(bank).funds.topUp('card_1', { amount: 5 }, { idempotencyKey: 'order-8' });
    // Another process (another client) reuses the key for another amount.
    const error = await failure(
      client(bank).funds.topUp('card_1', { amount: 9 }, { idempotencyKey: 'order-8' }),
    );
    expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(bank.applied).toHaveLength(1);
  });

  it('options of resend() that are not an object are a ValidationError', async () => {
    const bank = new Bank(true, ['host-unreachable', 'host-unreachable', 'host-unreachable']);
    const error = (await failure(client(bank).funds.topUp('card_1', { amount: 7 }))) as OutcomeUnknownError;
    for (const bad of [null, 'fast', 42]) {
      const refused = await failure(error.resend(bad as never));
      expect(refused).toBeInstanceOf(ValidationError);
    }
    expect(bank.sent).toHaveLength(3);
  });
});

describe('the audit trail says refused only for a definite refusal', () => {
  const answering = (status: number, message: string) => async (): Promise<Response> =>
    Response.json({ status: 'error', message }, { status });
  const auditedClient = (fetch: typeof globalThis.fetch, audits: AuditEvent[]): CardsClient =>
    new CardsClient({
      apiToken: 'tok_facts_0123456789abcdef',
      baseUrl: BASE,
      fetch,
      maxRetries: 1,
      timeoutMs: 30,
      onAudit: (event) => {
        audits.push(event);
      },
      [CLIENT_CLOCK]: { sleep: async () => undefined, random: () => 0 },
    } as CardsClientOptions);

  it('a 503 on every attempt of pins.set, or timeouts on a freeze: unknown, not refused', async () => {
    const audits: AuditEvent[] = [];
    await failure(auditedClient(answering(503, 'Service unavailable'), audits).pins.set('card_1', '5831'));
    const hang = (_url: unknown, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    await failure(auditedClient(hang, audits).status.freeze('card_1'));
    expect(audits.map((e) => [e.operation, e.outcome])).toEqual([
      ['pins.set', 'unknown'],
      ['status.freeze', 'unknown'],
    ]);
  });

  it('a 400 on the first attempt of a freeze: refused', async () => {
    const audits: AuditEvent[] = [];
    await failure(auditedClient(answering(400, 'Card is not active'), audits).status.freeze('card_1'));
    expect(audits.map((e) => e.outcome)).toEqual(['refused']);
  });
});

describe('what an unknown outcome offers matches what the client allows', () => {
  it('a top-up under retryUnknownOutcomes: false is not told to call resend(), which is off', async () => {
    const bank = new Bank(false, ['host-unreachable']);
    const error = (await failure(
      client(bank, { retryUnknownOutcomes: false }).funds.topUp('card_1', { amount: 5 }),
    )) as OutcomeUnknownError;
    expect(error.hint).not.toMatch(/resend\(\)/);
    expect(error.hint).toMatch(/reconcile\(\)/);
    expect(((await failure(error.resend())) as ValidationError).rule).toBe('not_deduplicated');
  });
});

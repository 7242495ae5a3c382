import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { OutcomeUnknownError } from '../../src/core/errors.js';

// Issue 17 part 3: an issuance or delete whose answer was lost, settled by reading the card. A real
// server may not show a new card at once (our sandbox answers instantly), and may show a card
// status the SDK does not know: neither may turn into a verdict the bank contradicts.

const BASE = 'https://api.example.test/external/api';

function card(id: string, status: string): Record<string, unknown> {
  return {
    id,
    maskedCardNumber: '**** **** **** 1111',
    currency: 'EUR',
    status,
    balance: { value: 10, currency: 'EUR' },
    cardHolder: { firstName: 'Ada', lastName: 'Lovelace' },
  };
}

/** Every write answers 502; `GET /cards/{id}` answers what `read` says for the n-th read (404 when undefined). */
function client(read: (n: number) => Record<string, unknown> | undefined): CardsClient {
  let reads = 0;
  return new CardsClient({
    apiToken: 'tok_card_outcomes_0123',
    baseUrl: BASE,
    maxRetries: 0,
    fetch: async (_url, init) => {
      if (init?.method !== 'GET')
        return Response.json({ status: 'error', message: 'Bad gateway' }, { status: 502 });
      const data = read(reads++);
      return data === undefined
        ? Response.json({ status: 'error', message: 'Card not found' }, { status: 404 })
        : Response.json({ status: 'success', data });
    },
  });
}

async function unknown(call: Promise<unknown>): Promise<OutcomeUnknownError> {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OutcomeUnknownError);
  return error as OutcomeUnknownError;
}

function issue(c: CardsClient): Promise<OutcomeUnknownError> {
  return unknown(
    c.cards.issue({
      model: 'card',
      typeId: 'type_1',
      initialBalance: 10,
      firstName: 'Ada',
      lastName: 'Lovelace',
      externalId: 'emp-4711',
    }),
  );
}

describe('cards.issue reconcile()', () => {
  it('finds a card the look-up by externalId shows only on the second read (one 404 answered not-applied)', async () => {
    const error = await issue(client((n) => (n === 0 ? undefined : card('c9', 'active'))));
    const answer = await error.reconcile({ settleMs: 0 });
    expect(answer.status).toBe('applied');
    expect(answer.evidence.rounds).toBe(2);
  });

  it('answers not-applied only after two 404s a settle window apart', async () => {
    const started = Date.now();
    const answer = await (await issue(client(() => undefined))).reconcile({ settleMs: 50 });
    expect(answer.status).toBe('not-applied');
    expect(answer.evidence.rounds).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('never answers not-applied for a card that shows up within the settle window (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), async (lagMs) => {
        let issuedAt = 0;
        const c = client(() => (Date.now() - issuedAt >= lagMs ? card('c9', 'active') : undefined));
        issuedAt = Date.now();
        const answer = await (await issue(c)).reconcile({ settleMs: 45 });
        expect(answer.status).toBe('applied');
      }),
      { numRuns: 8 },
    );
  });
});

describe('status.delete reconcile()', () => {
  const DELETED = ['deleted', 'DELETED', 'Terminated'];
  const LIVE = ['active', 'frozen', 'Active', 'FROZEN'];
  // Words a server might use that the SDK does not know, or that a deleted card might show
  // (inactive, blocked, suspended): they decide nothing.
  const UNKNOWN = [
    'archived',
    'closed_by_issuer',
    'expired',
    'on_review',
    '',
    'X7',
    'Inactive',
    'BLOCKED',
    'suspended',
  ];

  it('agrees with the bank for every status word: applied only on deleted, not-applied only on a live status seen twice (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.constantFrom('known', 'unknown'), { minLength: 3, maxLength: 3 }),
        fc.nat(),
        async (deleted, kinds, pick) => {
          const words = (kind: string): string[] => (kind === 'unknown' ? UNKNOWN : deleted ? DELETED : LIVE);
          const c = client((n) => {
            const list = words(kinds[Math.min(n, 2)] as string);
            return card('c1', list[(pick + n) % list.length] as string);
          });
          const answer = await (await unknown(c.status.delete('c1'))).reconcile({ settleMs: 0 });
          if (deleted) expect(answer.status, answer.summary).not.toBe('not-applied');
          else expect(answer.status, answer.summary).not.toBe('applied');
          if (kinds[0] === 'unknown') expect(answer.status).toBe('still-unknown');
          if (kinds[0] === 'known' && (deleted || kinds[1] === 'known')) {
            expect(answer.status).toBe(deleted ? 'applied' : 'not-applied');
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('answers still-unknown for a status the SDK does not know (it answered not-applied)', async () => {
    const answer = await (await unknown(client(() => card('c1', 'archived')).status.delete('c1'))).reconcile({
      settleMs: 0,
    });
    expect(answer.status).toBe('still-unknown');
    expect(answer.summary).toContain('status the SDK does not know');
  });

  it('keeps a card number a server put into the status out of the summary and the evidence', async () => {
    const pan = '4111 1111 1111 1111';
    const c = client(() => card('c1', `active ${pan}`));
    const answer = await (await unknown(c.status.delete('c1'))).reconcile({ settleMs: 0 });
    expect(answer.status).toBe('not-applied');
    // The summary names the kind of status the SDK read into it, never the status as sent.
    expect(answer.summary).toContain('not deleted');
    expect(answer.summary).not.toContain('active');
    const text = JSON.stringify(answer);
    expect(text).not.toContain(pan);
    expect(text).not.toContain(pan.replace(/ /g, ''));
    expect(answer.evidence.matches).toEqual([
      { kind: 'card', id: 'c1', status: expect.stringMatching(/^active /) },
    ]);
  });
});

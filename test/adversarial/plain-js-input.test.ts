import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { ValidationError } from '../../src/core/errors.js';
import { size } from '../reliability/config.js';
import { API_BASE, API_TOKEN, apiClient, FakeApi, thrown } from './fake-api.js';

// Finding 12 of the adversarial review: a plain-JavaScript caller passes what the types forbid
// (typos, operator objects, wrong types, a numeric token, a baseUrl ending in `?` or `#`). Each is a
// ValidationError with `field` and `rule` before anything is sent, never a raw TypeError; objects
// passed as references are read only for what the reference needs.

const VALID_ISSUE = {
  model: 'card',
  typeId: 't1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  initialBalance: 50,
};

/** Asserts `error` is a ValidationError naming `field`, with a rule, and that nothing was sent. */
function refused(error: unknown, field: string, api: FakeApi): void {
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).not.toBeInstanceOf(TypeError);
  const e = error as ValidationError;
  expect(e.field).toContain(field);
  expect(typeof e.rule).toBe('string');
  expect(e.rule.length).toBeGreaterThan(0);
  expect(api.requests).toHaveLength(0);
}

/** A client built from `options`, or the error its construction (or its first call) threw. */
async function refusedClient(options: Record<string, unknown>, field: string): Promise<void> {
  const api = new FakeApi();
  let error: unknown;
  try {
    const client = new CardsClient({ fetch: api.fetch, maxRetries: 0, ...options } as never);
    error = await thrown(client.cards.retrieve('c1'));
  } catch (e) {
    error = e;
  }
  refused(error, field, api);
}

/** Values of any type but a string (and not absent). */
const notText = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), { minKeys: 1, maxKeys: 2 }),
);

describe('12. bad input from plain JavaScript is a ValidationError, and nothing is sent', () => {
  it('cards.issue with a typo (initial_balance) or an operator object as label', async () => {
    for (const [params, field] of [
      [{ ...VALID_ISSUE, initial_balance: 9 }, 'initial_balance'],
      [{ ...VALID_ISSUE, label: { $gt: '' } }, 'label'],
    ] as const) {
      const api = new FakeApi();
      refused(await thrown(apiClient(api).cards.issue(params as never)), field, api);
    }
  });

  it('funds.topUp with an object as note, and with any unknown field or wrongly typed value', async () => {
    const api = new FakeApi();
    refused(
      await thrown(apiClient(api).funds.topUp('c1', { amount: 5, note: { evil: 1 } } as never)),
      'note',
      api,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          notText.map((note) => ({ params: { amount: 5, note }, field: 'note' })),
          fc
            .oneof(fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}))
            .map((amount) => ({ params: { amount }, field: 'amount' })),
          fc
            .string({ minLength: 1, maxLength: 12 })
            .filter((k) => !['amount', 'note', '__proto__'].includes(k))
            .map((k) => ({ params: { amount: 5, [k]: 1 }, field: k })),
        ),
        async ({ params, field }) => {
          const fresh = new FakeApi();
          refused(await thrown(apiClient(fresh).funds.topUp('c1', params as never)), field, fresh);
        },
      ),
      { numRuns: size(200, 30) },
    );
  });

  it("cards.list({ statuses: 'frozen' }) and other non-array filters", async () => {
    for (const statuses of ['frozen', 7, { 0: 'frozen' }]) {
      const api = new FakeApi();
      refused(
        await thrown(Promise.resolve().then(() => apiClient(api).cards.list({ statuses } as never))),
        'statuses',
        api,
      );
    }
  });

  it('idempotencyKey: 123 on a money call', async () => {
    const api = new FakeApi();
    refused(
      await thrown(apiClient(api).funds.topUp('c1', { amount: 5 }, { idempotencyKey: 123 } as never)),
      'idempotencyKey',
      api,
    );
  });

  it('new CardsClient({ apiToken: 12345 })', async () => {
    await refusedClient({ apiToken: 12345, baseUrl: API_BASE }, 'apiToken');
  });

  it('a baseUrl ending in ? or #, or holding a query or fragment', async () => {
    for (const baseUrl of [`${API_BASE}?`, `${API_BASE}#`, `${API_BASE}/?x=1`, `${API_BASE}#frag`]) {
      await refusedClient({ apiToken: API_TOKEN, baseUrl }, 'baseUrl');
    }
  });

  it('objects passed as references are accepted: a card the SDK returned, { id, model, extra: 1 }', async () => {
    const api = new FakeApi({ topUpSucceeds: true });
    const client = apiClient(api);
    const card = await client.cards.retrieve('c1');
    await expect(client.funds.topUp(card as never, { amount: 5 })).resolves.toBeDefined();
    await expect(
      client.cards.retrieve({ id: 'c1', model: 'card', extra: 1 } as never),
    ).resolves.toMatchObject({
      id: 'c1',
    });
    await expect(
      client.funds.topUp({ id: 'c1', model: 'card', extra: 1, nested: { deep: true } } as never, {
        amount: 5,
      }),
    ).resolves.toBeDefined();
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    for (const post of posts) expect(JSON.parse(post.body ?? '{}')).toEqual({ amount: 5 });
  });
});

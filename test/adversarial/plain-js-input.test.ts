import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { CLIENT_CLOCK } from '../../src/connection.js';
import { ValidationError } from '../../src/core/errors.js';
import { polluted } from '../helpers/pollute.js';
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

// Issue #17 part 5: input is read once. Params and options are copied once (own enumerable keys,
// each read once, nothing inherited) and the request is built from that copy alone, so a getter
// that changes its answer, a Proxy that hides a key, or a polluted Object.prototype cannot make
// the SDK send something other than what it checked.

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records every request and answers POSTs 500 (outcome unknown), GETs 503. */
function recorder(): { fetch: (input: string, init: RequestInit) => Promise<Response>; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof init.body === 'string' ? init.body : undefined;
    sent.push({ method: init.method ?? 'GET', url: String(input), headers, body });
    const status = init.method === 'POST' ? 500 : 503;
    return new Response(JSON.stringify({ status: 'error', message: 'Unavailable' }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, sent };
}

const NO_WAIT = { sleep: async () => undefined, random: () => 0 };

function recordingClient(fetch: unknown, options: Record<string, unknown> = {}): CardsClient {
  return new CardsClient({
    apiToken: API_TOKEN,
    baseUrl: API_BASE,
    fetch,
    ...options,
    [CLIENT_CLOCK]: NO_WAIT,
  } as never);
}

/** An object whose every key is a getter: `first[key]` on the first read, `later[key]` after. */
function shifty(
  first: Record<string, unknown>,
  later: Record<string, unknown>,
): {
  params: Record<string, unknown>;
  reads: Map<string, number>;
} {
  const reads = new Map<string, number>();
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(first)) {
    Object.defineProperty(params, key, {
      enumerable: true,
      get() {
        const n = (reads.get(key) ?? 0) + 1;
        reads.set(key, n);
        return n === 1 ? first[key] : later[key];
      },
    });
  }
  return { params, reads };
}

/** What a call did: every request sent (the random key left out) and how it ended. */
async function outcome(
  call: (client: CardsClient, params: unknown) => Promise<unknown>,
  params: unknown,
): Promise<{ sent: Array<Omit<Sent, 'headers'>>; error: unknown }> {
  const rec = recorder();
  const error = await thrown(call(recordingClient(rec.fetch, { maxRetries: 0 }), params));
  const e = error as { name?: string; field?: string; rule?: string } | undefined;
  return {
    sent: rec.sent.map(({ method, url, body }) => ({ method, url, body })),
    error: e && { name: e.name, field: e.field, rule: e.rule },
  };
}

const MONEY_CALLS: Array<{
  name: string;
  call: (client: CardsClient, params: unknown) => Promise<unknown>;
  valid: Record<string, unknown>;
}> = [
  {
    name: 'funds.topUp',
    call: (c, p) => c.funds.topUp('c1', p as never),
    valid: { amount: '25.50', note: 'Travel' },
  },
  { name: 'funds.withdraw', call: (c, p) => c.funds.withdraw('c1', p as never), valid: { amount: 10 } },
  {
    name: 'funds.topUpBudget',
    call: (c, p) => c.funds.topUpBudget('b1', p as never),
    valid: { amount: 500 },
  },
  { name: 'cards.reissue', call: (c, p) => c.cards.reissue('c1', p as never), valid: { initialBalance: 20 } },
  {
    name: 'cards.issue (card)',
    call: (c, p) => c.cards.issue(p as never),
    valid: { ...VALID_ISSUE, label: 'Ops' },
  },
  {
    name: 'cards.issue (budget)',
    call: (c, p) => c.cards.issue(p as never),
    valid: { model: 'budget', typeId: 't1', budgetId: 'b1', customerId: 'cu1', externalId: 'e1' },
  },
];

describe('17.5 input is read once', () => {
  it('a note getter that turns into an object after two reads is sent as the string it was', async () => {
    const rec = recorder();
    let reads = 0;
    const params = {
      amount: 5,
      get note(): unknown {
        reads++;
        return reads <= 2 ? 'Travel' : { $where: 'evil' };
      },
    };
    await thrown(recordingClient(rec.fetch, { maxRetries: 0 }).funds.topUp('c1', params as never));
    expect(reads).toBe(1);
    expect(rec.sent).toHaveLength(1);
    expect(JSON.parse(rec.sent[0]?.body ?? '')).toEqual({ amount: 5, note: 'Travel' });
  });

  it('a Proxy that hides note from its key list does not send it, and each key is read once', async () => {
    const rec = recorder();
    const gets: string[] = [];
    const params = new Proxy(
      { amount: 5, note: 'hidden' },
      {
        ownKeys: () => ['amount'],
        get: (target, key, receiver) => {
          gets.push(String(key));
          return Reflect.get(target, key, receiver);
        },
      },
    );
    await thrown(recordingClient(rec.fetch, { maxRetries: 0 }).funds.topUp('c1', params));
    expect(gets).toEqual(['amount']);
    expect(JSON.parse(rec.sent[0]?.body ?? '')).toEqual({ amount: 5 });
  });

  // A budget top-up: bfinance documents no de-duplication for it, so only `true` would re-send it.
  it('Object.prototype.retryUnknownOutcomes = true does not make a budget top-up go out three times', async () => {
    const rec = recorder();
    const error = await polluted('retryUnknownOutcomes', true, () =>
      thrown(recordingClient(rec.fetch).funds.topUpBudget('b1', { amount: 5 })),
    );
    expect((error as Error).name).toBe('OutcomeUnknownError');
    expect(rec.sent).toHaveLength(1);
  });

  it('Object.prototype.idempotencyKey does not make two top-ups share one key', async () => {
    const rec = recorder();
    await polluted('idempotencyKey', 'shared-key', async () => {
      const client = recordingClient(rec.fetch);
      await thrown(client.funds.topUpBudget('b1', { amount: 5 }));
      await thrown(client.funds.topUpBudget('b1', { amount: 6 }, {}));
    });
    const keys = rec.sent.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(keys).not.toContain('shared-key');
  });

  it('options that are not undefined or a plain object are a ValidationError naming options, nothing sent', async () => {
    class CallOptions {
      timeoutMs = 5;
    }
    const bad: unknown[] = [
      null,
      'fast',
      42,
      true,
      [],
      [{ timeoutMs: 5 }],
      new Date(),
      new CallOptions(),
      Object.create({ idempotencyKey: 'inherited' }),
      () => undefined,
    ];
    const calls: Array<(c: CardsClient, o: never) => PromiseLike<unknown>> = [
      (c, o) => c.funds.topUp('c1', { amount: 5 }, o),
      (c, o) => c.funds.withdraw('c1', { amount: 5 }, o),
      (c, o) => c.cards.issue(VALID_ISSUE as never, o),
      (c, o) => c.cards.retrieve('c1', o),
      (c, o) => c.cards.list({}, o),
      (c, o) => c.cards.transactions('c1', {}, o),
      (c, o) => c.funds.budgetTransactions('b1', {}, o),
      (c, o) => c.funds.balance(o),
      (c, o) => c.pins.set('c1', '8264', o),
      (c, o) => c.customers.waitUntilVerified('cu1', {}, o),
    ];
    for (const options of bad) {
      for (const call of calls) {
        const rec = recorder();
        const error = await thrown(Promise.resolve(call(recordingClient(rec.fetch), options as never)));
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: 'options', rule: 'type' });
        expect(rec.sent).toHaveLength(0);
      }
    }
  });

  it('client options that are not a plain object are refused, by the client and each class alone', async () => {
    const { Cards } = await import('../../src/entries/cards.js');
    const { Funds } = await import('../../src/entries/funds.js');
    class Config {
      apiToken = API_TOKEN;
    }
    for (const Client of [CardsClient, Cards, Funds]) {
      for (const options of [null, 'fast', 42, [], new Config(), Object.create({ apiToken: API_TOKEN })]) {
        let error: unknown;
        try {
          new Client(options as never);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: 'options', rule: 'type' });
      }
    }
  });

  it('every money and issuance method sends what its first reads held, or refuses as that object would', async () => {
    for (const { call, valid } of MONEY_CALLS) {
      const keys = Object.keys(valid);
      const firsts = fc.record(
        Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(valid[k]), fc.anything())])),
      );
      const laters = fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything()])));
      await fc.assert(
        fc.asyncProperty(firsts, laters, async (first, later) => {
          const { params, reads } = shifty(first, later);
          const shifting = await outcome(call, params);
          for (const n of reads.values()) expect(n).toBe(1);
          // The same call with a plain object of the first reads: the SDK can tell no difference.
          expect(shifting).toEqual(await outcome(call, { ...first }));
        }),
        { numRuns: size(200, 25) },
      );
    }
  });

  it('nested input is read once too: headers, extraBody, configuration and list filters', async () => {
    const rec = recorder();
    const client = recordingClient(rec.fetch, { maxRetries: 0 });
    const reads = { header: 0, extra: 0, city: 0, status: 0 };
    const options = {
      headers: {
        get 'x-trace'(): string {
          return reads.header++ === 0 ? 'ok' : 'bad\r\ninjected: 1';
        },
      },
      extraBody: {
        get campaign(): unknown {
          return reads.extra++ === 0 ? 'spring' : { amount: 1_000_000 };
        },
      },
    };
    await thrown(client.funds.topUp('c1', { amount: 5 }, options));
    const address = {
      get city(): unknown {
        return reads.city++ === 0 ? 'Paris' : 42;
      },
    };
    await thrown(client.cards.issue({ ...VALID_ISSUE, configuration: { address } } as never));
    const statuses = new Proxy(['active'], {
      get: (target, key, receiver) => {
        if (key === '0') return reads.status++ === 0 ? 'active' : 'frozen,deleted';
        return Reflect.get(target, key, receiver);
      },
    });
    await thrown(Promise.resolve(client.cards.list({ statuses })));
    expect(reads).toEqual({ header: 1, extra: 1, city: 1, status: 1 });
    expect(rec.sent[0]?.headers['x-trace']).toBe('ok');
    expect(JSON.parse(rec.sent[0]?.body ?? '')).toEqual({ amount: 5, campaign: 'spring' });
    expect(JSON.parse(rec.sent[1]?.body ?? '').configuration).toEqual({ address: { city: 'Paris' } });
    expect(new URL(rec.sent[2]?.url ?? '').searchParams.get('statuses')).toBe('active');
  });

  it('client options are read once each, own keys only', async () => {
    const rec = recorder();
    const reads = new Map<string, number>();
    const values: Record<string, unknown> = {
      apiToken: API_TOKEN,
      baseUrl: API_BASE,
      fetch: rec.fetch,
      maxRetries: 0,
      headers: { 'x-team': 'cards' },
      retryUnknownOutcomes: false,
      userAgent: 'app/1',
    };
    const config: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      Object.defineProperty(config, key, {
        enumerable: true,
        get: () => {
          reads.set(key, (reads.get(key) ?? 0) + 1);
          // Later reads would turn every guard off.
          return reads.get(key) === 1 ? value : key === 'retryUnknownOutcomes' ? true : 9;
        },
      });
    }
    const built = new CardsClient(Object.assign(config, { [CLIENT_CLOCK]: NO_WAIT }) as never);
    await thrown(built.funds.topUp('c1', { amount: 5 }));
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect([...reads.keys()].sort()).toEqual(Object.keys(values).sort());
    expect(rec.sent).toHaveLength(1);
    expect(rec.sent[0]?.headers['x-team']).toBe('cards');
  });
});

/** What a fixed scenario sends: requests (keys by first appearance), outcomes, PIN verdicts. */
async function scenario(): Promise<unknown> {
  const rec = recorder();
  const client = recordingClient(rec.fetch);
  const outcomes: unknown[] = [];
  const run = async (p: PromiseLike<unknown>): Promise<void> => {
    const error = (await thrown(Promise.resolve(p))) as { name?: string; field?: string } | undefined;
    outcomes.push(error && [error.name, error.field]);
  };
  await run(client.funds.topUp('c1', { amount: 5 }));
  await run(client.funds.topUp('c1', { amount: 5, note: 'Travel' }, {}));
  await run(client.funds.withdraw('c1', { amount: 3 }, { timeoutMs: 1000 }));
  await run(client.cards.issue(VALID_ISSUE as never));
  await run(
    client.cards.issue({ model: 'budget', typeId: 't1', budgetId: 'b1', customerId: 'cu1' } as never),
  );
  await run(client.cards.retrieve('c1'));
  await run(client.cards.list());
  await run(client.cards.limits.set('c1', { type: 'DAY', limit: 100 } as never));
  const pins = ['8264', '4826', '1985', '2468', '1122', '7391'].map((pin) => client.pins.check(pin).ok);
  const keys: string[] = [];
  const sent = rec.sent.map(({ headers, ...rest }) => {
    const { 'idempotency-key': key, ...others } = headers;
    if (key !== undefined && !keys.includes(key)) keys.push(key);
    return { ...rest, headers: others, key: key === undefined ? undefined : keys.indexOf(key) };
  });
  return { sent, outcomes, pins, keys: keys.length };
}

describe('17.5 a polluted Object.prototype changes nothing the SDK sends or decides', () => {
  const foreign = recorder();
  const POLLUTION: Record<string, unknown> = {
    // Call options (RequestOptions).
    signal: AbortSignal.abort(),
    timeoutMs: 1,
    maxRetries: 7,
    idempotencyKey: 'polluted-key',
    headers: { 'x-polluted': '1' },
    extraBody: { polluted: true },
    // Client options.
    apiToken: 'tok_polluted_0000000000',
    baseUrl: 'https://polluted.example/api',
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    logLevel: 'debug',
    onAudit: () => undefined,
    fetch: foreign.fetch,
    dispatcher: {},
    userAgent: 'polluted/1',
    pinPolicy: 'strict',
    maxResponseBytes: 1,
    retryUnknownOutcomes: true,
    // Parameters.
    note: 'polluted note',
    customerId: 'cu_polluted',
    budgetId: 'b_polluted',
    initialBalance: 999,
    label: 'polluted',
    externalId: 'ext_polluted',
    configuration: { displayName: 'polluted' },
    page: 3,
    limit: 1,
    query: 'polluted',
    statuses: ['frozen'],
    policy: 'strict',
    body: { polluted: true },
  };

  it('for every option and parameter name', async () => {
    const clean = await scenario();
    for (const [name, value] of Object.entries(POLLUTION)) {
      const seen = await polluted(name, value, scenario);
      expect({ name, seen }).toEqual({ name, seen: clean });
    }
    expect(foreign.sent).toHaveLength(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cards } from '../src/entries/cards.js';
import { Customers } from '../src/entries/customers.js';
import { Disputes } from '../src/entries/disputes.js';
import { Funds } from '../src/entries/funds.js';
import { Pins } from '../src/entries/pins.js';
import { Status } from '../src/entries/status.js';
import * as root from '../src/index.js';
import { letLoopbackThroughMsw, type ScriptedServer, startScriptedServer } from './helpers/http-server.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../src/core/http/default-sender.js', () => import('../src/core/http/default-sender.node.js'));

// These tests take Node's default sender (the mock above); dist/lib's fetch default is checked on
// fetch default is checked on dist by test/package/check.ts and the runtime matrix.
describe('package entries', () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    letLoopbackThroughMsw();
    server = await startScriptedServer();
  });
  afterEach(() => server.close());

  async function userAgentOf(
    make: (options: root.CardsClientOptions) => { cards: Pick<Cards, 'retrieve'> } | Pick<Cards, 'retrieve'>,
    options: root.CardsClientOptions = {},
  ) {
    server.enqueue({ status: 404, body: { status: 'error', message: 'Card not found' } });
    const made = make({
      apiToken: 'entry-token',
      baseUrl: `${server.origin}/external/api`,
      maxRetries: 0,
      ...options,
    });
    const cards = 'cards' in made ? made.cards : made;
    await expect(cards.retrieve('card_1')).rejects.toBeInstanceOf(root.NotFoundError);
    return String(server.requests.at(-1)?.headers['user-agent']);
  }

  it('sends through undici by default on Node, from the client and from a class alone', async () => {
    expect(await userAgentOf((o) => new root.CardsClient(o))).toMatch(/; undici\)$/);
    expect(await userAgentOf((o) => new Cards(o))).toMatch(/; undici\)$/);
  });

  it('a caller-given fetch wins', async () => {
    const fetchOption = { fetch: (input: string, init: RequestInit) => fetch(input, init) };
    expect(await userAgentOf((o) => new root.CardsClient(o), fetchOption)).toMatch(/; fetch\)$/);
    expect(await userAgentOf((o) => new Cards(o), fetchOption)).toMatch(/; fetch\)$/);
  });

  it("each client resource is the class its own entry exports, sharing the client's connection", () => {
    const client = new root.CardsClient({ apiToken: 't' });
    expect(client.cards).toBeInstanceOf(Cards);
    expect(client.customers).toBeInstanceOf(Customers);
    expect(client.pins).toBeInstanceOf(Pins);
    expect(client.funds).toBeInstanceOf(Funds);
    expect(client.status).toBeInstanceOf(Status);
    expect(client.disputes).toBeInstanceOf(Disputes);
  });

  it('a class alone recognises the error causes of its own calls, as the client does', async () => {
    const options = { apiToken: 't', baseUrl: `${server.origin}/external/api`, maxRetries: 0 };
    const refuse = (message: string) => server.enqueue({ status: 400, body: { status: 'error', message } });
    refuse('Card is frozen');
    await expect(new Cards(options).retrieve('card_1')).rejects.toBeInstanceOf(root.CardStateError);
    refuse('Dispute is not pending');
    await expect(new Disputes(options).cancel('dsp_1')).rejects.toBeInstanceOf(root.DisputeStateError);
    // A budget card's bare id sent to a card top-up: the funds-only cause, with its hint.
    refuse('Budget cards cannot be topped up directly');
    const error = await new Funds(options).topUp('card_1', { amount: 5 }).catch((e: unknown) => e);
    expect((error as root.ApiError).hint).toContain('topUpBudget(budgetId');
  });

  it('a class alone checks its options as CardsClient does', () => {
    for (const Resource of [Cards, Customers, Pins, Funds, Status, Disputes]) {
      expect(() => new Resource({ baseUrl: 'http://api.example.com' }), Resource.name).toThrow(
        root.ValidationError,
      );
      expect(() => new Resource({ apiTokn: 't' } as root.CardsClientOptions), Resource.name).toThrow(
        /apiToken/,
      );
    }
    expect(() => new Pins({ apiToken: 't', pinPolicy: 'nonsense' as root.PinPreset })).toThrow(
      root.ValidationError,
    );
  });
});

import { createSandbox } from 'bfinance-cards/testing';
import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { findDrift } from '../../src/core/drift.js';
import { parseJson, unwrap } from '../../src/core/envelope.js';
import { server as msw } from '../helpers/msw.js';
import { CORPUS, type Fixture } from './corpus.js';

// The sandbox is written from the same reference as the SDK, so agreement proves little unless
// both are held to the documented shapes: every sandbox answer is checked against the corpus
// fixture of its endpoint, and may neither carry a field the docs do not have nor lack one they do.

const ROUTES: ReadonlyArray<[method: string, path: RegExp, endpoint: string]> = [
  ['GET', /^\/balance$/, 'GET /balance'],
  ['GET', /^\/cards\/types$/, 'GET /cards/types'],
  ['POST', /^\/cards\/issue$/, 'POST /cards/issue'],
  ['POST', /^\/cards\/reissue$/, 'POST /cards/reissue'],
  ['GET', /^\/cards\/list$/, 'GET /cards/list'],
  [
    'GET',
    /^\/(cards\/[^/]+\/sensetive|budget-cards\/[^/]+\/sensitive)$/,
    'GET /cards/{id}/sensetive, GET /budget-cards/{id}/sensitive',
  ],
  ['GET', /^\/cards\/[^/]+\/transactions$/, 'GET /cards/{id}/transactions'],
  ['GET', /^\/cards\/[^/]+\/limits$/, 'GET /cards/{id}/limits'],
  ['POST', /^\/cards\/[^/]+\/limits$/, 'POST /cards/{id}/limits'],
  ['GET', /^\/cards\/[^/]+$/, 'GET /cards/{id}'],
  ['GET', /^\/budget-cards\/[^/]+$/, 'GET /budget-cards/{id} (shown without an envelope)'],
  ['POST', /^\/budget-cards\/issue$/, 'POST /budget-cards/issue'],
  ['GET', /^\/budgets\/[^/]+\/transactions$/, 'GET /budgets/{id}/transactions'],
  ['POST', /^\/budgets\/[^/]+\/topup$/, 'POST /budgets/{id}/topup'],
  [
    'POST',
    /^\/(budget-)?cards\/[^/]+\/(freeze|unfreeze|topup|withdraw|email|phone|pin)$/,
    'POST /cards/{id}/freeze',
  ],
  ['POST', /^\/customers$/, 'POST /customers'],
  ['GET', /^\/customers\/[^/]+$/, 'GET /customers/{id}'],
  ['POST', /^\/customers\/[^/]+\/request$/, 'POST /customers/{id}/request'],
  ['POST', /^\/disputes$/, 'POST /disputes'],
  ['GET', /^\/disputes\/[^/]+\/status$/, 'GET /disputes/{id}/status'],
  ['POST', /^\/disputes\/[^/]+\/cancel$/, 'POST /disputes/{id}/cancel'],
];

interface Seen {
  method: string;
  path: string;
  data: unknown;
}

const seen: Seen[] = [];
let close: () => Promise<void> = async () => undefined;

function fixtureFor(method: string, path: string): Fixture | undefined {
  const route = ROUTES.find(([m, p]) => m === method && p.test(path));
  return route && CORPUS.find((f) => f.endpoint === route[2]);
}

beforeAll(async () => {
  const sandbox = createSandbox({ seed: 11 });
  const running = await sandbox.listen();
  close = running.close;
  msw.use(http.all(`${new URL(running.url).origin}/*`, () => passthrough()));
  const prefix = new URL(running.url).pathname;
  const client = new CardsClient({
    apiToken: sandbox.token,
    baseUrl: running.url,
    fetch: async (input, init) => {
      const res = await globalThis.fetch(input, init);
      const parsed = parseJson(await res.clone().text());
      const envelope = parsed.ok ? unwrap(parsed.value) : undefined;
      if (res.ok && envelope?.ok) {
        const path = new URL(input).pathname.slice(prefix.length);
        seen.push({ method: init.method ?? 'GET', path, data: envelope.data });
      }
      return res;
    },
  });
  await client.funds.balance();
  await client.cards.types();
  const customer = await client.customers.create({
    type: 'individual',
    firstName: 'Grace',
    lastName: 'Hopper',
  });
  sandbox.customers.verify(customer.id);
  await client.customers.requestAccess(customer.id, {
    accessType: 'cards',
    cardType: sandbox.cardTypeIds.verified,
  });
  await client.customers.retrieve(customer.id);
  const card = await client.cards.issue({
    model: 'card',
    typeId: sandbox.cardTypeIds.standalone,
    initialBalance: 50,
    firstName: 'Grace',
    lastName: 'Hopper',
    label: 'Travel',
    externalId: 'contract-1',
  });
  await client.cards.retrieve(card);
  await client.cards.sensitive(card);
  await client.funds.topUp(card, { amount: 10, note: 'contract' });
  await client.funds.withdraw(card, { amount: 5 });
  await client.cards.transactions(card);
  await client.cards.list();
  await client.cards.limits.retrieve(card);
  await client.cards.limits.set(card, { type: 'pos-daily', limit: 500 });
  await client.status.freeze(card);
  await client.status.unfreeze(card);
  const charge = sandbox.transactions.add(card.id, { amount: 4.2, merchant: 'Shop' });
  const dispute = await client.disputes.create({
    cardId: card,
    transactionId: charge.id,
    textEvidence: 'Charged twice for one order on the same day.',
  });
  await client.disputes.status(dispute.id);
  await client.disputes.cancel(dispute.id);
  await client.cards.reissue(card, { initialBalance: 5 });
  const budgetId = sandbox.budgetIds[0] as string;
  await client.funds.topUpBudget(budgetId, { amount: 100 });
  const budgetCard = await client.cards.issue({
    model: 'budget',
    typeId: sandbox.cardTypeIds.budget,
    budgetId,
    firstName: 'Grace',
    lastName: 'Hopper',
  });
  await client.cards.retrieve(budgetCard);
  await client.cards.sensitive(budgetCard);
  sandbox.transactions.add(budgetCard.id, { amount: 3 });
  await client.funds.budgetTransactions(budgetId);
});

afterAll(() => close());

describe('the sandbox answers in the documented shapes', () => {
  it('was exercised on every endpoint of the corpus it serves', () => {
    expect(seen.length).toBeGreaterThanOrEqual(25);
    const covered = new Set(seen.map((s) => fixtureFor(s.method, s.path)?.endpoint));
    for (const [, , endpoint] of ROUTES) expect(covered, endpoint).toContain(endpoint);
  });

  it('sends no field the docs do not have, and lacks none they do', () => {
    const problems: string[] = [];
    for (const response of seen) {
      const fixture = fixtureFor(response.method, response.path);
      expect(fixture, `${response.method} ${response.path} has a corpus fixture`).toBeDefined();
      if (!fixture) continue;
      for (const issue of findDrift(fixture.schema, response.data)) {
        if (issue.kind !== 'null') problems.push(`${fixture.endpoint}: ${issue.kind} ${issue.path}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

// The endpoint declarations are the single place each endpoint is described: these checks hold
// for every one of them, so a new declaration that forgets its subject or class fails here.
import { describe, expect, it } from 'vitest';
import type { ResolvedCard } from '../../../src/resources/card-ref.js';
import * as settings from '../../../src/resources/endpoints/card-settings.js';
import * as cards from '../../../src/resources/endpoints/cards.js';
import * as customers from '../../../src/resources/endpoints/customers.js';
import * as disputes from '../../../src/resources/endpoints/disputes.js';
import { type Endpoint, withExtraBody } from '../../../src/resources/endpoints/endpoint.js';
import * as funds from '../../../src/resources/endpoints/funds.js';

const card: ResolvedCard = { id: 'c/1', model: 'card' };
const budgetCard: ResolvedCard = { id: 'b1', model: 'budget' };
const outcome = { hint: 'h' };
const converge = async (): Promise<undefined> => undefined;

const ALL: Array<[string, Endpoint<unknown>]> = [
  ['cardTypes', cards.cardTypes()],
  ['issueCard', cards.issueCard('card', { typeId: 't', initialBalance: 5, externalId: 'e1' }, outcome)],
  ['retrieveCard', cards.retrieveCard(card)],
  ['listCards', cards.listCards(2, 10, { statuses: ['active', 'frozen'] })],
  ['cardSensitive', cards.cardSensitive(card)],
  ['cardTransactions', cards.cardTransactions(card, 3, 50)],
  ['reissueCard', cards.reissueCard('c1', 5)],
  ['updateEmail', cards.updateEmail(card, 'a@b.co')],
  ['updatePhone', cards.updatePhone(card, '+14155550100')],
  ['updateArt', cards.updateArt(card, 'art1')],
  ['retrieveLimits', settings.retrieveLimits(card)],
  ['setLimit', settings.setLimit(card, 'pos-daily', 5)],
  ['setVelocity', settings.setVelocity(budgetCard, 'DAY', 5)],
  ['setPin', settings.setPin(card, '2580')],
  ['orderPhysical', settings.orderPhysical(card, { city: 'x' })],
  ['activatePhysical', settings.activatePhysical(card, '1234')],
  ['freeze', settings.setFrozen(card, true, converge)],
  ['unfreeze', settings.setFrozen(card, false, converge)],
  ['deleteCard', settings.deleteCard(card, outcome)],
  ['topUpCard', funds.moveCardFunds(card, 'topup', 5, 'n', outcome)],
  ['withdrawCard', funds.moveCardFunds(card, 'withdraw', 5, undefined, outcome)],
  ['topUpBudget', funds.topUpBudget('bud1', 5, outcome)],
  ['budgetTransactions', funds.budgetTransactions('bud1', 1, 10)],
  ['organizationBalance', funds.organizationBalance()],
  ['depositAddress', funds.depositAddress('tron', 'usdt')],
  ['createCustomer', customers.createCustomer({ type: 'individual' })],
  ['retrieveCustomer', customers.retrieveCustomer('cus1')],
  ['deleteCustomer', customers.deleteCustomer('cus1', outcome)],
  ['requestAccess', customers.requestAccess('cus1', { accessType: 'virtual-account' }, outcome)],
  ['createDispute', disputes.createDispute({ cardId: 'c1', transactionId: 't1', textEvidence: 'x' })],
  ['disputeStatus', disputes.disputeStatus('d1')],
  ['cancelDispute', disputes.cancelDispute('d1', converge)],
];

describe('every endpoint declaration', () => {
  it.each(ALL)('%s uses a class name and sets its subject on the spec', (_name, spec) => {
    expect(['safe-to-repeat', 'converges', 'must-not-repeat']).toContain(spec.retry);
    expect(spec.subject).toBeDefined();
    // Calls that must not be repeated say how an unknown outcome is handled; others never do.
    expect(spec.outcome !== undefined).toBe(spec.retry === 'must-not-repeat');
    if (spec.converge !== undefined) expect(spec.retry).toBe('converges');
    // Every field a declaration sends is owned by the SDK: extraBody may not set it.
    if (spec.body !== undefined) {
      for (const key of [...Object.keys(spec.body as object), ...(spec.bodyFields ?? [])]) {
        expect(() => withExtraBody(spec, { extraBody: { [key]: 1 } })).toThrow(`extraBody.${key}`);
      }
    }
    if (spec.method !== 'POST') expect(spec.body).toBeUndefined();
  });

  it('declares each operation once', () => {
    const operations = ALL.map(([, spec]) => spec.operation);
    expect(new Set(operations).size).toBe(operations.length);
  });

  it('names the API-issued ids, the amount and the currency it acts on', () => {
    expect(funds.topUpBudget('bud1', 5, outcome).subject).toEqual({
      budgetId: 'bud1',
      amount: 5,
      currency: 'USD',
    });
    expect(funds.moveCardFunds(card, 'topup', 5, 'n', outcome).subject).toEqual({
      cardId: 'c/1',
      amount: 5,
      note: 'n',
    });
    expect(funds.moveCardFunds(card, 'withdraw', 5, undefined, outcome).subject).toStrictEqual({
      cardId: 'c/1',
      amount: 5,
    });
    expect(cards.issueCard('budget', { budgetId: 'bud1', externalId: 'e1' }, outcome).subject).toMatchObject({
      budgetId: 'bud1',
      externalId: 'e1',
    });
    expect(disputes.cancelDispute('d1', converge).subject).toEqual({ disputeId: 'd1' });
    expect(customers.deleteCustomer('cus1', outcome).subject).toEqual({ customerId: 'cus1' });
  });

  it('builds the exact request of the new endpoints', () => {
    const art = cards.updateArt(card, 'art1');
    expect([art.method, art.path.path, art.path.template, art.body]).toEqual([
      'POST',
      '/cards/c%2F1/updateArt',
      '/cards/:id/updateArt',
      { cardArtId: 'art1' },
    ]);
    const deposit = funds.depositAddress('bnb', 'usdc');
    expect([deposit.method, deposit.path.path, deposit.query]).toEqual([
      'GET',
      '/finance/deposit',
      { network: 'bnb', currency: 'usdc' },
    ]);
  });
});

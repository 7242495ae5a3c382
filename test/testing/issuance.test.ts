import { SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../src/core/luhn.js';
import { createCustomer, errorBody, issueStandalone, localSandbox } from './support.js';

const NAMES = { firstName: 'Ada', lastName: 'Lovelace' };

describe('sandbox card programs', () => {
  it('lists only active programs with string prices', async () => {
    const { sandbox, call } = localSandbox();
    const res = await call('GET', '/cards/types');
    const ids = res.body.data.types.map((t: { id: string }) => t.id);
    expect(ids).toEqual([
      sandbox.cardTypeIds.standalone,
      sandbox.cardTypeIds.verified,
      sandbox.cardTypeIds.budget,
    ]);
    expect(res.body.data.types[0]).toEqual({
      id: sandbox.cardTypeIds.standalone,
      name: expect.any(String),
      cardCurrency: 'USD',
      price: expect.stringMatching(/^\d+\.\d\d$/),
      brand: 'visa',
    });
  });

  it('accepts custom programs', async () => {
    const { sandbox, call } = localSandbox({
      cardTypes: [{ id: 'gbp-program', name: 'GBP', cardCurrency: 'gbp', model: 'card' }],
      budgets: [],
    });
    expect(sandbox.cardTypeIds).toEqual({
      standalone: 'gbp-program',
      verified: '',
      inactive: '',
      budget: '',
    });
    const res = await call('GET', '/cards/types');
    expect(res.body.data.types).toEqual([
      { id: 'gbp-program', name: 'GBP', cardCurrency: 'GBP', price: '0.00', brand: 'visa' },
    ]);
  });
});

describe('sandbox standalone issuance', () => {
  it('issues a name-only card with a Luhn-valid spaced PAN', async () => {
    const { sandbox, call } = localSandbox();
    const res = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 250.5,
      label: 'Travel',
      ...NAMES,
    });
    expect(res.status).toBe(200);
    const card = res.body.data.card;
    expect(card).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      cardNumber: expect.stringMatching(/^4111 11\d\d \d{4} \d{4}$/),
      cardExpire: expect.stringMatching(/^(0[1-9]|1[0-2])\/\d\d$/),
      cardCVC: expect.stringMatching(/^\d{3}$/),
      cardBalance: 250.5,
      currency: 'USD',
      maskedCardNumber: `**** **** **** ${card.cardNumber.slice(-4)}`,
      brand: 'visa',
      label: 'Travel',
    });
    expect(isLuhnValid(card.cardNumber.replaceAll(' ', ''))).toBe(true);
    expect(sandbox.state().organizationBalance.usd).toBe(100000 - 250.5);
  });

  it('refuses an unknown or inactive typeId with 400', async () => {
    const { sandbox, call } = localSandbox();
    for (const typeId of ['nope', sandbox.cardTypeIds.inactive, sandbox.cardTypeIds.budget, undefined]) {
      const res = await call('POST', '/cards/issue', { typeId, initialBalance: 10, ...NAMES });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('Card type not found or inactive'));
    }
  });

  it('requires initialBalance', async () => {
    const { sandbox, call } = localSandbox();
    const res = await call('POST', '/cards/issue', { typeId: sandbox.cardTypeIds.standalone, ...NAMES });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('initialBalance is required'));
    const negative = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: -1,
      ...NAMES,
    });
    expect(negative.body).toEqual(errorBody(M.INITIAL_BALANCE_INVALID));
  });

  it('requires names of at least 2 characters for name-only issuance', async () => {
    const { sandbox, call } = localSandbox();
    const res = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 10,
      firstName: 'A',
      lastName: 'Lovelace',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('firstName and lastName must be at least 2 characters'));
  });

  it('refuses an initialBalance above the organization balance', async () => {
    const { sandbox, call } = localSandbox({ organizationBalance: { usd: 50 } });
    const res = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 50.01,
      ...NAMES,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('Insufficient funds on organization balance'));
    expect(sandbox.state().cards).toHaveLength(0);
  });
});

describe('sandbox issuance for programs that need a verified customer', () => {
  it('refuses name-only issuance', async () => {
    const { sandbox, call } = localSandbox();
    const res = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.verified,
      initialBalance: 10,
      ...NAMES,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('customerId is required for this card type'));
  });

  it('walks through not found, not verified, no access, then issues', async () => {
    const { sandbox, call } = localSandbox();
    const issue = (customerId: string) =>
      call('POST', '/cards/issue', { typeId: sandbox.cardTypeIds.verified, initialBalance: 10, customerId });

    const missing = await issue('000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorBody('Customer not found'));

    const id = await createCustomer(call);
    const pending = await issue(id);
    expect(pending.status).toBe(403);
    expect(pending.body).toEqual(errorBody('Customer is not verified'));

    sandbox.customers.verify(id);
    const noAccess = await issue(id);
    expect(noAccess.status).toBe(403);
    expect(noAccess.body).toEqual(errorBody('Customer has no granted access to this product'));

    await call('POST', `/customers/${id}/request`, {
      accessType: 'cards',
      cardType: sandbox.cardTypeIds.verified,
    });
    expect((await issue(id)).status).toBe(403);
    sandbox.access.grant(id, 'cards');
    const ok = await issue(id);
    expect(ok.status).toBe(200);
    expect(ok.body.data.card.currency).toBe('EUR');
    const details = await call('GET', `/cards/${ok.body.data.card.id}`);
    expect(details.body.data.cardHolder).toEqual({ firstName: 'Alan', lastName: 'Turing', customerId: id });
    expect(sandbox.state().organizationBalance.eur).toBe(100000 - 10);
  });
});

describe('sandbox budget-card issuance', () => {
  it('issues a budget card bound to the budget', async () => {
    const { sandbox, call } = localSandbox();
    const res = await call('POST', '/budget-cards/issue', {
      typeId: sandbox.cardTypeIds.budget,
      budgetId: sandbox.budgetIds[0],
      ...NAMES,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      maskedCardNumber: expect.stringMatching(/^\*{4} \*{4} \*{4} \d{4}$/),
      currency: 'USD',
      status: 'active',
      externalCardId: expect.any(String),
      sensitive: {
        number: expect.stringMatching(/^4111 11\d\d \d{4} \d{4}$/),
        expire: expect.stringMatching(/^\d\d\/\d\d$/),
        cvc: expect.stringMatching(/^\d{3}$/),
      },
    });
    expect(sandbox.state().cards[0]).toMatchObject({
      model: 'budget',
      budgetId: sandbox.budgetIds[0],
      balance: 0,
    });
  });

  it('requires budgetId and an existing budget of the same program', async () => {
    const { sandbox, call } = localSandbox();
    const typeId = sandbox.cardTypeIds.budget;
    const noBudget = await call('POST', '/budget-cards/issue', { typeId, ...NAMES });
    expect(noBudget.status).toBe(400);
    expect(noBudget.body).toEqual(errorBody('budgetId is required'));
    const unknown = await call('POST', '/budget-cards/issue', { typeId, budgetId: 'nope', ...NAMES });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorBody('Budget not found'));
    const wrongType = await call('POST', '/budget-cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      budgetId: sandbox.budgetIds[0],
      ...NAMES,
    });
    expect(wrongType.body).toEqual(errorBody('Card type not found or inactive'));
    const shortName = await call('POST', '/budget-cards/issue', {
      typeId,
      budgetId: sandbox.budgetIds[0],
      firstName: 'Al',
      lastName: 'X',
    });
    expect(shortName.body).toEqual(errorBody(M.NAMES_TOO_SHORT));
  });
});

describe('sandbox reissue', () => {
  it('replaces the card, deletes the old one and carries the balance over', async () => {
    const { sandbox, call } = localSandbox();
    const oldId = await issueStandalone(sandbox, call, 40);
    const res = await call('POST', '/cards/reissue', { cardId: oldId, initialBalance: 10 });
    expect(res.status).toBe(200);
    const card = res.body.data.card;
    expect(card.id).not.toBe(oldId);
    expect(card.cardBalance).toBe(50);
    const old = await call('GET', `/cards/${oldId}`);
    expect(old.body.data).toMatchObject({ status: 'deleted', balance: { value: 0, currency: 'USD' } });
    expect(sandbox.state().organizationBalance.usd).toBe(100000 - 50);
    const again = await call('POST', '/cards/reissue', { cardId: oldId, initialBalance: 10 });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(errorBody('Card is deleted'));
  });

  it('validates the reissue body', async () => {
    const { call } = localSandbox();
    expect((await call('POST', '/cards/reissue', { initialBalance: 1 })).body).toEqual(
      errorBody(M.CARD_ID_REQUIRED),
    );
    const missing = await call('POST', '/cards/reissue', { cardId: 'nope', initialBalance: 1 });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorBody('Card not found'));
  });
});

describe('sandbox card reads', () => {
  it('finds a card by internal id or external id', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 10, { externalId: 'my-ref-1' });
    const byId = await call('GET', `/cards/${id}`);
    const byExternal = await call('GET', `/cards/${byId.body.data.externalCardId}`);
    const byCallerId = await call('GET', '/cards/my-ref-1');
    expect(byExternal.body.data.id).toBe(id);
    expect(byCallerId.body.data.id).toBe(id);
    expect((await call('GET', '/cards/nope')).body).toEqual(errorBody('Card not found'));
  });

  it('pages and filters the card list over both models', async () => {
    const { sandbox, call } = localSandbox();
    const customer = await createCustomer(call);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await issueStandalone(sandbox, call, 5, { label: `Team ${i}` }));
    const withCustomer = await issueStandalone(sandbox, call, 5, { customerId: customer });
    await call('POST', '/budget-cards/issue', {
      typeId: sandbox.cardTypeIds.budget,
      budgetId: sandbox.budgetIds[0],
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    await call('POST', `/cards/${ids[0]}/freeze`);

    const page2 = await call('GET', '/cards/list?page=2&limit=2');
    expect(page2.body.data).toMatchObject({ page: 2, limit: 2, totalPages: 3 });
    expect(page2.body.data.cards.map((c: { id: string }) => c.id)).toEqual([ids[2], withCustomer]);
    const item = page2.body.data.cards[0];
    expect(Object.keys(item).sort()).toEqual(
      [
        'brand',
        'cardBalance',
        'cardHolder',
        'cardType',
        'currency',
        'externalCardId',
        'id',
        'label',
        'maskedCardNumber',
        'status',
      ].sort(),
    );
    const types = (await call('GET', '/cards/list?limit=50')).body.data.cards.map(
      (c: { cardType: string }) => c.cardType,
    );
    expect(types).toEqual(['prepaid', 'prepaid', 'prepaid', 'prepaid', 'budget']);
    const frozen = await call('GET', '/cards/list?statuses=frozen');
    expect(frozen.body.data.cards.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    const byCustomer = await call('GET', `/cards/list?customerIds=${customer},other`);
    expect(byCustomer.body.data.cards.map((c: { id: string }) => c.id)).toEqual([withCustomer]);
    const byQuery = await call('GET', '/cards/list?query=team%201');
    expect(byQuery.body.data.cards.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    const bad = await call('GET', '/cards/list?page=0');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(errorBody(M.INVALID_PAGINATION));
  });

  it('lists card transactions newest first, without page metadata', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 100);
    const first = sandbox.transactions.add(id, { amount: 10, merchant: 'Coffee' });
    const second = sandbox.transactions.add(id, { amount: 20, merchant: 'Books', mcc: '5942' });
    const res = await call('GET', `/cards/${id}/transactions?limit=1`);
    expect(res.body).toEqual({
      status: 'success',
      data: {
        transactions: [
          {
            id: second.id,
            amount: 20,
            currency: 'USD',
            usdAmount: 20,
            merchant: 'Books',
            status: 'completed',
            type: 'purchase',
            date: expect.any(String),
            transactionId: second.transactionId,
            declineReason: null,
          },
        ],
      },
    });
    const page2 = await call('GET', `/cards/${id}/transactions?limit=1&page=2`);
    expect(page2.body.data.transactions[0].id).toBe(first.id);
    expect((await call('GET', `/cards/${id}`)).body.data.balance.value).toBe(70);
  });

  it('declines a spend above the balance without moving money', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 5);
    const tx = sandbox.transactions.add(id, { amount: 6 });
    expect(tx).toMatchObject({ status: 'declined', declineReason: 'Insufficient funds' });
    expect(sandbox.state().cards[0]?.balance).toBe(5);
  });
});

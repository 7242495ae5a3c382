import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  CardStateError,
  InvalidCardTypeError,
  NotFoundError,
  OutcomeUnknownError,
  ResponseValidationError,
  Sensitive,
  ValidationError,
} from '../../src/index.js';
import {
  forbidRequests,
  onRequest,
  testClient,
  UUID,
  validationCause,
  type WireRequest,
} from '../helpers/wire.js';

const TYPE_ID = '603e12345e1234567890abcd';
const CARD_ID = '65f1c2a0e1234567890abcde';
const ODD_ID = 'ext/42 a';
const ODD_ID_WIRE = 'ext%2F42%20a';

const issuedCard = {
  id: CARD_ID,
  cardNumber: '4111 1111 1111 1111',
  cardExpire: '07/29',
  cardCVC: '123',
  cardBalance: 1000,
  currency: 'EUR',
  maskedCardNumber: '**** **** **** 1111',
  brand: 'visa',
  label: 'Travel Card',
};

const budgetIssued = {
  id: 'b-card-1',
  maskedCardNumber: '**** **** **** 1234',
  currency: 'EUR',
  status: 'active',
  externalCardId: 'ext-1',
  // The documented example PAN is not Luhn-valid; the schema must not care.
  sensitive: { number: '5168 3214 5678 1234', expire: '07/29', cvc: '123' },
};

const cardDetails = {
  id: CARD_ID,
  maskedCardNumber: '**** **** **** 1111',
  sensetive: { number: 4111111111111111, expire: '07/29', cvc: '123' },
  currency: 'EUR',
  status: 'active',
  externalCardId: '1234567890',
  balance: { value: 100, currency: 'EUR' },
  label: 'Travel Card',
  cardHolder: { firstName: 'Ada', lastName: 'Lovelace', customerId: 'cus_1' },
  email: 'user@example.com',
  phone: '+14155550100',
};

describe('cards.types', () => {
  it('sends GET /cards/types and returns the programs', async () => {
    const types = [{ id: TYPE_ID, name: 'Visa USD', cardCurrency: 'USD', price: '5.00', brand: 'visa' }];
    const seen = onRequest('get', '/cards/types', { status: 'success', data: { types } });
    await expect(testClient().cards.types()).resolves.toEqual(types);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
    expect(seen[0]?.headers.authorization).toBe('Bearer test-token');
  });

  it('names a missing id of a program (price, brand and the rest are optional)', async () => {
    onRequest('get', '/cards/types', {
      status: 'success',
      data: { types: [{ name: 'x', cardCurrency: 'USD', price: 5, brand: null }] },
    });
    const error = await testClient()
      .cards.types()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'types.0.id',
      code: 'invalid_type',
    });
  });
});

describe('cards.issue', () => {
  it('issues a standalone card: exact body, idempotency key, wrapped secrets, model kept off the wire', async () => {
    const seen = onRequest('post', '/cards/issue', { status: 'success', data: { card: issuedCard } });
    const card = await testClient().cards.issue({
      model: 'card',
      typeId: TYPE_ID,
      initialBalance: '1000.00',
      firstName: 'Ada',
      lastName: 'Lovelace',
      label: 'Travel Card',
      externalId: '1234567890',
    });
    expect(seen[0]?.body).toEqual({
      typeId: TYPE_ID,
      initialBalance: 1000,
      firstName: 'Ada',
      lastName: 'Lovelace',
      label: 'Travel Card',
      externalId: '1234567890',
    });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
    expect(card).toMatchObject({
      model: 'card',
      id: CARD_ID,
      last4: '1111',
      balance: { value: 1000 },
      currency: 'EUR',
      brand: 'visa',
    });
    expect(card.sensitive.number).toBeInstanceOf(Sensitive);
    expect(card.sensitive.number.reveal()).toBe('4111 1111 1111 1111');
    expect(card.sensitive.cvc.reveal()).toBe('123');
    expect(card.sensitive.expiry.reveal()).toBe('07/29');
    expect(JSON.stringify(card)).not.toContain('4111 1111 1111 1111');
  });

  it('issues a budget card on /budget-cards/issue with the caller idempotency key', async () => {
    const seen = onRequest('post', '/budget-cards/issue', { status: 'success', data: budgetIssued });
    const card = await testClient().cards.issue(
      { model: 'budget', typeId: TYPE_ID, budgetId: 'bud_1', customerId: 'cus_1' },
      { idempotencyKey: 'issue-42' },
    );
    expect(seen[0]?.body).toEqual({ typeId: TYPE_ID, budgetId: 'bud_1', customerId: 'cus_1' });
    expect(seen[0]?.headers['idempotency-key']).toBe('issue-42');
    expect(card).toMatchObject({
      model: 'budget',
      id: 'b-card-1',
      last4: '1234',
      status: 'active',
      externalId: 'ext-1',
    });
    expect(card.sensitive.number.reveal()).toBe('5168 3214 5678 1234');
  });

  it('rejects a card response without its id', async () => {
    const { id: _id, ...rest } = issuedCard;
    onRequest('post', '/cards/issue', { status: 'success', data: { card: rest } });
    const error = await testClient()
      .cards.issue({ model: 'card', typeId: TYPE_ID, initialBalance: 10, customerId: 'cus_1' })
      .catch((e: unknown) => e);
    // bfinance answered success: the card was issued, so the error says applied, not "maybe".
    expect(validationCause(error).issues).toContainEqual({ path: 'card.id', code: 'invalid_type' });
  });

  it('maps an inactive typeId to InvalidCardTypeError with a hint naming cards.types()', async () => {
    onRequest(
      'post',
      '/cards/issue',
      { status: 'error', message: 'Card type not found or inactive', errorId: 'err_7' },
      400,
    );
    const error = await testClient()
      .cards.issue({
        model: 'card',
        typeId: 'nope',
        initialBalance: 10,
        firstName: 'Ada',
        lastName: 'Lovelace',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCardTypeError);
    expect(error).toMatchObject({ status: 400, errorId: 'err_7', operation: 'cards.issue' });
    expect((error as InvalidCardTypeError).hint).toContain('client.cards.types()');
  });

  it.each([
    [
      { model: 'card', typeId: TYPE_ID, firstName: 'Ada', lastName: 'Lovelace' },
      'initialBalance',
      'required',
    ],
    [{ model: 'budget', typeId: TYPE_ID, firstName: 'Ada', lastName: 'Lovelace' }, 'budgetId', 'required'],
    [{ model: 'card', typeId: TYPE_ID, initialBalance: 5 }, 'firstName', 'min_length'],
    [
      { model: 'card', typeId: TYPE_ID, initialBalance: 5, firstName: 'A', lastName: 'Lovelace' },
      'firstName',
      'min_length',
    ],
    [
      { model: 'card', typeId: TYPE_ID, initialBalance: 5, firstName: 'Ada', lastName: 'L' },
      'lastName',
      'min_length',
    ],
    [{ model: 'card', typeId: '', initialBalance: 5, customerId: 'c' }, 'typeId', 'required'],
    [{ model: 'prepaid', typeId: TYPE_ID, initialBalance: 5, customerId: 'c' }, 'model', 'enum'],
    [{ model: 'card', typeId: TYPE_ID, initialBalance: 0, customerId: 'c' }, 'initialBalance', 'positive'],
    [
      { model: 'card', typeId: TYPE_ID, initialBalance: 1.234, customerId: 'c' },
      'initialBalance',
      'max_decimals',
    ],
    [
      { model: 'card', typeId: TYPE_ID, initialBalance: 5, budgetId: 'b', customerId: 'c' },
      'budgetId',
      'not_allowed',
    ],
    [
      { model: 'budget', typeId: TYPE_ID, budgetId: 'b', initialBalance: 5, customerId: 'c' },
      'initialBalance',
      'not_allowed',
    ],
  ])('refuses %j locally (%s: %s) before any request', async (params, field, rule) => {
    const seen = forbidRequests();
    const client = testClient();
    // Runtime checks exist for JavaScript callers, so the types are bypassed on purpose.
    const error = await Promise.resolve()
      .then(() => client.cards.issue(params as never))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule });
    expect(seen).toHaveLength(0);
  });
});

describe('cards.retrieve', () => {
  it('reads a standalone card, normalising sensetive and a numeric PAN', async () => {
    const seen = onRequest('get', `/cards/${ODD_ID_WIRE}`, { status: 'success', data: cardDetails });
    const card = await testClient().cards.retrieve(ODD_ID);
    expect(seen[0]?.path).toBe(`/cards/${ODD_ID_WIRE}`);
    const { sensetive: _s, externalCardId, ...plain } = cardDetails;
    // One card shape: wire `externalCardId` reads as `externalId`.
    expect(card).toMatchObject({ ...plain, externalId: externalCardId, model: 'card', last4: '1111' });
    expect(card.sensitive?.number?.reveal()).toBe('4111111111111111');
    expect(card.sensitive?.cvc?.reveal()).toBe('123');
    expect(String(card.sensitive?.number)).toBe('•••• 1111');
  });

  it('reads an unwrapped budget card from /budget-cards/{id}', async () => {
    const body = { ...budgetIssued, sensitive: { ...budgetIssued.sensitive, cvc: '***' } };
    const seen = onRequest('get', '/budget-cards/b-card-1', body);
    const card = await testClient().cards.retrieve({ id: 'b-card-1', model: 'budget' });
    expect(seen).toHaveLength(1);
    expect(card).toMatchObject({ model: 'budget', id: 'b-card-1', status: 'active', last4: '1234' });
    expect(card.sensitive?.cvc?.reveal()).toBe('***');
  });

  it('names the missing id (status and the rest are optional)', async () => {
    const { id: _id, ...rest } = cardDetails;
    onRequest('get', `/cards/${CARD_ID}`, { status: 'success', data: rest });
    const error = await testClient()
      .cards.retrieve(CARD_ID)
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'id',
      code: 'invalid_type',
    });
  });

  it('maps 404 to NotFoundError', async () => {
    onRequest(
      'get',
      `/cards/${CARD_ID}`,
      { status: 'error', message: 'Card not found', errorId: 'e404' },
      404,
    );
    await expect(testClient().cards.retrieve(CARD_ID)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('cards.list', () => {
  const summary = (id: string) => ({
    id,
    maskedCardNumber: '**** **** **** 4242',
    currency: 'USD',
    status: 'active',
    externalCardId: null,
    cardBalance: 12.5,
    label: 'ops',
    brand: 'visa',
    cardHolder: { firstName: 'Ada', lastName: 'Lovelace', customerId: 'cus_1' },
    cardType: 'prepaid',
  });

  it('sends filters in the query and walks every page with for await', async () => {
    const seen = onRequest('get', '/cards/list', (req: WireRequest) => {
      const page = Number(req.query.page);
      const cards = page === 1 ? [summary('c1'), summary('c2')] : [summary('c3')];
      return { status: 'success', data: { cards, page, limit: 2, totalPages: 2 } };
    });
    const client = testClient();
    const first = await client.cards.list({
      limit: 2,
      customerIds: ['cus_1', 'cus_2'],
      statuses: ['active', 'frozen'],
    });
    expect(first.data.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(first).toMatchObject({ page: 1, limit: 2, totalPages: 2 });
    expect(first.data[0]).toMatchObject({ model: 'card', last4: '4242' });
    expect(seen[0]?.query).toEqual({
      page: '1',
      limit: '2',
      customerIds: 'cus_1,cus_2',
      statuses: 'active,frozen',
    });
    const ids: string[] = [];
    for await (const card of client.cards.list({ limit: 2 })) ids.push(card.id);
    expect(ids).toEqual(['c1', 'c2', 'c3']);
    expect(seen.map((r) => r.query.page)).toEqual(['1', '1', '2']);
  });

  it('rejects a list entry without id (maskedCardNumber is optional)', async () => {
    const { id: _m, ...rest } = summary('c1');
    onRequest('get', '/cards/list', { status: 'success', data: { cards: [rest], page: 1, limit: 10 } });
    const error = await testClient()
      .cards.list()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'cards.0.id',
      code: 'invalid_type',
    });
  });

  it('refuses page 0 locally, when the list is awaited', async () => {
    const seen = forbidRequests();
    await expect(testClient().cards.list({ page: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('cards.sensitive', () => {
  it('uses the misspelled path for standalone cards and the right one for budget cards', async () => {
    const data = { number: '4111 1111 1111 1111', expire: '07/29', cvc: '321' };
    const standalone = onRequest('get', `/cards/${CARD_ID}/sensetive`, { status: 'success', data });
    const budget = onRequest('get', '/budget-cards/b1/sensitive', { status: 'success', data });
    const client = testClient();
    const a = await client.cards.sensitive(CARD_ID);
    const b = await client.cards.sensitive({ id: 'b1', model: 'budget' });
    expect(standalone).toHaveLength(1);
    expect(budget).toHaveLength(1);
    expect(a.last4).toBe('1111');
    expect(a.cvc.reveal()).toBe('321');
    expect(b.number.reveal()).toBe('4111 1111 1111 1111');
  });

  it('names a missing cvc', async () => {
    onRequest('get', `/cards/${CARD_ID}/sensetive`, {
      status: 'success',
      data: { number: '4111111111111111', expire: '07/29' },
    });
    const error = await testClient()
      .cards.sensitive(CARD_ID)
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: 'cvc', code: 'invalid_type' });
  });

  it('maps 403 to PermissionDeniedError', async () => {
    onRequest('get', `/cards/${CARD_ID}/sensetive`, { status: 'error', message: 'Forbidden' }, 403);
    const error = await testClient()
      .cards.sensitive(CARD_ID)
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('PermissionDeniedError');
  });
});

describe('cards.transactions', () => {
  const tx = (id: string) => ({
    id,
    amount: -12.5,
    currency: 'EUR',
    usdAmount: -13.4,
    merchant: 'Coffee',
    status: 'completed',
    type: 'purchase',
    date: '2026-01-02T10:00:00Z',
    transactionId: `t-${id}`,
    declineReason: null,
  });

  it('reads past a short page (servers may cap the page size) and ends where a page repeats the last one', async () => {
    const seen = onRequest('get', `/cards/${CARD_ID}/transactions`, (req: WireRequest) => ({
      status: 'success',
      data: { transactions: req.query.page === '1' ? [tx('1'), tx('2')] : [tx('3')] },
    }));
    const ids: string[] = [];
    for await (const t of testClient().cards.transactions(CARD_ID, { limit: 2 })) ids.push(t.id);
    expect(ids).toEqual(['1', '2', '3']);
    expect(seen.map((r) => r.query)).toEqual([
      { page: '1', limit: '2' },
      { page: '2', limit: '2' },
      { page: '3', limit: '2' },
    ]);
    const page = await testClient().cards.transactions(CARD_ID, { limit: 2 });
    expect(page.data[0]).toEqual(tx('1'));
  });

  it('names a transaction without id (amount is optional)', async () => {
    const { id: _a, ...rest } = tx('1');
    onRequest('get', `/cards/${CARD_ID}/transactions`, { status: 'success', data: { transactions: [rest] } });
    const error = await testClient()
      .cards.transactions(CARD_ID)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'transactions.0.id',
      code: 'invalid_type',
    });
  });

  it('refuses a budget card with a hint to list budget transactions', async () => {
    const seen = forbidRequests();
    const error = await testClient()
      .cards.transactions({ id: 'b1', model: 'budget' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).hint).toContain('funds.budgetTransactions');
    expect(seen).toHaveLength(0);
  });

  it('maps 400 on a frozen card to CardStateError', async () => {
    onRequest('get', `/cards/${CARD_ID}/transactions`, { status: 'error', message: 'Card is frozen' }, 400);
    const error = await testClient()
      .cards.transactions(CARD_ID)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(CardStateError);
  });
});

describe('cards.reissue', () => {
  it('posts cardId and initialBalance with an idempotency key and returns the new card', async () => {
    const seen = onRequest('post', '/cards/reissue', { status: 'success', data: { card: issuedCard } });
    const card = await testClient().cards.reissue(CARD_ID, { initialBalance: 25.5 });
    expect(seen[0]?.body).toEqual({ cardId: CARD_ID, initialBalance: 25.5 });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
    expect(card).toMatchObject({ model: 'card', id: CARD_ID, last4: '1111' });
  });

  it('reads a reply without cardNumber and cardCVC, as both official clients type it', async () => {
    const { cardNumber: _n, cardCVC: _c, ...rest } = issuedCard;
    onRequest('post', '/cards/reissue', { status: 'success', data: { card: rest } });
    const card = await testClient().cards.reissue(CARD_ID, { initialBalance: 5 });
    expect(card).toMatchObject({ model: 'card', id: CARD_ID, last4: '1111', balance: { value: 1000 } });
    expect(card.sensitive?.number).toBeUndefined();
    expect(card.sensitive?.expiry?.reveal()).toBe('07/29');
  });

  it('reports a confirmed reply without the card id as applied, naming card.id', async () => {
    const { id: _n, ...rest } = issuedCard;
    onRequest('post', '/cards/reissue', { status: 'success', data: { card: rest } });
    const error = await testClient()
      .cards.reissue(CARD_ID, { initialBalance: 5 })
      .catch((e: unknown) => e);
    expect(validationCause(error).issues).toContainEqual({
      path: 'card.id',
      code: 'invalid_type',
    });
  });

  it('maps insufficient organization funds', async () => {
    onRequest(
      'post',
      '/cards/reissue',
      { status: 'error', message: 'Insufficient funds on organization balance' },
      400,
    );
    const error = await testClient()
      .cards.reissue(CARD_ID, { initialBalance: 5 })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('InsufficientFundsError');
  });

  it('refuses a budget card locally', async () => {
    await expect(
      // @ts-expect-error a budget card is a compile error too; this checks the run-time refusal
      testClient().cards.reissue({ id: 'b1', model: 'budget' }, { initialBalance: 5 }),
    ).rejects.toThrow(ValidationError);
  });
});

describe('cards.limits and cards.velocity', () => {
  const limits = {
    ecommerce: {
      daily: { limit: 50000, used: 1200 },
      monthly: { limit: 400000, used: 12000 },
      transaction: { limit: 25000 },
    },
    pos: {
      daily: { limit: 50000, used: 0 },
      monthly: { limit: 400000, used: 0 },
      transaction: { limit: 25000 },
    },
  };

  it('reads limits', async () => {
    const seen = onRequest('get', `/cards/${CARD_ID}/limits`, { status: 'success', data: limits });
    await expect(testClient().cards.limits.retrieve(CARD_ID)).resolves.toEqual(limits);
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('names a pos block of the wrong type (a missing one is tolerated)', async () => {
    onRequest('get', `/cards/${CARD_ID}/limits`, {
      status: 'success',
      data: { ecommerce: limits.ecommerce, pos: 'none' },
    });
    const error = await testClient()
      .cards.limits.retrieve(CARD_ID)
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: 'pos', code: 'invalid_type' });
  });

  it('sets one limit and returns the echo', async () => {
    const seen = onRequest('post', `/cards/${CARD_ID}/limits`, {
      status: 'success',
      data: { type: 'pos-daily', limit: 5000 },
    });
    await expect(testClient().cards.limits.set(CARD_ID, { type: 'pos-daily', limit: 5000 })).resolves.toEqual(
      {
        type: 'pos-daily',
        limit: 5000,
      },
    );
    expect(seen[0]?.body).toEqual({ type: 'pos-daily', limit: 5000 });
  });

  it('refuses an unknown limit type and budget cards locally', async () => {
    const client = testClient();
    await expect(client.cards.limits.set(CARD_ID, { type: 'atm-daily' as never, limit: 5 })).rejects.toThrow(
      ValidationError,
    );
    // @ts-expect-error a budget card is a compile error too; this checks the run-time refusal
    await expect(client.cards.limits.retrieve({ id: 'b1', model: 'budget' })).rejects.toThrow(
      /not available for budget/,
    );
  });

  it('sets velocity on a budget card', async () => {
    const seen = onRequest('post', '/budget-cards/b1/velocity', {
      status: 'success',
      message: 'Velocity limit has been set',
    });
    const result = await testClient().cards.velocity.set(
      { id: 'b1', model: 'budget' },
      { type: 'MONTH', amount: '2000' },
    );
    expect(result).toEqual({ message: 'Velocity limit has been set' });
    expect(seen[0]?.body).toEqual({ type: 'MONTH', amount: 2000 });
  });

  it('refuses velocity on a standalone card with a hint to use limits', async () => {
    const error = await testClient()
      .cards.velocity.set(CARD_ID, { type: 'DAY', amount: 5 })
      .catch((e: unknown) => e);
    expect((error as ValidationError).hint).toContain('cards.limits.set');
  });
});

describe('cards.updateEmail and cards.updatePhone', () => {
  it('posts the email to the model path', async () => {
    const seen = onRequest('post', '/budget-cards/b1/email', {
      status: 'success',
      message: 'Email has been updated',
    });
    await expect(
      testClient().cards.updateEmail({ id: 'b1', model: 'budget' }, 'user@example.com'),
    ).resolves.toEqual({
      message: 'Email has been updated',
    });
    expect(seen[0]?.body).toEqual({ email: 'user@example.com' });
  });

  it('posts the phone', async () => {
    const seen = onRequest('post', `/cards/${CARD_ID}/phone`, {
      status: 'success',
      message: 'Phone has been updated',
    });
    await testClient().cards.updatePhone(CARD_ID, '+14155550100');
    expect(seen[0]?.body).toEqual({ phone: '+14155550100' });
  });

  it('names a bad message type', async () => {
    onRequest('post', `/cards/${CARD_ID}/email`, { status: 'success', data: { message: 42 } });
    const error = await testClient()
      .cards.updateEmail(CARD_ID, 'a@b.co')
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'message',
      code: 'invalid_type',
    });
  });

  it('maps a deleted card', async () => {
    onRequest('post', `/cards/${CARD_ID}/phone`, { status: 'error', message: 'Card is deleted' }, 400);
    await expect(testClient().cards.updatePhone(CARD_ID, '+14155550100')).rejects.toBeInstanceOf(
      CardStateError,
    );
  });

  it('refuses malformed contact data locally', async () => {
    const client = testClient();
    await expect(client.cards.updateEmail(CARD_ID, 'not-an-email')).rejects.toThrow(ValidationError);
    await expect(client.cards.updatePhone(CARD_ID, 'call me')).rejects.toThrow(ValidationError);
  });
});

describe('cards.physical', () => {
  const shipping = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '4155550100',
    phoneCode: '+1',
    addressLine1: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    country: 'USA',
  };

  it('orders with cardType derived from the model and an idempotency key', async () => {
    const seen = onRequest('post', '/physical-cards/b1/order', {
      status: 'success',
      message: 'Physical card has been ordered',
    });
    await testClient().cards.physical.order({ id: 'b1', model: 'budget' }, shipping);
    expect(seen[0]?.body).toEqual({ cardType: 'budget', shippingData: shipping });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it('activates a standalone card as prepaid', async () => {
    const seen = onRequest('post', `/physical-cards/${CARD_ID}/activate`, {
      status: 'success',
      message: 'Physical card has been activated',
    });
    await expect(testClient().cards.physical.activate(CARD_ID, '1234-5678')).resolves.toEqual({
      message: 'Physical card has been activated',
    });
    expect(seen[0]?.body).toEqual({ cardType: 'prepaid', code: '1234-5678' });
  });

  it('refuses a missing shipping field and an empty code before sending', async () => {
    const seen = forbidRequests();
    const client = testClient();
    const { city: _c, ...noCity } = shipping;
    await expect(client.cards.physical.order(CARD_ID, noCity as never)).rejects.toThrow(/shipping\.city/);
    await expect(client.cards.physical.activate(CARD_ID, ' ')).rejects.toThrow(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it('reports an unknown outcome when the order answer is a 502 page', async () => {
    onRequest(
      'post',
      `/physical-cards/${CARD_ID}/order`,
      () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
    );
    const error = await testClient()
      .cards.physical.order(CARD_ID, shipping)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).idempotencyKey).toMatch(UUID);
  });

  it('names a non-string message on activation', async () => {
    onRequest('post', `/physical-cards/${CARD_ID}/activate`, { status: 'success', data: { message: false } });
    const error = await testClient()
      .cards.physical.activate(CARD_ID, '1234-5678')
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'message',
      code: 'invalid_type',
    });
  });
});

describe('cards.updateArt', () => {
  it('posts cardArtId to /cards/{id}/updateArt without a key and reads data {}', async () => {
    const seen = onRequest('post', `/cards/${ODD_ID_WIRE}/updateArt`, { status: 'success', data: {} });
    await expect(testClient().cards.updateArt(ODD_ID, 'art_7')).resolves.toEqual({ message: '' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: `/cards/${ODD_ID_WIRE}/updateArt` });
    expect(seen[0]?.body).toEqual({ cardArtId: 'art_7' });
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('routes a budget card by its model', async () => {
    const seen = onRequest('post', '/budget-cards/b1/updateArt', { status: 'success', data: {} });
    await testClient().cards.updateArt({ id: 'b1', model: 'budget' }, 'art_7');
    expect(seen[0]?.body).toEqual({ cardArtId: 'art_7' });
  });

  it('refuses an empty or non-string cardArtId before sending', async () => {
    const seen = forbidRequests();
    for (const bad of ['', ' ', 7, null, { id: 'x' }]) {
      const error = await testClient()
        .cards.updateArt(CARD_ID, bad as string)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'cardArtId', operation: 'cards.updateArt' });
    }
    expect(seen).toHaveLength(0);
  });
});

describe('cards.retrieve model', () => {
  it('gives a bare id the standalone model and { model: "budget" } the budget model', async () => {
    onRequest('get', `/cards/${CARD_ID}`, { status: 'success', data: cardDetails });
    onRequest('get', '/budget-cards/b1', { status: 'success', data: { ...cardDetails, id: 'b1' } });
    const client = testClient();
    expect((await client.cards.retrieve(CARD_ID)).model).toBe('card');
    expect((await client.cards.retrieve({ id: 'b1', model: 'budget' })).model).toBe('budget');
  });
});

describe('extraBody on card calls', () => {
  it('becomes the body of a POST that sends none, and is refused on DELETE and GET', async () => {
    const seen = onRequest('post', `/cards/${CARD_ID}/freeze`, {
      status: 'success',
      message: 'Card has been frozen',
    });
    await testClient().status.freeze(CARD_ID, { extraBody: { reason: 'lost' } });
    expect(seen[0]?.body).toEqual({ reason: 'lost' });
    const none = forbidRequests();
    const client = testClient();
    for (const call of [
      () => client.status.delete(CARD_ID, { extraBody: { a: 1 } }),
      () => client.cards.retrieve(CARD_ID, { extraBody: { a: 1 } }),
    ]) {
      expect(await call().catch((e: unknown) => e)).toMatchObject({ field: 'extraBody', rule: 'no_body' });
    }
    expect(none).toHaveLength(0);
  });

  it('refuses the SDK-owned issue fields and a non-object', async () => {
    const seen = forbidRequests();
    const client = testClient();
    const params = { model: 'card', typeId: TYPE_ID, initialBalance: 5, customerId: 'c' } as const;
    for (const field of ['externalId', 'label', 'initialBalance']) {
      const error = await client.cards
        .issue(params, { extraBody: { [field]: 'x' } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ field: `extraBody.${field}`, rule: 'sdk_field' });
    }
    const notObject = await client.cards
      .issue(params, { extraBody: ['x'] as never })
      .catch((e: unknown) => e);
    expect(notObject).toMatchObject({ field: 'extraBody', rule: 'type' });
    expect(seen).toHaveLength(0);
  });

  it('adds a field the SDK does not know to an issuance', async () => {
    const seen = onRequest('post', '/cards/issue', { status: 'success', data: { card: issuedCard } });
    await testClient().cards.issue(
      { model: 'card', typeId: TYPE_ID, initialBalance: 5, customerId: 'c' },
      { extraBody: { spendingProfile: 'travel' } },
    );
    expect(seen[0]?.body).toEqual({
      typeId: TYPE_ID,
      initialBalance: 5,
      customerId: 'c',
      spendingProfile: 'travel',
    });
  });
});

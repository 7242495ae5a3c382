import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotFoundError,
  ResponseValidationError,
  ValidationError,
} from '../../src/core/errors.js';
import { InsufficientFundsError } from '../../src/resources/domain-errors.js';
import type { BudgetTransaction } from '../../src/resources/funds-schemas.js';
import { createSandbox } from '../../src/testing/index.js';
import {
  failure,
  forbidRequests,
  onRequest,
  success,
  testClient,
  UUID,
  validationCause,
  type WireRequest,
} from '../helpers/wire.js';

const ODD_ID = 'c/1 x';
const ODD_ID_WIRE = 'c%2F1%20x';
const BUDGET = { id: 'bc1', model: 'budget' } as const;

// A budget transaction as the docs page for GET /budgets/{id}/transactions shows it.
function transaction(n: number): BudgetTransaction {
  return {
    id: `tx${n}`,
    card: { id: 'bc1', maskedCardNumber: '**** **** **** 1234', externalId: 'ext-1' },
    amount: 12.5,
    currency: 'EUR',
    usdAmount: 13.6,
    merchant: 'AWS',
    mcc: '5734',
    status: 'completed',
    type: 'purchase',
    transactionDate: '2025-03-02T10:15:00.000Z',
    transactionId: `ntx${n}`,
    fee: 0,
  };
}

describe('funds.topUp', () => {
  it('posts the amount and note to the encoded card with a generated key', async () => {
    const seen = onRequest('post', '/cards/:id/topup', {
      status: 'success',
      message: 'Card has been topped up',
    });
    await expect(
      testClient().funds.topUp(ODD_ID, { amount: '25.50', note: 'Top up for travel expenses' }),
    ).resolves.toEqual({ message: 'Card has been topped up' });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe(`/cards/${ODD_ID_WIRE}/topup`);
    expect(seen[0]?.body).toEqual({ amount: 25.5, note: 'Top up for travel expenses' });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it("sends the caller's key, no note when none, and amounts without float noise", async () => {
    const seen = onRequest('post', '/cards/:id/topup', { status: 'success', message: 'ok' });
    const client = testClient();
    await client.funds.topUp({ id: 'c1', model: 'card' }, { amount: 1.1 }, { idempotencyKey: 'top-1' });
    await client.funds.topUp('c1', { amount: '1.01' });
    await client.funds.topUp('c1', { amount: 100 });
    expect(seen.map((r) => r.body)).toEqual([{ amount: 1.1 }, { amount: 1.01 }, { amount: 100 }]);
    expect(seen[0]?.headers['idempotency-key']).toBe('top-1');
    expect(seen[1]?.headers['idempotency-key']).toMatch(UUID);
    expect(seen[1]?.headers['idempotency-key']).not.toBe(seen[2]?.headers['idempotency-key']);
  });

  it('names a message of the wrong type', async () => {
    onRequest('post', '/cards/:id/topup', success({ message: 1 }));
    const error = await failure(testClient().funds.topUp('c1', { amount: 5 }));
    expect(validationCause(error).issues).toContainEqual({ path: 'message', code: 'invalid_type' });
  });

  it('maps an insufficient organization balance to InsufficientFundsError', async () => {
    onRequest(
      'post',
      '/cards/:id/topup',
      { status: 'error', message: 'Insufficient funds on organization balance', errorId: 'e1' },
      400,
    );
    const error = await failure(testClient().funds.topUp('c1', { amount: 5 }));
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect(error).toMatchObject({ status: 400, errorId: 'e1', operation: 'funds.topUp' });
    expect((error as InsufficientFundsError).hint).toContain('client.funds.balance()');
  });

  it('refuses a budget card before sending, pointing at topUpBudget', async () => {
    const seen = forbidRequests();
    // @ts-expect-error a budget card is a compile error too; this checks the run-time refusal
    const error = await failure(testClient().funds.topUp(BUDGET, { amount: 50 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'card', rule: 'card_model', operation: 'funds.topUp' });
    expect((error as ValidationError).hint).toContain('client.funds.topUpBudget(');
    expect(seen).toHaveLength(0);
  });

  it.each([
    [1, 'minimum'],
    ['1.00', 'minimum'],
    [0, 'positive'],
    [-5, 'positive'],
    [25.555, 'max_decimals'],
    ['25.555', 'max_decimals'],
    ['1e3', 'format'],
    [Number.NaN, 'finite'],
    [Number.POSITIVE_INFINITY, 'finite'],
    [undefined, 'type'],
  ])('refuses amount %s (%s) before sending', async (amount, rule) => {
    const seen = forbidRequests();
    const error = await failure(testClient().funds.topUp('c1', { amount: amount as number }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'amount', rule });
    expect(seen).toHaveLength(0);
  });
});

describe('funds.withdraw', () => {
  it('posts the amount to the encoded card with a key', async () => {
    const seen = onRequest('post', '/cards/:id/withdraw', { status: 'success', message: 'Funds withdrawn' });
    await expect(testClient().funds.withdraw(ODD_ID, { amount: '12.50' })).resolves.toEqual({
      message: 'Funds withdrawn',
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe(`/cards/${ODD_ID_WIRE}/withdraw`);
    expect(seen[0]?.body).toEqual({ amount: 12.5 });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it('has no minimum, sends decimals exactly and refuses a float sum such as 0.1 + 0.2', async () => {
    const seen = onRequest('post', '/cards/:id/withdraw', { status: 'success', message: 'ok' });
    await testClient().funds.withdraw('c1', { amount: '0.30' });
    await testClient().funds.withdraw('c1', { amount: 0.01 });
    expect(seen.map((r) => r.body)).toEqual([{ amount: 0.3 }, { amount: 0.01 }]);
    await expect(testClient().funds.withdraw('c1', { amount: 0.1 + 0.2 })).rejects.toMatchObject({
      name: 'ValidationError',
      rule: 'max_decimals',
    });
    expect(seen).toHaveLength(2);
  });

  it('names a message of the wrong type', async () => {
    onRequest('post', '/cards/:id/withdraw', success({ message: false }));
    const error = await failure(testClient().funds.withdraw('c1', { amount: 5 }));
    expect(validationCause(error).issues).toContainEqual({ path: 'message', code: 'invalid_type' });
  });

  it('maps an insufficient card balance to InsufficientFundsError', async () => {
    onRequest('post', '/cards/:id/withdraw', { status: 'error', message: 'Insufficient card balance' }, 400);
    await expect(testClient().funds.withdraw('c1', { amount: 5 })).rejects.toBeInstanceOf(
      InsufficientFundsError,
    );
  });

  it('refuses a budget card and a bad amount before sending', async () => {
    const seen = forbidRequests();
    // @ts-expect-error a budget card is a compile error too; this checks the run-time refusal
    const budget = await failure(testClient().funds.withdraw(BUDGET, { amount: 5 }));
    expect(budget).toMatchObject({
      name: 'ValidationError',
      rule: 'card_model',
      operation: 'funds.withdraw',
    });
    const amount = await failure(testClient().funds.withdraw('c1', { amount: '0' }));
    expect(amount).toMatchObject({ name: 'ValidationError', field: 'amount', rule: 'positive' });
    const card = await failure(testClient().funds.withdraw({ id: 'c1' } as never, { amount: 5 }));
    expect(card).toMatchObject({ name: 'ValidationError', rule: 'card_ref' });
    expect(seen).toHaveLength(0);
  });
});

describe('funds.topUpBudget', () => {
  it('posts the amount to the encoded budget with a key and returns an empty message for data {}', async () => {
    const seen = onRequest('post', '/budgets/:id/topup', success({}));
    await expect(testClient().funds.topUpBudget('bud/1 a', { amount: '25.50' })).resolves.toEqual({
      message: '',
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe('/budgets/bud%2F1%20a/topup');
    expect(seen[0]?.body).toEqual({ amount: 25.5 });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it('has no card minimum', async () => {
    const seen = onRequest('post', '/budgets/:id/topup', success({}));
    await testClient().funds.topUpBudget('b1', { amount: 0.5 });
    expect(seen[0]?.body).toEqual({ amount: 0.5 });
  });

  it('names a message of the wrong type', async () => {
    onRequest('post', '/budgets/:id/topup', success({ message: [] }));
    const error = await failure(testClient().funds.topUpBudget('b1', { amount: 5 }));
    expect(validationCause(error).issues).toContainEqual({ path: 'message', code: 'invalid_type' });
  });

  it('maps a 404 to NotFoundError', async () => {
    onRequest(
      'post',
      '/budgets/:id/topup',
      { status: 'error', message: 'Budget not found', errorId: 'e2' },
      404,
    );
    const error = await failure(testClient().funds.topUpBudget('b1', { amount: 5 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ errorId: 'e2', operation: 'funds.topUpBudget' });
  });

  it('refuses a bad amount and an empty id before sending', async () => {
    const seen = forbidRequests();
    await expect(testClient().funds.topUpBudget('b1', { amount: 1.001 })).rejects.toMatchObject({
      field: 'amount',
      rule: 'max_decimals',
    });
    await expect(testClient().funds.topUpBudget('', { amount: 5 })).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('funds.budgetTransactions', () => {
  function pages(): WireRequest[] {
    let calls = 0;
    return onRequest('get', '/budgets/:id/transactions', (req: WireRequest) => {
      const page = Number(req.query.page);
      // Ends any runaway iteration with an empty page so a paging bug fails instead of hanging.
      if (++calls > 3) return success({ transactions: [], page, limit: 2 });
      const transactions = page === 1 ? [transaction(1), transaction(2)] : [transaction(3)];
      return success({ transactions, page, limit: 2 });
    });
  }

  it('resolves to the first page, with the masked card number in the clear and no key', async () => {
    const seen = pages();
    const page = await testClient().funds.budgetTransactions('bud/1 a', { limit: 2 });
    expect(page.data).toEqual([transaction(1), transaction(2)]);
    expect(page.page).toBe(1);
    expect(page.limit).toBe(2);
    expect(page.hasNextPage()).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.path).toBe('/budgets/bud%2F1%20a/transactions');
    expect(seen[0]?.query).toEqual({ page: '1', limit: '2' });
    expect(seen[0]?.body).toBeUndefined();
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('iterates every transaction across pages, reading past the short page to where the server repeats it', async () => {
    const seen = pages();
    const ids: string[] = [];
    for await (const tx of testClient().funds.budgetTransactions('b1', { limit: 2 })) ids.push(tx.id);
    expect(ids).toEqual(['tx1', 'tx2', 'tx3']);
    expect(seen.map((r) => r.query)).toEqual([
      { page: '1', limit: '2' },
      { page: '2', limit: '2' },
      { page: '3', limit: '2' },
    ]);
  });

  it('starts at the page asked for and sends the default limit of 10', async () => {
    const seen = onRequest(
      'get',
      '/budgets/:id/transactions',
      success({ transactions: [], page: 3, limit: 10 }),
    );
    const page = await testClient().funds.budgetTransactions('b1', { page: 3 });
    expect(page.data).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
    expect(seen[0]?.query).toEqual({ page: '3', limit: '10' });
  });

  it('accepts null merchant data and strips unknown keys', async () => {
    const { merchant: _m, mcc: _c, ...rest } = transaction(1);
    const wire = { ...rest, merchant: null, card: { id: 'bc1' }, internal: true };
    onRequest('get', '/budgets/:id/transactions', success({ transactions: [wire], page: 1, limit: 10 }));
    const page = await testClient().funds.budgetTransactions('b1');
    expect(page.data).toEqual([{ ...rest, merchant: null, card: { id: 'bc1' } }]);
  });

  it.each([
    ['transactions.0.id', { transactions: [{ ...transaction(1), id: undefined }], page: 1, limit: 2 }],
    ['transactions.0.card.id', { transactions: [{ ...transaction(1), card: {} }], page: 1, limit: 2 }],
    ['limit', { transactions: [], page: 1 }],
  ])('names a missing %s', async (field, data) => {
    onRequest('get', '/budgets/:id/transactions', success(data));
    const error = await failure(testClient().funds.budgetTransactions('b1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: field, code: 'invalid_type' });
  });

  it('maps a 404 to NotFoundError', async () => {
    onRequest('get', '/budgets/:id/transactions', { status: 'error', message: 'Budget not found' }, 404);
    await expect(testClient().funds.budgetTransactions('b1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ page: 0 }, 'page'],
    [{ page: -1 }, 'page'],
  ])('refuses %j before sending', async (params, field) => {
    const seen = forbidRequests();
    const error = await failure(testClient().funds.budgetTransactions('b1', params));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule: 'range' });
    expect(seen).toHaveLength(0);
  });
});

describe('funds.balance', () => {
  it('reads the organization balance without a key', async () => {
    const balance = { eur: 1500.25, usd: 2500, balance: '4000.25' };
    const seen = onRequest('get', '/balance', success(balance));
    await expect(testClient().funds.balance()).resolves.toEqual(balance);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.path).toBe('/balance');
    expect(seen[0]?.query).toEqual({});
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('names a missing usd', async () => {
    onRequest('get', '/balance', success({ eur: 1 }));
    const error = await failure(testClient().funds.balance());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: 'usd', code: 'invalid_type' });
  });

  it('maps a 401 to AuthenticationError', async () => {
    onRequest('get', '/balance', { status: 'error', message: 'Unauthorized' }, 401);
    const error = await failure(testClient().funds.balance());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operation: 'funds.balance' });
  });
});

describe('funds.depositAddress', () => {
  const NETWORKS = ['ethereum', 'tron', 'solana', 'polygon', 'ton', 'bnb'] as const;

  const PAIRS = NETWORKS.flatMap((network) =>
    (['usdc', 'usdt'] as const).map((currency): [(typeof NETWORKS)[number], 'usdc' | 'usdt'] => [
      network,
      currency,
    ]),
  );

  it.each(PAIRS)(
    'sends GET /finance/deposit?network=%s&currency=%s with no key and no body',
    async (network, currency) => {
      const seen = onRequest('get', '/finance/deposit', success({ address: '0xabc', network, currency }));
      await expect(testClient().funds.depositAddress({ network, currency })).resolves.toEqual({
        address: '0xabc',
        network,
        currency,
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        method: 'GET',
        path: '/finance/deposit',
        query: { network, currency },
      });
      expect(seen[0]?.body).toBeUndefined();
      expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
    },
  );

  it('requires only the address: a missing or null echo and extra fields pass', async () => {
    onRequest('get', '/finance/deposit', success({ address: 'T9x', network: null, memo: 'x' }));
    await expect(testClient().funds.depositAddress({ network: 'tron', currency: 'usdt' })).resolves.toEqual({
      address: 'T9x',
      network: null,
    });
    onRequest('get', '/finance/deposit', success({ network: 'tron' }));
    const error = await failure(testClient().funds.depositAddress({ network: 'tron', currency: 'usdt' }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'address',
      code: 'invalid_type',
    });
  });

  it.each([
    [{ network: 'bitcoin', currency: 'usdt' }, 'network'],
    [{ network: 'ETHEREUM', currency: 'usdt' }, 'network'],
    [{ network: 'tron', currency: 'eur' }, 'currency'],
    [{ network: 'tron' }, 'currency'],
    [{ currency: 'usdc' }, 'network'],
  ])('refuses %j locally', async (params, field) => {
    const seen = forbidRequests();
    const error = await failure(testClient().funds.depositAddress(params as never));
    expect(error).toMatchObject({ name: 'ValidationError', field, rule: 'enum' });
    expect(seen).toHaveLength(0);
  });
});

describe('extraBody on money calls', () => {
  it('merges unknown fields into the top-up body and refuses a field the SDK owns', async () => {
    const seen = onRequest('post', '/cards/c1/topup', success({ message: 'ok' }));
    await testClient().funds.topUp('c1', { amount: 5 }, { extraBody: { reference: 'r-1', meta: { a: 1 } } });
    expect(seen[0]?.body).toEqual({ amount: 5, reference: 'r-1', meta: { a: 1 } });
    // `note` is the SDK's even when this call leaves it out.
    const owned = await failure(testClient().funds.topUp('c1', { amount: 5 }, { extraBody: { note: 'x' } }));
    expect(owned).toMatchObject({ name: 'ValidationError', field: 'extraBody.note', rule: 'sdk_field' });
    expect(seen).toHaveLength(1);
  });

  it('is refused on endpoints without a body', async () => {
    const seen = forbidRequests();
    const error = await failure(testClient().funds.balance({ extraBody: { a: 1 } }));
    expect(error).toMatchObject({ name: 'ValidationError', field: 'extraBody', rule: 'no_body' });
    const list = await failure(testClient().funds.budgetTransactions('b1', {}, { extraBody: { a: 1 } }));
    expect(list).toMatchObject({ field: 'extraBody', rule: 'no_body' });
    expect(seen).toHaveLength(0);
  });
});

describe('funds.topUp and funds.withdraw with the bare id of a budget card', () => {
  it('come back with the hint to fund the budget with funds.topUpBudget', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const client = sandbox.client({ maxRetries: 0 });
    const budgetId = sandbox.budgetIds[0] ?? '';
    const card = await client.cards.issue({
      model: 'budget',
      typeId: sandbox.cardTypeIds.budget,
      budgetId,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    for (const move of [
      () => client.funds.topUp(card.id, { amount: 5 }),
      () => client.funds.withdraw(card.id, { amount: 5 }),
    ]) {
      const error = (await failure(move())) as ValidationError;
      expect(error.name).toBe('BadRequestError');
      expect(error.hint).toContain('client.funds.topUpBudget(budgetId, { amount })');
    }
  });
});

import { SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { errorBody, issueBudget, issueStandalone, localSandbox } from './support.js';

describe('sandbox top-up and withdraw', () => {
  it('tops up from the organization balance', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const res = await call('POST', `/cards/${id}/topup`, { amount: 1.01, note: 'travel' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'success', message: 'Card has been topped up' });
    expect(sandbox.state().cards[0]?.balance).toBe(1.01);
    expect(sandbox.state().organizationBalance.usd).toBe(99998.99);
    expect(sandbox.state().ledger.at(-1)).toMatchObject({
      kind: 'topup',
      amount: 1.01,
      currency: 'USD',
      cardId: id,
    });
  });

  it('refuses a top-up below 1.01', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const res = await call('POST', `/cards/${id}/topup`, { amount: 1 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('Minimum top-up amount is 1.01'));
  });

  it('refuses a top-up above the organization balance', async () => {
    const { sandbox, call } = localSandbox({ organizationBalance: { usd: 10 } });
    const id = await issueStandalone(sandbox, call, 0);
    const res = await call('POST', `/cards/${id}/topup`, { amount: 10.01 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('Insufficient funds on organization balance'));
    expect(sandbox.state().organizationBalance.usd).toBe(10);
  });

  it('refuses amounts that are not positive numbers', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 10);
    for (const amount of [0, -5, null, undefined, Number.NaN]) {
      const res = await call('POST', `/cards/${id}/topup`, { amount });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('amount must be a positive number'));
    }
    // Amounts are JSON numbers on the wire, as the API takes them.
    const text = await call('POST', `/cards/${id}/topup`, { amount: '5' });
    expect([text.status, text.body]).toEqual([400, errorBody('amount must be a number')]);
    const decimals = await call('POST', `/cards/${id}/withdraw`, { amount: 1.001 });
    expect(decimals.body).toEqual(errorBody(M.AMOUNT_DECIMALS));
  });

  it('withdraws to the organization balance and refuses more than the card holds', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 20);
    const ok = await call('POST', `/cards/${id}/withdraw`, { amount: 5.5 });
    expect(ok.body).toEqual({ status: 'success', message: M.OK_WITHDRAWN });
    const tooMuch = await call('POST', `/cards/${id}/withdraw`, { amount: 14.51 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toEqual(errorBody('Insufficient funds on card balance'));
    expect(sandbox.state().cards[0]?.balance).toBe(14.5);
    expect(sandbox.state().organizationBalance.usd).toBe(100000 - 14.5);
  });

  it('keeps money movable on a frozen card but not on an expired or blocked one', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 20);
    await call('POST', `/cards/${id}/freeze`);
    expect((await call('POST', `/cards/${id}/topup`, { amount: 2 })).status).toBe(200);
    sandbox.cards.expire(id);
    const expired = await call('POST', `/cards/${id}/withdraw`, { amount: 2 });
    expect(expired.status).toBe(400);
    expect(expired.body).toEqual(errorBody('Card is not active'));
    const other = await issueStandalone(sandbox, call, 20);
    sandbox.cards.block(other);
    expect((await call('POST', `/cards/${other}/topup`, { amount: 2 })).body).toEqual(
      errorBody('Card is not active'),
    );
  });

  it('refuses top-up and withdraw on a budget card', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueBudget(sandbox, call);
    for (const op of ['topup', 'withdraw']) {
      const res = await call('POST', `/cards/${id}/${op}`, { amount: 5 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('Budget cards cannot be topped up directly'));
    }
  });

  it('refuses money movements on a deleted card', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    await call('DELETE', `/cards/${id}/delete`);
    const res = await call('POST', `/cards/${id}/topup`, { amount: 5 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('Card is deleted'));
  });
});

describe('sandbox budgets', () => {
  it('tops up a budget from the organization balance', async () => {
    const { sandbox, call } = localSandbox();
    const budgetId = sandbox.budgetIds[0] ?? '';
    const res = await call('POST', `/budgets/${budgetId}/topup`, { amount: 25.5 });
    expect(res.body).toEqual({ status: 'success', data: {} });
    expect(sandbox.state().budgets[0]?.balance).toBe(50025.5);
    expect(sandbox.state().organizationBalance.usd).toBe(100000 - 25.5);
  });

  it('refuses a budget top-up above the organization balance, bad amounts and unknown budgets', async () => {
    const { sandbox, call } = localSandbox({ organizationBalance: { usd: 1 } });
    const budgetId = sandbox.budgetIds[0] ?? '';
    const res = await call('POST', `/budgets/${budgetId}/topup`, { amount: 2 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('Insufficient funds on organization balance'));
    expect((await call('POST', `/budgets/${budgetId}/topup`, { amount: -2 })).body).toEqual(
      errorBody('amount must be a positive number'),
    );
    const missing = await call('POST', '/budgets/nope/topup', { amount: 2 });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorBody('Budget not found'));
  });

  it('debits the budget for budget-card spend and lists budget transactions', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueBudget(sandbox, call);
    const budgetId = sandbox.budgetIds[0] ?? '';
    const tx = sandbox.transactions.add(cardId, { amount: 12.34, merchant: 'Airline', mcc: '4511' });
    expect(sandbox.state().budgets[0]?.balance).toBe(50000 - 12.34);
    const res = await call('GET', `/budgets/${budgetId}/transactions`);
    expect(res.body.data).toEqual({
      page: 1,
      limit: 10,
      transactions: [
        {
          id: tx.id,
          card: { id: cardId, maskedCardNumber: expect.any(String), externalId: expect.any(String) },
          amount: 12.34,
          currency: 'USD',
          usdAmount: 12.34,
          merchant: 'Airline',
          mcc: '4511',
          status: 'completed',
          type: 'purchase',
          transactionDate: expect.any(String),
          transactionId: tx.transactionId,
          fee: 0,
        },
      ],
    });
  });

  it('answers the organization balance', async () => {
    const { call } = localSandbox({ organizationBalance: { usd: 12.5, eur: 3 } });
    expect((await call('GET', '/balance')).body).toEqual({ status: 'success', data: { usd: 12.5, eur: 3 } });
  });
});

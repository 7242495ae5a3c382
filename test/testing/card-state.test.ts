import { SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { errorBody, issueBudget, issueStandalone, localSandbox } from './support.js';

describe('sandbox freeze, unfreeze and delete', () => {
  it('freezes an active card and unfreezes a frozen one', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    expect((await call('POST', `/cards/${id}/freeze`)).body).toEqual({
      status: 'success',
      message: 'Card has been frozen',
    });
    expect((await call('GET', `/cards/${id}`)).body.data.status).toBe('frozen');
    expect((await call('POST', `/cards/${id}/unfreeze`)).body).toEqual({
      status: 'success',
      message: M.OK_UNFROZEN,
    });
    expect((await call('GET', `/cards/${id}`)).body.data.status).toBe('active');
  });

  it('refuses freeze when not active and unfreeze when not frozen (HTTP 200 error with quirks)', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const unfreeze = await call('POST', `/cards/${id}/unfreeze`);
    expect(unfreeze.status).toBe(200);
    expect(unfreeze.body).toEqual(errorBody('Card is not frozen'));
    sandbox.cards.block(id);
    const freeze = await call('POST', `/cards/${id}/freeze`);
    expect(freeze.status).toBe(200);
    expect(freeze.body).toEqual(errorBody('Card is not active'));
    expect((await call('POST', `/cards/${id}/unfreeze`)).body).toEqual(errorBody('Card is not frozen'));
  });

  it('refuses freeze with HTTP 400 when quirks are off', async () => {
    const { sandbox, call } = localSandbox({ quirks: false });
    const id = await issueStandalone(sandbox, call, 0);
    sandbox.cards.expire(id);
    const freeze = await call('POST', `/cards/${id}/freeze`);
    expect(freeze.status).toBe(400);
    expect(freeze.body).toEqual(errorBody('Card is not active'));
  });

  it('deletes a card only once its balance is zero', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 5);
    const refused = await call('DELETE', `/cards/${id}/delete`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(errorBody('Withdraw the card balance before deleting the card'));
    await call('POST', `/cards/${id}/withdraw`, { amount: 5 });
    expect((await call('DELETE', `/cards/${id}/delete`)).body).toEqual({
      status: 'success',
      message: M.OK_DELETED,
    });
    for (const op of ['freeze', 'unfreeze']) {
      const res = await call('POST', `/cards/${id}/${op}`);
      expect(res.body).toEqual(errorBody('Card is deleted'));
    }
    const again = await call('DELETE', `/cards/${id}/delete`);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(errorBody('Card is deleted'));
    expect((await call('GET', `/cards/${id}/sensetive`)).body).toEqual(errorBody('Card is deleted'));
  });

  it('drives budget cards through the same transitions under /budget-cards', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueBudget(sandbox, call);
    expect((await call('POST', `/budget-cards/${id}/freeze`)).body.message).toBe(M.OK_FROZEN);
    expect((await call('POST', `/budget-cards/${id}/freeze`)).body).toEqual(errorBody('Card is not active'));
    expect((await call('POST', `/budget-cards/${id}/unfreeze`)).body.message).toBe(M.OK_UNFROZEN);
    expect((await call('DELETE', `/budget-cards/${id}/delete`)).body.message).toBe(M.OK_DELETED);
    expect((await call('GET', `/budget-cards/${id}`)).body.status).toBe('deleted');
    const standalone = await issueStandalone(sandbox, call, 0);
    const wrongModel = await call('POST', `/budget-cards/${standalone}/freeze`);
    expect(wrongModel.status).toBe(404);
    expect(wrongModel.body).toEqual(errorBody('Card not found'));
  });
});

describe('sandbox PIN', () => {
  it('sets a PIN of 4 to 12 digits', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    for (const pin of ['2580', '739164', '193746285017']) {
      expect((await call('POST', `/cards/${id}/pin`, { pin })).body).toEqual({
        status: 'success',
        message: 'PIN has been set',
      });
    }
    expect(sandbox.state().cards[0]?.hasPin).toBe(true);
    expect(JSON.stringify(sandbox.state())).not.toContain('193746285017');
  });

  it('refuses bad PINs with the rule message (HTTP 200 error with quirks)', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const cases: [unknown, string][] = [
      ['123', 'PIN must be 4 to 12 digits'],
      ['1234567890123', 'PIN must be 4 to 12 digits'],
      ['12a4', 'PIN must be 4 to 12 digits'],
      ['1234', 'PIN must not be a simple sequence'],
      ['0123', 'PIN must not be a simple sequence'],
      ['0000', 'PIN must not consist of repeated digits'],
      ['999999', 'PIN must not consist of repeated digits'],
    ];
    for (const [pin, message] of cases) {
      const res = await call('POST', `/cards/${id}/pin`, { pin });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(errorBody(message));
    }
    // The API takes the PIN as a string: a number is a wrong type, refused before the PIN rules.
    const numeric = await call('POST', `/cards/${id}/pin`, { pin: 1357 });
    expect([numeric.status, numeric.body]).toEqual([400, errorBody('pin must be a string')]);
    // Descending and wrapping runs are not bfinance rules.
    expect((await call('POST', `/cards/${id}/pin`, { pin: '4321' })).body.status).toBe('success');
    expect((await call('POST', `/cards/${id}/pin`, { pin: '7890' })).body.status).toBe('success');
  });

  it('refuses a weak PIN with HTTP 400 when quirks are off, also on budget cards', async () => {
    const { sandbox, call } = localSandbox({ quirks: false });
    const id = await issueBudget(sandbox, call);
    const res = await call('POST', `/budget-cards/${id}/pin`, { pin: '1111' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('PIN must not consist of repeated digits'));
  });
});

describe('sandbox card settings', () => {
  it('updates email and phone and validates them', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    expect((await call('POST', `/cards/${id}/email`, { email: 'ada@example.com' })).body).toEqual({
      status: 'success',
      message: 'Email has been updated',
    });
    expect((await call('POST', `/cards/${id}/phone`, { phone: '+15551234567' })).body.message).toBe(
      M.OK_PHONE,
    );
    const details = (await call('GET', `/cards/${id}`)).body.data;
    expect(details).toMatchObject({ email: 'ada@example.com', phone: '+15551234567' });
    expect((await call('POST', `/cards/${id}/email`, { email: 'nope' })).body).toEqual(
      errorBody(M.EMAIL_INVALID),
    );
    expect((await call('POST', `/cards/${id}/phone`, { phone: 'call me' })).body).toEqual(
      errorBody(M.PHONE_INVALID),
    );
  });

  it('reads and sets spending limits, and refuses reading them on a frozen card', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 100);
    sandbox.transactions.add(id, { amount: 12 });
    const limits = await call('GET', `/cards/${id}/limits`);
    expect(limits.body.data.ecommerce).toEqual({
      daily: { limit: 50000, used: 12 },
      monthly: { limit: 400000, used: 12 },
      transaction: { limit: 25000 },
    });
    const set = await call('POST', `/cards/${id}/limits`, { type: 'pos-daily', limit: 5000 });
    expect(set.body).toEqual({ status: 'success', data: { type: 'pos-daily', limit: 5000 } });
    expect((await call('GET', `/cards/${id}/limits`)).body.data.pos.daily.limit).toBe(5000);
    expect((await call('POST', `/cards/${id}/limits`, { type: 'atm', limit: 1 })).body).toEqual(
      errorBody(M.LIMIT_TYPE_INVALID),
    );
    expect((await call('POST', `/cards/${id}/limits`, { type: 'pos-daily', limit: -1 })).body).toEqual(
      errorBody(M.LIMIT_INVALID),
    );
    await call('POST', `/cards/${id}/freeze`);
    const frozen = await call('GET', `/cards/${id}/limits`);
    expect(frozen.status).toBe(400);
    expect(frozen.body).toEqual(errorBody('Card is not active'));
  });

  it('sets velocity limits on budget cards only', async () => {
    const { sandbox, call } = localSandbox();
    const budgetCard = await issueBudget(sandbox, call);
    const ok = await call('POST', `/budget-cards/${budgetCard}/velocity`, { type: 'WEEK', amount: 500 });
    expect(ok.body).toEqual({ status: 'success', message: M.OK_VELOCITY });
    const badType = await call('POST', `/budget-cards/${budgetCard}/velocity`, { type: 'YEAR', amount: 500 });
    expect(badType.body).toEqual(errorBody(M.VELOCITY_TYPE_INVALID));
    const standalone = await issueStandalone(sandbox, call, 0);
    const refused = await call('POST', `/budget-cards/${standalone}/velocity`, { type: 'DAY', amount: 5 });
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual(errorBody('Card not found'));
  });
});

describe('sandbox physical cards', () => {
  const shippingData = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '5551234567',
    phoneCode: '+1',
    addressLine1: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    country: 'USA',
  };

  it('orders and activates with the code only the control reveals', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    expect(sandbox.cards.activationCode(id)).toBeUndefined();
    const notOrdered = await call('POST', `/physical-cards/${id}/activate`, {
      cardType: 'prepaid',
      code: '0000-0000',
    });
    expect(notOrdered.body).toEqual(errorBody(M.PHYSICAL_NOT_ORDERED));
    const order = await call('POST', `/physical-cards/${id}/order`, { cardType: 'prepaid', shippingData });
    expect(order.body).toEqual({ status: 'success', message: 'Physical card has been ordered' });
    const code = sandbox.cards.activationCode(id);
    expect(code).toMatch(/^\d{4}-\d{4}$/);
    expect(JSON.stringify(sandbox.state())).not.toContain(code);
    const again = await call('POST', `/physical-cards/${id}/order`, { cardType: 'prepaid', shippingData });
    expect(again.body).toEqual(errorBody(M.PHYSICAL_ALREADY_ORDERED));
    const wrong = await call('POST', `/physical-cards/${id}/activate`, { cardType: 'prepaid', code: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual(errorBody(M.ACTIVATION_CODE_INVALID));
    const ok = await call('POST', `/physical-cards/${id}/activate`, { cardType: 'prepaid', code });
    expect(ok.body).toEqual({ status: 'success', message: 'Physical card has been activated' });
    expect(sandbox.state().cards[0]?.physical).toBe('activated');
  });

  it('validates the order body', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const badType = await call('POST', `/physical-cards/${id}/order`, { cardType: 'metal', shippingData });
    expect(badType.body).toEqual(errorBody(M.PHYSICAL_CARD_TYPE_INVALID));
    const wrongModel = await call('POST', `/physical-cards/${id}/order`, {
      cardType: 'budget',
      shippingData,
    });
    expect(wrongModel.status).toBe(404);
    const { city: _city, ...incomplete } = shippingData;
    const missing = await call('POST', `/physical-cards/${id}/order`, {
      cardType: 'prepaid',
      shippingData: incomplete,
    });
    expect(missing.body).toEqual(errorBody(M.SHIPPING_DATA_INVALID));
  });
});

import { describe, expect, it } from 'vitest';
import { errorBody, issueBudget, issueStandalone, localSandbox } from './support.js';

describe('sandbox wire quirks (default on)', () => {
  it('spells the card-details block sensetive and sends the PAN as a JSON number', async () => {
    const { sandbox, call } = localSandbox();
    const issued = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 10,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const pan: string = issued.body.data.card.cardNumber;
    const res = await call('GET', `/cards/${issued.body.data.card.id}`);
    expect(res.body.data.sensitive).toBeUndefined();
    expect(res.body.data.sensetive).toEqual({
      number: Number(pan.replaceAll(' ', '')),
      expire: issued.body.data.card.cardExpire,
      cvc: issued.body.data.card.cardCVC,
    });
    expect(res.text).toMatch(/"number":4111\d{12}[,}]/);
  });

  it('serves the sensitive data at /sensetive only, with a spaced PAN', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const res = await call('GET', `/cards/${id}/sensetive`);
    expect(res.body).toEqual({
      status: 'success',
      data: {
        number: expect.stringMatching(/^4111 11\d\d \d{4} \d{4}$/),
        expire: expect.any(String),
        cvc: expect.any(String),
      },
    });
    const correct = await call('GET', `/cards/${id}/sensitive`);
    expect(correct.status).toBe(404);
  });

  it('answers budget-card details without the envelope and with the CVC masked', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueBudget(sandbox, call);
    const res = await call('GET', `/budget-cards/${id}`);
    expect(res.body).toEqual({
      id,
      maskedCardNumber: expect.any(String),
      currency: 'USD',
      status: 'active',
      externalCardId: expect.any(String),
      sensitive: { number: expect.stringMatching(/^4111 /), expire: expect.any(String), cvc: '***' },
    });
    const full = await call('GET', `/budget-cards/${id}/sensitive`);
    expect(full.body.data.cvc).toMatch(/^\d{3}$/);
  });

  it('answers state-transition refusals with HTTP 200 and status error', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const res = await call('POST', `/cards/${id}/unfreeze`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(errorBody('Card is not frozen'));
  });
});

describe('sandbox without quirks', () => {
  it('uses the sensitive key, a string PAN and the correctly spelled path', async () => {
    const { sandbox, call } = localSandbox({ quirks: false });
    const id = await issueStandalone(sandbox, call, 0);
    const details = await call('GET', `/cards/${id}`);
    expect(details.body.data.sensetive).toBeUndefined();
    expect(details.body.data.sensitive.number).toMatch(/^4111\d{12}$/);
    for (const path of ['sensitive', 'sensetive']) {
      const res = await call('GET', `/cards/${id}/${path}`);
      expect(res.body.data.number).toMatch(/^4111\d{12}$/);
    }
    const issued = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 1,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect(issued.body.data.card.cardNumber).toMatch(/^\d{16}$/);
  });

  it('wraps budget-card details in the envelope', async () => {
    const { sandbox, call } = localSandbox({ quirks: false });
    const id = await issueBudget(sandbox, call);
    const res = await call('GET', `/budget-cards/${id}`);
    expect(res.body).toMatchObject({ status: 'success', data: { id, sensitive: { cvc: '***' } } });
  });

  it('answers refusals with their real HTTP status', async () => {
    const { sandbox, call } = localSandbox({ quirks: false });
    const id = await issueStandalone(sandbox, call, 0);
    const res = await call('POST', `/cards/${id}/unfreeze`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody('Card is not frozen'));
  });
});

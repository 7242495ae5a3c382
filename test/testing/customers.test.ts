import { SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { createCustomer, errorBody, localSandbox } from './support.js';

describe('sandbox customers', () => {
  it('creates a pending customer and reads it back', async () => {
    const { call } = localSandbox();
    const created = await call('POST', '/customers', {
      type: 'individual',
      firstName: 'Alan',
      lastName: 'Turing',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: 'success',
      data: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        type: 'individual',
        status: 'pending',
        individualData: { firstName: 'Alan', lastName: 'Turing' },
        sumsub: { url: expect.any(String) },
      },
    });
    const read = await call('GET', `/customers/${created.body.data.id}`);
    expect(read.body.data).toMatchObject({ status: 'pending', featuresAccess: [] });
  });

  it('refuses an unknown customer type and an unknown id', async () => {
    const { call } = localSandbox();
    const bad = await call('POST', '/customers', { type: 'robot' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(errorBody(M.CUSTOMER_TYPE_INVALID));
    const missing = await call('GET', '/customers/000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorBody('Customer not found'));
  });

  it('deletes a customer', async () => {
    const { call } = localSandbox();
    const id = await createCustomer(call);
    const del = await call('DELETE', `/customers/${id}`);
    expect(del.body).toEqual({ status: 'success', message: M.OK_CUSTOMER_DELETED });
    expect((await call('GET', `/customers/${id}`)).status).toBe(404);
  });

  it('follows the verification states set by the controls', async () => {
    const { sandbox, call } = localSandbox();
    const id = await createCustomer(call);
    sandbox.customers.requestInformation(id);
    expect((await call('GET', `/customers/${id}`)).body.data.status).toBe('needs_information');
    sandbox.customers.reject(id, ['Document expired']);
    expect((await call('GET', `/customers/${id}`)).body.data).toMatchObject({
      status: 'rejected',
      rejectionReasons: ['Document expired'],
    });
    sandbox.customers.verify(id);
    expect((await call('GET', `/customers/${id}`)).body.data.status).toBe('active');
    expect(() => sandbox.customers.verify('nope')).toThrow('Customer not found');
  });

  it('refuses an access request before verification with 403', async () => {
    const { sandbox, call } = localSandbox();
    const id = await createCustomer(call);
    const body = { accessType: 'cards', cardType: sandbox.cardTypeIds.verified };
    const refused = await call('POST', `/customers/${id}/request`, body);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(errorBody('Customer is not verified'));
  });

  it('records an access request and lets the control grant or reject it', async () => {
    const { sandbox, call } = localSandbox();
    const id = await createCustomer(call);
    sandbox.customers.verify(id);
    const typeId = sandbox.cardTypeIds.verified;
    const requested = await call('POST', `/customers/${id}/request`, {
      accessType: 'cards',
      cardType: typeId,
    });
    expect(requested.body).toEqual({
      status: 'success',
      data: { accessType: 'cards', cardType: typeId, customerId: id, status: 'requested' },
    });
    sandbox.access.grant(id, 'cards');
    const granted = await call('GET', `/customers/${id}`);
    expect(granted.body.data.featuresAccess).toEqual([
      { id: expect.any(String), type: 'cards', cardType: typeId, status: 'granted', rejectionReasons: [] },
    ]);
    sandbox.access.reject(id, 'virtual-account', ['Not eligible']);
    const after = await call('GET', `/customers/${id}`);
    expect(after.body.data.featuresAccess[1]).toMatchObject({
      type: 'virtual-account',
      status: 'rejected',
      rejectionReasons: ['Not eligible'],
    });
  });

  it('validates access request bodies', async () => {
    const { sandbox, call } = localSandbox();
    const id = await createCustomer(call);
    sandbox.customers.verify(id);
    const noType = await call('POST', `/customers/${id}/request`, { accessType: 'loans' });
    expect(noType.body).toEqual(errorBody(M.ACCESS_TYPE_INVALID));
    const noCardType = await call('POST', `/customers/${id}/request`, { accessType: 'cards' });
    expect(noCardType.body).toEqual(errorBody(M.CARD_TYPE_REQUIRED));
    const inactive = await call('POST', `/customers/${id}/request`, {
      accessType: 'cards',
      cardType: sandbox.cardTypeIds.inactive,
    });
    expect(inactive.body).toEqual(errorBody('Card type not found or inactive'));
    const va = await call('POST', `/customers/${id}/request`, { accessType: 'virtual-account' });
    expect(va.body.data).toEqual({ accessType: 'virtual-account', customerId: id, status: 'requested' });
  });

  it('lists, reads and submits questionnaires', async () => {
    const { call } = localSandbox();
    const id = await createCustomer(call);
    const list = await call('GET', `/customers/${id}/questionnaires`);
    expect(list.body.data.questionnaires).toHaveLength(2);
    const qid = list.body.data.questionnaires[0].id;
    const one = await call('GET', `/customers/${id}/questionnaires/${qid}`);
    // The documented shape: data.questionnaire with its question list [SDK-JS].
    expect(one.body.data.questionnaire).toMatchObject({ id: qid, completed: false, completedAt: null });
    expect(one.body.data.questionnaire.questionnaire[0]).toMatchObject({
      id: 'occupation',
      question: expect.any(String),
    });
    const empty = await call('POST', `/customers/${id}/questionnaires/${qid}/submit`, {});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(errorBody(M.ANSWERS_REQUIRED));
    const keyed = await call('POST', `/customers/${id}/questionnaires/${qid}/submit`, {
      answers: { occupation: 'Engineer' },
    });
    expect(keyed.status).toBe(400);
    const done = await call('POST', `/customers/${id}/questionnaires/${qid}/submit`, {
      answers: [
        { id: 'occupation', answer: 'Engineer' },
        { id: 'sourceOfFunds', answer: 'salary' },
      ],
    });
    expect(done.body).toEqual({ status: 'success', data: { id: qid, completed: true } });
    const missing = await call('GET', `/customers/${id}/questionnaires/nope`);
    expect(missing.status).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { NotFoundError, ResponseValidationError, ValidationError } from '../../src/core/errors.js';
import type { CreateDisputeParams } from '../../src/resources/disputes-resource.js';
import { DisputeStateError } from '../../src/resources/domain-errors.js';
import {
  failure,
  forbidRequests,
  onRequest,
  success,
  testClient,
  UUID,
  validationCause,
} from '../helpers/wire.js';

const ODD_ID = 'dsp/1 a';
const ODD_ID_WIRE = 'dsp%2F1%20a';
const EVIDENCE = 'Charged 49.90 EUR twice on 2025-03-02; the merchant confirmed one order only.';

// The create response as the docs page for POST /disputes shows it.
const created = {
  id: '65f1c2a0e1234567890ad001',
  status: 'pending',
  textEvidence: EVIDENCE,
  files: ['https://files.example.com/receipt.pdf'],
  createdAt: '2025-03-04T09:00:00.000Z',
};

describe('disputes.create', () => {
  it('posts the dispute with a generated key and parses the documented answer', async () => {
    const seen = onRequest('post', '/disputes', success(created));
    const params = {
      cardId: 'c/1',
      transactionId: 'ntx1',
      textEvidence: EVIDENCE,
      files: ['https://files.example.com/receipt.pdf'],
    };
    await expect(testClient().disputes.create(params)).resolves.toEqual(created);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe('/disputes');
    expect(seen[0]?.body).toEqual(params);
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it("sends a card object's id, leaves files out when none, and honours the caller's key", async () => {
    const seen = onRequest('post', '/disputes', success({ ...created, files: [] }));
    const budgetCard = { id: 'bc1', model: 'budget' as const, maskedCardNumber: '**** **** **** 1234' };
    await testClient().disputes.create(
      { cardId: budgetCard, transactionId: 'ntx1', textEvidence: EVIDENCE },
      { idempotencyKey: 'dispute-1' },
    );
    expect(seen[0]?.body).toEqual({ cardId: 'bc1', transactionId: 'ntx1', textEvidence: EVIDENCE });
    expect(seen[0]?.headers['idempotency-key']).toBe('dispute-1');
  });

  it('reads an answer without files as no files', async () => {
    const { files: _files, ...rest } = created;
    onRequest('post', '/disputes', success(rest));
    const dispute = await testClient().disputes.create({
      cardId: 'c1',
      transactionId: 't1',
      textEvidence: EVIDENCE,
    });
    expect(dispute).toEqual({ ...rest, files: [] });
  });

  it('reports a confirmed answer without id as applied, naming the field (createdAt is optional)', async () => {
    const { id: _id, ...rest } = created;
    onRequest('post', '/disputes', success(rest));
    const error = await failure(
      testClient().disputes.create({ cardId: 'c1', transactionId: 't1', textEvidence: EVIDENCE }),
    );
    expect(validationCause(error).issues).toContainEqual({ path: 'id', code: 'invalid_type' });
  });

  it('maps a 404 to NotFoundError with the errorId', async () => {
    onRequest('post', '/disputes', { status: 'error', message: 'Transaction not found', errorId: 'e3' }, 404);
    const error = await failure(
      testClient().disputes.create({ cardId: 'c1', transactionId: 't1', textEvidence: EVIDENCE }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, errorId: 'e3', operation: 'disputes.create' });
  });

  it('accepts textEvidence of exactly 10 and exactly 65,535 characters', async () => {
    const seen = onRequest('post', '/disputes', success(created));
    const client = testClient();
    // The bounds never refuse what bfinance may count differently: 5 emoji are 10 UTF-16 units,
    // 65,535 emoji are 65,535 code points.
    for (const text of ['x'.repeat(10), 'x'.repeat(65_535), '😀'.repeat(5), '😀'.repeat(65_535)]) {
      await client.disputes.create({ cardId: 'c1', transactionId: 't1', textEvidence: text });
    }
    expect(seen.map((r) => (r.body as { textEvidence: string }).textEvidence.length)).toEqual([
      10, 65_535, 10, 131_070,
    ]);
  });

  it.each([
    [{ textEvidence: 'x'.repeat(9) }, 'textEvidence', 'length'],
    [{ textEvidence: 'x'.repeat(65_536) }, 'textEvidence', 'length'],
    [{ textEvidence: undefined }, 'textEvidence', 'length'],
    [{ transactionId: '' }, 'transactionId', 'required'],
    [{ transactionId: undefined }, 'transactionId', 'required'],
    [{ cardId: { id: 'c1' } }, 'cardId', 'card_ref'],
    [{ cardId: undefined }, 'cardId', 'card_ref'],
    [{ files: 'https://files.example.com/a.pdf' }, 'files', 'type'],
    [{ files: [42] }, 'files', 'type'],
  ])('refuses %j before sending', async (change, field, rule) => {
    const seen = forbidRequests();
    const params = { cardId: 'c1', transactionId: 't1', textEvidence: EVIDENCE, ...change };
    const error = await failure(testClient().disputes.create(params as unknown as CreateDisputeParams));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule });
    expect((error as ValidationError).message).not.toContain('xxxxxxxxxx');
    expect(seen).toHaveLength(0);
  });
});

describe('disputes.status', () => {
  it('gets the encoded id without a key and parses the answer', async () => {
    const data = { id: ODD_ID, status: 'accepted', response: 'Refund issued to the card' };
    const seen = onRequest('get', '/disputes/:id/status', success({ ...data, reviewer: 'internal' }));
    await expect(testClient().disputes.status(ODD_ID)).resolves.toEqual(data);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.path).toBe(`/disputes/${ODD_ID_WIRE}/status`);
    expect(seen[0]?.body).toBeUndefined();
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('keeps a status the SDK does not know and a null response', async () => {
    onRequest('get', '/disputes/:id/status', success({ id: 'd1', status: 'arbitration', response: null }));
    await expect(testClient().disputes.status('d1')).resolves.toEqual({
      id: 'd1',
      status: 'arbitration',
      response: null,
    });
  });

  it('names a missing status', async () => {
    onRequest('get', '/disputes/:id/status', success({ id: 'd1' }));
    const error = await failure(testClient().disputes.status('d1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'status',
      code: 'invalid_type',
    });
  });

  it('maps a 404 to NotFoundError', async () => {
    onRequest('get', '/disputes/:id/status', { status: 'error', message: 'Dispute not found' }, 404);
    await expect(testClient().disputes.status('d1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an empty id before sending', async () => {
    const seen = forbidRequests();
    await expect(testClient().disputes.status(' ')).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('disputes.cancel', () => {
  it('posts to the encoded id with no body and no key, and parses the answer', async () => {
    const seen = onRequest('post', '/disputes/:id/cancel', success({ id: ODD_ID, status: 'cancelled' }));
    await expect(testClient().disputes.cancel(ODD_ID)).resolves.toEqual({ id: ODD_ID, status: 'cancelled' });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe(`/disputes/${ODD_ID_WIRE}/cancel`);
    expect(seen[0]?.body).toBeUndefined();
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('names a missing id', async () => {
    onRequest('post', '/disputes/:id/cancel', success({ status: 'cancelled' }));
    const error = await failure(testClient().disputes.cancel('d1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: 'id', code: 'invalid_type' });
  });

  it('maps "Dispute is not pending" inside HTTP 200 to DisputeStateError', async () => {
    onRequest('post', '/disputes/:id/cancel', {
      status: 'error',
      message: 'Dispute is not pending',
      errorId: 'e7',
    });
    const error = await failure(testClient().disputes.cancel('d1'));
    expect(error).toBeInstanceOf(DisputeStateError);
    expect(error).toMatchObject({ status: 200, errorId: 'e7', operation: 'disputes.cancel' });
    expect((error as DisputeStateError).hint).toContain('client.disputes.status()');
  });
});

describe('disputes.create with a transaction object', () => {
  const cardTx = { id: 'tx-card-1', amount: 19.99, currency: 'EUR', transactionId: null };
  const budgetTx = {
    id: 'tx-budget-1',
    card: { id: 'bc1' },
    amount: 5,
    currency: 'USD',
    usdAmount: 5,
    status: 'completed',
    type: 'purchase',
    transactionDate: '2025-03-02T10:15:00.000Z',
    transactionId: 'network-ref-9',
    fee: 0,
  };

  it.each([
    ['a card transaction (transactionId null)', cardTx, 'tx-card-1'],
    ['a budget transaction (with a second reference)', budgetTx, 'tx-budget-1'],
    ['a row of your own with an id', { id: 'own-7', note: 'anything' }, 'own-7'],
  ])('sends the id of %s as transactionId', async (_what, tx, id) => {
    const seen = onRequest('post', '/disputes', success(created));
    await testClient().disputes.create({ cardId: 'c1', transactionId: tx, textEvidence: EVIDENCE });
    expect(seen[0]?.body).toEqual({ cardId: 'c1', transactionId: id, textEvidence: EVIDENCE });
  });

  it('refuses an object without an id, an empty card id and an unknown field, before sending', async () => {
    const seen = forbidRequests();
    const client = testClient();
    const base = { cardId: 'c1', transactionId: 'tx1', textEvidence: EVIDENCE };
    const noId = await failure(
      client.disputes.create({ ...base, transactionId: { transactionId: 'x' } as never }),
    );
    expect(noId).toMatchObject({ field: 'transactionId', rule: 'required' });
    expect(await failure(client.disputes.create({ ...base, cardId: '' }))).toMatchObject({ field: 'cardId' });
    const typo = await failure(client.disputes.create({ ...base, text_evidence: 'x' } as never));
    expect(typo).toMatchObject({ field: 'text_evidence', rule: 'unknown_field' });
    expect(seen).toHaveLength(0);
  });

  it('reads a dispute object for status and cancel', async () => {
    const seen = onRequest('get', '/disputes/d1/status', success({ id: 'd1', status: 'pending' }));
    await testClient().disputes.status({ id: 'd1' });
    expect(seen[0]?.path).toBe('/disputes/d1/status');
  });
});

import { SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { errorBody, issueBudget, issueStandalone, localSandbox } from './support.js';

const EVIDENCE = 'I was charged twice for the same order on 3 May.';

describe('sandbox disputes', () => {
  it('files a pending dispute on a transaction of the card and reads its status', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueStandalone(sandbox, call, 50);
    const tx = sandbox.transactions.add(cardId, { amount: 20 });
    const res = await call('POST', '/disputes', {
      cardId,
      transactionId: tx.transactionId,
      textEvidence: EVIDENCE,
      files: ['https://example.com/receipt.png'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'success',
      data: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        status: 'pending',
        textEvidence: EVIDENCE,
        files: ['https://example.com/receipt.png'],
        createdAt: expect.any(String),
      },
    });
    const status = await call('GET', `/disputes/${res.body.data.id}/status`);
    expect(status.body).toEqual({ status: 'success', data: { id: res.body.data.id, status: 'pending' } });
  });

  it('refuses evidence outside 10 to 65535 characters', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueStandalone(sandbox, call, 50);
    const tx = sandbox.transactions.add(cardId, { amount: 20 });
    for (const textEvidence of ['too short', 'x'.repeat(65536), undefined]) {
      const res = await call('POST', '/disputes', { cardId, transactionId: tx.id, textEvidence });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('textEvidence must be between 10 and 65535 characters'));
    }
    const edge = await call('POST', '/disputes', {
      cardId,
      transactionId: tx.id,
      textEvidence: 'x'.repeat(10),
    });
    expect(edge.status).toBe(200);
  });

  it('refuses a transaction of another card, an unknown card and bad files', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueStandalone(sandbox, call, 50);
    const other = await issueBudget(sandbox, call);
    const tx = sandbox.transactions.add(other, { amount: 20 });
    const wrongCard = await call('POST', '/disputes', {
      cardId,
      transactionId: tx.id,
      textEvidence: EVIDENCE,
    });
    expect(wrongCard.status).toBe(404);
    expect(wrongCard.body).toEqual(errorBody('Transaction not found for this card'));
    const noCard = await call('POST', '/disputes', {
      cardId: 'nope',
      transactionId: tx.id,
      textEvidence: EVIDENCE,
    });
    expect(noCard.body).toEqual(errorBody('Card not found'));
    const files = await call('POST', '/disputes', {
      cardId: other,
      transactionId: tx.id,
      textEvidence: EVIDENCE,
      files: [1],
    });
    expect(files.body).toEqual(errorBody(M.FILES_INVALID));
    const ok = await call('POST', '/disputes', {
      cardId: other,
      transactionId: tx.id,
      textEvidence: EVIDENCE,
    });
    expect(ok.status).toBe(200);
    const dup = await call('POST', '/disputes', {
      cardId: other,
      transactionId: tx.id,
      textEvidence: EVIDENCE,
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual(errorBody(M.DISPUTE_EXISTS));
  });

  it('cancels a pending dispute only', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueStandalone(sandbox, call, 50);
    const tx = sandbox.transactions.add(cardId, { amount: 20 });
    const id = (await call('POST', '/disputes', { cardId, transactionId: tx.id, textEvidence: EVIDENCE }))
      .body.data.id;
    const cancel = await call('POST', `/disputes/${id}/cancel`);
    expect(cancel.body).toEqual({ status: 'success', data: { id, status: 'cancelled' } });
    const again = await call('POST', `/disputes/${id}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(errorBody('Dispute is not pending'));
    const missing = await call('GET', '/disputes/nope/status');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorBody('Dispute not found'));
  });

  it('lets the control resolve a dispute; accepted refunds the amount', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueStandalone(sandbox, call, 50);
    const tx = sandbox.transactions.add(cardId, { amount: 20 });
    const id = (await call('POST', '/disputes', { cardId, transactionId: tx.id, textEvidence: EVIDENCE }))
      .body.data.id;
    sandbox.disputes.resolve(id, 'accepted', 'Merchant refunded');
    const status = await call('GET', `/disputes/${id}/status`);
    expect(status.body.data).toEqual({ id, status: 'accepted', response: 'Merchant refunded' });
    expect(sandbox.state().cards[0]?.balance).toBe(50);
    expect(sandbox.state().ledger.at(-1)).toMatchObject({ kind: 'refund', amount: 20 });
    const cancel = await call('POST', `/disputes/${id}/cancel`);
    expect(cancel.body).toEqual(errorBody('Dispute is not pending'));
    expect(() => sandbox.disputes.resolve(id, 'rejected')).toThrow('Dispute is not pending');
  });
});

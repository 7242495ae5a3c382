import { describe, expect, it } from 'vitest';
import { errorBody, issueStandalone, localSandbox } from './support.js';

describe('sandbox Idempotency-Key', () => {
  it('replays the first answer for the same key and body without applying again', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const key = { 'idempotency-key': 'topup-1' };
    const first = await call('POST', `/cards/${id}/topup`, { amount: 10, note: 'a' }, key);
    // Same body with other key order and spacing is the same request.
    const second = await call('POST', `/cards/${id}/topup`, '{ "note": "a", "amount": 10 }', key);
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(sandbox.state().cards[0]?.balance).toBe(10);
    const applied = sandbox.state().ledger.filter((e) => e.idempotencyKey === 'topup-1');
    expect(applied).toHaveLength(1);
  });

  it('does not de-duplicate issuance, for which bfinance documents no de-duplication', async () => {
    const { sandbox, call } = localSandbox();
    const body = {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 5,
      firstName: 'Ada',
      lastName: 'Lovelace',
    };
    const key = { 'Idempotency-Key': 'issue-1' };
    const first = await call('POST', '/cards/issue', body, key);
    const second = await call('POST', '/cards/issue', body, key);
    expect(second.body).not.toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(sandbox.state().cards).toHaveLength(2);
  });

  it('stores no key for a refused request: the same key applies once the refusal is mended', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const key = { 'idempotency-key': 'withdraw-1' };
    const first = await call('POST', `/cards/${id}/withdraw`, { amount: 5 }, key);
    await call('POST', `/cards/${id}/topup`, { amount: 10 });
    const second = await call('POST', `/cards/${id}/withdraw`, { amount: 5 }, key);
    expect(first.status).toBe(400);
    expect(second.status).toBe(200);
    const third = await call('POST', `/cards/${id}/withdraw`, { amount: 5 }, key);
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(sandbox.state().cards[0]?.balance).toBe(5);
  });

  it('answers 409 when the key is reused with a different body', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const key = { 'idempotency-key': 'topup-2' };
    await call('POST', `/cards/${id}/topup`, { amount: 10 }, key);
    const res = await call('POST', `/cards/${id}/topup`, { amount: 11 }, key);
    expect(res.status).toBe(409);
    expect(res.body).toEqual(errorBody('Idempotency-Key was reused with a different request'));
    const otherPath = await call('POST', `/cards/${id}/withdraw`, { amount: 10 }, key);
    expect(otherPath.status).toBe(409);
    expect(sandbox.state().cards[0]?.balance).toBe(10);
  });

  it('ignores the key for a request hit by the ignore-idempotency-key fault', async () => {
    const { sandbox, call } = localSandbox();
    const id = await issueStandalone(sandbox, call, 0);
    const key = { 'idempotency-key': 'topup-4' };
    await call('POST', `/cards/${id}/topup`, { amount: 10 }, key);
    sandbox.faults.next('ignore-idempotency-key');
    const ignored = await call('POST', `/cards/${id}/topup`, { amount: 10 }, key);
    expect(ignored.headers.get('idempotent-replayed')).toBeNull();
    const replayed = await call('POST', `/cards/${id}/topup`, { amount: 10 }, key);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(sandbox.state().cards[0]?.balance).toBe(20);
  });

  it('applies every request when honorIdempotencyKey is off, and still tags the ledger', async () => {
    const { sandbox, call } = localSandbox({ honorIdempotencyKey: false });
    const id = await issueStandalone(sandbox, call, 0);
    const key = { 'idempotency-key': 'topup-3' };
    await call('POST', `/cards/${id}/topup`, { amount: 10 }, key);
    const second = await call('POST', `/cards/${id}/topup`, { amount: 10 }, key);
    expect(second.status).toBe(200);
    expect(sandbox.state().cards[0]?.balance).toBe(20);
    expect(sandbox.state().ledger.filter((e) => e.idempotencyKey === 'topup-3')).toHaveLength(2);
  });
});
